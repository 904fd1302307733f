import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { StatusCategory, WorkItemType } from '../../../core/model/vocabulary';
import {
  allowedParentTypes,
  applyStatusCategory,
  canBeChildOf,
  defaultStatusCategory,
} from '../../../core/model/work-item-rules';
import { fieldProblem } from '../../http/problem';
import type { RequestContext, ResourceHooks, Trx } from '../../resources/resource-spec';
import { resolveWorkflowMove } from '../delivery/workflow-rules';

type Row = Record<string, unknown>;

// Rules a work item keeps on every write: a key from its project's counter, a parent of a fitting
// type in the same project, a status category, flow timestamps, and a status-history row written
// in the same transaction as the change (the raw data flow metrics are computed from).
export const workItemHooks: ResourceHooks = {
  async beforeCreate(trx, ctx, row) {
    row.key = await nextKey(trx, ctx, String(row.project_id));
    const mapped = await resolveWorkflowMove(trx, ctx, teamMove(row, null));
    row.status_category = mapped ?? resolveCategory(String(row.status), row.status_category);
    await checkParent(trx, row);
    const flow = applyStatusCategory(
      { startedAt: null, doneAt: null },
      row.status_category as StatusCategory,
      ctx.now,
    );
    row.started_at = row.status_category === 'todo' ? null : flow.startedAt;
    row.done_at = flow.doneAt;
  },
  async beforeUpdate(trx, ctx, before, changes) {
    if ('status' in changes || 'status_category' in changes) {
      const status = String(changes.status ?? before.status);
      const explicit = 'status_category' in changes ? changes.status_category : undefined;
      // An unfamiliar status name keeps the item's current category unless the caller names one.
      // A team with a workflow decides the category (and may refuse the move: WIP limits).
      const mapped = await resolveWorkflowMove(trx, ctx, teamMove({ ...before, ...changes }, before.id));
      const category =
        mapped !== undefined
          ? mapped
          : explicit !== undefined
            ? (explicit as StatusCategory)
            : (defaultStatusCategory(status) ?? (before.status_category as StatusCategory));
      if (category !== before.status_category) changes.status_category = category;
      else delete changes.status_category;
      const flow = applyStatusCategory(
        { startedAt: before.started_at as string | null, doneAt: before.done_at as string | null },
        category,
        ctx.now,
      );
      if (flow.startedAt !== before.started_at) changes.started_at = flow.startedAt;
      if (flow.doneAt !== before.done_at) changes.done_at = flow.doneAt;
    }
    if ('parent_id' in changes || 'type' in changes) await checkParent(trx, { ...before, ...changes });
  },
  async afterWrite(trx, ctx, { before, after }) {
    if (before && before.status === after.status && before.status_category === after.status_category) return;
    await recordStatusChange(trx, ctx, before, after);
  },
};

const teamMove = (row: Row, id: unknown) => ({
  teamId: (row.team_id as string | null) ?? null,
  itemId: id === null ? null : String(id),
  type: String(row.type),
  status: String(row.status),
});

async function recordStatusChange(trx: Trx, ctx: RequestContext, before: Row | undefined, after: Row) {
  await trx
    .insertInto('work_item_status_changes')
    .values({
      id: randomUUID(),
      organisation_id: ctx.principal.organisationId,
      work_item_id: String(after.id),
      from_status: before ? String(before.status) : null,
      to_status: String(after.status),
      from_category: before ? String(before.status_category) : null,
      to_category: String(after.status_category),
      changed_at: ctx.now,
      changed_by: ctx.principal.userId,
    })
    .execute();
}

function resolveCategory(status: string, explicit: unknown): StatusCategory {
  if (typeof explicit === 'string') return explicit as StatusCategory;
  const derived = defaultStatusCategory(status);
  if (!derived) {
    throw fieldProblem(
      'validation_failed',
      'statusCategory',
      `is required for the status "${status}" (todo, in_progress or done)`,
    );
  }
  return derived;
}

/** Next key of the project (e.g. PAY-42); the counter moves in the same transaction as the insert. */
async function nextKey(trx: Trx, ctx: RequestContext, projectId: string): Promise<string> {
  const project = await trx
    .updateTable('projects')
    .set({ next_item_number: sql`next_item_number + 1` })
    .where('id', '=', projectId)
    .where('organisation_id', '=', ctx.principal.organisationId)
    .returning(['key', 'next_item_number'])
    .executeTakeFirstOrThrow();
  return `${project.key}-${project.next_item_number - 1}`;
}

async function checkParent(trx: Trx, row: Row): Promise<void> {
  if (row.parent_id === null || row.parent_id === undefined) return;
  if (row.parent_id === row.id)
    throw fieldProblem('validation_failed', 'parentId', 'cannot be the item itself');
  const parent = await trx
    .selectFrom('work_items')
    .select(['type', 'project_id'])
    .where('id', '=', String(row.parent_id))
    .executeTakeFirst();
  if (!parent) return;
  if (parent.project_id !== row.project_id) {
    throw fieldProblem('invalid_reference', 'parentId', 'belongs to another project');
  }
  const type = row.type as WorkItemType;
  if (!canBeChildOf(type, parent.type as WorkItemType)) {
    const allowed = allowedParentTypes(type);
    throw fieldProblem(
      'validation_failed',
      'parentId',
      `a ${type} cannot sit under a ${parent.type}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it has no parent)'}`,
    );
  }
}
