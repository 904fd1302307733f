import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { issueApiToken } from '../../auth/api-tokens';
import { seedDemo } from '../../demo/seed-demo';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import { type ApiClient, apiClient } from '../../test/factories';

// The demo's predictive and hybrid projects come with schedules that calculate, carry a
// baseline, progress as of the anchor date, a risk run and a levelled schedule.

const engines = await testEngines();

describe.each(engines)('demo schedules on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const demo = await seedDemo(store, { scale: 1, anchorDate: '2026-06-30' });
    const token = await issueApiToken(store.db, {
      organisationId: demo.organisationId,
      userId: demo.adminUserId,
      name: 't',
      scope: 'read',
      expiresAt: null,
      now: new Date().toISOString(),
    });
    api = apiClient(app, token.token);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('schedules ERP, DORA, DC, IAM, PAY, RPA and LAKE with a baseline, risk and levelling', async () => {
    for (const key of ['ERP', 'DORA', 'DC', 'IAM', 'PAY', 'RPA', 'LAKE']) {
      const project = (await api.get(`/api/v1/projects?key=${key}`)).body.items[0];
      const schedule = await api.get(`/api/v1/projects/${project.id}/schedule`);
      expect([key, schedule.status]).toEqual([key, 200]);
      expect(schedule.body.tasks.length).toBeGreaterThanOrEqual(30);
      expect(schedule.body.tasks.length).toBeLessThanOrEqual(80);
      expect(schedule.body.criticalTasks.length).toBeGreaterThan(0);
      const baselines = await api.get(`/api/v1/projects/${project.id}/schedule/baselines`);
      expect(baselines.body.items.map((b: { name: string }) => b.name)).toEqual(['Approved plan']);
      const variance = await api.get(
        `/api/v1/projects/${project.id}/schedule/baselines/${baselines.body.items[0].id}/variance`,
      );
      expect(variance.status).toBe(200);
      expect(variance.body.milestones.length).toBeGreaterThan(3);
      if (key === 'IAM') {
        expect(
          schedule.body.tasks.every(
            (t: { summary: boolean; progress: string }) => t.summary || t.progress === 'complete',
          ),
        ).toBe(true);
      }
      const tasks = (await api.get(`/api/v1/schedule-tasks?projectId=${project.id}&limit=500`)).body.items;
      expect(tasks.some((t: { estimateMax: number | null }) => t.estimateMax !== null)).toBe(true);
      expect(
        tasks.some((t: { predecessors: { type: string }[] }) => t.predecessors.some((p) => p.type !== 'FS')),
      ).toBe(true);
    }
    const erp = (await api.get('/api/v1/projects?key=ERP')).body.items[0];
    const risk = await api.get(`/api/v1/projects/${erp.id}/schedule/risk?iterations=500&statusDate=none`);
    expect(risk.status).toBe(200);
    expect(risk.body.p80.date >= risk.body.p50.date).toBe(true);
    expect(risk.body.tornado.length).toBeGreaterThan(5);
    const levelled = await api.get(
      `/api/v1/projects/${erp.id}/schedule/levelling?timeLimitMs=200&statusDate=none`,
    );
    expect(levelled.status).toBe(200);
    expect(levelled.body.feasible).toBe(true);
    expect(levelled.body.after.overloads).toBe(0);
  });
});
