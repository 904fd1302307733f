import type { FastifyInstance } from 'fastify';
import type { Permission } from '../auth/permissions';

/**
 * What a route needs, declared on every route as `config.permission`; a route under /api without
 * one stops the server from starting, and the route-by-role test checks each against the matrix.
 * `directory.*` covers the organisation-wide directory (people, teams, tags), `signed-in` any
 * member, `org.admin` organisation admins only, `public` no credential at all.
 */
export type RoutePermission =
  | Permission
  | 'directory.read'
  | 'directory.write'
  | 'signed-in'
  | 'org.admin'
  | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}

/** `METHOD path` → permission, for every API route registered after this call. */
export function trackRoutePermissions(app: FastifyInstance): Map<string, RoutePermission> {
  const permissions = new Map<string, RoutePermission>();
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const permission = (route.config as { permission?: RoutePermission } | undefined)?.permission;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      if (!permission) throw new Error(`route ${method} ${route.url} declares no permission`);
      permissions.set(`${method} ${route.url}`, permission);
    }
  });
  return permissions;
}
