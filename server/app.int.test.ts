import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { RESOURCE_SPECS } from './features/registry';
import type { Store } from './store/database';
import { testEngines } from './test/engines';
import { apiClient, createPortfolioWithProject, createTestOrganisation } from './test/factories';

const engines = await testEngines();

describe.each(engines)('API surface on $name', (engine) => {
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

  it('reports health with the engine and schema version', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      engine: engine.name,
      schemaVersion: expect.stringMatching(/^\d{4}-/),
    });
  });

  it('publishes an OpenAPI 3.1 document with every resource route and problem responses', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const spec of RESOURCE_SPECS) {
      const list = doc.paths[`/api/v1/${spec.path}`];
      const one = doc.paths[`/api/v1/${spec.path}/{id}`];
      expect(Object.keys(list).sort()).toEqual(['get', 'post']);
      expect(Object.keys(one).sort()).toEqual(['delete', 'get', 'patch']);
      expect(one.patch.responses['412']).toBeDefined();
      expect(list.post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    }
    expect((await app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('requires a valid token, and a write token for changes', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(401);
    const bogus = await app.inject({
      method: 'GET',
      url: '/api/v1/projects',
      headers: { authorization: 'Bearer triad_nope' },
    });
    expect(bogus.statusCode).toBe(401);
    expect(bogus.headers['content-type']).toContain('application/problem+json');
    const org = await createTestOrganisation(store);
    const reader = apiClient(app, org.readToken);
    expect((await reader.get('/api/v1/projects')).status).toBe(200);
    expect((await reader.post('/api/v1/portfolios', { name: 'Nope' })).status).toBe(403);
  });

  it('keeps tenants apart in lists, reads, updates, deletes and audit history', async () => {
    const a = apiClient(app, (await createTestOrganisation(store, 'A')).token);
    const b = apiClient(app, (await createTestOrganisation(store, 'B')).token);
    const { project } = await createPortfolioWithProject(a, 'TENANT');
    expect((await b.get('/api/v1/projects')).body.items).toEqual([]);
    expect((await b.get('/api/v1/projects?key=TENANT')).body.items).toEqual([]);
    expect((await b.get(`/api/v1/projects/${project.id}`)).status).toBe(404);
    expect((await b.get(`/api/v1/projects/${project.id}/audit`)).status).toBe(404);
    expect((await b.patch(`/api/v1/projects/${project.id}`, { name: 'Hijacked', version: 1 })).status).toBe(
      404,
    );
    expect((await b.delete(`/api/v1/projects/${project.id}?version=1`)).status).toBe(404);
    expect((await a.get(`/api/v1/projects/${project.id}`)).body).toMatchObject({
      name: 'Project TENANT',
      version: 1,
    });
    // The same project key may exist in both organisations.
    expect((await createPortfolioWithProject(b, 'TENANT')).project.key).toBe('TENANT');
  });

  it('answers an empty history, not 404, for a record that exists but has no audit entries yet', async () => {
    const a = apiClient(app, (await createTestOrganisation(store, 'Quiet')).token);
    const { project } = await createPortfolioWithProject(a, 'QUIET');
    // As for rows loaded in bulk by the demo seed or an import.
    await store.db.deleteFrom('audit_events').where('entity_id', '=', project.id).execute();
    const history = await a.get(`/api/v1/projects/${project.id}/audit`);
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([]);
    expect((await a.get('/api/v1/projects/00000000-0000-7000-8000-000000000000/audit')).status).toBe(404);
  });

  it('answers unknown routes and methods with a problem document, never a stack trace', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', status: 404 });
    expect(res.body).not.toContain('at ');
  });
});
