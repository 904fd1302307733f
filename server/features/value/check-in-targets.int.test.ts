import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import {
  type ApiClient,
  apiClient,
  createPortfolioWithProject,
  createTestOrganisation,
} from '../../test/factories';

const engines = await testEngines();

// Migration 0015: check-ins are corrected with If-Match, KPI targets move over time.
describe.each(engines)('check-in edits and KPI target history on $name', (engine) => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  let readOnly: ApiClient;
  let portfolioId: string;

  beforeAll(async () => {
    let store: Store;
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const org = await createTestOrganisation(store);
    api = apiClient(app, org.token);
    readOnly = apiClient(app, org.readToken);
    ({
      portfolio: { id: portfolioId },
    } = await createPortfolioWithProject(api, 'CHK'));
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('edits a check-in with If-Match, refuses a stale version and audits the change', async () => {
    const goal = await api.post('/api/v1/goals', { name: 'Grow NPS', level: 'portfolio', portfolioId });
    const kr = await api.post('/api/v1/key-results', {
      goalId: goal.body.id,
      name: 'NPS 30 → 40',
      metric: 'nps',
      unit: 'points',
      direction: 'increase',
      baseline: 30,
      target: 40,
    });
    const url = `/api/v1/key-results/${kr.body.id}/check-ins`;
    const made = await api.post(url, { date: '2026-05-31', value: 32, confidence: 0.6 });
    expect(made.status).toBe(201);
    expect(made.body.version).toBe(1);

    const missing = await api.patch(`${url}/${made.body.id}`, { value: 35 });
    expect(missing.status).toBe(428);
    const edited = await api.patch(
      `${url}/${made.body.id}`,
      { value: 35, note: 'Survey re-weighted' },
      {
        'if-match': '"1"',
      },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ value: 35, confidence: 0.6, note: 'Survey re-weighted', version: 2 });
    expect(edited.headers.etag).toBe('"2"');

    const stale = await api.patch(`${url}/${made.body.id}`, { value: 36 }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.current.value).toBe(35);
    expect((await readOnly.patch(`${url}/${made.body.id}`, { value: 1 }, { 'if-match': '"2"' })).status).toBe(
      403,
    );
    const bad = await api.patch(`${url}/${made.body.id}`, { confidence: 2 }, { 'if-match': '"2"' });
    expect(bad.status).toBe(400);

    // The key result's progress follows the corrected value: (35 − 30) / (40 − 30).
    expect((await api.get(`/api/v1/key-results/${kr.body.id}`)).body.progress).toBeCloseTo(0.5, 12);
    const audit = await api.get(`/api/v1/key-results/${kr.body.id}/audit`);
    const changes = audit.body.items.map((e: { changes: Record<string, unknown> }) => e.changes.checkIn);
    expect(changes).toContainEqual(
      expect.objectContaining({ after: expect.objectContaining({ value: 35 }) }),
    );
  });

  it('keeps earlier KPI targets and gives each measurement the target of its date', async () => {
    const kpi = await api.post('/api/v1/kpis', {
      name: 'Retention',
      metricType: 'retention',
      unit: '%',
      portfolioId,
      target: 90,
      threshold: 85,
      targetHistory: [{ until: '2026-01-01', target: 80, threshold: 75 }],
    });
    expect(kpi.status).toBe(201);
    expect(kpi.body.targetHistory).toEqual([{ until: '2026-01-01', target: 80, threshold: 75 }]);
    await api.post(`/api/v1/kpis/${kpi.body.id}/measurements`, {
      measurements: [
        { date: '2025-12-31', value: 82 },
        { date: '2026-01-31', value: 86 },
      ],
    });
    const history = await api.get(`/api/v1/kpis/${kpi.body.id}/measurements`);
    expect(history.body.items.map((m: { target: number }) => m.target)).toEqual([80, 90]);
    const dashboard = await api.get(
      `/api/v1/portfolios/${portfolioId}/kpi-dashboard?from=2025-01-01&to=2026-03-01`,
    );
    const row = dashboard.body.kpis.find((k: { kpi: { id: string } }) => k.kpi.id === kpi.body.id);
    expect(row.history.map((h: { threshold: number }) => h.threshold)).toEqual([75, 85]);

    const wrongSide = await api.patch(
      `/api/v1/kpis/${kpi.body.id}`,
      { targetHistory: [{ until: '2026-01-01', target: 80, threshold: 95 }] },
      { 'if-match': `"${kpi.body.version}"` },
    );
    expect(wrongSide.status).toBe(400);
    expect(wrongSide.body.errors[0].field).toBe('targetHistory.0');
  });
});
