import type { FastifyInstance } from 'fastify';
import { authenticate, requireOrgAdmin, requireWrite } from '../../auth/authenticate';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import { MappingBody, SourceList, SourceParams, SourceResponse } from './import-schemas';
import { getImportSource, listImportSources, updateSourceMapping } from './source-service';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
const tags = ['Import'];
const admin = { permission: 'org.admin' as const };
const BASE = '/api/v1/imports/sources';

/** Import sources and their saved mappings: list, read, and edit a mapping (If-Match its ETag). */
export function registerImportSourceRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    BASE,
    {
      config: admin,
      schema: {
        tags,
        summary: 'Import sources of the organisation',
        response: { 200: SourceList, ...errors(401, 403) },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      requireOrgAdmin(principal);
      return listImportSources(store, principal.organisationId);
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: admin,
      schema: {
        tags,
        summary: 'An import source with its saved mapping and its importer’s defaults (ETag)',
        params: SourceParams,
        response: { 200: SourceResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      requireOrgAdmin(principal);
      const { etag, body } = await getImportSource(
        store,
        principal.organisationId,
        (request.params as { id: string }).id,
      );
      return reply.header('etag', etag).send(body);
    },
  );

  app.put(
    `${BASE}/:id/mapping`,
    {
      config: admin,
      schema: {
        tags,
        summary: 'Replace the mapping saved with an import source (If-Match: the source’s ETag)',
        params: SourceParams,
        body: MappingBody,
        response: { 200: SourceResponse, ...errors(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(store, request);
      requireOrgAdmin(principal);
      requireWrite(principal);
      const ifMatch = request.headers['if-match'];
      const { etag, body } = await updateSourceMapping(
        store,
        principal,
        (request.params as { id: string }).id,
        typeof ifMatch === 'string' ? ifMatch : undefined,
        (request.body as { mapping: unknown }).mapping,
      );
      return reply.header('etag', etag).send(body);
    },
  );
}
