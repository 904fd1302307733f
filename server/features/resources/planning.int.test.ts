import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Store } from '../../store/database';
import { createCapacityFixture } from '../../test/capacity-factory';
import { testEngines } from '../../test/engines';
import {
  type ApiClient,
  apiClient,
  createTestOrganisation,
  createTestUser,
  tokenFor,
} from '../../test/factories';

const engines = await testEngines();
const APRIL = { from: '2026-04-01', to: '2026-04-30' };
const WINDOW = `from=${APRIL.from}&to=${APRIL.to}`;

describe.each(engines)('effort estimates, applying suggestions and budget roll-up on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  let organisationId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store });
    const fixture = await createCapacityFixture(app, store, {
      organisationName: 'Planning',
      keys: ['PLA', 'PLB'],
      hard: 1,
      soft: 0.25,
      startDate: APRIL.from,
      endDate: APRIL.to,
    });
    ({ api, organisationId } = fixture);
    Object.assign(ids, fixture.ids);
    ids.portfolio = ids.portfolioP as string;
    ids.p2 = await fixture.create('/api/v1/projects', {
      portfolioId: ids.portfolio,
      key: 'PLC',
      name: 'Project PLC',
      approach: 'predictive',
    });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const suggestionFor = async (demandId: string) => {
    const res = await api.get(`/api/v1/capacity/suggestions?${WINDOW}`);
    expect(res.status).toBe(200);
    return res.body.suggestions.find((s: { demandId: string }) => s.demandId === demandId);
  };

  it('books a suggested person to an open request in one audited call, and refuses it when stale', async () => {
    const s = await suggestionFor(ids.request as string);
    const [allocation] = s.allocations;
    expect(allocation.personId).toBe(ids.bob);
    const body = {
      kind: 'request',
      demandId: ids.request,
      personId: ids.bob,
      hours: allocation.hours,
      ...APRIL,
    };
    const missing = await api.post('/api/v1/capacity/suggestions/apply', body);
    expect(missing.status).toBe(428);
    const old = await api.post('/api/v1/capacity/suggestions/apply', body, {
      'if-match': `"${s.version + 1}"`,
    });
    expect(old.status).toBe(412);
    const res = await api.post('/api/v1/capacity/suggestions/apply', body, { 'if-match': `"${s.version}"` });
    expect(res.status).toBe(201);
    expect(res.body.action).toBe('booked');
    expect(res.body.assignment).toMatchObject({
      personId: ids.bob,
      projectId: ids.p,
      requestId: ids.request,
      booking: 'soft',
      unit: 'hours',
    });
    // 0.5 FTE of 8 h on April 2026's 22 weekdays.
    expect(res.body.assignment.amount).toBeCloseTo(88, 6);
    const audit = await api.get(`/api/v1/resource-assignments/${res.body.assignment.id}/audit`);
    expect(audit.status).toBe(200);
    expect(audit.body.items[0].action).toBe('create');
    // The request is covered now: applying the same suggestion again is a conflict.
    const again = await api.post('/api/v1/capacity/suggestions/apply', body, {
      'if-match': `"${s.version}"`,
    });
    expect(again.status).toBe(409);
    expect((await suggestionFor(ids.request as string))?.unmetHours ?? 0).toBeCloseTo(0, 6);
  });

  it('moves an over-allocating soft booking to the suggested person, guarded by its version', async () => {
    const s = await suggestionFor(ids.soft as string);
    expect(s.kind).toBe('soft');
    const personId = s.allocations[0].personId;
    const body = { kind: 'soft', demandId: ids.soft, personId, hours: s.totalHours, ...APRIL };
    const res = await api.post('/api/v1/capacity/suggestions/apply', body, { 'if-match': `"${s.version}"` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ action: 'moved', assignment: { id: ids.soft, personId } });
    const stale = await api.post('/api/v1/capacity/suggestions/apply', body, {
      'if-match': `"${s.version}"`,
    });
    expect(stale.status).toBe(412);
  });

  it('splits a soft booking when the suggestion moves only part of it', async () => {
    const id = (
      await api.post('/api/v1/resource-assignments', {
        personId: ids.ann,
        projectId: ids.q,
        startDate: '2026-06-01',
        endDate: '2026-06-30',
        amount: 0.5,
        booking: 'soft',
      })
    ).body.id;
    const window = { from: '2026-06-01', to: '2026-06-30' };
    // 0.5 × 8 h on June 2026's 22 weekdays = 88 h; a quarter of it (22 h) goes to Bob.
    const body = { kind: 'soft', demandId: id, personId: ids.bob, hours: 22, ...window };
    const same = await api.post(
      '/api/v1/capacity/suggestions/apply',
      { ...body, personId: ids.ann },
      { 'if-match': '"1"' },
    );
    expect(same.status).toBe(400);
    expect(same.body.errors[0].field).toBe('personId');
    const res = await api.post('/api/v1/capacity/suggestions/apply', body, { 'if-match': '"1"' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      action: 'split',
      assignment: { personId: ids.bob, amount: 22, unit: 'hours' },
    });
    const original = await api.get(`/api/v1/resource-assignments/${id}`);
    expect(original.body).toMatchObject({ personId: ids.ann, amount: 0.375, version: 2 });
  });

  it('refuses bad input by field, a person without the skill, and read-only callers', async () => {
    const base = { kind: 'request', demandId: ids.request, personId: ids.cy, hours: 1, ...APRIL };
    const cases: [Record<string, unknown>, string, number][] = [
      [{ ...base, hours: -1 }, 'hours', 400],
      [{ ...base, kind: 'magic' }, 'kind', 400],
      [{ ...base, from: '2026-02-30' }, 'from', 400],
      [{ ...base, to: '2026-03-01' }, 'to', 400],
    ];
    for (const [body, field, status] of cases) {
      const res = await api.post('/api/v1/capacity/suggestions/apply', body, { 'if-match': '"1"' });
      expect([field, res.status]).toEqual([field, status]);
      expect(JSON.stringify(res.body.errors)).toContain(field);
    }
    const version = (await api.get(`/api/v1/resource-requests/${ids.request}`)).body.version;
    const unskilled = await api.post(
      '/api/v1/capacity/suggestions/apply',
      { ...base, hours: 0.1 },
      { 'if-match': `"${version}"` },
    );
    expect(unskilled.status).toBe(400);
    expect(unskilled.body.errors[0].field).toBe('personId');
    const user = await createTestUser(store, organisationId, {
      grants: [{ role: 'stakeholder', scopeType: 'portfolio', scopeId: ids.portfolio as string }],
    });
    const viewer = apiClient(app, await tokenFor(store, organisationId, user.userId));
    const denied = await viewer.post('/api/v1/capacity/suggestions/apply', base, { 'if-match': '"1"' });
    expect(denied.status).toBe(403);
    const outsider = apiClient(app, (await createTestOrganisation(store, 'Else')).token);
    const foreign = await outsider.post('/api/v1/capacity/suggestions/apply', base, { 'if-match': '"1"' });
    expect(foreign.status).toBe(404);
  });

  it('counts schedule task assignments of people as soft demand, never offered to move', async () => {
    const project = await api.post('/api/v1/projects', {
      portfolioId: ids.portfolio,
      key: 'PLS',
      name: 'Project PLS',
      approach: 'predictive',
      startDate: '2026-05-04',
    });
    expect(project.status).toBe(201);
    const resource = await api.post('/api/v1/schedule-resources', {
      projectId: project.body.id,
      name: 'Cy',
      capacity: 1,
      personId: ids.cy,
    });
    expect(resource.status).toBe(201);
    const task = await api.post('/api/v1/schedule-tasks', {
      projectId: project.body.id,
      name: 'Build',
      duration: 5,
      assignments: [{ resourceId: resource.body.id, units: 2 }],
    });
    expect(task.status).toBe(201);
    const heat = await api.get(
      '/api/v1/capacity/heatmap?by=person&period=week&from=2026-05-04&to=2026-05-10',
    );
    const cy = heat.body.rows.find((r: { key: string }) => r.key === ids.cy);
    // Five working days of 8 h at 2 units, Monday 4 to Friday 8 May 2026: twice Cy's capacity.
    expect(cy.cells[0]).toMatchObject({ soft: 80, hard: 0, status: 'over' });
    expect(cy.cells[0].causes).toEqual([
      { projectId: project.body.id, projectKey: 'PLS', projectName: 'Project PLS', hours: 80 },
    ]);
    const suggestions = await api.get('/api/v1/capacity/suggestions?from=2026-05-04&to=2026-05-10');
    expect(
      suggestions.body.suggestions.filter((x: { demandId: string }) => x.demandId.startsWith('schedule:')),
    ).toEqual([]);
  });

  it('estimates effort from finished work with booked time, as a spread with its sample size', async () => {
    const ratios = [0.8, 0.9, 1, 1, 1.1, 1.2, 1.25, 1.5, 2, 3];
    for (const [i, r] of ratios.entries()) {
      const item = await api.post('/api/v1/work-items', {
        projectId: ids.p,
        type: 'task',
        title: `Task ${i}`,
        estimate: 4,
        estimateUnit: 'hours',
      });
      expect(item.status).toBe(201);
      await store.db
        .updateTable('work_items')
        .set({ status_category: 'done' })
        .where('id', '=', item.body.id)
        .execute();
      const time = await api.post('/api/v1/time-entries', {
        personId: ids.ann,
        projectId: ids.p,
        workItemId: item.body.id,
        workedOn: '2026-03-02',
        hours: 4 * r,
      });
      expect([time.status, time.body]).toEqual([201, expect.anything()]);
    }
    const res = await api.get('/api/v1/estimates/effort?type=task&estimate=20');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ basis: 'type-and-team', sampleSize: 10, historySize: 10 });
    // Type-7 quantiles of the ratios: 0.89, 1.15, 2.1 (see core/estimation).
    expect(res.body.effort.p10).toBeCloseTo(17.8, 6);
    expect(res.body.effort.p50).toBeCloseTo(23, 6);
    expect(res.body.effort.p90).toBeCloseTo(42, 6);
    expect(res.body.groups).toHaveLength(1);
    for (const [url, field] of [
      ['/api/v1/estimates/effort?type=task&estimate=0', 'estimate'],
      ['/api/v1/estimates/effort?type=rocket&estimate=3', 'type'],
      ['/api/v1/estimates/effort?type=task&estimate=3&unit=days', 'unit'],
    ]) {
      const bad = await api.get(url as string);
      expect([url, bad.status]).toEqual([url, 400]);
      expect(JSON.stringify(bad.body.errors)).toContain(field);
    }
    const outsider = apiClient(app, (await createTestOrganisation(store, 'Far')).token);
    const foreign = await outsider.get('/api/v1/estimates/effort?type=task&estimate=20');
    expect(foreign.body).toMatchObject({ basis: 'none', sampleSize: 0, effort: null });
  });

  it('rolls project budgets and actuals up to the portfolio by quarter, for those who may read it', async () => {
    const line = (period: string, amount: number) => ({
      period,
      category: 'opex',
      costType: 'labour',
      amount,
    });
    for (const [projectId, amount] of [
      [ids.p, 1000],
      [ids.p2, 500],
    ] as const) {
      const b = await api.post('/api/v1/budgets', {
        projectId,
        name: `Budget ${amount}`,
        budgetVersion: 'current',
        lines: [line('2026-01', amount), line('2026-04', amount)],
      });
      expect(b.status).toBe(201);
      expect(
        (await api.post('/api/v1/cost-entries', { projectId, incurredOn: '2026-02-10', amount: amount / 2 }))
          .status,
      ).toBe(201);
    }
    const res = await api.get(`/api/v1/portfolios/${ids.portfolio}/budget-rollup`);
    expect(res.status).toBe(200);
    expect(res.body.period).toBe('quarter');
    const q1 = res.body.periods.find((p: { period: string }) => p.period === '2026-Q1');
    expect(q1.budget.current.total).toBe(1500);
    // Actual: the cost entries; Ann's booked time has no rate, so it is counted as uncosted hours.
    expect(q1.actual.total).toBe(750);
    expect(res.body.totals.budget.current.total).toBe(3000);
    expect(res.body.projects.map((p: { projectKey: string }) => p.projectKey)).toEqual(['PLA', 'PLC', 'PLS']);
    const monthly = await api.get(`/api/v1/portfolios/${ids.portfolio}/budget-rollup?period=month`);
    expect(monthly.body.periods.map((p: { period: string }) => p.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-04',
    ]);
    const bad = await api.get(`/api/v1/portfolios/${ids.portfolio}/budget-rollup?period=decade`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('period');
    const outsider = apiClient(app, (await createTestOrganisation(store, 'Away')).token);
    expect((await outsider.get(`/api/v1/portfolios/${ids.portfolio}/budget-rollup`)).status).toBe(404);
  });
  it('shows the budget the portfolio holds itself beside its projects, with what is left unallocated', async () => {
    const envelope = await api.post('/api/v1/budgets', {
      portfolioId: ids.portfolio,
      name: 'Portfolio envelope',
      budgetVersion: 'current',
      status: 'approved',
      lines: [
        { period: '2026-02', category: 'opex', costType: 'non_labour', amount: 2000 },
        { period: '2026-07', category: 'capex', costType: 'non_labour', amount: 1500 },
      ],
    });
    expect(envelope.status).toBe(201);
    expect(envelope.body.projectId).toBeNull();
    const original = await api.post('/api/v1/budgets', {
      portfolioId: ids.portfolio,
      name: 'Envelope as first approved',
      budgetVersion: 'original',
      lines: [{ period: '2026-02', category: 'opex', costType: 'non_labour', amount: 4000 }],
    });
    expect(original.status).toBe(201);
    const res = await api.get(`/api/v1/portfolios/${ids.portfolio}/budget-rollup`);
    const period = (key: string) => res.body.periods.find((p: { period: string }) => p.period === key);
    // Q1: the projects' 1,500 (January) against the portfolio's 2,000 (February).
    expect(period('2026-Q1').budget.current.total).toBe(1500);
    expect(period('2026-Q1').portfolioBudget.current).toMatchObject({
      total: 2000,
      nonLabour: 2000,
      opex: 2000,
    });
    expect(period('2026-Q1').portfolioBudget.original.total).toBe(4000);
    expect(period('2026-Q1').unallocated).toBe(500);
    expect(period('2026-Q1').variance).toBe(1500 - 750);
    expect(period('2026-Q2').unallocated).toBe(-1500);
    expect(period('2026-Q3')).toMatchObject({ budget: { current: { total: 0 } }, unallocated: 1500 });
    expect(period('2026-Q3').portfolioBudget.current).toMatchObject({ total: 1500, capex: 1500 });
    expect(res.body.totals.budget.current.total).toBe(3000);
    expect(res.body.totals.portfolioBudget.current.total).toBe(3500);
    expect(res.body.totals.unallocated).toBe(500);
    expect(res.body.portfolioBudgets).toMatchObject({
      budget: { original: 4000, current: 3500, forecast: 0 },
      approved: ['current'],
    });
    expect(res.body.portfolioBudgets.budgets.map((b: { name: string | null }) => b.name)).toEqual([
      'Envelope as first approved',
      'Portfolio envelope',
      null,
    ]);
    // Without an envelope of its own, nothing is unallocated: the other portfolio says null.
    const other = await api.get(`/api/v1/portfolios/${ids.portfolioQ}/budget-rollup`);
    expect(other.body.totals.unallocated).toBeNull();
    // Someone who reads only project PLA cannot read the portfolio, so not its roll-up either.
    const user = await createTestUser(store, organisationId, {
      grants: [{ role: 'stakeholder', scopeType: 'project', scopeId: ids.p as string }],
    });
    const viewer = apiClient(app, await tokenFor(store, organisationId, user.userId));
    expect((await viewer.get(`/api/v1/portfolios/${ids.portfolio}/budget-rollup`)).status).toBe(404);
  });
});
