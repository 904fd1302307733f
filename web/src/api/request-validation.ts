import { Errors } from 'typebox/schema';

/** A field the request named wrongly, as the server's problem documents name it. */
export interface FieldError {
  field: string;
  message: string;
}

/** One request body schema as GET /api/v1/request-schemas serves it (what the server validates). */
export interface RequestSchema {
  method: string;
  path: string;
  body: unknown;
}

interface RouteSchema {
  method: string;
  pattern: RegExp;
  body: unknown;
}

/** Fastify route patterns → matchers; static routes first, so /items/bulk wins over /items/:id. */
export function compileRequestSchemas(schemas: readonly RequestSchema[]): RouteSchema[] {
  const params = (path: string) => (path.match(/[:*]/g) ?? []).length;
  return [...schemas]
    .sort((a, b) => params(a.path) - params(b.path))
    .map((s) => ({
      method: s.method.toUpperCase(),
      body: s.body,
      pattern: new RegExp(
        `^${s.path
          .split('/')
          .map((segment) =>
            segment === '*'
              ? '.*'
              : segment.startsWith(':')
                ? '[^/]+'
                : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('/')}$`,
      ),
    }));
}

interface SchemaError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

const pointerSegments = (pointer: string) =>
  pointer
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * Validator errors → the server's field errors: `field` is the dotted path the server names
 * (server/http/error-handler.ts), one message per field, the most specific one kept (for
 * `string | null` the format message, not "must be null").
 */
export function toFieldErrors(errors: readonly SchemaError[]): FieldError[] {
  const candidates: Array<FieldError & { generic: boolean }> = [];
  for (const e of errors) {
    const path = pointerSegments(e.instancePath);
    const named = (key: string) => [...path, key].join('.');
    if (e.keyword === 'required') {
      for (const key of (e.params.requiredProperties as string[] | undefined) ?? [])
        candidates.push({ field: named(key), message: 'is required', generic: false });
    } else if (e.keyword === 'additionalProperties') {
      for (const key of (e.params.additionalProperties as string[] | undefined) ?? [])
        candidates.push({ field: named(key), message: 'is not a known field', generic: false });
    } else if (e.keyword === 'boolean' && e.schemaPath.endsWith('/additionalProperties')) {
      // The same unknown field, reported again by the `false` schema: the entry above names it.
    } else {
      const generic =
        e.keyword === 'anyOf' || e.keyword === 'oneOf' || (e.keyword === 'type' && e.params.type === 'null');
      candidates.push({ field: path.join('.') || 'body', message: e.message, generic });
    }
  }
  const byField = new Map<string, FieldError & { generic: boolean }>();
  for (const c of candidates) {
    const seen = byField.get(c.field);
    if (!seen || (seen.generic && !c.generic)) byField.set(c.field, c);
  }
  return [...byField.values()].map(({ field, message }) => ({ field, message }));
}

/** Field errors of a request body against its route's schema; [] when it is valid or unknown. */
export function validateRequestBody(
  routes: readonly RouteSchema[],
  method: string,
  path: string,
  body: unknown,
): FieldError[] {
  const route = routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  if (!route) return [];
  // biome-ignore lint/suspicious/noExplicitAny: the schema is JSON Schema from the server, untyped here
  const [valid, errors] = Errors(route.body as any, body);
  return valid ? [] : toFieldErrors(errors as unknown as SchemaError[]);
}

let routes: Promise<RouteSchema[] | null> | undefined;

/**
 * The server's request schemas, fetched once per page load. Null when they cannot be loaded: the
 * form is then checked by the server alone, which validates every request anyway.
 */
export function loadRequestSchemas(): Promise<RouteSchema[] | null> {
  routes ??= fetch('/api/v1/request-schemas', { headers: { Accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`request schemas: ${response.status}`);
      const payload = (await response.json()) as { schemas: RequestSchema[] };
      return compileRequestSchemas(payload.schemas);
    })
    .catch(() => {
      routes = undefined; // try again on the next request
      return null;
    });
  return routes;
}
