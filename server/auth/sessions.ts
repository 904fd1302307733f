import { randomBytes, randomUUID } from 'node:crypto';
import type { Trx } from '../resources/resource-spec';
import { hashToken } from './api-tokens';

export const SESSION_COOKIE = 'triad_session';
/** Sessions end after 12 hours of inactivity and 7 days at most. */
const IDLE_MS = 12 * 3600_000;
const ABSOLUTE_MS = 7 * 86_400_000;

export interface OpenedSession {
  id: string;
  token: string;
  csrfToken: string;
}

/** A fresh session with a new random id: signing in never reuses an id (no session fixation). */
export async function openSession(
  trx: Trx,
  input: {
    organisationId: string;
    userId: string;
    method: 'password' | 'oidc';
    userAgent?: string;
    ip?: string;
    now: Date;
  },
): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = randomUUID();
  await trx
    .insertInto('sessions')
    .values({
      id,
      organisation_id: input.organisationId,
      user_id: input.userId,
      token_hash: hashToken(token),
      csrf_token: csrfToken,
      created_at: input.now.toISOString(),
      last_seen_at: input.now.toISOString(),
      expires_at: new Date(input.now.getTime() + ABSOLUTE_MS).toISOString(),
      revoked_at: null,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip ?? null,
      method: input.method,
    })
    .execute();
  return { id, token, csrfToken };
}

export interface ActiveSession {
  id: string;
  organisationId: string;
  userId: string;
  csrfToken: string;
}

/** The live session behind a cookie value, touching its last-seen time; undefined when expired or revoked. */
export async function findActiveSession(
  trx: Trx,
  token: string,
  now: Date,
): Promise<ActiveSession | undefined> {
  const row = await trx
    .selectFrom('sessions')
    .select(['id', 'organisation_id', 'user_id', 'csrf_token', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  const nowIso = now.toISOString();
  if (row.expires_at <= nowIso || Date.parse(row.last_seen_at) + IDLE_MS <= now.getTime()) return undefined;
  // Writing last_seen_at on every request would serialise readers on SQLite; once a minute is enough.
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await trx.updateTable('sessions').set({ last_seen_at: nowIso }).where('id', '=', row.id).execute();
  }
  return { id: row.id, organisationId: row.organisation_id, userId: row.user_id, csrfToken: row.csrf_token };
}

export async function revokeSession(
  trx: Trx,
  userId: string,
  sessionId: string,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends every other session of a user, e.g. after a password change. */
export async function revokeOtherSessions(
  trx: Trx,
  userId: string,
  keepSessionId: string | undefined,
  now: Date,
): Promise<void> {
  let query = trx
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}
