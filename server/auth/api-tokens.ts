import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Trx } from '../resources/resource-spec';

// API tokens carry 256 random bits, so a fast hash is enough to store them safely (unlike
// passwords, they cannot be guessed from a dictionary); the plain token is shown once only.
const PREFIX = 'triad_';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface IssuedToken {
  id: string;
  token: string;
}

export async function issueApiToken(
  trx: Trx,
  input: {
    organisationId: string;
    userId: string;
    name: string;
    scope: 'read' | 'write';
    expiresAt: string | null;
    now: string;
  },
): Promise<IssuedToken> {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await trx
    .insertInto('api_tokens')
    .values({
      id,
      organisation_id: input.organisationId,
      user_id: input.userId,
      name: input.name,
      token_hash: hashToken(token),
      scope: input.scope,
      expires_at: input.expiresAt,
      revoked_at: null,
      created_at: input.now,
    })
    .execute();
  return { id, token };
}

export interface TokenIdentity {
  organisationId: string;
  userId: string;
  scope: 'read' | 'write';
}

/** The user behind a bearer token, or undefined when it is unknown, revoked or expired. */
export async function findTokenIdentity(
  trx: Trx,
  token: string,
  now: string,
): Promise<TokenIdentity | undefined> {
  if (!token.startsWith(PREFIX)) return undefined;
  const row = await trx
    .selectFrom('api_tokens')
    .select(['organisation_id', 'user_id', 'scope', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  if (row.expires_at !== null && row.expires_at <= now) return undefined;
  return {
    organisationId: row.organisation_id,
    userId: row.user_id,
    scope: row.scope === 'write' ? 'write' : 'read',
  };
}
