import type { Transaction } from 'kysely';
import type { WorkItemType } from '../../core/model/vocabulary';
import { canBeChildOf } from '../../core/model/work-item-rules';
import type { AuditEventsTable, Database, StatusChangesTable, WorkItemsTable } from '../store/tables';
import { type ImportContext, resolvePerson, resolveProject } from './import-batch-context';
import { createImportId, type ImportRecord } from './import-batch-record';
import { insertImportRows } from './import-insert';

/**
 * Writes one batch of records inside the caller's transaction, as a sync: a record whose key is
 * new is created; one that exists is compared field by field and updated (version + 1, an audit
 * entry, status history only for transitions not stored yet) or left alone. The whole batch
 * stands or falls with the transaction, so a killed import never leaves half a batch.
 */
export type RecordOutcome = 'created' | 'updated' | 'unchanged';

export interface BatchResult {
  outcomes: Map<string, RecordOutcome>;
  rejections: { row: number; reason: string }[];
  /** Children whose parent is not in the database yet (a later batch may bring it). */
  deferredParents: { key: string; parentKey: string }[];
  /** Parents found whose type may not hold the child's (Triad's hierarchy rules). */
  parentsNotLinked: number;
}

type ExistingItem = Pick<
  WorkItemsTable,
  | 'id'
  | 'key'
  | 'project_id'
  | 'parent_id'
  | 'type'
  | 'title'
  | 'description'
  | 'status'
  | 'status_category'
  | 'estimate'
  | 'estimate_unit'
  | 'assignee_id'
  | 'started_at'
  | 'done_at'
  | 'created_at'
  | 'custom_fields'
  | 'source'
  | 'source_key'
  | 'version'
>;

/** The columns a sync compares and may change; everything else belongs to Triad users. */
const SYNCED = [
  'project_id',
  'parent_id',
  'type',
  'title',
  'description',
  'status',
  'status_category',
  'estimate',
  'estimate_unit',
  'assignee_id',
  'started_at',
  'done_at',
  'created_at',
  'custom_fields',
  'source',
  'source_key',
] as const;
type Synced = Pick<WorkItemsTable, (typeof SYNCED)[number]>;

/** Parents come before children in this order whenever canBeChildOf allows the link. */
const PARENTS_FIRST: Record<WorkItemType, number> = { epic: 0, feature: 1, story: 2, bug: 3, task: 4 };

export async function writeImportBatch(
  trx: Transaction<Database>,
  ctx: ImportContext,
  records: readonly ImportRecord[],
): Promise<BatchResult> {
  const result: BatchResult = {
    outcomes: new Map(),
    rejections: [],
    deferredParents: [],
    parentsNotLinked: 0,
  };
  if (records.length === 0) return result;
  const existing = await findItems(
    trx,
    ctx.organisationId,
    records.map((r) => r.key),
  );
  const ids = new Map(records.map((r) => [r.key, existing.get(r.key)?.id ?? createImportId()]));
  const parents = await findParents(trx, ctx, records, ids);

  const inserts: WorkItemsTable[] = [];
  const changes: StatusChangesTable[] = [];
  const audits: AuditEventsTable[] = [];
  const updates: { id: string; version: number; set: Partial<Synced> }[] = [];
  const accepted: ImportRecord[] = [];
  for (const record of records) {
    const found = existing.get(record.key);
    if (found && !(found.source ?? '').startsWith(ctx.sourcePrefix)) {
      result.rejections.push({
        row: record.row,
        reason: `${record.key}: the key belongs to a work item that was not imported from ${ctx.system}`,
      });
      continue;
    }
    accepted.push(record);
  }
  const history = await findHistory(
    trx,
    accepted.flatMap((r) => existing.get(r.key)?.id ?? []),
  );
  const highest = new Map<string, number>();

  for (const given of accepted) {
    const found = existing.get(given.key);
    const record = { ...given, createdAt: given.createdAt ?? found?.created_at ?? ctx.now };
    const projectId = await resolveProject(trx, ctx, record.projectKey, record.projectName);
    const number = Number(record.key.slice(record.key.lastIndexOf('-') + 1));
    highest.set(projectId, Math.max(highest.get(projectId) ?? 0, number));
    const assigneeId = record.assignee ? await resolvePerson(trx, ctx, record.assignee) : null;
    const id = ids.get(record.key) as string;

    let parentId: string | null = found?.parent_id ?? null;
    if (record.parentKey === null) parentId = null;
    else {
      const parent = parents.get(record.parentKey);
      if (!parent) result.deferredParents.push({ key: record.key, parentKey: record.parentKey });
      else if (parent.id !== id && canBeChildOf(record.type, parent.type)) parentId = parent.id;
      else {
        parentId = null;
        result.parentsNotLinked++;
      }
    }

    const moves = statusMoves(record, ctx, found, history.get(id));
    let startedAt = found?.started_at ?? null;
    if (record.transitions !== null) {
      // Cycle time starts at the first move into an in-progress category (the `metrics flow`
      // contract); an item that went straight from to-do to done has no start.
      startedAt = moves.all.find((m) => m.to_category === 'in_progress')?.changed_at ?? null;
    }
    const customFields = mergeCustomFields(found?.custom_fields, ctx.namespace, record.fields);
    const next: Synced = {
      project_id: projectId,
      parent_id: parentId,
      type: record.type,
      title: record.title,
      description: record.description,
      status: record.status,
      status_category: record.statusCategory,
      estimate: record.estimate,
      estimate_unit: record.estimate === null ? null : 'points',
      assignee_id: assigneeId,
      started_at: startedAt,
      done_at: record.resolvedAt,
      created_at: record.createdAt,
      custom_fields: customFields,
      source: ctx.source,
      source_key: record.sourceKey ?? record.key,
    };
    for (const m of moves.fresh)
      changes.push({ ...m, id: createImportId(), organisation_id: ctx.organisationId, work_item_id: id });

    if (!found) {
      inserts.push({
        ...next,
        id,
        organisation_id: ctx.organisationId,
        team_id: null,
        key: record.key,
        rank: null,
        version: 1,
        updated_at: record.updatedAt ?? record.createdAt,
      });
      audits.push(
        audit(ctx, id, 'create', {
          key: { before: null, after: record.key },
          status: { before: null, after: record.status },
        }),
      );
      result.outcomes.set(record.key, 'created');
      continue;
    }
    const set: Partial<Synced> = {};
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    for (const column of SYNCED) {
      if (found[column] !== next[column]) {
        (set as Record<string, unknown>)[column] = next[column];
        diff[column] = { before: found[column], after: next[column] };
      }
    }
    if (Object.keys(set).length === 0 && moves.fresh.length === 0) {
      result.outcomes.set(record.key, 'unchanged');
      continue;
    }
    if (moves.fresh.length > 0)
      diff.statusHistory = { before: null, after: `${moves.fresh.length} new transition(s)` };
    updates.push({ id, version: found.version, set });
    audits.push(audit(ctx, id, 'update', diff));
    result.outcomes.set(record.key, 'updated');
  }

  inserts.sort((a, b) => PARENTS_FIRST[a.type as WorkItemType] - PARENTS_FIRST[b.type as WorkItemType]);
  await insertImportRows(trx, ctx.engine, 'work_items', inserts);
  for (const u of updates) {
    await trx
      .updateTable('work_items')
      .set({ ...u.set, version: u.version + 1, updated_at: ctx.now })
      .where('id', '=', u.id)
      .execute();
  }
  await insertImportRows(trx, ctx.engine, 'work_item_status_changes', changes);
  await insertImportRows(trx, ctx.engine, 'audit_events', audits);
  for (const [projectId, n] of highest) {
    // Keep Triad's own numbering clear of the imported keys (PROJ-<n> is what it would hand out).
    await trx
      .updateTable('projects')
      .set({ next_item_number: n + 1 })
      .where('id', '=', projectId)
      .where('next_item_number', '<=', n)
      .execute();
  }
  return result;
}

type Move = Omit<StatusChangesTable, 'id' | 'organisation_id' | 'work_item_id'>;

/**
 * The item's status history as the source tells it, and the part not stored yet. With a
 * changelog: the creation (into the first status) and every transition, matched on instant and
 * statuses. Without one (CSV): the creation into the current status — at the resolution instant
 * when resolved — and, on a later import, one move from the stored status to the new one at the
 * record's `updated` instant.
 */
function statusMoves(
  record: ImportRecord & { createdAt: string },
  ctx: ImportContext,
  found: ExistingItem | undefined,
  stored: Set<string> | undefined,
): { all: Move[]; fresh: Move[] } {
  const move = (at: string, from: string | null, to: string): Move => ({
    from_status: from,
    to_status: to,
    from_category: from === null ? null : ctx.categoryOf(from),
    to_category: ctx.categoryOf(to),
    changed_at: at,
    changed_by: null,
  });
  if (record.transitions === null) {
    if (!found) return { all: [], fresh: [move(record.resolvedAt ?? record.createdAt, null, record.status)] };
    if (found.status === record.status) return { all: [], fresh: [] };
    return { all: [], fresh: [move(record.updatedAt ?? ctx.now, found.status, record.status)] };
  }
  const first = record.transitions[0]?.fromStatus ?? record.transitions[0]?.toStatus ?? record.status;
  const all = [
    move(record.createdAt, null, first),
    ...record.transitions.map((t) => move(t.at, t.fromStatus, t.toStatus)),
  ];
  const fresh = stored ? all.filter((m) => !stored.has(moveKey(m))) : all;
  return { all, fresh };
}

const moveKey = (m: Pick<Move, 'changed_at' | 'from_status' | 'to_status'>) =>
  `${m.changed_at}\u0001${m.from_status ?? ''}\u0001${m.to_status}`;

/** Replaces the importer's namespace in custom_fields, keeping what Triad users added beside it. */
function mergeCustomFields(
  stored: string | undefined,
  namespace: string,
  fields: Record<string, unknown>,
): string {
  let current: Record<string, unknown> = {};
  if (stored) {
    try {
      const parsed: unknown = JSON.parse(stored);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        current = parsed as Record<string, unknown>;
    } catch {
      // unreadable custom fields are replaced
    }
  }
  return JSON.stringify({ ...current, [namespace]: fields });
}

function audit(
  ctx: ImportContext,
  entityId: string,
  action: 'create' | 'update' | 'delete',
  changes: Record<string, { before: unknown; after: unknown }>,
): AuditEventsTable {
  return {
    id: createImportId(),
    organisation_id: ctx.organisationId,
    entity_type: 'work_item',
    entity_id: entityId,
    action,
    actor_id: null,
    actor_label: ctx.actorLabel,
    at: ctx.now,
    changes: JSON.stringify(changes),
  };
}

export { audit as importAuditEvent };

async function findItems(
  trx: Transaction<Database>,
  organisationId: string,
  keys: readonly string[],
): Promise<Map<string, ExistingItem>> {
  const found = new Map<string, ExistingItem>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await trx
      .selectFrom('work_items')
      .select([
        'id',
        'key',
        'project_id',
        'parent_id',
        'type',
        'title',
        'description',
        'status',
        'status_category',
        'estimate',
        'estimate_unit',
        'assignee_id',
        'started_at',
        'done_at',
        'created_at',
        'custom_fields',
        'source',
        'source_key',
        'version',
      ])
      .where('organisation_id', '=', organisationId)
      .where('key', 'in', keys.slice(i, i + 1000))
      .execute();
    for (const r of rows) found.set(r.key, r);
  }
  return found;
}

/** Parents by key: in the database already, or arriving in this batch (inserted parents first). */
async function findParents(
  trx: Transaction<Database>,
  ctx: ImportContext,
  records: readonly ImportRecord[],
  ids: Map<string, string>,
): Promise<Map<string, { id: string; type: WorkItemType }>> {
  const parents = new Map<string, { id: string; type: WorkItemType }>();
  const wanted = new Set(records.flatMap((r) => r.parentKey ?? []));
  const lookup = [...wanted].filter((k) => !ids.has(k));
  for (const [key, row] of await findItems(trx, ctx.organisationId, lookup)) {
    parents.set(key, { id: row.id, type: row.type as WorkItemType });
  }
  // Records of this batch: the stored id, or the one writeImportBatch gives the new item.
  for (const r of records)
    if (wanted.has(r.key)) parents.set(r.key, { id: ids.get(r.key) as string, type: r.type });
  return parents;
}

async function findHistory(
  trx: Transaction<Database>,
  itemIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const byItem = new Map<string, Set<string>>();
  for (let i = 0; i < itemIds.length; i += 1000) {
    const rows = await trx
      .selectFrom('work_item_status_changes')
      .select(['work_item_id', 'changed_at', 'from_status', 'to_status'])
      .where('work_item_id', 'in', itemIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) {
      const set = byItem.get(r.work_item_id) ?? new Set<string>();
      byItem.set(r.work_item_id, set);
      set.add(moveKey(r));
    }
  }
  return byItem;
}
