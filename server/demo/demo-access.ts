import { issueApiToken } from '../auth/api-tokens';
import type { Store } from '../store/database';
import { DEMO_ADMIN_EMAIL } from './seed-demo';

/**
 * A fresh read-write token for the demo administrator, valid for a day. Tokens are stored hashed,
 * so demo mode issues a new one at each start rather than printing an old one.
 */
export async function issueDemoToken(store: Store, now: Date): Promise<string | undefined> {
  const admin = await store.db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('email', '=', DEMO_ADMIN_EMAIL)
    .executeTakeFirst();
  if (!admin) return undefined;
  const issued = await issueApiToken(store.db, {
    organisationId: admin.organisation_id,
    userId: admin.id,
    name: `demo session ${now.toISOString()}`,
    scope: 'write',
    expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
    now: now.toISOString(),
  });
  return issued.token;
}
