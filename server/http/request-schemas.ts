import { createHash } from 'node:crypto';
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
  let etag: string | undefined;
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
          304: Type.Null({ description: 'Not modified: the ETag sent in If-None-Match still holds' }),
        },
      },
    },
    async (request, reply) => {
      // Schemas change only with a new server build: the browser revalidates (no-cache) and gets
      // 304 while the ETag, a hash of the whole list taken once, still matches.
      etag ??= `"${createHash('sha256').update(JSON.stringify(schemas)).digest('base64url').slice(0, 27)}"`;
      void reply.header('Cache-Control', 'no-cache').header('ETag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      return { schemas };
    },
  );
}
