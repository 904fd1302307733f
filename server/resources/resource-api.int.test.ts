import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Store } from '../store/database';
import { testEngines } from '../test/engines';
import {
  type ApiClient,
  apiClient,
  createPortfolioWithProject,
  createTestOrganisation,
} from '../test/factories';

const engines = await testEngines();

describe.each(engines)('resource API on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store });
    api = apiClient(app, (await createTestOrganisation(store)).token);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('creates, reads, updates with a version and records the audit trail', async () => {
    const { project } = await createPortfolioWithProject(api, 'CRUD');
    expect(project).toMatchObject({ key: 'CRUD', approach: 'agile', lifecycleState: 'proposed', version: 1 });

    const read = await api.get(`/api/v1/projects/${project.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');

    const updated = await api.patch(
      `/api/v1/projects/${project.id}`,
      { health: 'amber' },
      { 'if-match': '"1"' },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ health: 'amber', version: 2 });

    const audit = await api.get(`/api/v1/projects/${project.id}/audit`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
    expect(audit.body.items[1].changes).toEqual({ health: { before: null, after: 'amber' } });
    expect(audit.body.items[1].actor.label).toContain('Test Admin');
  });

  it('refuses a stale version with 412 and the current record, and a missing version with 428', async () => {
    const { project } = await createPortfolioWithProject(api, 'STALE');
    await api.patch(`/api/v1/projects/${project.id}`, { name: 'First edit', version: 1 });
    const stale = await api.patch(`/api/v1/projects/${project.id}`, { name: 'Second edit', version: 1 });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('precondition_failed');
    expect(stale.body.current).toMatchObject({ name: 'First edit', version: 2 });
    const missing = await api.patch(`/api/v1/projects/${project.id}`, { name: 'No version' });
    expect(missing.status).toBe(428);
    const stored = await api.get(`/api/v1/projects/${project.id}`);
    expect(stored.body.name).toBe('First edit');
  });

  it('lets only one of two concurrent edits of the same version win', async () => {
    const { project } = await createPortfolioWithProject(api, 'RACE');
    const [a, b] = await Promise.all([
      api.patch(`/api/v1/projects/${project.id}`, { name: 'A', version: 1 }),
      api.patch(`/api/v1/projects/${project.id}`, { name: 'B', version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? 'A' : 'B';
    expect((await api.get(`/api/v1/projects/${project.id}`)).body).toMatchObject({
      name: winner,
      version: 2,
    });
  });

  it('pages through a filtered, sorted list with cursors and no duplicates', async () => {
    const { portfolio } = await createPortfolioWithProject(api, 'PAGE');
    const names = ['delta', 'alpha', 'echo', 'charlie', 'bravo'];
    for (const [i, name] of names.entries()) {
      await api.post('/api/v1/projects', {
        portfolioId: portfolio.id,
        key: `PG${i}`,
        name,
        approach: i % 2 ? 'predictive' : 'hybrid',
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `portfolioId=${portfolio.id}&approach=predictive,hybrid&sort=-name&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api.get(`/api/v1/projects?${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((p: { name: string }) => p.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['echo', 'delta', 'charlie', 'bravo', 'alpha']);
  });

  it('deletes with a version, keeps the history readable and refuses deleting what others depend on', async () => {
    const { portfolio, project } = await createPortfolioWithProject(api, 'DEL');
    const blocked = await api.delete(`/api/v1/portfolios/${portfolio.id}?version=1`);
    expect(blocked.status).toBe(409);
    const gone = await api.delete(`/api/v1/projects/${project.id}`, { 'if-match': '"1"' });
    expect(gone.status).toBe(204);
    expect((await api.get(`/api/v1/projects/${project.id}`)).status).toBe(404);
    const audit = await api.get(`/api/v1/projects/${project.id}/audit`);
    expect(audit.body.items.at(-1)).toMatchObject({ action: 'delete' });
  });
});
