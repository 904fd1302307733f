import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeEvmStatus } from '../../../core/evm';
import { buildApp } from '../../app';
import { issueApiToken } from '../../auth/api-tokens';
import type { ScopedRole } from '../../auth/permissions';
import { seedDemo } from '../../demo/seed-demo';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import {
  type ApiClient,
  apiClient,
  createTestOrganisation,
  createTestUser,
  tokenFor,
} from '../../test/factories';

const engines = await testEngines();

// Published worked examples (/work/shared/data/fixtures/evm_finance_prioritisation.json):
// the PRA R package vignette (paulgovan/PRA, vignettes/evm.Rmd) and the earned-schedule example
// of Lipke (2003) / PMI Practice Standard for EVM App. D used by REFERENCES.md §1.2.
const fixtures = JSON.parse(
  readFileSync('/work/shared/data/fixtures/evm_finance_prioritisation.json', 'utf8'),
) as Record<string, Record<string, number | number[]>>;
const pra = fixtures.evm_PRA_vignette as {
  PV: number;
  EV: number;
  AC: number;
  SV: number;
  CV: number;
  CPI: number;
  SPI: number;
  EAC_cpi: number;
  EAC_ac_plus_remaining: number;
  EAC_cpi_spi: number;
  ETC_cpi: number;
  VAC_cpi: number;
  TCPI_bac: number;
};
const es = fixtures.earned_schedule_constructed as Record<string, number | number[]>;

const CSV = 'text/csv';

describe.each(engines)('money API on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  let organisationId: string;
  let portfolioId: string;
  let other: string;

  const ok = async (url: string, body: unknown) => {
    const res = await api.post(url, body);
    if (res.status !== 201) throw new Error(`${url}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const project = async (key: string, startDate: string, endDate: string, approach = 'predictive') =>
    (await ok('/api/v1/projects', { portfolioId, key, name: `Project ${key}`, approach, startDate, endDate }))
      .id as string;
  const months = (year: number, from: number, amounts: number[]) =>
    amounts.map((amount, i) => ({
      period: `${year}-${String(from + i).padStart(2, '0')}`,
      category: 'capex',
      costType: 'non_labour',
      amount,
    }));

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store });
    const org = await createTestOrganisation(store, 'Money');
    organisationId = org.organisationId;
    api = apiClient(app, org.token);
    portfolioId = (await ok('/api/v1/portfolios', { name: 'Money portfolio' })).id;
    other = (await ok('/api/v1/portfolios', { name: 'Other portfolio' })).id;
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('reproduces the PRA vignette through budgets, cost entries and a progress report', async () => {
    const id = await project('PRA', '2026-01-01', '2026-05-31');
    // Schedule cumulative 10 %, 20 %, 40 %, 70 %, 100 % of BAC 100,000.
    await ok('/api/v1/budgets', {
      projectId: id,
      name: 'PRA plan',
      status: 'approved',
      lines: months(2026, 1, [10_000, 10_000, 20_000, 30_000, 30_000]),
    });
    for (const [incurredOn, amount] of [
      ['2026-01-20', 9000],
      ['2026-02-20', 18_000],
      ['2026-03-20', 36_000],
    ] as const)
      await ok('/api/v1/cost-entries', { projectId: id, incurredOn, amount });
    await ok('/api/v1/progress-reports', { projectId: id, reportedOn: '2026-03-31', percentComplete: 35 });

    const res = await api.get(`/api/v1/projects/${id}/evm?asOf=2026-03-31`);
    expect(res.status).toBe(200);
    expect(res.body.evMethod).toBe('progress-reports');
    expect(res.body.series).toEqual({
      bac: 100_000,
      pv: [10_000, 20_000, 40_000, 70_000, 100_000],
      ev: [0, 0, 35_000],
      ac: [9000, 27_000, 63_000],
    });
    const s = res.body.status;
    expect(s).toMatchObject({
      pvAtStatus: pra.PV,
      evAtStatus: pra.EV,
      acAtStatus: pra.AC,
      sv: pra.SV,
      cv: pra.CV,
    });
    expect(s.cpi).toBeCloseTo(pra.CPI, 12);
    expect(s.spi).toBeCloseTo(pra.SPI, 12);
    expect(s.eac.cpi).toBeCloseTo(pra.EAC_cpi, 6);
    expect(s.eac.atypical).toBeCloseTo(pra.EAC_ac_plus_remaining, 6);
    expect(s.eac.cpiSpi).toBeCloseTo(pra.EAC_cpi_spi, 6);
    expect(s.etc).toBeCloseTo(pra.ETC_cpi, 6);
    expect(s.vac).toBeCloseTo(pra.VAC_cpi, 6);
    expect(s.tcpi.bac).toBeCloseTo(pra.TCPI_bac, 12);
    // The endpoint is core on the same series, figure for figure.
    expect(s).toEqual(JSON.parse(JSON.stringify(computeEvmStatus(res.body.series))));
    expect(res.body.sCurve).toHaveLength(5);
    expect(res.body.sCurve[2]).toMatchObject({
      period: 3,
      month: '2026-03',
      pv: 40_000,
      ev: 35_000,
      ac: 63_000,
    });
    expect(res.body.sCurve[3]).toMatchObject({ ev: null, ac: null });
    expect(res.body.forecast.eac).toBeCloseTo(180_000, 6);
    expect(res.body.agile).toBeNull();
  });

  it('takes the bottom-up EAC from what the forecast budget still plans after the status month', async () => {
    const id = await project('BUP', '2026-01-01', '2026-04-30');
    await ok('/api/v1/budgets', {
      projectId: id,
      name: 'Plan',
      status: 'approved',
      lines: months(2026, 1, [100, 100, 100, 100]),
    });
    await ok('/api/v1/budgets', {
      projectId: id,
      name: 'Re-estimate',
      budgetVersion: 'forecast',
      lines: months(2026, 1, [120, 130, 150, 160]),
    });
    await ok('/api/v1/cost-entries', { projectId: id, incurredOn: '2026-02-10', amount: 250 });
    await ok('/api/v1/progress-reports', { projectId: id, reportedOn: '2026-02-28', percentComplete: 40 });
    const res = await api.get(`/api/v1/projects/${id}/evm?asOf=2026-02-28`);
    expect(res.status).toBe(200);
    // PMBOK 6th ed. §7.4.2.2: EAC = AC + bottom-up ETC = 250 + (150 + 160).
    expect(res.body.status.eac.bottomUp).toBe(560);
    expect(res.body.etcBasis).toBe('forecast budget "Re-estimate" after 2026-02');
    // PV still comes from the current budget, and every other figure is core's on the same series.
    expect(res.body.series.bac).toBe(400);
    expect(res.body.status).toEqual(
      JSON.parse(JSON.stringify(computeEvmStatus({ ...res.body.series, etc: 310 }))),
    );
  });

  it('reproduces the earned-schedule example: ES 3.6, SPI(t) 0.6, IEAC(t) 16.67', async () => {
    const id = await project('ESX', '2025-01-01', '2025-10-31');
    const cumulative = (es.cumulative_PV_by_month as number[]).slice(1);
    const perMonth = cumulative.map((v, i) => v - (i === 0 ? 0 : (cumulative[i - 1] ?? 0)));
    await ok('/api/v1/budgets', {
      projectId: id,
      name: 'Plan',
      status: 'approved',
      lines: months(2025, 1, perMonth),
    });
    await ok('/api/v1/cost-entries', { projectId: id, incurredOn: '2025-06-15', amount: 700 });
    await ok('/api/v1/progress-reports', { projectId: id, reportedOn: '2025-06-30', percentComplete: 40 });
    const res = await api.get(`/api/v1/projects/${id}/evm?asOf=2025-07-15`);
    expect(res.status).toBe(200);
    expect(res.body.statusDate).toBe('2025-06-30');
    const s = res.body.status;
    expect(s.at).toBe(es.AT);
    expect(s.pd).toBe(es.PD);
    expect(s.evAtStatus).toBeCloseTo(es.EV as number, 9);
    expect(s.es).toBeCloseTo(es.ES as number, 12);
    expect(s.svT).toBeCloseTo(es.SV_t as number, 12);
    expect(s.spiT).toBeCloseTo(es.SPI_t as number, 12);
    expect(s.ieacT).toBeCloseTo(es.IEAC_t as number, 9);
    expect(s.spi).toBeCloseTo(es.SPI_cost_based as number, 12);
    // The CLI contract's example F figures (docs/finance.md).
    expect(s.cv).toBeCloseTo(-100, 9);
    expect(s.eac.cpi).toBeCloseTo(1750, 9);
    expect(s.eac.cpiSpi).toBeCloseTo(2712.5, 9);
    expect(s.tcpi.bac).toBeCloseTo(1.125, 12);
  });

  it('costs time entries at the rate in force and shows budgets against actuals', async () => {
    const id = await project('LAB', '2026-01-01', '2026-03-31');
    const dev = (await ok('/api/v1/people', { name: 'Dee Dev', title: 'Developer' })).id;
    await ok('/api/v1/cost-rates', { role: 'developer', hourlyRate: 100 });
    await ok('/api/v1/cost-rates', { personId: dev, hourlyRate: 120, validFrom: '2026-02-01' });
    await ok('/api/v1/budgets', {
      projectId: id,
      name: 'Original',
      budgetVersion: 'original',
      status: 'approved',
      lines: months(2026, 1, [1000, 1000, 1000]),
    });
    await ok('/api/v1/budgets', {
      projectId: id,
      name: 'Current',
      lines: months(2026, 1, [1500, 1500, 1500]),
    });
    await ok('/api/v1/time-entries', { personId: dev, projectId: id, workedOn: '2026-01-15', hours: 8 });
    await ok('/api/v1/time-entries', { personId: dev, projectId: id, workedOn: '2026-02-15', hours: 5 });
    await ok('/api/v1/cost-entries', {
      projectId: id,
      incurredOn: '2026-02-20',
      amount: 250,
      category: 'opex',
    });
    const res = await api.get(`/api/v1/projects/${id}/budget-vs-actuals`);
    expect(res.status).toBe(200);
    const [jan, feb] = res.body.months;
    expect(jan.actual).toMatchObject({ labour: 800, nonLabour: 0, total: 800 });
    expect(feb.actual).toMatchObject({ labour: 600, nonLabour: 250, opex: 850, total: 850 });
    expect(jan.budget.original.total).toBe(1000);
    expect(jan.budget.current.total).toBe(1500);
    expect(res.body.totals.variance).toBe(4500 - 1650);
    const evm = await api.get(`/api/v1/projects/${id}/evm?asOf=2026-02-28`);
    expect(evm.body.series.ac).toEqual([800, 1650]);
    expect(evm.body.warnings).toContain('the current budget "Current" is not approved');
  });

  it('freezes an approved budget and records who approved it', async () => {
    const id = await project('APP', '2026-01-01', '2026-03-31');
    const draft = await ok('/api/v1/budgets', { projectId: id, name: 'Draft', lines: months(2026, 1, [10]) });
    expect(draft.portfolioId).toBe(portfolioId);
    const approved = await api.patch(`/api/v1/budgets/${draft.id}`, {
      status: 'approved',
      version: draft.version,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.approvedAt).not.toBeNull();
    expect(approved.body.approvedBy).not.toBeNull();
    const frozen = await api.patch(`/api/v1/budgets/${draft.id}`, {
      lines: months(2026, 1, [20]),
      version: approved.body.version,
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.errors[0].field).toBe('lines');
    const reopened = await api.patch(`/api/v1/budgets/${draft.id}`, {
      status: 'draft',
      lines: months(2026, 1, [20]),
      version: approved.body.version,
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.approvedAt).toBeNull();
    const mismatch = await api.post('/api/v1/budgets', { projectId: id, portfolioId: other, name: 'X' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].field).toBe('portfolioId');
  });

  it('imports cost entries from CSV all or nothing, naming every bad row', async () => {
    const id = await project('CSV', '2026-01-01', '2026-03-31');
    const before = (await api.get(`/api/v1/cost-entries?projectId=${id}`)).body.items.length;
    const bad = [
      'project,date,amount,category,costType,description',
      'CSV,2026-01-31,1200,capex,non_labour,Licences',
      'CSV,2026-02-30,100,opex,non_labour,Bad date',
      'CSV,2026-02-28,-5,opex,labour,Negative',
      'NOPE,2026-02-28,10,opex,labour,Unknown project',
      'CSV,2026-03-31,10,opex,travel,Bad type',
    ].join('\n');
    const res = await api.post('/api/v1/cost-entries/import', bad, { 'content-type': CSV });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'row 3: date',
      'row 4: amount',
      'row 5: project',
      'row 6: costType',
    ]);
    expect((await api.get(`/api/v1/cost-entries?projectId=${id}`)).body.items.length).toBe(before);
    const header = await api.post('/api/v1/cost-entries/import', 'date,amount\n2026-01-01,1', {
      'content-type': CSV,
    });
    expect(header.body.errors[0]).toMatchObject({ field: 'row 1' });
    const good = await api.post(
      '/api/v1/cost-entries/import',
      'Project,Date,Amount,Cost type\nCSV,2026-01-31,1200,labour\nCSV,2026-02-28,800.5,\n',
      { 'content-type': CSV },
    );
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ created: 2, total: 2000.5 });
    const items = (await api.get(`/api/v1/cost-entries?projectId=${id}&origin=csv`)).body.items;
    expect(items.map((i: { costType: string; amount: number }) => [i.costType, i.amount])).toEqual([
      ['labour', 1200],
      ['non_labour', 800.5],
    ]);
    const audit = await api.get(`/api/v1/cost-entries/${items[0].id}/audit`);
    expect(audit.body.items[0].action).toBe('create');
    const json = await api.post('/api/v1/cost-entries/import', { rows: [] });
    expect(json.status).toBe(415);
  });

  it('imports time entries from CSV all or nothing, costs them at the rate, and keeps others out', async () => {
    const id = await project('TIM', '2026-01-01', '2026-03-31');
    await ok('/api/v1/people', { name: 'Tia Timesheet', email: 'Tia@example.test', title: 'Tester' });
    await ok('/api/v1/cost-rates', { role: 'tester', hourlyRate: 80 });
    const bad = [
      'person,project,date,hours,category,note',
      'tia@example.test,TIM,2026-01-05,7.5,capex,Test plan',
      'nobody@example.test,TIM,2026-01-06,8,opex,',
      'tia@example.test,TIM,2026-01-07,25,opex,',
      'not-an-email,NOPE,2026-01-08,4,opex,',
    ].join('\n');
    const res = await api.post('/api/v1/time-entries/import', bad, { 'content-type': CSV });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'row 3: person',
      'row 4: hours',
      'row 5: person',
    ]);
    expect((await api.get(`/api/v1/time-entries?projectId=${id}`)).body.items).toEqual([]);
    const header = await api.post('/api/v1/time-entries/import', 'person,date,hours\na@b.c,2026-01-01,1', {
      'content-type': CSV,
    });
    expect(header.body.errors[0]).toMatchObject({ field: 'row 1' });
    const good = await api.post(
      '/api/v1/time-entries/import',
      'Person,Project,Date,Hours,Category\nTIA@example.test,TIM,2026-01-05,7.5,capex\ntia@example.test,TIM,2026-02-02,4,\n',
      { 'content-type': CSV },
    );
    expect([good.status, good.body]).toEqual([200, { created: 2, total: 11.5 }]);
    const items = (await api.get(`/api/v1/time-entries?projectId=${id}&sort=workedOn`)).body.items;
    expect(items.map((i: { hours: number; category: string }) => [i.hours, i.category])).toEqual([
      [7.5, 'capex'],
      [4, 'opex'],
    ]);
    expect((await api.get(`/api/v1/time-entries/${items[0].id}/audit`)).body.items[0].action).toBe('create');
    // Costed at the tester rate: 11.5 h × 80.
    const bva = await api.get(`/api/v1/projects/${id}/budget-vs-actuals`);
    expect(bva.body.totals.actual.labour).toBe(920);
    const stranger = await createTestUser(store, organisationId, {
      grants: [{ role: 'pmo_lead', scopeType: 'portfolio', scopeId: other }],
    });
    const refused = await apiClient(app, await tokenFor(store, organisationId, stranger.userId)).post(
      '/api/v1/time-entries/import',
      'person,project,date,hours\ntia@example.test,TIM,2026-01-09,1',
      { 'content-type': CSV },
    );
    expect([refused.status, refused.body.errors[0].field]).toEqual([403, 'row 2: project']);
    expect((await api.post('/api/v1/time-entries/import', { rows: [] })).status).toBe(415);
  });

  it('lets only the right roles read EVM and import costs', async () => {
    const id = await project('ACL', '2026-01-01', '2026-03-31');
    await ok('/api/v1/budgets', { projectId: id, name: 'Plan', lines: months(2026, 1, [100, 100, 100]) });
    const as = async (role: ScopedRole, scopeId: string) => {
      const user = await createTestUser(store, organisationId, {
        grants: [{ role, scopeType: 'portfolio', scopeId }],
      });
      return apiClient(app, await tokenFor(store, organisationId, user.userId));
    };
    const stakeholder = await as('stakeholder', portfolioId);
    const stranger = await as('pmo_lead', other);
    const pmo = await as('pmo_lead', portfolioId);
    expect((await stakeholder.get(`/api/v1/projects/${id}/evm?asOf=2026-02-28`)).status).toBe(200);
    expect((await stranger.get(`/api/v1/projects/${id}/evm?asOf=2026-02-28`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/projects/${id}/budget-vs-actuals`)).status).toBe(404);
    const csv = 'project,date,amount\nACL,2026-01-31,10';
    expect((await stakeholder.post('/api/v1/cost-entries/import', csv, { 'content-type': CSV })).status).toBe(
      403,
    );
    const refused = await stranger.post('/api/v1/cost-entries/import', csv, { 'content-type': CSV });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].field).toBe('row 2: project');
    expect((await pmo.post('/api/v1/cost-entries/import', csv, { 'content-type': CSV })).status).toBe(200);
    const outsider = apiClient(app, (await createTestOrganisation(store, 'Elsewhere')).token);
    expect((await outsider.get(`/api/v1/projects/${id}/evm`)).status).toBe(404);
    const readOnly = apiClient(app, (await createTestOrganisation(store, 'RO')).readToken);
    expect((await readOnly.post('/api/v1/cost-entries/import', csv, { 'content-type': CSV })).status).toBe(
      403,
    );
  });

  it('names the field of bad EVM input', async () => {
    const id = await project('BAD', '2026-01-01', '2026-03-31');
    const none = await api.get(`/api/v1/projects/${id}/evm?asOf=2026-02-28`);
    expect(none.status).toBe(409);
    expect(none.body.errors[0].field).toBe('budget');
    await ok('/api/v1/budgets', { projectId: id, name: 'Plan', lines: months(2026, 1, [100, 100, 100]) });
    const early = await api.get(`/api/v1/projects/${id}/evm?asOf=2026-01-15`);
    expect(early.status).toBe(400);
    expect(early.body.errors[0].field).toBe('asOf');
    const date = await api.get(`/api/v1/projects/${id}/evm?asOf=2026-13-01`);
    expect(date.status).toBe(400);
    expect(JSON.stringify(date.body.errors)).toContain('asOf');
    const version = await api.get(`/api/v1/projects/${id}/evm?budgetVersion=latest`);
    expect(version.status).toBe(400);
    expect(JSON.stringify(version.body.errors)).toContain('budgetVersion');
    const line = await api.post('/api/v1/budgets', {
      projectId: id,
      name: 'X',
      lines: [{ period: '2026-13', category: 'capex', costType: 'labour', amount: 1 }],
    });
    expect(line.status).toBe(400);
    expect(JSON.stringify(line.body.errors)).toContain('lines');
    const hours = await api.post('/api/v1/time-entries', {
      personId: id,
      projectId: id,
      workedOn: '2026-01-01',
      hours: 25,
    });
    expect(hours.status).toBe(400);
    expect(JSON.stringify(hours.body.errors)).toContain('hours');
  });

  it('gives the demo a predictive project and an agile release EVM with earned schedule, S-curves and ranges', async () => {
    const demo = await seedDemo(store, { scale: 1, anchorDate: '2026-06-30' });
    const token = await issueApiToken(store.db, {
      organisationId: demo.organisationId,
      userId: demo.adminUserId,
      name: 't',
      scope: 'read',
      expiresAt: null,
      now: new Date().toISOString(),
    });
    const admin = apiClient(app, token.token);
    const projects = (await admin.get('/api/v1/projects?limit=100')).body.items as {
      id: string;
      approach: string;
      lifecycleState: string;
      budget: number | null;
    }[];
    const predictive = projects.find((p) => p.approach === 'predictive' && p.lifecycleState === 'active');
    const agile = projects.find((p) => p.approach === 'agile' && p.lifecycleState === 'active' && p.budget);
    for (const p of [predictive, agile]) {
      const res = await admin.get(`/api/v1/projects/${p?.id}/evm?asOf=2026-06-30`);
      expect(res.status).toBe(200);
      expect(res.body.status.at).toBeGreaterThan(0);
      expect(res.body.status.cpi).toBeGreaterThan(0);
      expect(res.body.status.spiT).not.toBeNull();
      expect(res.body.sCurve.length).toBeGreaterThanOrEqual(res.body.status.pd);
      expect(res.body.referenceClass.projects).toBeGreaterThan(3);
      expect(res.body.referenceClass.ranges[1].cost).toBeGreaterThan(0);
      const bva = await admin.get(`/api/v1/projects/${p?.id}/budget-vs-actuals`);
      expect(bva.body.totals.actual.total).toBeGreaterThan(0);
      expect(bva.body.totals.actual.labour).toBeGreaterThan(0);
    }
    const predictiveEvm = (await admin.get(`/api/v1/projects/${predictive?.id}/evm?asOf=2026-06-30`)).body;
    expect(predictiveEvm.evMethod).toBe('progress-reports');
    const agileEvm = (await admin.get(`/api/v1/projects/${agile?.id}/evm?asOf=2026-06-30`)).body;
    expect(agileEvm.evMethod).toBe('story-points');
    expect(agileEvm.agile.plannedSprints).toBeUndefined();
    expect(agileEvm.agile.input.plannedSprints).toBeGreaterThan(0);
    expect(agileEvm.agile.apc).toBeGreaterThan(0);
    // No demo portfolio holds a budget of its own: the roll-up is its projects' and says so.
    const portfolio = (await admin.get('/api/v1/portfolios?limit=1')).body.items[0];
    const rollup = (await admin.get(`/api/v1/portfolios/${portfolio.id}/budget-rollup`)).body;
    expect(rollup.totals.unallocated).toBeNull();
    const projectsCurrent = rollup.projects.reduce(
      (sum: number, p: { budget: { current: number } }) => sum + p.budget.current,
      0,
    );
    expect(rollup.totals.budget.current.total).toBeCloseTo(projectsCurrent, 6);
  });
});
