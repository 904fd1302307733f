import type { Transaction } from 'kysely';
import type { WorkItemType } from '../../core/model/vocabulary';
import { canBeChildOf } from '../../core/model/work-item-rules';
import { insertInBatches } from '../store/bulk-insert';
import type { AuditEventsTable, Database } from '../store/tables';
import { importAuditEvent, type RecordOutcome } from './import-batch';
import type { ImportContext } from './import-batch-context';
import { createImportId } from './import-batch-record';

/** What to do with items of this source whose key is no longer in the export. */
export const MISSING_POLICIES = ['keep', 'close', 'delete'] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

/** The status a `close` gives items deleted at the source. */
export const REMOVED_STATUS = 'Removed at source';

/**
 * Links children to parents that arrived in a later batch. Idempotent: a re-run after a crash
 * links whatever the crashed run did not. Items created by this run keep version 1.
 */
export async function linkDeferredParents(
  trx: Transaction<Database>,
  ctx: ImportContext,
  deferred: readonly { key: string; parentKey: string }[],
  outcomes: Map<string, RecordOutcome>,
): Promise<{ linked: number; notLinked: number }> {
  let linked = 0;
  let notLinked = 0;
  const audits: AuditEventsTable[] = [];
  for (let i = 0; i < deferred.length; i += 500) {
    const slice = deferred.slice(i, i + 500);
    const keys = [...new Set(slice.flatMap((d) => [d.key, d.parentKey]))];
    const rows = await trx
      .selectFrom('work_items')
      .select(['id', 'key', 'type', 'parent_id', 'version'])
      .where('organisation_id', '=', ctx.organisationId)
      .where('key', 'in', keys)
      .execute();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const d of slice) {
      const child = byKey.get(d.key);
      const parent = byKey.get(d.parentKey);
      if (!child || !parent) continue;
      if (!canBeChildOf(child.type as WorkItemType, parent.type as WorkItemType)) {
        notLinked++;
        continue;
      }
      if (child.parent_id === parent.id) continue;
      const createdNow = outcomes.get(d.key) === 'created';
      await trx
        .updateTable('work_items')
        .set(
          createdNow
            ? { parent_id: parent.id }
            : { parent_id: parent.id, version: child.version + 1, updated_at: ctx.now },
        )
        .where('id', '=', child.id)
        .execute();
      if (!createdNow) {
        audits.push(
          importAuditEvent(ctx, child.id, 'update', {
            parent_id: { before: child.parent_id, after: parent.id },
          }),
        );
        outcomes.set(d.key, 'updated');
      }
      linked++;
    }
  }
  await insertInBatches(trx, 'audit_events', audits);
  return { linked, notLinked };
}

/**
 * Applies the missing-record policy to items of this source, in the projects this export
 * covers, whose key the export no longer holds. `keep` leaves them; `close` moves them to the
 * done category with status "Removed at source" (done_at is left alone: they were not resolved);
 * `delete` removes them with their history and links, children keep living without a parent.
 */
export async function applyMissingPolicy(
  trx: Transaction<Database>,
  ctx: ImportContext,
  policy: MissingPolicy,
  seenKeys: ReadonlySet<string>,
): Promise<number> {
  const projectIds = [...ctx.projects.values()];
  if (projectIds.length === 0) return 0;
  const rows = await trx
    .selectFrom('work_items')
    .select(['id', 'key', 'status', 'status_category', 'version'])
    .where('organisation_id', '=', ctx.organisationId)
    .where('source', '=', ctx.source)
    .where('project_id', 'in', projectIds)
    .execute();
  const missing = rows.filter((r) => !seenKeys.has(r.key));
  if (policy === 'keep' || missing.length === 0) return missing.length;
  const audits: AuditEventsTable[] = [];
  if (policy === 'close') {
    for (const item of missing) {
      if (item.status === REMOVED_STATUS) continue;
      await trx
        .updateTable('work_items')
        .set({
          status: REMOVED_STATUS,
          status_category: 'done',
          version: item.version + 1,
          updated_at: ctx.now,
        })
        .where('id', '=', item.id)
        .execute();
      await trx
        .insertInto('work_item_status_changes')
        .values({
          id: createImportId(),
          organisation_id: ctx.organisationId,
          work_item_id: item.id,
          from_status: item.status,
          to_status: REMOVED_STATUS,
          from_category: item.status_category,
          to_category: 'done',
          changed_at: ctx.now,
          changed_by: null,
        })
        .execute();
      audits.push(
        importAuditEvent(ctx, item.id, 'update', { status: { before: item.status, after: REMOVED_STATUS } }),
      );
    }
  } else {
    for (let i = 0; i < missing.length; i += 500) {
      const ids = missing.slice(i, i + 500).map((m) => m.id);
      await trx.updateTable('work_items').set({ parent_id: null }).where('parent_id', 'in', ids).execute();
      await trx.deleteFrom('work_item_status_changes').where('work_item_id', 'in', ids).execute();
      await trx
        .deleteFrom('dependencies')
        .where('kind', '=', 'work_item')
        .where((eb) => eb.or([eb('predecessor_id', 'in', ids), eb('successor_id', 'in', ids)]))
        .execute();
      await trx
        .deleteFrom('taggings')
        .where('entity_type', '=', 'work_item')
        .where('entity_id', 'in', ids)
        .execute();
      await trx.deleteFrom('work_items').where('id', 'in', ids).execute();
      for (const item of missing.slice(i, i + 500)) {
        audits.push(importAuditEvent(ctx, item.id, 'delete', { key: { before: item.key, after: null } }));
      }
    }
  }
  await insertInBatches(trx, 'audit_events', audits);
  return missing.length;
}
