import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AuditListSchema } from '../audit/audit-schema';
import { listAudit } from '../audit/audit-store';
import { assertRecordAccess } from '../auth/access';
import { authenticate, requireWrite } from '../auth/authenticate';
import { publishChange } from '../features/events/change-feed';
import { etagOf, expectedVersion } from '../http/if-match';
import { ProblemError } from '../http/problem';
import { ProblemSchema } from '../http/problem-schema';
import type { RoutePermission } from '../http/route-permissions';
import type { Store } from '../store/database';
import {
  createSchema,
  listQuerySchema,
  listResponseSchema,
  recordSchema,
  updateSchema,
} from './resource-schemas';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from './resource-service';
import type { RequestContext, ResourceSpec } from './resource-spec';
import { findRow } from './resource-store';
import { Id } from './vocabulary-schemas';

type Body = Record<string, unknown>;

/** "a risk", "an issue": the summaries in the OpenAPI document read as English. */
const withArticle = (title: string) => {
  const noun = title.toLowerCase();
  return /^[aeio]/.test(noun) ? `an ${noun}` : `a ${noun}`;
};
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));

/** Registers list, create, read, update, delete and audit history for one resource. */
export function registerResourceRoutes(app: FastifyInstance, store: Store, spec: ResourceSpec): void {
  const base = `/api/v1/${spec.path}`;
  const area = spec.access.area;
  const read = { permission: `${area}.read` as RoutePermission };
  const write = { permission: `${area}.write` as RoutePermission };
  const tags = [spec.title];
  const params = Type.Object({ id: Id });
  const record = recordSchema(spec);
  const context = async (request: FastifyRequest): Promise<RequestContext> => ({
    principal: await authenticate(store, request),
    now: new Date().toISOString(),
  });
  const writeContext = async (request: FastifyRequest) => {
    const ctx = await context(request);
    requireWrite(ctx.principal);
    return ctx;
  };

  app.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: `List ${spec.title.toLowerCase()} records`,
        querystring: listQuerySchema(spec),
        response: { 200: listResponseSchema(spec), ...errors(400, 401) },
      },
    },
    async (request) => {
      const ctx = await context(request);
      const query = request.query as Body & { limit: number };
      return listRecords(store.db, ctx, spec, query);
    },
  );

  app.post(
    base,
    {
      config: write,
      schema: {
        tags,
        summary: `Create ${withArticle(spec.title)}`,
        body: createSchema(spec),
        response: { 201: record, ...errors(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const ctx = await writeContext(request);
      const created = await store.db
        .transaction()
        .execute((trx) => createRecord(trx, ctx, spec, request.body as Body));
      publishChange(store, ctx, spec, created, 'created');
      void reply.header('etag', etagOf(created.version)).header('location', `${base}/${String(created.id)}`);
      return reply.status(201).send(created);
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: `Get ${withArticle(spec.title)}`,
        params,
        response: { 200: record, ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const ctx = await context(request);
      const found = await getRecord(store.db, ctx, spec, (request.params as { id: string }).id);
      return reply.header('etag', etagOf(found.version)).send(found);
    },
  );

  app.patch(
    `${base}/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: `Update ${withArticle(spec.title)} (If-Match or version required)`,
        params,
        body: updateSchema(spec),
        response: { 200: record, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const ctx = await writeContext(request);
      const { version, ...changes } = request.body as Body;
      const expected = expectedVersion(request, version);
      const id = (request.params as { id: string }).id;
      const updated = await store.db
        .transaction()
        .execute((trx) => updateRecord(trx, ctx, spec, id, changes, expected));
      publishChange(store, ctx, spec, updated, 'updated');
      return reply.header('etag', etagOf(updated.version)).send(updated);
    },
  );

  app.delete(
    `${base}/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: `Delete ${withArticle(spec.title)} (If-Match or ?version required)`,
        params,
        querystring: Type.Object(
          { version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors(401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const ctx = await writeContext(request);
      const expected = expectedVersion(request, (request.query as { version?: number }).version);
      const id = (request.params as { id: string }).id;
      await store.db.transaction().execute((trx) => deleteRecord(trx, ctx, spec, id, expected));
      publishChange(store, ctx, spec, { id }, 'deleted');
      return reply.status(204).send();
    },
  );

  app.get(
    `${base}/:id/audit`,
    {
      config: read,
      schema: {
        tags,
        summary: `Change history of ${withArticle(spec.title)}`,
        params,
        response: { 200: AuditListSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const ctx = await context(request);
      const id = (request.params as { id: string }).id;
      const exists = await findRow(store.db, spec, ctx.principal.organisationId, id);
      // The history of a deleted record is for organisation admins; otherwise it follows read access.
      if (exists) await assertRecordAccess(store.db, spec, ctx.principal, id, 'read');
      else if (!ctx.principal.orgAdmin)
        throw new ProblemError('not_found', `${spec.title} ${id} does not exist.`);
      const items = await listAudit(store.db, ctx.principal.organisationId, spec.entityType, id);
      // A record loaded in bulk (demo seed, import) may have no entries yet: an empty history, not a 404.
      if (items.length === 0 && !exists)
        throw new ProblemError('not_found', `${spec.title} ${id} has no history here.`);
      return { items };
    },
  );
}
