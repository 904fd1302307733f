import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { RESOURCE_SPECS } from '../features/registry';
import type { ResourceSpec } from '../resources/resource-spec';
import type { Store } from '../store/database';
import { testEngines } from '../test/engines';
import {
  type ApiClient,
  apiClient,
  createTestOrganisation,
  createTestUser,
  tokenFor,
} from '../test/factories';
import { createFixtureGraph, type FixtureGraph, validCreateBody } from '../test/fixture-graph';
import { DIRECTORY_WRITERS, ROLE_PERMISSIONS, SCOPED_ROLES, type ScopedRole } from './permissions';

// The route-by-role matrix, generated: every route of the OpenAPI document, called as every role
// against records it owns (portfolio A), records of an unshared portfolio (B) and records of
// another organisation, must answer what docs/security.md and server/auth/permissions.ts say.

const engines = await testEngines();

type Caller = {
  name: string;
  role: ScopedRole | 'org_admin' | 'no_role' | 'read_only_token';
  api: ApiClient;
};
type Outcome = 'ok' | 'forbidden' | 'hidden';
type Where = 'A' | 'B' | 'foreign' | 'directory';

/** What the matrix promises `caller` for `action` on a record of `spec` that lives in `where`. */
function expectedOutcome(
  caller: Caller,
  spec: ResourceSpec,
  action: 'read' | 'write',
  where: Where,
): Outcome {
  // A read-only credential is refused any change before the record is even looked up.
  if (caller.role === 'read_only_token' && action === 'write') return 'forbidden';
  if (where === 'foreign') return 'hidden';
  if (caller.role === 'org_admin' || caller.role === 'read_only_token') return 'ok';
  const area = spec.access.area;
  if (area === 'directory')
    return action === 'read' || DIRECTORY_WRITERS.includes(caller.role as ScopedRole) ? 'ok' : 'forbidden';
  if (where !== 'A' || caller.role === 'no_role') return 'hidden';
  const perms = ROLE_PERMISSIONS[caller.role];
  const canRead = perms.includes(`${area}.read`);
  if (action === 'read') return canRead ? 'ok' : 'hidden';
  return perms.includes(`${area}.write`) ? 'ok' : canRead ? 'forbidden' : 'hidden';
}

const STATUS: Record<Outcome, number[]> = { ok: [200, 201, 204], forbidden: [403], hidden: [404] };
const PATCHES: Record<string, Record<string, unknown>> = {
  portfolios: { description: 'changed' },
  programs: { description: 'changed' },
  projects: { description: 'changed' },
  'work-items': { description: 'changed' },
  milestones: { description: 'changed' },
  dependencies: { description: 'changed' },
  teams: { description: 'changed' },
  people: { title: 'Changed' },
  goals: { description: 'changed' },
  tags: { color: '#123456' },
  'key-results': { name: 'Changed' },
  'goal-alignments': { note: 'changed' },
  'value-streams': { description: 'changed' },
  kpis: { description: 'changed' },
  'business-cases': { description: 'changed' },
  benefits: { description: 'changed' },
  'scoring-models': { description: 'changed' },
  'work-calendars': { hoursPerDay: 7.5 },
  'leave-entries': { note: 'changed' },
  'resource-requests': { note: 'changed' },
  'resource-assignments': { note: 'changed' },
  budgets: { note: 'changed' },
  'cost-rates': { note: 'changed' },
  'cost-entries': { description: 'changed' },
  'time-entries': { note: 'changed' },
  'progress-reports': { note: 'changed' },
  sprints: { goal: 'changed' },
  retrospectives: { wentWell: 'changed' },
  'retrospective-actions': { status: 'done' },
  'schedule-tasks': { name: 'Changed' },
  'schedule-resources': { name: 'Changed' },
  'methodology-templates': { description: 'changed' },
  'project-documents': { title: 'Changed' },
  risks: { description: 'changed' },
  assumptions: { description: 'changed' },
  issues: { description: 'changed' },
  decisions: { description: 'changed' },
  'raci-matrices': { name: 'Changed' },
  'status-reports': { summary: 'changed' },
  'project-proposals': { title: 'Changed' },
  'optimisation-scenarios': { description: 'changed' },
};

describe.each(engines)('route-by-role matrix on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let admin: ApiClient;
  let a: FixtureGraph;
  let b: FixtureGraph;
  let foreign: FixtureGraph;
  const callers: Caller[] = [];
  /** Records of each resource in A, B and the other organisation, created by the admin. */
  const records = new Map<string, Record<Exclude<Where, 'directory'>, string>>();

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000 });
    const org = await createTestOrganisation(store, 'Acme');
    admin = apiClient(app, org.token);
    a = await createFixtureGraph(admin);
    b = await createFixtureGraph(admin);
    const other = apiClient(app, (await createTestOrganisation(store, 'Other')).token);
    foreign = await createFixtureGraph(other);
    callers.push({ name: 'org admin', role: 'org_admin', api: admin });
    callers.push({ name: 'read-only token', role: 'read_only_token', api: apiClient(app, org.readToken) });
    const none = await createTestUser(store, org.organisationId);
    callers.push({
      name: 'member without roles',
      role: 'no_role',
      api: apiClient(app, await tokenFor(store, org.organisationId, none.userId)),
    });
    for (const role of SCOPED_ROLES) {
      const user = await createTestUser(store, org.organisationId, {
        grants: [{ role, scopeType: 'portfolio', scopeId: a.portfolios }],
      });
      callers.push({
        name: role,
        role,
        api: apiClient(app, await tokenFor(store, org.organisationId, user.userId)),
      });
    }
    for (const spec of RESOURCE_SPECS) {
      const make = async (api: ApiClient, g: FixtureGraph) => {
        const res = await api.post(`/api/v1/${spec.path}`, validCreateBody(spec.path, g));
        if (res.status !== 201) throw new Error(`${spec.path}: ${JSON.stringify(res.body)}`);
        return res.body.id as string;
      };
      // A portfolio's own scope is itself: the shared one is A.
      const inA = spec.path === 'portfolios' ? a.portfolios : await make(admin, a);
      const inB = spec.path === 'portfolios' ? b.portfolios : await make(admin, b);
      records.set(spec.path, { A: inA, B: inB, foreign: await make(other, foreign) });
    }
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('declares a permission for every route of the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        if (!app.routePermissions.has(key)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    expect(app.routePermissions.size).toBeGreaterThan(RESOURCE_SPECS.length * 6);
  });

  it('refuses every non-public route without credentials', async () => {
    for (const [key, permission] of app.routePermissions) {
      if (permission === 'public') continue;
      const [method, path] = key.split(' ') as [string, string];
      const url = path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await app.inject({
        method: method as 'GET',
        url,
        payload: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expect([key, res.statusCode]).toEqual([key, 401]);
    }
  });

  describe.each(RESOURCE_SPECS.map((spec) => ({ spec, path: spec.path })))('/api/v1/$path', ({ spec }) => {
    const where = (w: Exclude<Where, 'directory'>): Where =>
      spec.access.area === 'directory' && w !== 'foreign' ? 'directory' : w;

    it('reads, lists and shows history as the matrix says', async () => {
      const ids = records.get(spec.path) as Record<Exclude<Where, 'directory'>, string>;
      for (const caller of callers) {
        const listed = await caller.api.get(`/api/v1/${spec.path}?limit=500`);
        expect([caller.name, listed.status]).toEqual([caller.name, 200]);
        const seen = new Set(listed.body.items.map((r: { id: string }) => r.id));
        for (const w of ['A', 'B', 'foreign'] as const) {
          const outcome = expectedOutcome(caller, spec, 'read', where(w));
          const one = await caller.api.get(`/api/v1/${spec.path}/${ids[w]}`);
          const audit = await caller.api.get(`/api/v1/${spec.path}/${ids[w]}/audit`);
          expect([caller.name, w, 'get', STATUS[outcome].includes(one.status)]).toEqual([
            caller.name,
            w,
            'get',
            true,
          ]);
          expect([caller.name, w, 'audit', STATUS[outcome].includes(audit.status)]).toEqual([
            caller.name,
            w,
            'audit',
            true,
          ]);
          expect([caller.name, w, 'listed', seen.has(ids[w])]).toEqual([
            caller.name,
            w,
            'listed',
            outcome === 'ok',
          ]);
        }
      }
    });

    it('creates, updates and deletes as the matrix says, writing nothing when refused', async () => {
      const ids = records.get(spec.path) as Record<Exclude<Where, 'directory'>, string>;
      for (const caller of callers) {
        // Create: a portfolio is a new scope that no role holds yet, so only admins create them.
        const createWhere = spec.path === 'portfolios' ? where('B') : where('A');
        const created = await caller.api.post(`/api/v1/${spec.path}`, validCreateBody(spec.path, a));
        const createOutcome = expectedOutcome(caller, spec, 'write', createWhere);
        expect([caller.name, 'create', created.status]).toEqual([
          caller.name,
          'create',
          createOutcome === 'ok' ? 201 : 403,
        ]);

        for (const w of ['A', 'B', 'foreign'] as const) {
          const outcome = expectedOutcome(caller, spec, 'write', where(w));
          const current = (await admin.get(`/api/v1/${spec.path}/${ids[w]}`)).body;
          const version = w === 'foreign' ? 1 : current.version;
          const patched = await caller.api.patch(`/api/v1/${spec.path}/${ids[w]}`, {
            ...PATCHES[spec.path],
            version,
          });
          expect([caller.name, w, 'patch', patched.status, STATUS[outcome].includes(patched.status)]).toEqual(
            [caller.name, w, 'patch', patched.status, true],
          );
          if (w !== 'foreign' && outcome !== 'ok') {
            expect((await admin.get(`/api/v1/${spec.path}/${ids[w]}`)).body.version).toBe(current.version);
          }
        }

        // Delete a fresh record of A (or, for portfolios, a fresh portfolio nobody holds a role on).
        const victim = (await admin.post(`/api/v1/${spec.path}`, validCreateBody(spec.path, a))).body;
        const deleted = await caller.api.delete(
          `/api/v1/${spec.path}/${victim.id}?version=${victim.version}`,
        );
        const deleteOutcome = expectedOutcome(caller, spec, 'write', createWhere);
        expect([caller.name, 'delete', STATUS[deleteOutcome].includes(deleted.status)]).toEqual([
          caller.name,
          'delete',
          true,
        ]);
        const still = await admin.get(`/api/v1/${spec.path}/${victim.id}`);
        expect(still.status).toBe(deleteOutcome === 'ok' ? 404 : 200);
        if (created.status === 201) {
          await admin.delete(`/api/v1/${spec.path}/${created.body.id}?version=${created.body.version}`);
        }
      }
    });
  });

  it('counts only readable work items in throughput and guards the admin routes', async () => {
    for (const caller of callers) {
      const res = await caller.api.get(`/api/v1/flow/throughput?from=2024-01-01&to=2030-12-31`);
      expect(res.status).toBe(200);
      const history = await caller.api.get(`/api/v1/work-items/${a.work_items}/status-history`);
      const outcome = expectedOutcome(
        caller,
        RESOURCE_SPECS.find((s) => s.path === 'work-items') as ResourceSpec,
        'read',
        'A',
      );
      expect([caller.name, STATUS[outcome].includes(history.status)]).toEqual([caller.name, true]);
      const users = await caller.api.get('/api/v1/users');
      expect([caller.name, users.status]).toEqual([
        caller.name,
        caller.role === 'org_admin' || caller.role === 'read_only_token' ? 200 : 403,
      ]);
      const grant = await caller.api.post('/api/v1/role-assignments', {
        userId: '00000000-0000-4000-8000-000000000000',
        role: 'stakeholder',
        scopeType: 'portfolio',
        scopeId: a.portfolios,
      });
      expect([caller.name, grant.status]).toEqual([caller.name, caller.role === 'org_admin' ? 422 : 403]);
      expect((await caller.api.get(`/api/v1/work-items/${foreign.work_items}/status-history`)).status).toBe(
        404,
      );
      expect((await caller.api.get(`/api/v1/work-items/${b.work_items}/status-history`)).status).toBe(
        caller.role === 'org_admin' || caller.role === 'read_only_token' ? 200 : 404,
      );
    }
  });
});
