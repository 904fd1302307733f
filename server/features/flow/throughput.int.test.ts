import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { issueApiToken } from '../../auth/api-tokens';
import { seedDemo } from '../../demo/seed-demo';
import type { Store } from '../../store/database';
import { testEngines } from '../../test/engines';
import { apiClient, createTestOrganisation } from '../../test/factories';

const engines = await testEngines();

describe.each(engines)('throughput API on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('counts the demo team’s finished items per day and week, matching a count of the raw rows', async () => {
    const demo = await seedDemo(store, { scale: 1, anchorDate: '2026-06-30' });
    const token = await issueApiToken(store.db, {
      organisationId: demo.organisationId,
      userId: demo.adminUserId,
      name: 't',
      scope: 'read',
      expiresAt: null,
      now: new Date().toISOString(),
    });
    const api = apiClient(app, token.token);
    const team = (await api.get('/api/v1/teams?q=Falcons')).body.items[0];
    const res = await api.get(`/api/v1/flow/throughput?teamId=${team.id}&from=2026-01-01&to=2026-03-31`);
    expect(res.status).toBe(200);
    expect(res.body.perDay).toHaveLength(90);
    // Independent count: every finished leaf item of the team in the quarter, through the list API.
    let expected = 0;
    let cursor: string | null = null;
    do {
      const page: { body: { items: { type: string }[]; nextCursor: string | null } } = await api.get(
        `/api/v1/work-items?teamId=${team.id}&doneAtFrom=2026-01-01&doneAtTo=2026-03-31&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expected += page.body.items.filter((i) => i.type !== 'epic' && i.type !== 'feature').length;
      cursor = page.body.nextCursor;
    } while (cursor);
    const perDayTotal = res.body.perDay.reduce((s: number, d: { count: number }) => s + d.count, 0);
    const perWeekTotal = res.body.perWeek.reduce((s: number, w: { count: number }) => s + w.count, 0);
    expect(expected).toBeGreaterThan(50);
    expect(perDayTotal).toBe(expected);
    expect(perWeekTotal).toBe(expected);
    // 2026-01-01 is a Thursday in ISO week 2026-W01, which holds four days of the range.
    expect(res.body.perWeek[0]).toMatchObject({ week: '2026-W01', weekStart: '2025-12-29', days: 4 });
  });

  it('refuses a reversed range and a team of another organisation', async () => {
    const api = apiClient(app, (await createTestOrganisation(store)).token);
    const reversed = await api.get('/api/v1/flow/throughput?from=2026-02-01&to=2026-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].field).toBe('to');
    const other = (
      await apiClient(app, (await createTestOrganisation(store)).token).post('/api/v1/teams', {
        name: 'T',
        deliveryMethod: 'scrum',
      })
    ).body;
    const foreign = await api.get(`/api/v1/flow/throughput?teamId=${other.id}&from=2026-01-01&to=2026-01-31`);
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].field).toBe('teamId');
  });
});
