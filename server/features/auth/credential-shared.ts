import { type AuditAction, recordAudit } from '../../audit/audit-store';
import type { Principal } from '../../auth/principal';
import { ProblemSchema } from '../../http/problem-schema';
import type { Trx } from '../../resources/resource-spec';
import type { Store } from '../../store/database';

/** The problems every credential route may answer with. */
export const credentialProblems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  429: ProblemSchema,
};

export const credentialRouteTags = ['Authentication'];
export const signedIn = { permission: 'signed-in' as const };

/**
 * Changes the signed-in user's own row and records why in the audit log, in one transaction, so
 * a credential change is never left unaudited. `alsoDo` runs in the same transaction (for example
 * ending the user's other sessions).
 */
export async function updateOwnUserAudited(
  store: Store,
  principal: Principal,
  set: Partial<Record<string, unknown>>,
  action: AuditAction,
  alsoDo?: (trx: Trx) => Promise<void>,
): Promise<void> {
  const now = new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set(set).where('id', '=', principal.userId).execute();
    await alsoDo?.(trx);
    await recordAudit(trx, principal, now, {
      entityType: 'user',
      entityId: principal.userId,
      action,
      changes: {},
    });
  });
}
