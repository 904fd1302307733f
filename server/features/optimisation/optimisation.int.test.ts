import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePortfolioInstance } from '../../../core/portfolio/generate-instance';
import { computeGreedyPlan } from '../../../core/portfolio/greedy';
import { buildScenarioProblem, type ScenarioCandidate } from '../../../core/portfolio/scenario';
import { verifyPlan } from '../../../core/portfolio/verify-plan';
import { buildApp } from '../../app';
import { issueApiToken } from '../../auth/api-tokens';
import { PORTFOLIOS } from '../../demo/demo-catalogue';
import { PIPELINE } from '../../demo/demo-pipeline-catalogue';
import { seedDemo } from '../../demo/seed-demo';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import { type ApiClient, apiClient, createTestUser, tokenFor } from '../../test/factories';
import { quarterIndex, quarterLabel, quarterStart } from './quarters';

// The demo's own today; the API's clock is the real one, so scenarios here start at the demo's.
const DEMO_CLOCK = '2026-06-30';

// Scenarios on the Northwind demo: copy a live portfolio, edit it, run the optimiser in the
// background (progress, cancel), compare two scenarios and adopt one with an audited decision.

const engines = await testEngines();
const BASE = '/api/v1/optimisation-scenarios';

async function waitForRun(api: ApiClient, scenarioId: string, runId: string) {
  for (let i = 0; i < 300; i++) {
    const run = await api.get(`${BASE}/${scenarioId}/runs/${runId}`);
    if (run.body.status !== 'running') return run.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('run did not finish');
}

describe.each(engines)('portfolio optimisation on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  let organisationId: string;
  let portfolioId: string;
  let otherPortfolioId: string;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const demo = await seedDemo(store, { scale: 1, anchorDate: DEMO_CLOCK });
    organisationId = demo.organisationId;
    const token = await issueApiToken(store.db, {
      organisationId,
      userId: demo.adminUserId,
      name: 't',
      scope: 'write',
      expiresAt: null,
      now: new Date().toISOString(),
    });
    api = apiClient(app, token.token);
    const portfolios = (await api.get('/api/v1/portfolios?limit=50')).body.items as {
      id: string;
      name: string;
    }[];
    portfolioId = portfolios.find((p) => p.name === 'Digital Customer Experience')?.id ?? '';
    otherPortfolioId = portfolios.find((p) => p.name === 'Operations Excellence')?.id ?? '';
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('copies the live portfolio, solves it in the background and beats or equals the cut line', async () => {
    const created = await api.post(BASE, { portfolioId, horizonStart: DEMO_CLOCK, name: 'Live plan' });
    expect(created.status).toBe(201);
    const scenario = created.body;
    const candidates = scenario.candidates as ScenarioCandidate[];
    // One candidate per open project: the four live ones and the demo pipeline's six proposals.
    const open = [...(PORTFOLIOS[0]?.projects ?? []), ...PIPELINE.filter((p) => p.portfolio === 0)];
    expect(open).toHaveLength(10);
    expect(candidates.map((c) => c.key).sort()).toEqual(open.map((p) => p.key).sort());
    expect(candidates.some((c) => (c.values.npv ?? 0) > 0)).toBe(true);
    expect(scenario.constraints.budget).toHaveLength(8);

    const started = await api.post(`${BASE}/${scenario.id}/runs`, { timeLimitMs: 5000 });
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('running');
    const run = await waitForRun(api, scenario.id, started.body.id);
    expect(run.status).toBe('done');
    const result = run.result;
    expect(['optimal', 'feasible']).toContain(result.status);
    expect(result.objective).toBeGreaterThanOrEqual(result.greedy.objective);
    expect(result.uplift).toBe(result.objective - result.greedy.objective);
    expect(result.periodLabels[0]).toMatch(/^202\d-Q\d$/);
    // The stored plan keeps every rule of the scenario's problem.
    const { problem } = buildScenarioProblem({ ...scenario, candidates, constraints: scenario.constraints });
    const plan = {
      selected: result.selected.map((s: { id: string; start: number }) => ({ id: s.id, start: s.start })),
    };
    expect(verifyPlan(problem, plan)).toEqual([]);
    expect(result.objective).toBeGreaterThanOrEqual(computeGreedyPlan(problem).objective);
    expect(result.frontier.length).toBeGreaterThan(1);
    const values = result.frontier.map((p: { value: number | null }) => p.value ?? 0);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const listed = await api.get(`${BASE}/${scenario.id}/runs`);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(run.id);
  }, 60_000);

  it('starts the plan this quarter by default: running projects pinned with the rest of their run', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const byDefault = (await api.post(BASE, { portfolioId, name: 'From today' })).body;
    expect(byDefault.horizonStart).toBe(quarterStart(quarterIndex(today)));
    // At the demo's own today: every open project is a candidate, the running ones (in flight) on
    // period 0 only, and each not-started one free to move but never before its planned quarter.
    const scenario = (await api.post(BASE, { portfolioId, horizonStart: DEMO_CLOCK, name: 'Demo today' }))
      .body;
    const h = quarterIndex(DEMO_CLOCK);
    const projects = (await api.get(`/api/v1/projects?portfolioId=${portfolioId}&limit=100`)).body.items as {
      id: string;
      lifecycleState: string;
      startDate: string | null;
    }[];
    for (const c of scenario.candidates as ScenarioCandidate[]) {
      const project = projects.find((p) => p.id === c.id);
      const planned = quarterIndex(project?.startDate ?? DEMO_CLOCK);
      const running = planned < h && ['active', 'on_hold'].includes(project?.lifecycleState ?? '');
      expect(c.inFlight).toBe(running);
      if (running) expect([c.earliestStart, c.latestStart]).toEqual([0, 0]);
      else {
        expect(c.earliestStart).toBe(Math.max(0, Math.min(planned - h, 8 - c.duration)));
        expect(c.latestStart).toBe(8 - c.duration);
      }
      expect(c.duration).toBeGreaterThanOrEqual(1);
    }
    expect((scenario.candidates as ScenarioCandidate[]).some((c) => c.inFlight)).toBe(true);
    expect((scenario.candidates as ScenarioCandidate[]).some((c) => !c.inFlight)).toBe(true);
  }, 60_000);

  it('turns binding limits into shadow-price sentences and compares two scenarios', async () => {
    const base = (await api.post(BASE, { portfolioId, horizonStart: DEMO_CLOCK, name: 'Base' })).body;
    const cut = (await api.post(BASE, { portfolioId, horizonStart: DEMO_CLOCK, name: 'Budget -20%' })).body;
    const patched = await api.patch(`${BASE}/${cut.id}`, {
      constraints: { ...cut.constraints, budgetFactor: 0.8 },
      version: cut.version,
    });
    expect(patched.status).toBe(200);
    for (const s of [base, cut]) {
      const run = (await api.post(`${BASE}/${s.id}/runs`, { timeLimitMs: 3000 })).body;
      expect((await waitForRun(api, s.id, run.id)).status).toBe('done');
    }
    const cutRun = (await api.get(`${BASE}/${cut.id}/runs`)).body.items[0];
    expect(cutRun.result.shadowPrices.length).toBeGreaterThan(0);
    // Binding budget quarters and the scarce skills (Node.js in the demo) are both priced.
    const sentences: string[] = cutRun.result.shadowPrices.map((p: { sentence: string }) => p.sentence);
    for (const sentence of sentences)
      expect(sentence).toMatch(
        /^(.+ more budget|One more FTE of .+ capacity) in 20\d\d-Q\d would add about .+ of NPV\.$/,
      );
    expect(sentences.some((x) => /more budget in 20\d\d-Q\d/.test(x))).toBe(true);

    const compared = await api.get(`${BASE}/${base.id}/compare/${cut.id}`);
    expect(compared.status).toBe(200);
    const c = compared.body;
    expect(c.first.name).toBe('Base');
    expect(c.second.name).toBe('Budget -20%');
    expect(c.second.objective).toBeLessThanOrEqual(c.first.objective);
    expect(c.valueDifference).toBe(c.second.objective - c.first.objective);
    expect(c.inputChanges).toContain('Budget at 80 % instead of 100 %.');
    expect(c.first.budgetUsed).toHaveLength(8);
    const changed = c.selected.length + c.deselected.length + c.moved.length;
    expect(changed > 0 || c.valueDifference === 0).toBe(true);
  }, 90_000);

  it('compares scenarios with different horizons on one quarter axis', async () => {
    const h = quarterIndex(DEMO_CLOCK);
    const long = (await api.post(BASE, { portfolioId, horizonStart: DEMO_CLOCK, name: 'Eight', periods: 8 }))
      .body;
    const short = (
      await api.post(BASE, { portfolioId, horizonStart: quarterStart(h + 1), name: 'Six later', periods: 6 })
    ).body;
    const results: Record<string, { selected: { id: string; start: number }[] }> = {};
    for (const s of [long, short]) {
      const run = (await api.post(`${BASE}/${s.id}/runs`, { timeLimitMs: 3000 })).body;
      const done = await waitForRun(api, s.id, run.id);
      expect(done.status).toBe('done');
      results[s.id] = done.result;
    }
    const c = (await api.get(`${BASE}/${long.id}/compare/${short.id}`)).body;
    expect(c.periodLabels).toEqual(Array.from({ length: 8 }, (_, k) => quarterLabel(h + k)));
    expect(c.first.budgetUsed.every((x: number | null) => typeof x === 'number')).toBe(true);
    // The later, shorter scenario covers axis quarters 1…6 only.
    expect(c.second.budgetUsed[0]).toBeNull();
    expect(c.second.budgetUsed[7]).toBeNull();
    expect(c.second.budgetUsed.slice(1, 7).every((x: number | null) => typeof x === 'number')).toBe(true);
    expect(c.inputChanges).toContain(
      `Plans 6 quarters from ${quarterLabel(h + 1)} instead of 8 quarters from ${quarterLabel(h)}.`,
    );
    // Starts are compared as quarters: the later scenario's period p is axis quarter p + 1.
    const startIn = (id: string, scenario: string, offset: number) =>
      (results[scenario]?.selected.find((x) => x.id === id)?.start ?? Number.NaN) + offset;
    for (const m of c.moved as { id: string; from: number; to: number }[]) {
      expect(m.from).toBe(startIn(m.id, long.id, 0));
      expect(m.to).toBe(startIn(m.id, short.id, 1));
    }
    const moved = new Set((c.moved as { id: string }[]).map((m) => m.id));
    for (const x of results[long.id]?.selected ?? [])
      if (startIn(x.id, short.id, 1) === x.start) expect(moved.has(x.id)).toBe(false);
    // A project running in both starts each horizon, which is not a move.
    const running = (s: { candidates: ScenarioCandidate[] }) =>
      s.candidates.filter((x) => x.inFlight).map((x) => x.id);
    const runningInBoth = running(long).filter((id) => running(short).includes(id));
    expect(runningInBoth.length).toBeGreaterThan(0);
    for (const id of runningInBoth) expect(moved.has(id)).toBe(false);
  }, 90_000);

  it('cancels a long run at once and stays responsive meanwhile', async () => {
    const generated = generatePortfolioInstance(
      { candidates: 150, periods: 8, skills: 4, tightness: 0.35 },
      5,
    );
    const scenario = (
      await api.post(BASE, { portfolioId, horizonStart: DEMO_CLOCK, name: 'Big', periods: 8 })
    ).body;
    const candidates: ScenarioCandidate[] = generated.candidates.map((c) => ({
      id: c.id,
      key: c.id,
      name: c.id,
      values: { npv: c.value, wsjf: null, score: null },
      valueOverride: null,
      duration: c.duration,
      cost: c.cost,
      demand: c.demand,
      earliestStart: c.earliestStart,
      latestStart: c.latestStart,
      included: true,
      mandatory: false,
      forcedStart: null,
      dependsOn: c.dependsOn,
      excludes: c.excludes,
      teamId: null,
      inFlight: false,
    }));
    const constraints = {
      budget: generated.budget ?? null,
      budgetFactor: 1,
      capacity: generated.capacity,
      teams: {},
      removedTeams: [],
    };
    const patched = await api.patch(`${BASE}/${scenario.id}`, {
      candidates,
      constraints,
      version: scenario.version,
    });
    expect(patched.status).toBe(200);
    const run = (await api.post(`${BASE}/${scenario.id}/runs`, { timeLimitMs: 120_000 })).body;
    const t0 = Date.now();
    const health = await api.get('/api/v1/portfolios?limit=1');
    expect(health.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(2000);
    const cancelled = await api.delete(`${BASE}/${scenario.id}/runs/${run.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await api.post(`${BASE}/${scenario.id}/runs/${run.id}/cancel`, {});
    expect(again.status).toBe(409);
    const audit = await store.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', run.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  }, 60_000);

  it('adopts a scenario with an audited decision record, superseding the earlier one', async () => {
    const first = (await api.post(BASE, { portfolioId, horizonStart: DEMO_CLOCK, name: 'Plan A' })).body;
    const second = (await api.post(BASE, { portfolioId, horizonStart: DEMO_CLOCK, name: 'Plan B' })).body;
    const noRun = await api.post(`${BASE}/${first.id}/adopt`, {
      rationale: 'Board decision',
      version: first.version,
    });
    expect(noRun.status).toBe(409);
    expect(noRun.body.errors[0].field).toBe('runId');
    for (const s of [first, second]) {
      const run = (await api.post(`${BASE}/${s.id}/runs`, { timeLimitMs: 2000 })).body;
      await waitForRun(api, s.id, run.id);
    }
    const stale = await api.post(`${BASE}/${first.id}/adopt`, { rationale: 'Board decision', version: 99 });
    expect(stale.status).toBe(412);
    const adopted = await api.post(`${BASE}/${first.id}/adopt`, {
      rationale: 'Board decision',
      version: first.version,
    });
    expect(adopted.status).toBe(200);
    expect(adopted.body.rationale).toBe('Board decision');
    const b = await api.post(`${BASE}/${second.id}/adopt`, {
      rationale: 'Budget cut',
      version: second.version,
    });
    expect(b.status).toBe(200);
    const a = (await api.get(`${BASE}/${first.id}`)).body;
    expect(a.adoptedAt).toBeNull();
    const now = (await api.get(`${BASE}/${second.id}`)).body;
    expect(now.adoptionRationale).toBe('Budget cut');
    expect(now.adoptedBy).toBeTruthy();
    const history = await api.get(`${BASE}/${second.id}/audit`);
    const entry = history.body.items.find(
      (e: { changes: Record<string, unknown> }) => 'adoptionRationale' in e.changes,
    );
    expect(entry.changes.adoptionRationale.after).toBe('Budget cut');
  }, 60_000);

  it('hides scenarios of a portfolio the caller cannot see and names the field of bad input', async () => {
    const scenario = (await api.post(BASE, { portfolioId, horizonStart: DEMO_CLOCK, name: 'Private' })).body;
    const outsider = await createTestUser(store, organisationId, {
      grants: [{ role: 'vmo_lead', scopeType: 'portfolio', scopeId: otherPortfolioId }],
    });
    const other = apiClient(app, await tokenFor(store, organisationId, outsider.userId));
    expect((await other.get(`${BASE}/${scenario.id}`)).status).toBe(404);
    expect((await other.get(`${BASE}/${scenario.id}/runs`)).status).toBe(404);
    expect((await other.post(`${BASE}/${scenario.id}/runs`, {})).status).toBe(404);
    expect((await other.get(`${BASE}/${scenario.id}/compare/${scenario.id}`)).status).toBe(404);
    expect(
      (await other.post(`${BASE}/${scenario.id}/adopt`, { rationale: 'x y z', version: 1 })).status,
    ).toBe(404);
    const listed = await other.get(`${BASE}?limit=100`);
    expect(listed.body.items.map((s: { id: string }) => s.id)).not.toContain(scenario.id);
    const mine = (await other.post(BASE, { portfolioId: otherPortfolioId, name: 'Ops' })).body;
    expect((await other.get(`${BASE}/${mine.id}/compare/${scenario.id}`)).body.errors[0].field).toBe(
      'otherId',
    );

    const badLimit = await api.post(`${BASE}/${scenario.id}/runs`, { timeLimitMs: 5 });
    expect(badLimit.status).toBe(400);
    expect(JSON.stringify(badLimit.body.errors)).toContain('timeLimitMs');
    const c = scenario.candidates as ScenarioCandidate[];
    const forced = c.map((x, i) => (i === 0 ? { ...x, forcedStart: 30 } : x));
    const badForce = await api.patch(`${BASE}/${scenario.id}`, {
      candidates: forced,
      version: scenario.version,
    });
    expect(badForce.status).toBe(400);
    expect(badForce.body.errors[0].field).toBe('candidates[0].forcedStart');
    const badSource = await api.patch(`${BASE}/${scenario.id}`, {
      valueSource: 'gut',
      version: scenario.version,
    });
    expect(badSource.status).toBe(400);
    expect(JSON.stringify(badSource.body.errors)).toContain('valueSource');
    const badAdopt = await api.post(`${BASE}/${scenario.id}/adopt`, { rationale: '', version: 1 });
    expect(badAdopt.status).toBe(400);
    expect(JSON.stringify(badAdopt.body.errors)).toContain('rationale');
  }, 60_000);
});
