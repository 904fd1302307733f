import { randomUUID } from 'node:crypto';
import { addDays, getDayNumber } from '../../../core/flow/utc-days';
import { recordAudit } from '../../audit/audit-store';
import { accessFilter } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { fieldProblem, ProblemError } from '../../http/problem';
import { presentRows } from '../../resources/resource-presenter';
import type { Trx } from '../../resources/resource-spec';
import type { SprintsTable } from '../../store/tables';
import { workItemSpec } from '../work-items/spec';
import { sprintSpec } from './sprint-spec';
import { getSprintRow, listSprintItems, pointsOf } from './sprint-store';

type Row = Record<string, unknown>;

export async function presentSprint(trx: Trx, row: SprintsTable): Promise<Row> {
  const [record] = await presentRows(trx, sprintSpec, [row as unknown as Row]);
  return record as Row;
}

async function bumpSprint(
  trx: Trx,
  principal: Principal,
  now: string,
  before: SprintsTable,
  set: Partial<SprintsTable>,
): Promise<SprintsTable> {
  await trx
    .updateTable('sprints')
    .set({ ...set, version: before.version + 1, updated_at: now })
    .where('id', '=', before.id)
    .execute();
  const after = await getSprintRow(trx, principal.organisationId, before.id);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of Object.keys(set) as (keyof SprintsTable)[])
    changes[k] = { before: before[k], after: after[k] };
  await recordAudit(trx, principal, now, {
    entityType: 'sprint',
    entityId: before.id,
    action: 'update',
    changes,
  });
  return after;
}

/**
 * Sets the sprint's items to `workItemIds` (planning). Before the start the list is the plan;
 * once the sprint runs, new items are scope added (not part of the commitment) and removed
 * items leave with the outcome `dropped`. Items must be stories, tasks or bugs of the sprint's
 * team that the caller can see, and in no other open sprint.
 */
export async function setSprintItems(
  trx: Trx,
  principal: Principal,
  now: string,
  sprint: SprintsTable,
  workItemIds: readonly string[],
): Promise<void> {
  if (sprint.state === 'completed')
    throw new ProblemError('conflict', 'A completed sprint keeps its items.', [
      { field: 'workItemIds', message: 'the sprint is completed' },
    ]);
  if (workItemIds.length > 0) {
    let query = trx
      .selectFrom('work_items')
      .select(['id', 'team_id', 'type'])
      .where('organisation_id', '=', principal.organisationId)
      .where('id', 'in', [...workItemIds]);
    const restrict = accessFilter(workItemSpec, principal, 'read');
    if (restrict) query = query.where(restrict);
    const found = new Map((await query.execute()).map((r) => [r.id, r]));
    workItemIds.forEach((id, i) => {
      const item = found.get(id);
      if (!item)
        throw fieldProblem('invalid_reference', `workItemIds/${i}`, 'does not name a work item you can see');
      if (item.team_id !== sprint.team_id)
        throw fieldProblem('invalid_reference', `workItemIds/${i}`, "is not an item of the sprint's team");
      if (item.type === 'epic' || item.type === 'feature')
        throw fieldProblem('validation_failed', `workItemIds/${i}`, 'sprints hold stories, tasks and bugs');
    });
    const elsewhere = await trx
      .selectFrom('sprint_items as si')
      .innerJoin('sprints as s', 's.id', 'si.sprint_id')
      .select(['si.work_item_id', 's.name'])
      .where('si.work_item_id', 'in', [...workItemIds])
      .where('s.id', '!=', sprint.id)
      .where('s.state', '!=', 'completed')
      .where('si.outcome', 'is', null)
      .executeTakeFirst();
    if (elsewhere) {
      const i = workItemIds.indexOf(elsewhere.work_item_id);
      throw fieldProblem('conflict', `workItemIds/${i}`, `is already planned in sprint "${elsewhere.name}"`);
    }
  }
  const current = await trx
    .selectFrom('sprint_items')
    .select(['id', 'work_item_id', 'outcome'])
    .where('sprint_id', '=', sprint.id)
    .execute();
  const wanted = new Set(workItemIds);
  const have = new Set(current.filter((c) => c.outcome === null).map((c) => c.work_item_id));
  const leaving = current.filter((c) => c.outcome === null && !wanted.has(c.work_item_id)).map((c) => c.id);
  if (leaving.length > 0) {
    if (sprint.state === 'planned') await trx.deleteFrom('sprint_items').where('id', 'in', leaving).execute();
    else
      await trx.updateTable('sprint_items').set({ outcome: 'dropped' }).where('id', 'in', leaving).execute();
  }
  const returning = current.filter((c) => c.outcome === 'dropped' && wanted.has(c.work_item_id));
  if (returning.length > 0)
    await trx
      .updateTable('sprint_items')
      .set({ outcome: null })
      .where(
        'id',
        'in',
        returning.map((c) => c.id),
      )
      .execute();
  const known = new Set(current.map((c) => c.work_item_id));
  const joining = workItemIds.filter((id) => !have.has(id) && !known.has(id));
  if (joining.length > 0)
    await trx
      .insertInto('sprint_items')
      .values(
        joining.map((id) => ({
          id: randomUUID(),
          organisation_id: principal.organisationId,
          sprint_id: sprint.id,
          work_item_id: id,
          committed: 0,
          added_at: now,
          outcome: null,
          carried_from_sprint_id: null,
        })),
      )
      .execute();
  await bumpSprint(trx, principal, now, sprint, {});
}

/** Starts a planned sprint: its items become the commitment (count and story points). */
export async function startSprint(
  trx: Trx,
  principal: Principal,
  now: string,
  sprint: SprintsTable,
): Promise<SprintsTable> {
  if (sprint.state !== 'planned')
    throw new ProblemError('conflict', `The sprint is ${sprint.state}; only a planned sprint can start.`);
  const active = await trx
    .selectFrom('sprints')
    .select('name')
    .where('team_id', '=', sprint.team_id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (active)
    throw new ProblemError(
      'conflict',
      `The team's sprint "${active.name}" is still active: complete it first.`,
    );
  await trx.updateTable('sprint_items').set({ committed: 1 }).where('sprint_id', '=', sprint.id).execute();
  const items = await listSprintItems(trx, sprint.id);
  return bumpSprint(trx, principal, now, sprint, {
    state: 'active',
    started_at: now,
    committed_items: items.length,
    committed_points: items.reduce((s, i) => s + pointsOf(i), 0),
  });
}

export interface CompletionResult {
  sprint: SprintsTable;
  nextSprint: SprintsTable;
  carriedOver: string[];
}

/**
 * Completes an active sprint: items done count as completed (items and points); unfinished
 * items carry over into the next sprint — the one named, else the team's next planned sprint,
 * else a new sprint of the same length starting the day after this one ends.
 */
export async function completeSprint(
  trx: Trx,
  principal: Principal,
  now: string,
  sprint: SprintsTable,
  nextSprintId: string | undefined,
): Promise<CompletionResult> {
  if (sprint.state !== 'active')
    throw new ProblemError(
      'conflict',
      `The sprint is ${sprint.state}; only an active sprint can be completed.`,
    );
  let next: SprintsTable | undefined;
  if (nextSprintId) {
    next = await trx
      .selectFrom('sprints')
      .selectAll()
      .where('organisation_id', '=', principal.organisationId)
      .where('id', '=', nextSprintId)
      .executeTakeFirst();
    if (!next || next.team_id !== sprint.team_id)
      throw fieldProblem('invalid_reference', 'nextSprintId', 'does not name a sprint of the same team');
    if (next.state !== 'planned')
      throw fieldProblem('validation_failed', 'nextSprintId', 'is not a planned sprint');
  } else {
    next = await trx
      .selectFrom('sprints')
      .selectAll()
      .where('team_id', '=', sprint.team_id)
      .where('state', '=', 'planned')
      .where('start_date', '>=', sprint.start_date)
      .orderBy('start_date')
      .executeTakeFirst();
  }
  if (!next) {
    const length = getDayNumber(sprint.end_date) - getDayNumber(sprint.start_date);
    const start = addDays(sprint.end_date, 1);
    const row: SprintsTable = {
      id: randomUUID(),
      organisation_id: principal.organisationId,
      team_id: sprint.team_id,
      name: `${sprint.name} (next)`,
      goal: null,
      start_date: start,
      end_date: addDays(start, length),
      capacity: sprint.capacity,
      state: 'planned',
      committed_items: null,
      committed_points: null,
      completed_items: null,
      completed_points: null,
      started_at: null,
      completed_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('sprints').values(row).execute();
    await recordAudit(trx, principal, now, {
      entityType: 'sprint',
      entityId: row.id,
      action: 'create',
      changes: { name: { before: null, after: row.name }, startDate: { before: null, after: start } },
    });
    next = row;
  }
  const items = (await listSprintItems(trx, sprint.id)).filter((i) => i.outcome === null);
  const done = items.filter((i) => i.status_category === 'done');
  const open = items.filter((i) => i.status_category !== 'done');
  if (done.length > 0)
    await trx
      .updateTable('sprint_items')
      .set({ outcome: 'done' })
      .where('sprint_id', '=', sprint.id)
      .where(
        'work_item_id',
        'in',
        done.map((i) => i.work_item_id),
      )
      .execute();
  if (open.length > 0) {
    const ids = open.map((i) => i.work_item_id);
    await trx
      .updateTable('sprint_items')
      .set({ outcome: 'carried_over' })
      .where('sprint_id', '=', sprint.id)
      .where('work_item_id', 'in', ids)
      .execute();
    const already = new Set(
      (
        await trx
          .selectFrom('sprint_items')
          .select('work_item_id')
          .where('sprint_id', '=', next.id)
          .where('work_item_id', 'in', ids)
          .execute()
      ).map((r) => r.work_item_id),
    );
    const moving = ids.filter((id) => !already.has(id));
    if (moving.length > 0)
      await trx
        .insertInto('sprint_items')
        .values(
          moving.map((id) => ({
            id: randomUUID(),
            organisation_id: principal.organisationId,
            sprint_id: (next as SprintsTable).id,
            work_item_id: id,
            committed: 0,
            added_at: now,
            outcome: null,
            carried_from_sprint_id: sprint.id,
          })),
        )
        .execute();
  }
  const completed = await bumpSprint(trx, principal, now, sprint, {
    state: 'completed',
    completed_at: now,
    completed_items: done.length,
    completed_points: done.reduce((s, i) => s + pointsOf(i), 0),
  });
  return { sprint: completed, nextSprint: next, carriedOver: open.map((i) => i.work_item_id) };
}
