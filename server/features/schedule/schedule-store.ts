import { randomUUID } from 'node:crypto';
import type { LinkType } from '../../../core/schedule/types';
import type { Trx } from '../../resources/resource-spec';
import type { ScheduleBaselinesTable } from '../../store/tables';
import type { ConstraintType } from './schedule-vocabulary';
import { DEFAULT_WORKING_WEEKDAYS } from './schedule-vocabulary';

// Kysely queries of the scheduling feature: the stored plan of a project as one domain object
// (settings, tasks, links, resources, demands), its replacement on import, and the baselines.

export interface StoredTask {
  id: string;
  parentId: string | null;
  position: number;
  name: string;
  duration: number;
  estimate: { min: number; mostLikely: number; max: number } | null;
  milestone: boolean;
  constraintType: ConstraintType;
  constraintDate: string | null;
  percentComplete: number;
  actualStart: string | null;
  actualFinish: string | null;
}

export interface StoredLink {
  predecessorId: string;
  successorId: string;
  type: LinkType;
  lag: number;
}

export interface StoredResource {
  id: string;
  name: string;
  capacity: number;
  /** The resource's own non-working dates (YYYY-MM-DD), on top of the project calendar. */
  nonWorkingDates: string[];
}

export interface StoredAssignment {
  taskId: string;
  resourceId: string;
  units: number;
}

export interface ScheduleSettings {
  /** Undefined when the project has no settings row yet (defaults apply). */
  version?: number;
  startDate: string | null;
  statusDate: string | null;
  workingWeekdays: number[];
  holidays: string[];
}

export interface StoredPlan {
  projectId: string;
  projectName: string;
  projectStart: string | null;
  settings: ScheduleSettings;
  tasks: StoredTask[];
  links: StoredLink[];
  resources: StoredResource[];
  assignments: StoredAssignment[];
}

export async function findScheduleSettings(
  trx: Trx,
  organisationId: string,
  projectId: string,
): Promise<ScheduleSettings> {
  const row = await trx
    .selectFrom('project_schedules')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row)
    return { startDate: null, statusDate: null, workingWeekdays: DEFAULT_WORKING_WEEKDAYS, holidays: [] };
  return {
    version: Number(row.version),
    startDate: row.start_date,
    statusDate: row.status_date,
    workingWeekdays: JSON.parse(row.working_weekdays) as number[],
    holidays: JSON.parse(row.holidays) as string[],
  };
}

/** Inserts or updates the settings row; answers false when `expectedVersion` is stale. */
export async function saveScheduleSettings(
  trx: Trx,
  key: { organisationId: string; projectId: string; now: string; expectedVersion?: number },
  settings: Omit<ScheduleSettings, 'version'>,
): Promise<boolean> {
  const values = {
    start_date: settings.startDate,
    status_date: settings.statusDate,
    working_weekdays: JSON.stringify([...new Set(settings.workingWeekdays)].sort()),
    holidays: JSON.stringify([...new Set(settings.holidays)].sort()),
    updated_at: key.now,
  };
  const current = await trx
    .selectFrom('project_schedules')
    .select(['id', 'version'])
    .where('organisation_id', '=', key.organisationId)
    .where('project_id', '=', key.projectId)
    .executeTakeFirst();
  if (!current) {
    if (key.expectedVersion !== undefined && key.expectedVersion !== 0) return false;
    await trx
      .insertInto('project_schedules')
      .values({
        id: randomUUID(),
        organisation_id: key.organisationId,
        project_id: key.projectId,
        ...values,
        version: 1,
        created_at: key.now,
      })
      .execute();
    return true;
  }
  if (key.expectedVersion !== undefined && key.expectedVersion !== Number(current.version)) return false;
  const result = await trx
    .updateTable('project_schedules')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', current.id)
    .where('version', '=', Number(current.version))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Everything the engines need about a project's schedule, tasks in plan order. */
export async function loadPlan(trx: Trx, organisationId: string, projectId: string): Promise<StoredPlan> {
  const project = await trx
    .selectFrom('projects')
    .select(['name', 'start_date'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  const [settings, taskRows, linkRows, resourceRows, assignmentRows] = await Promise.all([
    findScheduleSettings(trx, organisationId, projectId),
    trx
      .selectFrom('schedule_tasks')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('project_id', '=', projectId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('schedule_links')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('schedule_resources')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('project_id', '=', projectId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('schedule_assignments')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute(),
  ]);
  return {
    projectId,
    projectName: project.name,
    projectStart: project.start_date,
    settings,
    tasks: taskRows.map((t) => ({
      id: t.id,
      parentId: t.parent_id,
      position: Number(t.position),
      name: t.name,
      duration: Number(t.duration),
      estimate:
        t.estimate_min === null || t.estimate_most_likely === null || t.estimate_max === null
          ? null
          : {
              min: Number(t.estimate_min),
              mostLikely: Number(t.estimate_most_likely),
              max: Number(t.estimate_max),
            },
      milestone: t.milestone === 'true',
      constraintType: t.constraint_type as ConstraintType,
      constraintDate: t.constraint_date,
      percentComplete: Number(t.percent_complete),
      actualStart: t.actual_start,
      actualFinish: t.actual_finish,
    })),
    links: linkRows.map((l) => ({
      predecessorId: l.predecessor_id,
      successorId: l.successor_id,
      type: l.link_type as LinkType,
      lag: Number(l.lag),
    })),
    resources: resourceRows.map((r) => ({
      id: r.id,
      name: r.name,
      capacity: Number(r.capacity),
      nonWorkingDates: r.non_working_dates ? (JSON.parse(r.non_working_dates) as string[]) : [],
    })),
    assignments: assignmentRows.map((a) => ({
      taskId: a.task_id,
      resourceId: a.resource_id,
      units: Number(a.units),
    })),
  };
}

/** A plan to write in place of the project's current tasks, links, resources and demands. */
export interface NewPlan {
  tasks: (Omit<StoredTask, 'id' | 'parentId'> & { key: string; parentKey: string | null })[];
  links: { predecessorKey: string; successorKey: string; type: LinkType; lag: number }[];
  resources: { key: string; name: string; capacity: number; nonWorkingDates?: string[] }[];
  assignments: { taskKey: string; resourceKey: string; units: number }[];
}

/** Deletes the project's tasks, links, resources and demands and writes `plan` (ids are new). */
export async function replacePlan(
  trx: Trx,
  scope: { organisationId: string; projectId: string; now: string },
  plan: NewPlan,
): Promise<{ tasks: number; links: number; resources: number; assignments: number }> {
  const { organisationId, projectId, now } = scope;
  const where = <
    T extends 'schedule_assignments' | 'schedule_links' | 'schedule_tasks' | 'schedule_resources',
  >(
    table: T,
  ) =>
    trx
      .deleteFrom(table as 'schedule_tasks')
      .where('organisation_id', '=', organisationId)
      .where('project_id', '=', projectId);
  await where('schedule_assignments').execute();
  await where('schedule_links').execute();
  await where('schedule_tasks').execute();
  await where('schedule_resources').execute();
  const taskIds = new Map(plan.tasks.map((t) => [t.key, randomUUID()]));
  const resourceIds = new Map(plan.resources.map((r) => [r.key, randomUUID()]));
  const base = { organisation_id: organisationId, project_id: projectId };
  const versioned = { version: 1, created_at: now, updated_at: now };
  await insertChunks(
    trx,
    'schedule_resources',
    plan.resources.map((r) => ({
      ...base,
      ...versioned,
      id: resourceIds.get(r.key)!,
      name: r.name,
      capacity: r.capacity,
      person_id: null,
      non_working_dates: JSON.stringify(r.nonWorkingDates ?? []),
    })),
  );
  await insertChunks(
    trx,
    'schedule_tasks',
    plan.tasks.map((t) => ({
      ...base,
      ...versioned,
      id: taskIds.get(t.key)!,
      parent_id: t.parentKey === null ? null : (taskIds.get(t.parentKey) ?? null),
      position: t.position,
      name: t.name,
      duration: t.duration,
      estimate_min: t.estimate?.min ?? null,
      estimate_most_likely: t.estimate?.mostLikely ?? null,
      estimate_max: t.estimate?.max ?? null,
      milestone: JSON.stringify(t.milestone),
      constraint_type: t.constraintType,
      constraint_date: t.constraintDate,
      percent_complete: t.percentComplete,
      actual_start: t.actualStart,
      actual_finish: t.actualFinish,
    })),
  );
  await insertChunks(
    trx,
    'schedule_links',
    plan.links.map((l) => ({
      ...base,
      id: randomUUID(),
      predecessor_id: taskIds.get(l.predecessorKey)!,
      successor_id: taskIds.get(l.successorKey)!,
      link_type: l.type,
      lag: l.lag,
    })),
  );
  await insertChunks(
    trx,
    'schedule_assignments',
    plan.assignments.map((a) => ({
      ...base,
      id: randomUUID(),
      task_id: taskIds.get(a.taskKey)!,
      resource_id: resourceIds.get(a.resourceKey)!,
      units: a.units,
    })),
  );
  return {
    tasks: plan.tasks.length,
    links: plan.links.length,
    resources: plan.resources.length,
    assignments: plan.assignments.length,
  };
}

/** PostgreSQL allows 65,535 parameters per statement; 200 rows of ≤ 20 columns stay well below. */
async function insertChunks(trx: Trx, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto(table as 'schedule_links')
      .values(rows.slice(i, i + 200) as never[])
      .execute();
  }
}

export async function listBaselines(
  trx: Trx,
  organisationId: string,
  projectId: string,
): Promise<ScheduleBaselinesTable[]> {
  return trx
    .selectFrom('schedule_baselines')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
}

export async function findBaseline(
  trx: Trx,
  organisationId: string,
  projectId: string,
  baselineId: string,
): Promise<ScheduleBaselinesTable | undefined> {
  return trx
    .selectFrom('schedule_baselines')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('project_id', '=', projectId)
    .where('id', '=', baselineId)
    .executeTakeFirst();
}

export async function insertBaseline(trx: Trx, row: ScheduleBaselinesTable): Promise<void> {
  await trx.insertInto('schedule_baselines').values(row).execute();
}

export async function deleteBaseline(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('schedule_baselines').where('id', '=', id).execute();
}
