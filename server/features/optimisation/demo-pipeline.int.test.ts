import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioCandidate } from '../../../core/portfolio/scenario';
import { buildApp } from '../../app';
import { seedDemo } from '../../demo/seed-demo';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import { type ApiClient, apiClient, createTestUser, tokenFor } from '../../test/factories';

// The demo's own today; the API's clock is the real one, so scenarios here start at the demo's.
const DEMO_CLOCK = '2026-06-30';

// The demo's pipeline of proposed initiatives (server/demo/demo-pipeline.ts) makes the optimiser
// worth showing: on the Digital portfolio's default scenario the optimum beats the cut line,
// leaves something out and uses scarce skills.

const engines = await testEngines();
const BASE = '/api/v1/optimisation-scenarios';

interface ProjectSummary {
  key: string;
  portfolioId: string;
  lifecycleState: string;
  startDate: string | null;
}

describe.each(engines)('the demo pipeline on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  let portfolios: { id: string; name: string }[];

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const demo = await seedDemo(store, { scale: 1, anchorDate: DEMO_CLOCK });
    const user = await createTestUser(store, demo.organisationId, { orgAdmin: true });
    api = apiClient(app, await tokenFor(store, demo.organisationId, user.userId));
    portfolios = (await api.get('/api/v1/portfolios?limit=50')).body.items;
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('proposes initiatives in every portfolio, all starting after the demo clock', async () => {
    const projects = (await api.get('/api/v1/projects?limit=100')).body.items as ProjectSummary[];
    const count = (state: string) =>
      Object.fromEntries(
        portfolios.map((p) => [
          p.name,
          projects.filter((x) => x.portfolioId === p.id && x.lifecycleState === state).length,
        ]),
      );
    // Data & Platform's third proposal is the live demo's Churn Prediction Model.
    expect(count('proposed')).toEqual({
      'Digital Customer Experience': 5,
      'Operations Excellence': 2,
      'Data & Platform': 3,
    });
    expect(count('approved')).toEqual({
      'Digital Customer Experience': 2,
      'Operations Excellence': 1,
      'Data & Platform': 1,
    });
    const pipeline = projects.filter(
      (p) => ['proposed', 'approved'].includes(p.lifecycleState) && (p.startDate ?? '') > DEMO_CLOCK,
    );
    expect(pipeline).toHaveLength(13);
  });

  it('gives the optimiser a real choice on Digital Customer Experience', async () => {
    const portfolioId = portfolios.find((p) => p.name === 'Digital Customer Experience')?.id ?? '';
    const scenario = (await api.post(BASE, { portfolioId, horizonStart: DEMO_CLOCK, name: 'Pipeline' })).body;
    expect(scenario.constraints.budgetFactor).toBe(1);
    const candidates = scenario.candidates as ScenarioCandidate[];
    const started = await api.post(`${BASE}/${scenario.id}/runs`, { timeLimitMs: 10_000 });
    expect(started.status).toBe(202);
    let run = started.body;
    for (let i = 0; i < 300 && run.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await api.get(`${BASE}/${scenario.id}/runs/${run.id}`)).body;
    }
    expect(run.status).toBe('done');
    const result = run.result;
    expect(result.status).toBe('optimal');
    // The optimum beats the greedy cut line, ...
    expect(result.uplift).toBeGreaterThan(0);
    // ... leaves out at least one candidate worth funding on its own ...
    const selected = new Set(result.selected.map((s: { id: string }) => s.id));
    const leftOut = candidates.filter((c) => !selected.has(c.id) && (c.values.npv ?? 0) > 0);
    expect(leftOut.length).toBeGreaterThan(0);
    // ... and puts some skill to use in some quarter.
    const skillUse = Object.values(result.usage.capacity as Record<string, { used: number[] }>);
    expect(skillUse.some((u) => u.used.some((x) => x > 0))).toBe(true);
  }, 90_000);
});
