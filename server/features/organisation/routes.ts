import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { authenticate } from '../../auth/authenticate';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';

const Organisation = Type.Object({
  id: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

/** GET /api/v1/organisation: the caller's own organisation (tenants never see each other). */
export function registerOrganisationRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/v1/organisation',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['Organisation'],
        summary: 'The organisation of the caller',
        response: { 200: Organisation, 401: ProblemSchema },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      const row = await store.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', principal.organisationId)
        .executeTakeFirstOrThrow();
      return {
        id: row.id,
        name: row.name,
        slug: row.slug,
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    },
  );
}
