import type { FastifyInstance } from 'fastify';

interface Operation {
  tags?: string[];
  summary?: string;
}

/**
 * docs/api-reference.md: every API route with the permission it requires and its summary,
 * grouped by tag, rendered from the same OpenAPI document and permission table the server
 * enforces — so the reference cannot drift from the routes (a test compares it with the file).
 */
export function renderApiReference(app: FastifyInstance): string {
  const document = app.swagger() as { paths?: Record<string, Partial<Record<string, Operation>>> };
  const groups = new Map<string, string[]>();
  // The permission table is the complete list of API routes; the OpenAPI document adds the tag
  // and summary (a few routes, such as the document itself, are not described in it).
  for (const [route, permission] of app.routePermissions) {
    const [method = '', fastifyPath = ''] = route.split(' ');
    if (fastifyPath.startsWith('/api/docs')) continue;
    const path = fastifyPath.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths?.[path]?.[method.toLowerCase()];
    const tag = operation?.tags?.[0] ?? 'Other';
    const summary = (operation?.summary ?? '').replaceAll('|', '\\|');
    const row = `| ${method} | \`${path}\` | ${permission} | ${summary} |`;
    groups.set(tag, [...(groups.get(tag) ?? []), row]);
  }
  const sections = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([tag, rows]) =>
        `## ${tag}\n\n| Method | Path | Permission | What it does |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`,
    );
  return [
    '# API reference',
    '',
    "Generated from the server's route schemas by `npx tsx server/http/write-api-reference.ts`; do not",
    'edit by hand. Conventions (authentication, lists, If-Match, errors) are in [api.md](api.md); the',
    'interactive OpenAPI document is served at `/api/docs`. Permissions are explained in',
    '[security.md](security.md).',
    '',
    ...sections,
  ].join('\n');
}
