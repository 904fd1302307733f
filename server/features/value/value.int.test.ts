import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBusinessCase } from '../../../core/finance';
import { buildApp } from '../../app';
import { seedDemo } from '../../demo/seed-demo';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import {
  type ApiClient,
  apiClient,
  createPortfolioWithProject,
  createTestOrganisation,
  createTestUser,
  tokenFor,
} from '../../test/factories';

const engines = await testEngines();
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as the shared client does.
type PutResult = { status: number; body: any };
const withPutType = (c: ApiClient) => ({
  ...c,
  put: async (_u: string, _b: unknown, _ifMatch?: string): Promise<PutResult> => ({ status: 0, body: null }),
  putLatest: async (_u: string, _b: unknown): Promise<PutResult> => ({ status: 0, body: null }),
});
const fixtures = JSON.parse(
  readFileSync('/work/shared/data/fixtures/evm_finance_prioritisation.json', 'utf8'),
) as {
  finance: {
    excel_IRR_example: { flows: number[]; irr_5y: number };
    payback_roi_on_excel_IRR_flows: { simple_payback_years: number; ROI_total: number };
    excel_NPV_example: { value: number };
  };
  wsjf: { examples: { name: string; UBV: number; TC: number; RR: number; size: number; WSJF: number }[] };
  rice: { examples: { R: number; I: number; C: number; E: number; score: number }[] };
};

describe.each(engines)('value management on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ReturnType<typeof withPutType>;
  let organisationId: string;
  let readOnly: ApiClient;
  let portfolioId: string;
  let projectId: string;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const org = await createTestOrganisation(store);
    organisationId = org.organisationId;
    api = withPut(apiClient(app, org.token), org.token);
    readOnly = apiClient(app, org.readToken);
    const { portfolio, project } = await createPortfolioWithProject(api, 'VAL');
    portfolioId = portfolio.id;
    projectId = project.id;
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  /** PUT through the app (the shared client has no put). */
  const withPut = (client: ApiClient, token: string) => {
    const put = async (url: string, body: unknown, ifMatch?: string) => {
      const res = await app.inject({
        method: 'PUT',
        url,
        headers: {
          authorization: `Bearer ${token}`,
          ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
        },
        payload: body as object,
      });
      return { status: res.statusCode, body: res.json() };
    };
    return {
      ...client,
      put,
      /** PUT based on the version the admin reads now (If-Match), as an editor who just loaded it. */
      putLatest: async (url: string, body: unknown) =>
        put(url, body, `"${(await api.get(url)).body.version ?? 0}"`),
    };
  };

  const created = async (url: string, body: unknown) => {
    const res = await api.post(url, body);
    expect([url, res.status, res.body]).toEqual([url, 201, expect.anything()]);
    return res.body as Record<string, unknown> & { id: string };
  };

  it('computes key-result progress from check-ins, "decrease is better" included', async () => {
    const goal = await created('/api/v1/goals', { name: 'Cut churn', level: 'portfolio', portfolioId });
    const kr = await created('/api/v1/key-results', {
      goalId: goal.id,
      name: 'Monthly churn from 8% to 5%',
      metric: 'churn',
      unit: '%',
      direction: 'decrease',
      baseline: 8,
      target: 5,
    });
    expect(kr.progress).toBe(0);
    const checkIn = await api.post(`/api/v1/key-results/${kr.id}/check-ins`, {
      date: '2026-03-31',
      value: 6.5,
      confidence: 0.7,
    });
    expect(checkIn.status).toBe(201);
    const read = (await api.get(`/api/v1/key-results/${kr.id}`)).body;
    expect(read.progress).toBeCloseTo(0.5, 12);
    expect(read.confidence).toBe(0.7);
    expect(read.current).toBe(6.5);
    expect((await api.get(`/api/v1/key-results/${kr.id}/check-ins`)).body.items).toHaveLength(1);

    const wrongSide = await api.post('/api/v1/key-results', {
      goalId: goal.id,
      name: 'x',
      metric: 'm',
      unit: '%',
      direction: 'decrease',
      baseline: 5,
      target: 8,
    });
    expect(wrongSide.status).toBe(400);
    expect(wrongSide.body.errors[0].field).toBe('target');
    const badConfidence = await api.post(`/api/v1/key-results/${kr.id}/check-ins`, {
      date: '2026-04-30',
      value: 6,
      confidence: 2,
    });
    expect(badConfidence.status).toBe(400);
    expect(JSON.stringify(badConfidence.body.errors)).toContain('confidence');
    expect(
      (
        await readOnly.post(`/api/v1/key-results/${kr.id}/check-ins`, {
          date: '2026-04-30',
          value: 6,
          confidence: 0.5,
        })
      ).status,
    ).toBe(403);
  });

  it('builds the strategy tree with spend and capacity shares and flags unaligned work', async () => {
    const org = await apiClient(app, (await createTestOrganisation(store, 'Tree')).token);
    const { portfolio, project } = await createPortfolioWithProject(org, 'TRE');
    await org.patch(`/api/v1/projects/${project.id}`, { budget: 1000, version: project.version });
    const other = await org.post('/api/v1/projects', {
      portfolioId: portfolio.id,
      key: 'OTH',
      name: 'Other',
      approach: 'agile',
      budget: 3000,
    });
    const root = (await org.post('/api/v1/goals', { name: 'Grow', level: 'organisation' })).body;
    const child = (
      await org.post('/api/v1/goals', {
        name: 'NPS',
        level: 'portfolio',
        portfolioId: portfolio.id,
        parentId: root.id,
      })
    ).body;
    await org.post('/api/v1/key-results', {
      goalId: child.id,
      name: 'NPS 31→45',
      metric: 'NPS',
      unit: 'points',
      baseline: 31,
      target: 45,
    });
    const krs = (await org.get(`/api/v1/key-results?goalId=${child.id}`)).body.items;
    await org.post(`/api/v1/key-results/${krs[0].id}/check-ins`, {
      date: '2026-06-01',
      value: 38,
      confidence: 0.6,
    });
    expect(
      (await org.post('/api/v1/goal-alignments', { goalId: child.id, projectId: project.id, weight: 0.5 }))
        .status,
    ).toBe(201);
    const team = (await org.post('/api/v1/teams', { name: 'Falcons', deliveryMethod: 'scrum' })).body;
    const epic = (
      await org.post('/api/v1/work-items', {
        projectId: other.body.id,
        type: 'epic',
        title: 'Unaligned epic',
      })
    ).body;
    await org.post('/api/v1/work-items', {
      projectId: project.id,
      type: 'story',
      title: 's',
      teamId: team.id,
      status: 'In Progress',
    });
    const story = await org.post('/api/v1/work-items', {
      projectId: other.body.id,
      type: 'story',
      title: 's2',
      parentId: epic.id,
    });
    expect(story.status).toBe(201);
    const both = await org.post('/api/v1/goal-alignments', {
      goalId: child.id,
      projectId: project.id,
      workItemId: epic.id,
    });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toBe('projectId');

    const tree = await org.get('/api/v1/goals/tree?asOf=2026-06-30');
    expect(tree.status).toBe(200);
    const [g0, g1] = tree.body.goals;
    expect([g0.name, g0.depth, g1.name, g1.depth]).toEqual(['Grow', 0, 'NPS', 1]);
    expect(g1.progress).toBeCloseTo(0.5, 12);
    expect(g0.progress).toBeCloseTo(0.5, 12);
    // 500 of 4,000 budget aligned: 12.5%, rolled up to the parent.
    expect(g1.spend.share).toBeCloseTo(0.125, 12);
    expect(g0.spend.total).toBeCloseTo(500, 9);
    // One in-progress story of Falcons on the aligned project, at weight 0.5.
    expect(g1.capacity.byTeam).toEqual([{ teamId: team.id, teamName: 'Falcons', items: 0.5 }]);
    expect(tree.body.unaligned.projects.map((p: { key: string }) => p.key)).toEqual(['OTH']);
    expect(tree.body.unaligned.epics.map((e: { id: string }) => e.id)).toEqual([epic.id]);
  });

  it('business case figures equal core computeBusinessCase on the Excel IRR example', async () => {
    const { flows, irr_5y } = fixtures.finance.excel_IRR_example;
    const bc = await created('/api/v1/business-cases', {
      projectId,
      name: 'Excel IRR help',
      rate: 0.1,
      lines: [
        { name: 'investment', kind: 'cost', amounts: [70000] },
        { name: 'returns', kind: 'benefit', amounts: [0, ...flows.slice(1)] },
      ],
    });
    const core = computeBusinessCase({ rate: 0.1, flows });
    const a = (await api.get(`/api/v1/business-cases/${bc.id}/analysis`)).body;
    expect(a.expected.npv).toBeCloseTo(core.npv, 9);
    expect(a.expected.irr).toBeCloseTo(irr_5y, 9);
    expect(a.expected.payback).toBeCloseTo(
      fixtures.finance.payback_roi_on_excel_IRR_flows.simple_payback_years,
      12,
    );
    expect(a.expected.roi).toBeCloseTo(fixtures.finance.payback_roi_on_excel_IRR_flows.ROI_total, 12);
    expect(a.expected.discountedPayback).toBeNull();
    expect(a.expected.bcr).toBeCloseTo(core.bcr as number, 12);
    expect(a.scenarios.pessimistic.npv).toBeLessThan(a.scenarios.expected.npv);
    expect(a.scenarios.optimistic.npv).toBeGreaterThan(a.scenarios.expected.npv);
    expect(a.tornado.bars.map((b: { driver: string }) => b.driver)).toContain('rate');

    // Excel NPV help: 10%, −10,000 a year from today, then 3,000, 4,200, 6,800 → 1,188.44.
    const npv = await created('/api/v1/business-cases', {
      projectId,
      name: 'Excel NPV help',
      rate: 0.1,
      lines: [
        { name: 'cost', kind: 'cost', amounts: [0, 10000] },
        { name: 'returns', kind: 'benefit', amounts: [0, 0, 3000, 4200, 6800] },
      ],
    });
    expect(npv.figures).toMatchObject({ npv: expect.closeTo(fixtures.finance.excel_NPV_example.value, 6) });
    const compare = await api.get(`/api/v1/business-cases/compare?ids=${bc.id},${npv.id}`);
    expect(compare.body.items.map((i: { name: string }) => i.name)).toEqual([
      'Excel NPV help',
      'Excel IRR help',
    ]);

    const dup = await api.post('/api/v1/business-cases', {
      projectId,
      name: 'x',
      rate: 0.1,
      lines: [
        { name: 'a', kind: 'cost', amounts: [1] },
        { name: 'A', kind: 'benefit', amounts: [1] },
      ],
    });
    expect([dup.status, dup.body.errors[0].field]).toEqual([400, 'lines']);
    const badRate = await api.post('/api/v1/business-cases', { projectId, name: 'x', rate: -1, lines: [] });
    expect(badRate.status).toBe(400);
    expect(JSON.stringify(badRate.body.errors)).toContain('rate');
  });

  it('imports KPI measurements from CSV all-or-nothing, naming bad rows, and shows the dashboard', async () => {
    const stream = await created('/api/v1/value-streams', {
      name: 'Self-service',
      kind: 'operational',
      portfolioId,
      projectIds: [projectId],
    });
    expect(stream.projectIds).toEqual([projectId]);
    const kpi = await created('/api/v1/kpis', {
      name: 'Digital NPS',
      metricType: 'nps',
      unit: 'points',
      valueStreamId: stream.id,
      target: 45,
      threshold: 35,
    });
    const post = (text: string) =>
      api.post(`/api/v1/kpis/${kpi.id}/measurements/import`, text, { 'content-type': 'text/csv' });
    const bad = await post('date,value\n2026-01-31,31\n2026-02-30,33\n2026-03-31,abc\n');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['row 3: date', 'row 4: value']);
    expect((await api.get(`/api/v1/kpis/${kpi.id}/measurements`)).body.items).toEqual([]);

    const good = await post('date,value,note\n2026-01-31,31,wave 1\n2026-02-28,34,\n2026-03-31,38,\n');
    expect(good.body).toEqual({ created: 3, updated: 0 });
    expect((await post('date,value\n2026-03-31,39\n')).body).toEqual({ created: 0, updated: 1 });
    const pushed = await api.post(`/api/v1/kpis/${kpi.id}/measurements`, {
      measurements: [{ date: '2026-04-30', value: 40 }],
    });
    expect(pushed.body).toEqual({ created: 1, updated: 0 });
    expect(
      (
        await api.post(`/api/v1/kpis/${kpi.id}/measurements`, {
          measurements: [{ date: '2026-04-31', value: 1 }],
        })
      ).status,
    ).toBe(400);
    expect((await api.post(`/api/v1/kpis/${kpi.id}/measurements/import`, { a: 1 })).status).toBe(415);

    const read = (await api.get(`/api/v1/kpis/${kpi.id}`)).body;
    expect([read.latest, read.status]).toEqual([{ date: '2026-04-30', value: 40 }, 'at_risk']);
    for (const url of [
      `/api/v1/value-streams/${stream.id}/kpi-dashboard`,
      `/api/v1/portfolios/${portfolioId}/kpi-dashboard`,
    ]) {
      const d = (await api.get(`${url}?from=2025-12-01&to=2026-06-30`)).body;
      const item = d.kpis.find((k: { kpi: { id: string } }) => k.kpi.id === kpi.id);
      expect([item.status, item.customerFacing, item.trend.trend, item.history.length]).toEqual([
        'at_risk',
        true,
        'improving',
        4,
      ]);
    }
    const wrongThreshold = await api.post('/api/v1/kpis', {
      name: 'x',
      metricType: 'nps',
      unit: 'p',
      target: 45,
      threshold: 50,
    });
    expect([wrongThreshold.status, wrongThreshold.body.errors[0].field]).toEqual([400, 'threshold']);
  });

  it('tracks benefits realised versus planned, per benefit and for the portfolio', async () => {
    const kpi = await created('/api/v1/kpis', {
      name: 'Calls',
      metricType: 'operational',
      unit: 'calls',
      direction: 'decrease',
      portfolioId,
    });
    await api.post(`/api/v1/kpis/${kpi.id}/measurements`, {
      measurements: [{ date: '2026-01-06', value: 800 }],
    });
    const benefit = await created('/api/v1/benefits', {
      projectId,
      kpiId: kpi.id,
      name: 'Fewer calls',
      unit: 'calls',
      direction: 'decrease',
      baseline: 1000,
      target: 600,
      financialValue: 10000,
      trajectory: [
        { date: '2026-01-01', value: 1000 },
        { date: '2026-01-11', value: 600 },
      ],
    });
    const r = (await api.get(`/api/v1/benefits/${benefit.id}/realisation?asOf=2026-01-06`)).body;
    expect(r.measuredBy).toBe('kpi');
    expect(r.realisedVsPlanned).toBeCloseTo(1, 12);
    const p = (await api.get(`/api/v1/portfolios/${portfolioId}/benefits-realisation?asOf=2026-01-06`)).body;
    expect(p.planned).toBeCloseTo(5000, 6);
    expect(p.realised).toBeCloseTo(5000, 6);
  });

  it('edits a benefit with If-Match and names the field of a repeated date or a review without a date', async () => {
    const benefit = await created('/api/v1/benefits', {
      projectId,
      name: 'Faster onboarding',
      unit: 'days',
      direction: 'decrease',
      baseline: 10,
      target: 4,
      trajectory: [{ date: '2026-03-01', value: 7 }],
    });
    const url = `/api/v1/benefits/${benefit.id}`;
    const twice = await api.patch(
      url,
      {
        actuals: [
          { date: '2026-02-01', value: 9 },
          { date: '2026-02-01', value: 8 },
        ],
      },
      { 'if-match': '"1"' },
    );
    expect([twice.status, twice.body.errors[0].field]).toEqual([400, 'actuals.1.date']);
    const undated = await api.patch(url, { reviewOutcome: 'met' }, { 'if-match': '"1"' });
    expect([undated.status, undated.body.errors[0].field]).toEqual([400, 'reviewDate']);
    const reviewed = await api.patch(
      url,
      { status: 'realised', reviewDate: '2026-06-30', reviewOutcome: 'met', reviewNotes: 'On plan' },
      { 'if-match': '"1"' },
    );
    expect([reviewed.status, reviewed.body.version, reviewed.body.reviewOutcome]).toEqual([200, 2, 'met']);
    const stale = await api.patch(url, { status: 'cancelled' }, { 'if-match': '"1"' });
    expect([stale.status, stale.body.current.status]).toEqual([412, 'realised']);
  });

  it('ranks the backlog by WSJF, RICE and a weighted model with each breakdown', async () => {
    const { portfolio, project } = await createPortfolioWithProject(api, 'BKL');
    const epics: string[] = [];
    for (const e of fixtures.wsjf.examples) {
      epics.push(
        (await api.post('/api/v1/work-items', { projectId: project.id, type: 'epic', title: e.name })).body
          .id,
      );
    }
    // beginpm scores job size 10 and 5, off the modified Fibonacci scale: refused, naming the field.
    const offScale = await api.putLatest(`/api/v1/work-items/${epics[2]}/prioritisation`, {
      wsjf: {
        userBusinessValue: 100,
        timeCriticality: 50,
        riskReductionOpportunityEnablement: 20,
        jobSize: 10,
      },
    });
    expect([offScale.status, offScale.body.errors[0].field]).toEqual([400, 'wsjf.jobSize']);
    for (const [i, e] of fixtures.wsjf.examples.slice(0, 2).entries()) {
      const res = await api.putLatest(`/api/v1/work-items/${epics[i]}/prioritisation`, {
        wsjf: {
          userBusinessValue: e.UBV,
          timeCriticality: e.TC,
          riskReductionOpportunityEnablement: e.RR,
          jobSize: e.size,
        },
      });
      expect(res.status).toBe(200);
    }
    const wsjf = (await api.get(`/api/v1/portfolios/${portfolio.id}/backlog?model=wsjf`)).body;
    expect(wsjf.items.map((i: { score: number }) => i.score)).toEqual([10.5, 1.875]);
    expect(wsjf.items[0].breakdown).toMatchObject({ costOfDelay: 21, jobSize: 2, wsjf: 10.5 });
    expect(wsjf.unscored).toHaveLength(2);

    // Intercom: 2,000 × 2 × 80% / 4 = 800; 1,000 × 2 × 80% / 1 = 1,600.
    for (const [i, r] of fixtures.rice.examples.slice(0, 2).entries()) {
      await api.putLatest(`/api/v1/work-items/${epics[i]}/prioritisation`, {
        rice: { reach: r.R, impact: r.I, confidencePercent: r.C * 100, effort: r.E },
      });
    }
    const rice = (await api.get(`/api/v1/portfolios/${portfolio.id}/backlog?model=rice`)).body;
    expect(
      rice.items.map((i: { score: number; workItem: { id: string } }) => [i.workItem.id, i.score]),
    ).toEqual([
      [epics[1], 1600],
      [epics[0], 800],
    ]);
    // Setting RICE kept the WSJF inputs.
    expect((await api.get(`/api/v1/work-items/${epics[0]}/prioritisation`)).body.wsjf.jobSize).toBe(2);

    const model = await created('/api/v1/scoring-models', {
      name: 'Strategic fit',
      portfolioId: portfolio.id,
      criteria: [
        { id: 'value', name: 'Value', weight: 3, min: 1, max: 5 },
        { id: 'risk', name: 'Risk', weight: 1, min: 1, max: 5, direction: 'lower-is-better' },
      ],
    });
    await api.putLatest(`/api/v1/work-items/${epics[3]}/prioritisation`, {
      modelScores: { [model.id]: { value: 4, risk: 2 } },
    });
    const offModel = await api.putLatest(`/api/v1/work-items/${epics[3]}/prioritisation`, {
      modelScores: { [model.id]: { value: 9 } },
    });
    expect([offModel.status, offModel.body.errors[0].field]).toEqual([400, `modelScores.${model.id}.value`]);
    const weighted = (await api.get(`/api/v1/portfolios/${portfolio.id}/backlog?model=${model.id}`)).body;
    expect(weighted.items[0].score).toBeCloseTo(0.75, 12);
    expect(weighted.items[0].breakdown.criteria).toHaveLength(2);
    const unknown = await api.get(`/api/v1/portfolios/${portfolio.id}/backlog?model=nope`);
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([422, 'model']);
  });

  it('saves prioritisation inputs only on the version edited (If-Match): stale 412, missing 428', async () => {
    const epic = (await api.post('/api/v1/work-items', { projectId, type: 'epic', title: 'Versioned' })).body;
    const url = `/api/v1/work-items/${epic.id}/prioritisation`;
    const wsjf = {
      userBusinessValue: 8,
      timeCriticality: 5,
      riskReductionOpportunityEnablement: 3,
      jobSize: 5,
    };
    const missing = await api.put(url, { wsjf });
    expect([missing.status, missing.body.code]).toEqual([428, 'precondition_required']);
    const first = await api.put(url, { wsjf }, '"0"');
    expect([first.status, first.body.version]).toEqual([200, 1]);
    // Someone else saved version 1 → 2; an edit still based on version 1 is refused with theirs.
    expect((await api.put(url, { wsjf: { ...wsjf, jobSize: 8 } }, '"1"')).status).toBe(200);
    const stale = await api.put(url, { wsjf: { ...wsjf, jobSize: 13 } }, '"1"');
    expect([stale.status, stale.body.code]).toEqual([412, 'precondition_failed']);
    expect(stale.body.current).toMatchObject({ version: 2, wsjf: { jobSize: 8 } });
    // "0" is stale too once a first save exists; the body's version is honoured like the header.
    expect((await api.put(url, { rice: null }, '"0"')).status).toBe(412);
    expect((await api.put(url, { rice: null, version: 2 })).body.version).toBe(3);
    const backlog = (await api.get(`/api/v1/portfolios/${portfolioId}/backlog?model=wsjf`)).body;
    expect(
      backlog.items.find((i: { workItem: { id: string } }) => i.workItem.id === epic.id)?.inputsVersion,
    ).toBe(3);
    // Three saves audited on the work item; the refused ones left no entry.
    const audit = await api.get(`/api/v1/work-items/${epic.id}/audit`);
    const saves = audit.body.items.filter(
      (e: { changes: Record<string, unknown> }) => e.changes.prioritisation,
    );
    expect(saves).toHaveLength(3);
  });

  it('keeps value records to the roles and portfolios that may see them', async () => {
    const { portfolio: hidden } = await createPortfolioWithProject(api, 'HID');
    const goal = await created('/api/v1/goals', {
      name: 'Hidden goal',
      level: 'portfolio',
      portfolioId: hidden.id,
    });
    const kr = await created('/api/v1/key-results', {
      goalId: goal.id,
      name: 'k',
      metric: 'm',
      unit: 'u',
      baseline: 0,
      target: 1,
    });
    const outsider = await createTestUser(store, organisationId, {
      grants: [{ role: 'vmo_lead', scopeType: 'portfolio', scopeId: portfolioId }],
    });
    const vmoToken = await tokenFor(store, organisationId, outsider.userId);
    const vmo = withPut(apiClient(app, vmoToken), vmoToken);
    expect((await vmo.get(`/api/v1/key-results/${kr.id}/check-ins`)).status).toBe(404);
    expect(
      (
        await vmo.post(`/api/v1/key-results/${kr.id}/check-ins`, {
          date: '2026-01-01',
          value: 1,
          confidence: 1,
        })
      ).status,
    ).toBe(404);
    expect((await vmo.get(`/api/v1/portfolios/${hidden.id}/backlog?model=wsjf`)).status).toBe(404);
    const tree = (await vmo.get('/api/v1/goals/tree')).body;
    expect(tree.goals.map((g: { id: string }) => g.id)).not.toContain(goal.id);

    const member = await createTestUser(store, organisationId, {
      grants: [{ role: 'team_member', scopeType: 'portfolio', scopeId: portfolioId }],
    });
    const memberToken = await tokenFor(store, organisationId, member.userId);
    const teamMember = withPut(apiClient(app, memberToken), memberToken);
    const epic = (await api.post('/api/v1/work-items', { projectId, type: 'epic', title: 'E' })).body;
    const refused = await teamMember.putLatest(`/api/v1/work-items/${epic.id}/prioritisation`, {
      rice: null,
    });
    expect(refused.status).toBe(403);
    expect((await vmo.putLatest(`/api/v1/work-items/${epic.id}/prioritisation`, { rice: null })).status).toBe(
      200,
    );
  });
});

describe.each(engines)('value management demo on $name', (engine) => {
  it('gives the VMO lead a strategy tree, KPI dashboards, business cases, benefits and ranked backlogs', async () => {
    const { store, dispose } = await engine.open();
    const app = await buildApp({ store });
    try {
      const demo = await seedDemo(store, { scale: 1, anchorDate: '2026-06-30' });
      const api = apiClient(app, await tokenFor(store, demo.organisationId, demo.adminUserId, 'read'));
      const tree = (await api.get('/api/v1/goals/tree?asOf=2026-06-30')).body;
      expect(tree.goals.length).toBeGreaterThanOrEqual(6);
      expect(tree.goals.some((g: { progress: number | null }) => (g.progress ?? 0) > 0)).toBe(true);
      expect(tree.totals.alignedSpend).toBeGreaterThan(0);
      expect(tree.unaligned.projects.length).toBeGreaterThan(0);
      const streams = (await api.get('/api/v1/value-streams')).body.items;
      expect(streams).toHaveLength(2);
      const dashboard = (await api.get(`/api/v1/value-streams/${streams[0].id}/kpi-dashboard?to=2026-06-30`))
        .body;
      const nps = dashboard.kpis.find((k: { kpi: { metricType: string } }) => k.kpi.metricType === 'nps');
      expect(nps.history.length).toBeGreaterThanOrEqual(17);
      const cases = (await api.get('/api/v1/business-cases')).body.items;
      expect(cases.length).toBeGreaterThan(3);
      expect((await api.get(`/api/v1/business-cases/${cases[0].id}/analysis`)).status).toBe(200);
      const portfolio = (await api.get('/api/v1/portfolios?q=Digital%20Customer')).body.items[0];
      const realisation = (
        await api.get(`/api/v1/portfolios/${portfolio.id}/benefits-realisation?asOf=2026-06-30`)
      ).body;
      expect(realisation.benefits.length).toBeGreaterThan(0);
      const model = (await api.get('/api/v1/scoring-models')).body.items[0];
      for (const m of ['wsjf', 'rice', model.id]) {
        const backlog = (await api.get(`/api/v1/portfolios/${portfolio.id}/backlog?model=${m}`)).body;
        expect([m, backlog.items.length > 0]).toEqual([m, true]);
      }
    } finally {
      await app.close();
      await dispose();
    }
  });
});
