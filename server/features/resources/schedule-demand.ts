import type { Trx } from '../../resources/resource-spec';
import type { ResourceAssignmentsTable } from '../../store/tables';
import { calculateSchedule } from '../schedule/schedule-service';
import { loadPlan } from '../schedule/schedule-store';

/** Ids of bookings derived from schedules start with this, so nothing tries to edit them. */
export const SCHEDULE_BOOKING = 'schedule:';

/**
 * Demand from project schedules: every unfinished task's assignment of a schedule resource that
 * stands for a person becomes a soft booking of that person (the resource's units, as FTE) from
 * the task's early start to its early finish, as the schedule engine computes them. A person with
 * an explicit booking on the same project is left to it, so the two never count twice.
 */
export async function listScheduleBookings(
  trx: Trx,
  organisationId: string,
  window: { from: string; to: string },
  explicit: readonly ResourceAssignmentsTable[],
): Promise<ResourceAssignmentsTable[]> {
  const resources = await trx
    .selectFrom('schedule_resources')
    .select(['id', 'project_id', 'person_id'])
    .where('organisation_id', '=', organisationId)
    .where('person_id', 'is not', null)
    .execute();
  if (resources.length === 0) return [];
  const personOf = new Map(resources.map((r) => [r.id, r.person_id as string]));
  const booked = new Set(explicit.map((a) => `${a.project_id}|${a.person_id}`));
  const out: ResourceAssignmentsTable[] = [];
  for (const projectId of [...new Set(resources.map((r) => r.project_id))].sort()) {
    let schedule: ReturnType<typeof calculateSchedule>;
    let plan: Awaited<ReturnType<typeof loadPlan>>;
    try {
      plan = await loadPlan(trx, organisationId, projectId);
      schedule = calculateSchedule(plan, plan.settings.statusDate);
    } catch {
      // A plan the engine cannot schedule (no start date, a cycle) adds no demand.
      continue;
    }
    const tasks = new Map(schedule.tasks.map((t) => [t.id, t]));
    for (const a of plan.assignments) {
      const task = tasks.get(a.taskId);
      const personId = personOf.get(a.resourceId);
      if (!task || !personId || task.summary || task.milestone || task.progress === 'complete') continue;
      if (booked.has(`${projectId}|${personId}`)) continue;
      if (task.earlyFinish < window.from || task.earlyStart > window.to) continue;
      out.push({
        id: `${SCHEDULE_BOOKING}${a.taskId}:${a.resourceId}`,
        organisation_id: organisationId,
        person_id: personId,
        project_id: projectId,
        team_id: null,
        request_id: null,
        skill: null,
        start_date: task.earlyStart,
        end_date: task.earlyFinish,
        amount: a.units,
        unit: 'fte',
        booking: 'soft',
        note: `Schedule task ${task.name}`,
        version: 0,
        created_at: '',
        updated_at: '',
      });
    }
  }
  return out;
}
