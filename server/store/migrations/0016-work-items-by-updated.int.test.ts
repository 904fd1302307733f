import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { testEngines } from '../../test/engines';
import { apiClient, createPortfolioWithProject, createTestOrganisation } from '../../test/factories';
import type { Store } from '../database';

const engines = await testEngines();

describe.each(engines)('migration 0016: work items by last change on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000_000 });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('creates the index', async () => {
    const found =
      engine.name === 'sqlite'
        ? await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'index' and name = 'work_items_by_org_updated'`.execute(
            store.db,
          )
        : await sql<{
            name: string;
          }>`select indexname as name from pg_indexes where indexname = 'work_items_by_org_updated'`.execute(
            store.db,
          );
    expect(found.rows).toHaveLength(1);
  });

  it('pages through sort=-updatedAt in order, each item once', async () => {
    const org = await createTestOrganisation(store);
    const api = apiClient(app, org.token);
    const { project } = await createPortfolioWithProject(api);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await api.post('/api/v1/work-items', {
        projectId: project.id,
        type: 'story',
        title: `S${i}`,
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    // Touch two older items so the last-change order differs from the creation order.
    for (const id of [ids[1], ids[3]]) {
      const current = await api.get(`/api/v1/work-items/${id}`);
      await api.patch(
        `/api/v1/work-items/${id}`,
        { title: 'touched' },
        { 'if-match': `"${current.body.version}"` },
      );
    }
    const seen: { id: string; updatedAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.get(
        `/api/v1/work-items?sort=-updatedAt&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((w) => w.id).sort()).toEqual([...ids].sort());
    const keys = seen.map((w) => `${w.updatedAt}|${w.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    // The two touched items changed last (their order between them depends on the clock's tick).
    expect(
      seen
        .slice(0, 2)
        .map((w) => w.id)
        .sort(),
    ).toEqual([ids[1], ids[3]].sort());
  });
});
