import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Store } from '../store/database';
import { getSchemaVersion } from '../store/migrate';

const startedAt = Date.now();

/** GET /api/health: liveness plus which engine and schema version this instance runs. */
export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['Operations'],
        summary: 'Health, engine, schema version and uptime',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            engine: Type.Unsafe<string>({ type: 'string', enum: ['sqlite', 'postgres'] }),
            schemaVersion: Type.String(),
            uptimeSeconds: Type.Number(),
          }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(store.db);
      return {
        status: 'ok' as const,
        engine: store.engine,
        schemaVersion: await getSchemaVersion(store),
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      };
    },
  );
}
