import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { column, portfolioOfProject } from '../../auth/access';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { RequestContext, ResourceSpec, Trx } from '../../resources/resource-spec';
import { CalendarDate, Id, Name, stringEnum } from '../../resources/vocabulary-schemas';
import { assertNoCycle } from './schedule-cycle';
import { CONSTRAINT_TYPES, LINK_TYPES } from './schedule-vocabulary';

const Days = Type.Integer({ minimum: 0, maximum: 100_000, description: 'Working days' });
const Estimate = Type.Number({ minimum: 0, maximum: 100_000, description: 'Working days' });

export const Predecessors = Type.Array(
  Type.Object(
    {
      taskId: Id,
      type: Type.Optional(stringEnum(LINK_TYPES, 'FS (default), SS, FF or SF')),
      lag: Type.Optional(
        Type.Integer({ minimum: -10_000, maximum: 10_000, description: 'Working days; negative is a lead' }),
      ),
    },
    { additionalProperties: false },
  ),
  { maxItems: 500, description: 'Links into this task from tasks of the same project' },
);

export const Assignments = Type.Array(
  Type.Object(
    {
      resourceId: Id,
      units: Type.Integer({ minimum: 1, maximum: 10_000, description: 'Units used per working day' }),
    },
    { additionalProperties: false },
  ),
  { maxItems: 200, description: 'Demands on resources of the same project' },
);

interface PredecessorValue {
  taskId: string;
  type?: string;
  lag?: number;
}
interface AssignmentValue {
  resourceId: string;
  units: number;
}

/**
 * A task of a project's schedule: duration in working days, an optional three-point estimate,
 * milestone flag, outline parent (which makes the parent a summary), a date constraint and
 * progress. Its predecessors and resource demands are written and shown with it.
 */
export const scheduleTaskSpec: ResourceSpec = {
  path: 'schedule-tasks',
  table: 'schedule_tasks',
  entityType: 'schedule_task',
  title: 'Schedule task',
  defaultSort: 'position',
  access: {
    area: 'portfolio',
    scopes: {
      portfolio: portfolioOfProject('schedule_tasks', 'project_id'),
      project: column('schedule_tasks', 'project_id'),
    },
  },
  fields: {
    projectId: {
      column: 'project_id',
      schema: Id,
      create: 'required',
      updatable: false,
      references: 'projects',
      filter: 'eq',
    },
    parentId: { column: 'parent_id', schema: Id, nullable: true, filter: 'eq' },
    position: {
      column: 'position',
      schema: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Order in the plan' }),
      sortable: true,
    },
    name: { column: 'name', schema: Name, create: 'required', searchable: true, sortable: true },
    duration: { column: 'duration', schema: Days, defaultValue: 1, sortable: true },
    estimateMin: { column: 'estimate_min', schema: Estimate, nullable: true },
    estimateMostLikely: { column: 'estimate_most_likely', schema: Estimate, nullable: true },
    estimateMax: { column: 'estimate_max', schema: Estimate, nullable: true },
    milestone: { column: 'milestone', schema: Type.Boolean(), json: true, defaultValue: false },
    constraintType: {
      column: 'constraint_type',
      schema: stringEnum(CONSTRAINT_TYPES),
      defaultValue: 'asap',
      filter: 'eq',
    },
    constraintDate: { column: 'constraint_date', schema: CalendarDate, nullable: true },
    percentComplete: {
      column: 'percent_complete',
      schema: Type.Number({ minimum: 0, maximum: 100 }),
      defaultValue: 0,
    },
    actualStart: { column: 'actual_start', schema: CalendarDate, nullable: true },
    actualFinish: { column: 'actual_finish', schema: CalendarDate, nullable: true },
  },
  extraWritableFields: { predecessors: Predecessors, assignments: Assignments },
  extraResponseFields: {
    predecessors: Predecessors,
    assignments: Assignments,
    summary: Type.Boolean({ description: 'True when other tasks have this one as parent' }),
  },
  hooks: {
    async beforeCreate(trx, _ctx, row) {
      if (row.position === null || row.position === undefined) row.position = await nextPosition(trx, row);
      checkTask(row);
      await checkParent(trx, row);
    },
    async beforeUpdate(trx, _ctx, before, changes) {
      const merged = { ...before, ...changes };
      if (merged.milestone === 'true' && Number(merged.duration) !== 0) changes.duration = 0;
      checkTask(merged);
      if ('parent_id' in changes) await checkParent(trx, merged);
    },
    async afterWrite(trx, ctx, { before, after, extras }) {
      if ('predecessors' in extras)
        await writePredecessors(trx, ctx, after, extras.predecessors as PredecessorValue[]);
      if ('assignments' in extras)
        await writeAssignments(trx, ctx, after, extras.assignments as AssignmentValue[]);
      // New links or a new outline parent can close a loop; refuse the write (422 schedule_cycle).
      if ('predecessors' in extras || (before?.parent_id ?? null) !== (after.parent_id ?? null))
        await assertNoCycle(trx, ctx.principal.organisationId, String(after.project_id));
    },
    async afterDelete(trx, _ctx, before) {
      const child = await trx
        .selectFrom('schedule_tasks')
        .select('id')
        .where('parent_id', '=', String(before.id))
        .executeTakeFirst();
      if (child)
        throw new ProblemError(
          'has_dependents',
          'This task is the summary of other tasks: move or delete them first.',
        );
    },
    async present(trx, records) {
      const ids = records.map((r) => String(r.id));
      const links = await trx
        .selectFrom('schedule_links')
        .select(['successor_id', 'predecessor_id', 'link_type', 'lag'])
        .where('successor_id', 'in', ids)
        .orderBy('predecessor_id')
        .execute();
      const demands = await trx
        .selectFrom('schedule_assignments')
        .select(['task_id', 'resource_id', 'units'])
        .where('task_id', 'in', ids)
        .orderBy('resource_id')
        .execute();
      const parents = new Set(
        (
          await trx.selectFrom('schedule_tasks').select('parent_id').where('parent_id', 'in', ids).execute()
        ).map((r) => r.parent_id),
      );
      for (const r of records) {
        r.predecessors = links
          .filter((l) => l.successor_id === r.id)
          .map((l) => ({ taskId: l.predecessor_id, type: l.link_type, lag: Number(l.lag) }));
        r.assignments = demands
          .filter((d) => d.task_id === r.id)
          .map((d) => ({ resourceId: d.resource_id, units: Number(d.units) }));
        r.summary = parents.has(String(r.id));
      }
    },
  },
};

async function nextPosition(trx: Trx, row: Record<string, unknown>): Promise<number> {
  const last = await trx
    .selectFrom('schedule_tasks')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('project_id', '=', String(row.project_id))
    .executeTakeFirst();
  return last?.last === null || last?.last === undefined ? 0 : Number(last.last) + 1;
}

/** Field rules of one task; `row` holds columns. */
export function checkTask(row: Record<string, unknown>): void {
  if (row.milestone === 'true') row.duration = 0;
  const estimate = [row.estimate_min, row.estimate_most_likely, row.estimate_max];
  const given = estimate.filter((e) => e !== null && e !== undefined).length;
  if (given > 0 && given < 3) {
    const missing = ['estimateMin', 'estimateMostLikely', 'estimateMax'].find(
      (_, i) => estimate[i] === null || estimate[i] === undefined,
    );
    throw fieldProblem(
      'validation_failed',
      missing ?? 'estimateMin',
      'a three-point estimate needs all three values',
    );
  }
  if (given === 3) {
    const [min, likely, max] = estimate.map(Number) as [number, number, number];
    if (min > likely) throw fieldProblem('validation_failed', 'estimateMin', 'is above estimateMostLikely');
    if (likely > max) throw fieldProblem('validation_failed', 'estimateMax', 'is below estimateMostLikely');
  }
  if (row.constraint_type !== 'asap' && (row.constraint_date === null || row.constraint_date === undefined)) {
    throw fieldProblem(
      'validation_failed',
      'constraintDate',
      `is required with constraintType ${String(row.constraint_type)}`,
    );
  }
  if (
    typeof row.actual_start === 'string' &&
    typeof row.actual_finish === 'string' &&
    row.actual_finish < row.actual_start
  ) {
    throw fieldProblem('validation_failed', 'actualFinish', 'is before actualStart');
  }
  if (typeof row.actual_finish === 'string' && row.actual_start === null) {
    throw fieldProblem('validation_failed', 'actualStart', 'is required when actualFinish is given');
  }
}

/** The parent must be a task of the same project and must not sit below the task itself. */
async function checkParent(trx: Trx, row: Record<string, unknown>): Promise<void> {
  let parentId = row.parent_id;
  const seen = new Set<string>();
  while (parentId !== null && parentId !== undefined) {
    const id = String(parentId);
    if (id === row.id || seen.has(id))
      throw fieldProblem('validation_failed', 'parentId', 'would put the task below itself');
    seen.add(id);
    const parent = await trx
      .selectFrom('schedule_tasks')
      .select(['project_id', 'parent_id', 'organisation_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!parent || parent.organisation_id !== row.organisation_id || parent.project_id !== row.project_id) {
      throw fieldProblem('invalid_reference', 'parentId', 'does not name a task of the same project');
    }
    parentId = parent.parent_id;
  }
}

async function writePredecessors(
  trx: Trx,
  ctx: RequestContext,
  task: Record<string, unknown>,
  predecessors: PredecessorValue[],
): Promise<void> {
  const ids = predecessors.map((p) => p.taskId);
  for (const [i, id] of ids.entries()) {
    if (id === task.id)
      throw fieldProblem('validation_failed', `predecessors.${i}.taskId`, 'is the task itself');
    if (ids.indexOf(id) !== i)
      throw fieldProblem('validation_failed', `predecessors.${i}.taskId`, 'is listed twice');
  }
  const known = await tasksOfProject(trx, ctx, task, ids);
  ids.forEach((id, i) => {
    if (!known.has(id))
      throw fieldProblem(
        'invalid_reference',
        `predecessors.${i}.taskId`,
        'does not name a task of the same project',
      );
  });
  await trx.deleteFrom('schedule_links').where('successor_id', '=', String(task.id)).execute();
  if (predecessors.length === 0) return;
  await trx
    .insertInto('schedule_links')
    .values(
      predecessors.map((p) => ({
        id: randomUUID(),
        organisation_id: ctx.principal.organisationId,
        project_id: String(task.project_id),
        predecessor_id: p.taskId,
        successor_id: String(task.id),
        link_type: p.type ?? 'FS',
        lag: p.lag ?? 0,
      })),
    )
    .execute();
}

async function writeAssignments(
  trx: Trx,
  ctx: RequestContext,
  task: Record<string, unknown>,
  assignments: AssignmentValue[],
): Promise<void> {
  const ids = assignments.map((a) => a.resourceId);
  const known =
    ids.length === 0
      ? new Set<string>()
      : new Set(
          (
            await trx
              .selectFrom('schedule_resources')
              .select('id')
              .where('organisation_id', '=', ctx.principal.organisationId)
              .where('project_id', '=', String(task.project_id))
              .where('id', 'in', ids)
              .execute()
          ).map((r) => r.id),
        );
  for (const [i, id] of ids.entries()) {
    if (ids.indexOf(id) !== i)
      throw fieldProblem('validation_failed', `assignments.${i}.resourceId`, 'is listed twice');
    if (!known.has(id))
      throw fieldProblem(
        'invalid_reference',
        `assignments.${i}.resourceId`,
        'does not name a resource of the same project',
      );
  }
  await trx.deleteFrom('schedule_assignments').where('task_id', '=', String(task.id)).execute();
  if (assignments.length === 0) return;
  await trx
    .insertInto('schedule_assignments')
    .values(
      assignments.map((a) => ({
        id: randomUUID(),
        organisation_id: ctx.principal.organisationId,
        project_id: String(task.project_id),
        task_id: String(task.id),
        resource_id: a.resourceId,
        units: a.units,
      })),
    )
    .execute();
}

async function tasksOfProject(
  trx: Trx,
  ctx: RequestContext,
  task: Record<string, unknown>,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom('schedule_tasks')
    .select('id')
    .where('organisation_id', '=', ctx.principal.organisationId)
    .where('project_id', '=', String(task.project_id))
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}
