import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { RESOURCE_SPECS } from '../features/registry';
import type { Store } from '../store/database';
import { testEngines } from '../test/engines';
import { type ApiClient, apiClient, createTestOrganisation } from '../test/factories';
import { createFixtureGraph, type FixtureGraph, validCreateBody } from '../test/fixture-graph';
import type { FieldSpec, ResourceSpec } from './resource-spec';

// Every route of every resource meets the same bad inputs: malformed JSON, unknown fields, wrong
// types, out-of-range values, references into another organisation, prototype keys and oversize
// bodies. Each must get a 4xx problem naming the field, and write nothing at all.

const engines = await testEngines();

/** A value of the wrong JSON type for a field. */
function wrongType(f: FieldSpec): unknown {
  const type = (f.schema as { type?: string }).type;
  return type === 'string' ? 12345 : 'not-a-number';
}

/** A value of the right type but outside what the field allows, where the schema says what that is. */
function outOfRange(f: FieldSpec): unknown {
  const s = f.schema as {
    type?: string;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    maxLength?: number;
    pattern?: string;
    format?: string;
  };
  if (s.enum) return 'no-such-value';
  if (s.maximum !== undefined) return s.maximum + 1;
  if (s.minimum !== undefined) return s.minimum - 1;
  if (s.format === 'date') return '2026-02-30x';
  if (s.pattern) return 'lower case!';
  if (s.maxLength !== undefined) return 'x'.repeat(s.maxLength + 1);
  return undefined;
}

const writable = (spec: ResourceSpec) =>
  Object.entries(spec.fields).filter(([, f]) => f.create !== 'readonly');

describe.each(engines)('bad input on $name', (engine) => {
  let app: FastifyInstance;
  let store: Store;
  let dispose: () => Promise<void>;
  let api: ApiClient;
  let graph: FixtureGraph;
  let foreign: FixtureGraph;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    app = await buildApp({ store, bodyLimitBytes: 64 * 1024, rateLimitPerMinute: 1_000_000 });
    api = apiClient(app, (await createTestOrganisation(store)).token);
    graph = await createFixtureGraph(api);
    foreign = await createFixtureGraph(
      apiClient(app, (await createTestOrganisation(store, 'Other Org')).token),
    );
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  /** Row counts of the resource's table and of the audit trail: a refused request changes neither. */
  const snapshot = async (spec: ResourceSpec) => {
    const db = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const count = async (table: string) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return [await count(spec.table), await count('audit_events')];
  };

  const expectRefused = (
    res: { status: number; body: { code?: string; errors?: { field: string }[] } },
    status: number,
    field?: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.body?.code).toBeTypeOf('string');
    if (field) expect(res.body.errors?.map((e) => e.field)).toContain(field);
  };

  describe.each(RESOURCE_SPECS.map((spec) => ({ spec, path: spec.path })))('/api/v1/$path', ({ spec }) => {
    const base = `/api/v1/${spec.path}`;

    it('accepts the valid body the other cases start from', async () => {
      const res = await api.post(base, validCreateBody(spec.path, graph));
      expect(res.status).toBe(201);
    });

    it('refuses malformed JSON, prototype keys and oversize bodies on create', async () => {
      const before = await snapshot(spec);
      const malformed = await app.inject({
        method: 'POST',
        url: base,
        headers: {
          authorization: `Bearer ${(await createTestOrganisation(store)).token}`,
          'content-type': 'application/json',
        },
        payload: '{"name": ',
      });
      expect(malformed.statusCode).toBe(400);
      const proto = await app.inject({
        method: 'POST',
        url: base,
        headers: {
          authorization: `Bearer ${(await createTestOrganisation(store)).token}`,
          'content-type': 'application/json',
        },
        payload: `{"__proto__": {"admin": true}, "name": "x"}`,
      });
      expect(proto.statusCode).toBe(400);
      const huge = await api.post(base, {
        ...validCreateBody(spec.path, graph),
        description: 'x'.repeat(70 * 1024),
      });
      expectRefused(huge, 413);
      expect(await snapshot(spec)).toEqual(before);
    });

    it('refuses unknown and protected fields on create and update, naming them', async () => {
      const before = await snapshot(spec);
      for (const field of ['bogus', 'organisationId', 'id', 'createdAt']) {
        expectRefused(
          await api.post(base, { ...validCreateBody(spec.path, graph), [field]: 'x' }),
          400,
          field,
        );
      }
      expect(await snapshot(spec)).toEqual(before);
    });

    it('refuses wrong types and out-of-range values for every writable field, naming it', async () => {
      const before = await snapshot(spec);
      for (const [name, f] of writable(spec)) {
        expectRefused(
          await api.post(base, { ...validCreateBody(spec.path, graph), [name]: wrongType(f) }),
          400,
          name,
        );
        const bad = outOfRange(f);
        if (bad !== undefined) {
          expectRefused(
            await api.post(base, { ...validCreateBody(spec.path, graph), [name]: bad }),
            400,
            name,
          );
        }
      }
      expect(await snapshot(spec)).toEqual(before);
    });

    it('refuses references to records of another organisation, naming the field', async () => {
      const before = await snapshot(spec);
      const refs = writable(spec).filter(([, f]) => f.references);
      for (const [name, f] of refs) {
        const foreignId = foreign[f.references as keyof FixtureGraph];
        expectRefused(
          await api.post(base, { ...validCreateBody(spec.path, graph), [name]: foreignId }),
          422,
          name,
        );
      }
      if (spec.path === 'dependencies') {
        const body = { ...validCreateBody(spec.path, graph), successorId: foreign.projects };
        expectRefused(await api.post(base, body), 422, 'successorId');
      }
      expect(await snapshot(spec)).toEqual(before);
    });

    it('refuses bad updates and never reveals or changes another organisation’s record', async () => {
      const createdRes = await api.post(base, validCreateBody(spec.path, graph));
      expect(createdRes.status).toBe(201);
      const created = createdRes.body;
      const before = await snapshot(spec);
      const url = `${base}/${created.id}`;
      expectRefused(await api.patch(url, { bogus: 1, version: 1 }), 400, 'bogus');
      expectRefused(await api.patch(url, {}), 400);
      for (const [name, f] of writable(spec).filter(([, f]) => f.updatable !== false)) {
        expectRefused(await api.patch(url, { [name]: wrongType(f), version: 1 }), 400, name);
      }
      expectRefused(await api.patch(url, { version: 'one' }), 400, 'version');
      expectRefused(
        await api.patch(url, { [writable(spec)[0]?.[0] ?? 'name']: null }, { 'if-match': 'banana' }),
        400,
      );

      const foreignOwned = await apiClient(app, (await createTestOrganisation(store, 'Third')).token).get(
        url,
      );
      expect(foreignOwned.status).toBe(404);
      expect(await snapshot(spec)).toEqual(before);
    });

    it('refuses bad list queries, naming the parameter', async () => {
      expectRefused(await api.get(`${base}?limit=0`), 400, 'limit');
      expectRefused(await api.get(`${base}?limit=501`), 400, 'limit');
      expectRefused(await api.get(`${base}?bogus=1`), 400, 'bogus');
      expectRefused(await api.get(`${base}?sort=nonsense`), 400, 'sort');
      expectRefused(await api.get(`${base}?cursor=not-a-cursor`), 400, 'cursor');
    });
  });
});
