import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

/**
 * The JSON Schema of every API request body, exactly as the server validates it, so the web app
 * checks a form against the same schema before sending it (one definition, two places).
 */
export interface RequestSchema {
  method: string;
  /** Fastify's route pattern, e.g. /api/v1/work-items/:id */
  path: string;
  body: unknown;
}

/** Collects the body schemas of the API routes registered after this call. */
export function trackRequestSchemas(app: FastifyInstance): RequestSchema[] {
  const schemas: RequestSchema[] = [];
  app.addHook('onRoute', (route) => {
    const body = (route.schema as { body?: unknown } | undefined)?.body;
    if (!body || !route.url.startsWith('/api/v1/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // JSON round trip: TypeBox's symbol-keyed metadata is dropped, leaving plain JSON Schema.
    const plain: unknown = JSON.parse(JSON.stringify(body));
    for (const method of methods) schemas.push({ method, path: route.url, body: plain });
  });
  return schemas;
}

export function registerRequestSchemaRoute(app: FastifyInstance, schemas: readonly RequestSchema[]): void {
  app.get(
    '/api/v1/request-schemas',
    {
      // The same facts the public OpenAPI document (/api/openapi.json) already publishes.
      config: { permission: 'public' },
      schema: {
        tags: ['API'],
        summary: 'The JSON Schema of every request body, for client-side form validation',
        response: {
          200: Type.Object({
            schemas: Type.Array(
              Type.Object({ method: Type.String(), path: Type.String(), body: Type.Unknown() }),
            ),
          }),
        },
      },
    },
    async (_request, reply) => {
      // Schemas change only with a new server build; revalidate so a deploy is picked up.
      void reply.header('Cache-Control', 'no-cache');
      return { schemas };
    },
  );
}
