import { computeCpm } from '../../../core/schedule/cpm';
import type { LinkType } from '../../../core/schedule/types';
import { fieldProblem } from '../../http/problem';
import type { MspdiLinkType, MspdiPlan, MspdiTask } from '../../importers/mspdi/plan';
import {
  planCalendar as mspdiCalendar,
  planToActivities,
  resourceNonWorkingDates,
} from '../../importers/mspdi/plan-to-activities';
import type { CalculatedSchedule } from './schedule-service';
import type { NewPlan, StoredPlan } from './schedule-store';
import type { ConstraintType } from './schedule-vocabulary';

// A project's schedule as MS Project XML (MSPDI) and back: tasks with outline, durations, links,
// constraints, the project calendar, resources with their own calendars (leave as non-working
// exceptions of a resource calendar based on the project calendar, as MS Project keeps it) and
// assignments. MSPDI has no standard place for
// three-point estimates or Triad's progress fields, so those stay behind on export.

const MINUTES_PER_DAY = 480;
const TYPE_CODE: Record<LinkType, MspdiLinkType> = { FF: 0, FS: 1, SF: 2, SS: 3 };

/** The plan in outline order (every parent before its children, siblings by position). */
export function outlineOrder(plan: StoredPlan): { task: StoredPlan['tasks'][number]; depth: number }[] {
  const ids = new Set(plan.tasks.map((t) => t.id));
  const children = new Map<string | null, StoredPlan['tasks']>();
  for (const t of plan.tasks) {
    const parent = t.parentId !== null && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const out: { task: StoredPlan['tasks'][number]; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      out.push({ task: t, depth });
      walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The stored plan with its calculated dates as an MSPDI plan (for `serialiseMspdi`). */
export function toMspdiPlan(plan: StoredPlan, schedule: CalculatedSchedule): MspdiPlan {
  const ordered = outlineOrder(plan);
  const uid = new Map(ordered.map(({ task }, i) => [task.id, i + 1]));
  const dates = new Map(schedule.tasks.map((t) => [t.id, t]));
  const weekdays = plan.settings.workingWeekdays;
  const summaryTask: MspdiTask = {
    uid: 0,
    id: 0,
    name: plan.projectName,
    outlineLevel: 0,
    start: `${schedule.startDate}T08:00:00`,
    finish: `${schedule.finishDate}T17:00:00`,
    durationMinutes: schedule.makespan * MINUTES_PER_DAY,
    milestone: false,
    summary: true,
    predecessors: [],
  };
  const tasks = ordered.map(({ task: t, depth }, i): MspdiTask => {
    const d = dates.get(t.id);
    const summary = d?.summary ?? false;
    return {
      uid: i + 1,
      id: i + 1,
      name: t.name,
      outlineLevel: depth + 1,
      ...(d ? { start: `${d.earlyStart}T08:00:00`, finish: `${d.earlyFinish}T17:00:00` } : {}),
      durationMinutes: (summary ? (d?.ef ?? 0) - (d?.es ?? 0) : t.duration) * MINUTES_PER_DAY,
      milestone: t.milestone,
      summary,
      ...(t.constraintType === 'snet' && t.constraintDate
        ? { constraintType: 4, constraintDate: `${t.constraintDate}T08:00:00` }
        : t.constraintType === 'fnlt' && t.constraintDate
          ? { constraintType: 7, constraintDate: `${t.constraintDate}T17:00:00` }
          : { constraintType: 0 }),
      predecessors: plan.links
        .filter((l) => l.successorId === t.id && uid.has(l.predecessorId))
        .map((l) => ({
          predecessorUid: uid.get(l.predecessorId)!,
          type: TYPE_CODE[l.type],
          linkLag: l.lag * MINUTES_PER_DAY * 10,
          lagFormat: 7,
        }))
        .sort((a, b) => a.predecessorUid - b.predecessorUid),
    };
  });
  const resourceUid = new Map(plan.resources.map((r, i) => [r.id, i + 1]));
  // Each resource with leave gets its own calendar (UID 1 + its UID) based on the project calendar.
  const resourceCalendars: MspdiPlan['calendars'] = plan.resources
    .map((r, i) => ({ r, uid: i + 2 }))
    .filter(({ r }) => r.nonWorkingDates.length > 0)
    .map(({ r, uid }) => ({
      uid,
      name: r.name,
      isBaseCalendar: false,
      baseCalendarUid: 1,
      weekDays: [],
      exceptions: dateRuns(r.nonWorkingDates).map(([from, to]) => ({
        name: 'Leave',
        from: `${from}T00:00:00`,
        to: `${to}T23:59:00`,
        working: false,
      })),
    }));
  const calendarOf = new Set(resourceCalendars.map((c) => c.uid));
  return {
    name: plan.projectName,
    startDate: `${schedule.startDate}T08:00:00`,
    minutesPerDay: MINUTES_PER_DAY,
    minutesPerWeek: MINUTES_PER_DAY * weekdays.length,
    daysPerMonth: 20,
    calendarUid: 1,
    calendars: [
      {
        uid: 1,
        name: 'Standard',
        isBaseCalendar: true,
        weekDays: [1, 2, 3, 4, 5, 6, 7].map((dayType) => {
          const working = weekdays.includes(dayType - 1);
          return {
            dayType,
            working,
            workingTimes: working
              ? [
                  { from: '08:00:00', to: '12:00:00' },
                  { from: '13:00:00', to: '17:00:00' },
                ]
              : [],
          };
        }),
        exceptions: plan.settings.holidays.map((d) => ({
          name: 'Holiday',
          from: `${d}T00:00:00`,
          to: `${d}T23:59:00`,
          working: false,
        })),
      },
      ...resourceCalendars,
    ],
    tasks: [summaryTask, ...tasks],
    resources: plan.resources.map((r, i) => ({
      uid: i + 1,
      id: i + 1,
      name: r.name,
      type: 1,
      maxUnits: r.capacity,
      calendarUid: calendarOf.has(i + 2) ? i + 2 : 1,
    })),
    assignments: plan.assignments
      .filter((a) => uid.has(a.taskId) && resourceUid.has(a.resourceId))
      .map((a, i) => ({
        uid: i + 1,
        taskUid: uid.get(a.taskId)!,
        resourceUid: resourceUid.get(a.resourceId)!,
        units: a.units,
      })),
  };
}

export interface ImportedSchedule {
  plan: NewPlan;
  startDate: string | null;
  workingWeekdays: number[];
  holidays: string[];
}

const MAX_TASKS = 20_000;
const MAX_RESOURCE_DATES = 1000;

/** An MSPDI plan as Triad's plan; refuses networks the engine cannot schedule, naming the field. */
export function fromMspdiPlan(mspdi: MspdiPlan): ImportedSchedule {
  const source = mspdi.tasks.filter((t) => t.outlineLevel > 0);
  if (source.length > MAX_TASKS)
    throw fieldProblem(
      'validation_failed',
      'xml',
      `has ${source.length} tasks, at most ${MAX_TASKS} are accepted`,
    );
  const activities = planToActivities(mspdi);
  const keys = new Set(activities.map((a) => a.id));
  for (const a of activities) {
    for (const p of a.predecessors) {
      if (!keys.has(p.id))
        throw fieldProblem('validation_failed', 'xml', `task UID ${a.id} links to unknown task UID ${p.id}`);
    }
  }
  // Validates the network (duplicates, cycles) before anything is written; errors carry task UIDs.
  computeCpm(activities);
  const byUid = new Map(source.map((t) => [String(t.uid), t]));
  const tasks: NewPlan['tasks'] = activities.map((a, position) => {
    const t = byUid.get(a.id)!;
    const constraint = constraintOf(t);
    return {
      key: a.id,
      parentKey: a.parent ?? null,
      position,
      name: (t.name.trim() || `Task ${t.uid}`).slice(0, 200),
      duration: Math.min(100_000, Math.max(0, a.duration)),
      estimate: null,
      milestone: t.milestone,
      constraintType: constraint.type,
      constraintDate: constraint.date,
      percentComplete: 0,
      actualStart: null,
      actualFinish: null,
    };
  });
  const links: NewPlan['links'] = [];
  const seen = new Set<string>();
  for (const a of activities) {
    for (const p of a.predecessors) {
      const key = `${p.id}>${a.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({
        predecessorKey: p.id,
        successorKey: a.id,
        type: p.type,
        lag: Math.max(-10_000, Math.min(10_000, p.lag)),
      });
    }
  }
  const work = mspdi.resources.filter((r) => r.type === 1);
  const resources = work.map((r) => ({
    key: String(r.uid),
    name: (r.name.trim() || `Resource ${r.uid}`).slice(0, 200),
    capacity: Math.min(10_000, Math.max(1, Math.round(r.maxUnits))),
    // The resource API holds at most 1,000 dates; the earliest are kept.
    nonWorkingDates: resourceNonWorkingDates(mspdi, r).slice(0, MAX_RESOURCE_DATES),
  }));
  const resourceKeys = new Set(resources.map((r) => r.key));
  const assigned = new Set<string>();
  const assignments: NewPlan['assignments'] = [];
  for (const a of mspdi.assignments) {
    const taskKey = String(a.taskUid);
    const resourceKey = String(a.resourceUid);
    if (!keys.has(taskKey) || !resourceKeys.has(resourceKey) || assigned.has(`${taskKey}>${resourceKey}`))
      continue;
    assigned.add(`${taskKey}>${resourceKey}`);
    assignments.push({ taskKey, resourceKey, units: Math.min(10_000, Math.max(1, Math.round(a.units))) });
  }
  const calendar = mspdiCalendar(mspdi);
  return {
    plan: { tasks, links, resources, assignments },
    startDate:
      mspdi.startDate && /^\d{4}-\d{2}-\d{2}/.test(mspdi.startDate) ? mspdi.startDate.slice(0, 10) : null,
    workingWeekdays: [...calendar.workingWeekdays],
    holidays: [...new Set(calendar.holidays)],
  };
}

/** Sorted ISO dates grouped into runs of consecutive days, as [first, last] pairs. */
function dateRuns(dates: readonly string[]): [string, string][] {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const runs: [string, string][] = [];
  for (const d of [...new Set(dates)].sort()) {
    const last = runs.at(-1);
    if (last && day(d) === day(last[1]) + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}

function constraintOf(t: MspdiTask): { type: ConstraintType; date: string | null } {
  const date =
    t.constraintDate && /^\d{4}-\d{2}-\d{2}/.test(t.constraintDate) ? t.constraintDate.slice(0, 10) : null;
  if (date === null) return { type: 'asap', date: null };
  if (t.constraintType === 2 || t.constraintType === 4) return { type: 'snet', date };
  if (t.constraintType === 3 || t.constraintType === 7) return { type: 'fnlt', date };
  return { type: 'asap', date: null };
}
