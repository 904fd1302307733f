import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { importAdo } from '../../importers/ado/import-ado';
import { testEngines } from '../../test/engines';
import { createTestOrganisation, createTestUser, tokenFor } from '../../test/factories';

const ADO = fileURLToPath(new URL('../../importers/ado/__fixtures__/fabrikam-flat.csv', import.meta.url));
const engines = await testEngines();

describe.each(engines)('Import sources and their saved mappings on $name', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });
  const setup = async () => {
    const handle = await engine.open();
    const app: FastifyInstance = await buildApp({ store: handle.store });
    cleanups.push(async () => {
      await app.close();
      await handle.dispose();
    });
    const org = await createTestOrganisation(handle.store);
    const call = (
      method: 'GET' | 'PUT',
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
      token = org.token,
    ) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    return { store: handle.store, org, call };
  };

  it('shows the saved mapping, saves an edit under If-Match, and the next import uses it', async () => {
    const { store, org, call } = await setup();
    const first = await importAdo(store, { organisationId: org.organisationId, file: ADO });
    expect(first.created).toBe(8);

    const list = (await call('GET', '/api/v1/imports/sources')).json();
    expect(list.items).toEqual([expect.objectContaining({ source: 'ado:fabrikam-flat', kind: 'ado' })]);
    const id = list.items[0].id as string;
    const read = await call('GET', `/api/v1/imports/sources/${id}`);
    expect(read.statusCode).toBe(200);
    const etag = read.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect(read.json().mapping.statuses.active).toBe('in_progress');
    expect(read.json().defaultMapping.types['user story']).toBe('story');

    const url = `/api/v1/imports/sources/${id}/mapping`;
    const edited = { ...read.json().mapping, statuses: { ...read.json().mapping.statuses, active: 'todo' } };
    expect((await call('PUT', url, { mapping: edited })).statusCode).toBe(428);
    const bad = await call('PUT', url, { mapping: { statuses: { Waiting: 'later' } } }, { 'if-match': etag });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('mapping.statuses["Waiting"]');

    const saved = await call('PUT', url, { mapping: edited }, { 'if-match': etag });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().mapping.statuses.active).toBe('todo');
    expect(saved.headers.etag).not.toBe(etag);
    // A second editor who read the old version is refused and shown the current mapping.
    const stale = await call('PUT', url, { mapping: read.json().mapping }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.mapping.statuses.active).toBe('todo');

    const audit = await store.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('organisation_id', '=', org.organisationId)
      .where('entity_id', '=', id)
      .execute();
    expect(audit).toEqual([{ action: 'update', entity_type: 'import_source' }]);

    // Re-import without a mapping: the saved one applies, so the Active epic is now to do.
    const second = await importAdo(store, { organisationId: org.organisationId, file: ADO });
    expect(second.created).toBe(0);
    const epic = await store.db
      .selectFrom('work_items')
      .select('status_category')
      .where('organisation_id', '=', org.organisationId)
      .where('title', '=', 'Customer self-service portal')
      .executeTakeFirstOrThrow();
    expect(epic.status_category).toBe('todo');
  });

  it('admits organisation admins of the same organisation only', async () => {
    const { store, org, call } = await setup();
    await importAdo(store, { organisationId: org.organisationId, file: ADO });
    const id = (await call('GET', '/api/v1/imports/sources')).json().items[0].id as string;
    const member = await createTestUser(store, org.organisationId);
    const memberToken = await tokenFor(store, org.organisationId, member.userId);
    expect((await call('GET', `/api/v1/imports/sources/${id}`, undefined, {}, memberToken)).statusCode).toBe(
      403,
    );
    const other = await createTestOrganisation(store, 'Other');
    expect((await call('GET', `/api/v1/imports/sources/${id}`, undefined, {}, other.token)).statusCode).toBe(
      404,
    );
    expect((await call('GET', '/api/v1/imports/sources', undefined, {}, other.token)).json().items).toEqual(
      [],
    );
  });
});
