import type { FlowItem, StatusCategory, StatusChange } from '../../../core/flow/types';
import type { Principal } from '../../auth/principal';
import type { Trx } from '../../resources/resource-spec';
import { type FlowScope, visibleInScope } from './flow-scope';

export interface FlowDataWindow {
  /** Items done before this instant are left out (ISO timestamp). */
  doneFrom: string;
  /** Items created at or after this instant are left out (ISO timestamp). */
  createdBefore: string;
}

export interface FlowData {
  items: FlowItem[];
  /** Workflow states flagged blocked in the scope's teams: time there is waiting time. */
  blockedStatuses: string[];
  /** Workflow state names in board order (the team's, for a team scope). */
  statuses: string[];
}

/**
 * Loads the stories, tasks and bugs of a scope that the caller may read and that matter for the
 * window (created before its end, not done before its start), with their status history and
 * blocked periods, as core/flow's FlowItem. Two queries: items, then changes joined to items.
 */
export async function loadFlowData(
  trx: Trx,
  principal: Principal,
  scope: FlowScope,
  window: FlowDataWindow,
): Promise<FlowData> {
  const visible = visibleInScope(scope, principal);
  const base = trx
    .selectFrom('work_items')
    .where('work_items.organisation_id', '=', principal.organisationId)
    .where('work_items.type', 'not in', ['epic', 'feature'])
    .where('work_items.created_at', '<', window.createdBefore)
    .where((eb) =>
      eb.or([eb('work_items.done_at', 'is', null), eb('work_items.done_at', '>=', window.doneFrom)]),
    )
    .where(visible);
  const rows = await base
    .select([
      'work_items.id',
      'work_items.team_id',
      'work_items.created_at',
      'work_items.started_at',
      'work_items.done_at',
    ])
    .orderBy('work_items.id')
    .execute();
  const changes = await base
    .innerJoin('work_item_status_changes as c', 'c.work_item_id', 'work_items.id')
    .select(['c.work_item_id', 'c.changed_at', 'c.to_status', 'c.to_category'])
    .orderBy('c.work_item_id')
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .execute();
  const blocks = await base
    .innerJoin('work_item_blocks as b', 'b.work_item_id', 'work_items.id')
    .select(['b.work_item_id', 'b.blocked_at', 'b.unblocked_at'])
    .execute();
  const teamIds = [...new Set(rows.map((r) => r.team_id).filter((t): t is string => t !== null))];
  const states =
    teamIds.length === 0
      ? []
      : await trx
          .selectFrom('workflow_states')
          .select(['name', 'blocked', 'team_id', 'position'])
          .where('organisation_id', '=', principal.organisationId)
          .where('team_id', 'in', scope.kind === 'team' ? [scope.id] : teamIds)
          .orderBy('position')
          .execute();
  const blockedStatuses = [...new Set(states.filter((s) => s.blocked === 1).map((s) => s.name))];
  const blockedSet = new Set(blockedStatuses);
  const byItem = new Map<string, StatusChange[]>();
  for (const c of changes) {
    let list = byItem.get(c.work_item_id);
    if (!list) {
      list = [];
      byItem.set(c.work_item_id, list);
    }
    list.push({
      at: c.changed_at,
      category: c.to_category as StatusCategory,
      status: c.to_status,
      ...(blockedSet.has(c.to_status) ? { blocked: true } : {}),
    });
  }
  const blockedBy = new Map<string, { from: string; to?: string }[]>();
  for (const b of blocks) {
    const list = blockedBy.get(b.work_item_id) ?? [];
    list.push(b.unblocked_at ? { from: b.blocked_at, to: b.unblocked_at } : { from: b.blocked_at });
    blockedBy.set(b.work_item_id, list);
  }
  const items: FlowItem[] = rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    ...(r.started_at ? { startedAt: r.started_at } : {}),
    ...(r.done_at ? { doneAt: r.done_at } : {}),
    ...(blockedBy.has(r.id) ? { blockedPeriods: blockedBy.get(r.id) } : {}),
    statusChanges: byItem.get(r.id) ?? [],
  }));
  const statuses = [...new Set(states.map((s) => s.name))];
  return { items, blockedStatuses, statuses };
}

/** Completion days (YYYY-MM-DD) of the scope's finished leaf items in [from, toExclusive). */
export async function listDoneDates(
  trx: Trx,
  principal: Principal,
  scope: FlowScope,
  from: string,
  toExclusive: string,
): Promise<string[]> {
  const rows = await trx
    .selectFrom('work_items')
    .select('done_at')
    .where('organisation_id', '=', principal.organisationId)
    .where('type', 'not in', ['epic', 'feature'])
    .where('done_at', '>=', from)
    .where('done_at', '<', toExclusive)
    .where(visibleInScope(scope, principal))
    .execute();
  return rows.map((r) => String(r.done_at).slice(0, 10));
}
