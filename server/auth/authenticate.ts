import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem';
import type { Trx } from '../resources/resource-spec';
import type { Store } from '../store/database';
import { findTokenIdentity } from './api-tokens';
import { listGrants } from './grants';
import type { Principal } from './principal';
import { findActiveSession, SESSION_COOKIE } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from a bearer token or the session cookie. Cookie-authenticated changes
 * must also carry the session's CSRF token in `X-CSRF-Token`: a cross-site page can make the
 * browser send the cookie, but cannot read the token.
 */
export async function authenticate(store: Store, request: FastifyRequest): Promise<Principal> {
  request.principal ??= await resolvePrincipal(store, request);
  return request.principal;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * Authenticates before the body is even parsed, so an anonymous caller learns nothing from
 * validation messages and never reaches a handler: every route that is not `public` is covered.
 */
export function registerAuthentication(app: FastifyInstance, store: Store): void {
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (permission && permission !== 'public') await authenticate(store, request);
  });
}

async function resolvePrincipal(store: Store, request: FastifyRequest): Promise<Principal> {
  const now = new Date();
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const identity = match?.[1] ? await findTokenIdentity(store.db, match[1], now.toISOString()) : undefined;
    if (!identity) throw new ProblemError('unauthenticated', 'The API token is unknown, revoked or expired.');
    return loadPrincipal(store.db, identity.userId, identity.scope, 'token');
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) {
    const session = await findActiveSession(store.db, cookie, now);
    if (!session) throw new ProblemError('unauthenticated', 'Your session has ended; please sign in again.');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new ProblemError(
        'forbidden',
        'The request lacks the CSRF token of your session (X-CSRF-Token).',
        [{ field: 'X-CSRF-Token', message: 'is missing or wrong' }],
      );
    }
    return loadPrincipal(store.db, session.userId, 'write', 'session', session.id);
  }
  throw new ProblemError(
    'unauthenticated',
    'Sign in, or send an API token as "Authorization: Bearer <token>".',
  );
}

async function loadPrincipal(
  trx: Trx,
  userId: string,
  scope: 'read' | 'write',
  via: Principal['via'],
  sessionId?: string,
): Promise<Principal> {
  const user = await trx
    .selectFrom('users')
    .select(['organisation_id', 'name', 'email', 'role', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled) throw new ProblemError('unauthenticated', 'This account is disabled.');
  return {
    organisationId: user.organisation_id,
    userId,
    label: `${user.name} <${user.email}>`,
    scope,
    orgAdmin: user.role === 'org_admin',
    grants: user.role === 'org_admin' ? [] : await listGrants(trx, userId),
    via,
    ...(sessionId ? { sessionId } : {}),
  };
}

export function requireWrite(principal: Principal): void {
  if (principal.scope !== 'write') throw new ProblemError('forbidden', 'This API token is read-only.');
}

export function requireOrgAdmin(principal: Principal): void {
  if (!principal.orgAdmin) throw new ProblemError('forbidden', 'Only organisation admins may do this.');
}
