import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { seedDemo } from '../demo/seed-demo';
import type { Store } from '../store/database';
import { TABLES_IN_DEPENDENCY_ORDER } from '../store/tables';
import { testEngines } from '../test/engines';
import { apiClient, createTestOrganisation, createTestUser, tokenFor } from '../test/factories';

// IDOR sweep, generated from the route table: every route that takes an id, whatever feature it
// belongs to, is called with ids of another organisation's records — and with ids the caller's own
// organisation holds but has not shared with them — and must never answer with that data or change
// it. New routes join the sweep by existing.

const engines = await testEngines();
const PARAM = /:(\w+)/g;

describe.each(engines)('IDOR sweep over every route with an id on $name', { timeout: 300_000 }, (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let victimOrg: string;
  /** A sample of ids from every table of the victim organisation (the demo). */
  const victimIds: string[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    const demo = await seedDemo(store, { scale: 1, anchorDate: '2026-06-30' });
    victimOrg = demo.organisationId;
    app = await buildApp({ store, rateLimitPerMinute: 1_000_000_000 });
    const db = store.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const rows = await db
        .selectFrom(table)
        .selectAll()
        .where('organisation_id', '=', victimOrg)
        .limit(1)
        .execute()
        .catch(() => []);
      for (const r of rows) if (typeof r.id === 'string') victimIds.push(r.id);
    }
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const auditCount = async () =>
    (
      await store.db
        .selectFrom('audit_events')
        .select('id')
        .where('organisation_id', '=', victimOrg)
        .execute()
    ).length;

  const sweep = async (token: string, label: string, allowed: (key: string, status: number) => boolean) => {
    const before = await auditCount();
    const api = apiClient(app, token);
    const leaks: string[] = [];
    for (const [key] of app.routePermissions) {
      const [method, path] = key.split(' ') as [string, string];
      if (!PARAM.test(path)) continue;
      PARAM.lastIndex = 0;
      for (const id of victimIds) {
        const url = path.replace(PARAM, id);
        const res =
          method === 'GET'
            ? await api.get(url)
            : method === 'DELETE'
              ? await api.delete(`${url}?version=1`)
              : method === 'POST'
                ? await api.post(url, {})
                : await app
                    .inject({
                      method: method as 'PATCH',
                      url,
                      headers: { authorization: `Bearer ${token}` },
                      payload: { version: 1 },
                    })
                    .then((r) => ({ status: r.statusCode }));
        if (res.status >= 500 || (res.status < 300 && !allowed(key, res.status)))
          leaks.push(`${label}: ${method} ${url} → ${res.status}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await auditCount()).toBe(before);
  };

  it('never serves or changes another organisation’s records by id', async () => {
    const attacker = await createTestOrganisation(store, 'Attacker');
    await sweep(attacker.token, 'other organisation', () => false);
  });

  it('never serves or changes unshared records to a member without roles, beyond the directory', async () => {
    const member = await createTestUser(store, victimOrg);
    const token = await tokenFor(store, victimOrg, member.userId);
    // Organisation-wide by design (docs/security.md): the directory (people, teams, tags),
    // organisation-level goals with their key results, the prioritisation scoring models, and the
    // working calendars, leave and cost rates capacity planning is built on, and the organisation's
    // own playbook (templates with no portfolio; the sample the sweep draws is one of those).
    const directory =
      /^GET \/api\/v1\/(people|teams|tags|goals|key-results|scoring-models|work-calendars|leave-entries|cost-rates|methodology-templates)\/:id(\/audit|\/check-ins|\/versions)?$/;
    await sweep(token, 'member without roles', (key, status) => status === 200 && directory.test(key));
  });
});
