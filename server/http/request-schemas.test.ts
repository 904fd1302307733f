import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileRequestSchemas,
  type RequestSchema,
  validateRequestBody,
} from '../../web/src/api/request-validation';
import { buildApp } from '../app';
import { openStore, type Store } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { validatorCompiler } from './validation';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  required?: string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
};

/** Values near what the schema asks for (its enums, formats and types) and plain wrong ones. */
function valueFor(schema: JsonSchema | undefined, depth = 0, near = false): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  if (!schema || depth > 2) return wrong;
  const close: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) close.push(fc.constantFrom(...schema.enum));
  if (schema.anyOf) close.push(...schema.anyOf.map((s) => valueFor(s, depth + 1, near)));
  if (schema.format === 'date')
    close.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  if (schema.format === 'date-time') close.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  if (schema.format === 'uuid') close.push(fc.uuid());
  if (schema.format === 'email') close.push(fc.emailAddress());
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  for (const type of types) {
    const min = schema.minimum ?? -5;
    const max = schema.maximum ?? Math.max(min, 0) + 1_000;
    if (type === 'string' && schema.pattern) close.push(fc.stringMatching(new RegExp(schema.pattern, 'u')));
    else if (type === 'string' && !schema.format) {
      const minLength = schema.minLength ?? 0;
      close.push(fc.string({ minLength, maxLength: Math.min(schema.maxLength ?? 30, minLength + 30) }));
    }
    if (type === 'integer') close.push(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
    if (type === 'number') close.push(fc.double({ min, max, noNaN: true }));
    if (type === 'boolean') close.push(fc.boolean());
    if (type === 'array') close.push(fc.array(valueFor(schema.items, depth + 1, near), { maxLength: 3 }));
    if (type === 'object') close.push(bodyFor(schema, depth + 1, near));
  }
  if (close.length === 0) return wrong;
  if (near) return fc.oneof(...close);
  return fc.oneof({ weight: 4, arbitrary: fc.oneof(...close) }, { weight: 1, arbitrary: wrong });
}

/** near: every required field present and every value of a type the schema allows. */
function bodyFor(schema: JsonSchema, depth = 0, near = false): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, s]) => [key, valueFor(s, depth, near)]),
  );
  return fc.record(model, { requiredKeys: near ? (schema.required ?? []) : [] });
}

describe('GET /api/v1/request-schemas', () => {
  let store: Store;
  let app: FastifyInstance;
  let schemas: RequestSchema[];

  beforeAll(async () => {
    store = openStore({ sqliteFile: ':memory:' });
    await migrateToLatest(store);
    app = await buildApp({ store });
    const response = await app.inject({ method: 'GET', url: '/api/v1/request-schemas' });
    expect(response.statusCode).toBe(200);
    schemas = response.json<{ schemas: RequestSchema[] }>().schemas;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('serves the body schema of every route that takes a body, without signing in', () => {
    expect(schemas.length).toBeGreaterThan(50);
    const signIn = schemas.find((s) => s.method === 'POST' && s.path === '/api/v1/auth/sign-in');
    expect(signIn?.body).toMatchObject({ type: 'object' });
    for (const s of schemas) {
      expect(app.hasRoute({ method: s.method as 'POST', url: s.path }), `${s.method} ${s.path}`).toBe(true);
    }
  });

  it('answers 304 to a browser that already holds the same schemas', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/v1/request-schemas' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.inject({
      method: 'GET',
      url: '/api/v1/request-schemas',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const stale = await app.inject({
      method: 'GET',
      url: '/api/v1/request-schemas',
      headers: { 'if-none-match': '"other"' },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('the web client accepts and refuses exactly the bodies the server does (every route)', () => {
    const client = compileRequestSchemas(schemas);
    let accepted = 0;
    let refused = 0;
    for (const route of schemas) {
      const server = validatorCompiler({
        schema: route.body as object,
        httpPart: 'body',
        method: route.method,
        url: route.path,
      });
      const concrete = route.path.replace(/:\w+/g, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
      fc.assert(
        fc.property(
          fc.oneof(
            bodyFor(route.body as JsonSchema, 0, true),
            bodyFor(route.body as JsonSchema),
            valueFor(undefined),
          ),
          (body) => {
            const serverAccepts = server(structuredClone(body)) === true;
            if (serverAccepts) accepted++;
            else refused++;
            const clientErrors = validateRequestBody(client, route.method, concrete, body);
            expect(clientErrors.length === 0, `${route.method} ${route.path} ${JSON.stringify(body)}`).toBe(
              serverAccepts,
            );
          },
        ),
        { numRuns: 40 },
      );
    }
    // Both outcomes are exercised, so agreement is not agreement on refusing everything.
    expect(accepted).toBeGreaterThan(schemas.length);
    expect(refused).toBeGreaterThan(schemas.length);
  });

  it('names the fields the way the server does', () => {
    const client = compileRequestSchemas(schemas);
    const errors = validateRequestBody(client, 'POST', '/api/v1/auth/sign-in', { email: 42, extra: true });
    const fields = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    expect(fields.extra).toBe('is not a known field');
    expect(fields.password).toBe('is required');
    expect(fields.email).toMatch(/string/);
  });
});
