import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import type { Trx } from '../resources/resource-spec';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'sign_in'
  | 'sign_in_failed'
  | 'account_locked'
  | 'sign_out'
  | 'password_changed'
  | 'password_reset'
  | 'role_granted'
  | 'role_revoked'
  | 'token_created'
  | 'token_revoked'
  | 'session_revoked'
  | 'totp_enabled'
  | 'totp_disabled';

/** Field name → its value before and after the change (null where absent). */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: AuditAction;
  changes: FieldChanges;
}

/** Who an audit entry is attributed to; security events may have no signed-in user yet. */
export interface AuditActor {
  organisationId: string;
  userId: string | null;
  label: string;
}

/** Written inside the mutation's own transaction, so a change and its record stand or fall together. */
export async function recordAudit(
  trx: Trx,
  principal: AuditActor | Principal,
  at: string,
  entry: AuditEntry,
): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      id: randomUUID(),
      organisation_id: principal.organisationId,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      action: entry.action,
      actor_id: principal.userId,
      actor_label: principal.label,
      at,
      changes: JSON.stringify(entry.changes),
    })
    .execute();
}

export interface AuditRecord {
  id: string;
  action: string;
  actor: { id: string | null; label: string };
  at: string;
  changes: FieldChanges;
}

export async function listAudit(
  trx: Trx,
  organisationId: string,
  entityType: string,
  entityId: string,
): Promise<AuditRecord[]> {
  const rows = await trx
    .selectFrom('audit_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actor: { id: r.actor_id, label: r.actor_label },
    at: r.at,
    changes: JSON.parse(r.changes) as FieldChanges,
  }));
}

/** The fields whose values differ between two presented records. */
export function diffRecords(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: string[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const f of fields) {
    const b = before[f] ?? null;
    const a = after[f] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[f] = { before: b, after: a };
  }
  return changes;
}
