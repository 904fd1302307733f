import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { seedDemo } from '../../demo/seed-demo';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import { apiClient, createTestUser, tokenFor } from '../../test/factories';

// The Northwind demo carries a living playbook: gate decisions, RAID logs with flagged risks,
// RACI warnings, status history and an intake queue (what the web pages and e2e show).

const engines = await testEngines();

describe.each(engines)('Northwind playbook demo on $name', { timeout: 300_000 }, (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    const demo = await seedDemo(store, { scale: 1, anchorDate: '2026-06-30' });
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const user = await createTestUser(store, demo.organisationId, { orgAdmin: true });
    api = apiClient(app, await tokenFor(store, demo.organisationId, user.userId));
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('has gate reviews, flagged risks, RACI warnings, status history and proposals', async () => {
    const portfolios = (await api.get('/api/v1/portfolios')).body.items as { id: string }[];
    const projects = (await api.get('/api/v1/projects?limit=12&sort=createdAt')).body.items as {
      id: string;
      key: string;
    }[];
    const pay = projects.find((p) => p.key === 'WEB') ?? projects[0];
    const reviews = await api.get(`/api/v1/projects/${pay?.id}/gate-reviews`);
    expect(reviews.body.items.length).toBeGreaterThan(0);

    const rollups = await Promise.all(
      portfolios.map((p) => api.get(`/api/v1/portfolios/${p.id}/raid?asOf=2026-06-30`)),
    );
    const flagged = rollups.flatMap((r) => r.body.flagged as { flags: string[] }[]);
    const flags = new Set(flagged.flatMap((f) => f.flags));
    expect(flags).toContain('review_overdue');
    expect(flags).toContain('escalating');

    const raci = (await api.get('/api/v1/raci-matrices?limit=50')).body.items as { warnings: unknown[] }[];
    expect(raci.length).toBe(6);
    expect(raci.filter((m) => m.warnings.length > 0)).toHaveLength(1);

    const published = await api.get('/api/v1/status-reports?state=published&limit=100');
    expect(published.body.items.length).toBe(18);
    const proposals = (await api.get('/api/v1/project-proposals')).body.items as { state: string }[];
    expect(proposals.map((p) => p.state).sort()).toEqual(['deferred', 'submitted', 'submitted']);
  });
});
