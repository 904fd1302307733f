import type { Trx } from '../../resources/resource-spec';
import type { SprintsTable } from '../../store/tables';

export interface SprintItemRow {
  work_item_id: string;
  key: string;
  title: string;
  type: string;
  status: string;
  status_category: string;
  estimate: number | null;
  estimate_unit: string | null;
  done_at: string | null;
  committed: number;
  added_at: string;
  outcome: string | null;
  carried_from_sprint_id: string | null;
}

export async function getSprintRow(trx: Trx, organisationId: string, id: string): Promise<SprintsTable> {
  return trx
    .selectFrom('sprints')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The sprint's items with their current state, in rank order. */
export async function listSprintItems(trx: Trx, sprintId: string): Promise<SprintItemRow[]> {
  const rows = await trx
    .selectFrom('sprint_items as si')
    .innerJoin('work_items as w', 'w.id', 'si.work_item_id')
    .select([
      'si.work_item_id',
      'w.key',
      'w.title',
      'w.type',
      'w.status',
      'w.status_category',
      'w.estimate',
      'w.estimate_unit',
      'w.done_at',
      'si.committed',
      'si.added_at',
      'si.outcome',
      'si.carried_from_sprint_id',
    ])
    .where('si.sprint_id', '=', sprintId)
    .orderBy('w.rank')
    .orderBy('w.key')
    .execute();
  return rows.map((r) => ({
    ...r,
    estimate: r.estimate === null ? null : Number(r.estimate),
    committed: Number(r.committed),
  }));
}

/** Story points of an item, or 0 when it is estimated in hours or not at all. */
export const pointsOf = (r: { estimate: number | null; estimate_unit: string | null }) =>
  r.estimate !== null && r.estimate_unit === 'points' ? Number(r.estimate) : 0;

export function presentSprintItem(r: SprintItemRow) {
  return {
    workItemId: r.work_item_id,
    key: r.key,
    title: r.title,
    type: r.type,
    status: r.status,
    statusCategory: r.status_category,
    estimate: r.estimate,
    estimateUnit: r.estimate_unit,
    committed: r.committed === 1,
    addedAt: r.added_at,
    outcome: r.outcome,
    carriedFromSprintId: r.carried_from_sprint_id,
  };
}
