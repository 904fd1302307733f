import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem';
import type { Store } from '../store/database';
import { findPrincipalByToken } from './api-tokens';
import type { Principal } from './principal';

/** Resolves the request's bearer token; every /api/v1 route calls this before anything else. */
export async function authenticate(store: Store, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new ProblemError('unauthenticated', 'Send an API token as "Authorization: Bearer <token>".');
  }
  const principal = await findPrincipalByToken(store.db, match[1], new Date().toISOString());
  if (!principal) throw new ProblemError('unauthenticated', 'The API token is unknown, revoked or expired.');
  return principal;
}

export function requireWrite(principal: Principal): void {
  if (principal.scope !== 'write') throw new ProblemError('forbidden', 'This API token is read-only.');
}
