import {
  addWorkingDays,
  dateToOffset,
  offsetDates,
  type WorkCalendar,
} from '../../../core/schedule/calendar';
import { leaveUnits } from '../../../core/schedule/resource-calendar';
import type { RiskActivity } from '../../../core/schedule/schedule-risk';
import type { Activity, Link } from '../../../core/schedule/types';
import type { StoredPlan, StoredTask } from './schedule-store';

// The stored plan as the engine's network: work-day offsets from the project start on the
// project calendar, constraints as offsets, each assigned resource's leave as the work units it
// misses (docs/scheduling.md, "Resource calendars"), and — from a status date — remaining work
// rescheduled after it (docs/scheduling-api.md, "Progress and status date").

export type TaskProgress = 'complete' | 'in_progress' | 'not_started';

export interface ScheduleNetwork {
  calendar: WorkCalendar;
  start: string;
  statusDate: string | null;
  activities: Activity[];
  riskActivities: RiskActivity[];
  progress: Map<string, TaskProgress>;
  summaries: Set<string>;
}

export function planCalendar(plan: StoredPlan): WorkCalendar {
  return { workingWeekdays: plan.settings.workingWeekdays, holidays: plan.settings.holidays };
}

/** The plan's start: the schedule's own start date, else the project's. */
export function planStart(plan: StoredPlan): string | null {
  return plan.settings.startDate ?? plan.projectStart;
}

/**
 * Builds the network. With a status date, finished tasks sit on their actual dates, started
 * tasks run from their actual start with their remaining share of the duration after the status
 * date, and tasks not started cannot start before the status date. `plannedStarts` (offsets of a
 * run without status date) stand in for missing actual starts.
 */
export function buildNetwork(
  plan: StoredPlan,
  start: string,
  statusDate: string | null,
  plannedStarts?: ReadonlyMap<string, number>,
): ScheduleNetwork {
  const calendar = planCalendar(plan);
  const summaries = new Set(plan.tasks.map((t) => t.parentId).filter((p): p is string => p !== null));
  const preds = new Map<string, Link[]>();
  for (const l of plan.links) {
    const list = preds.get(l.successorId) ?? [];
    list.push({ id: l.predecessorId, type: l.type, lag: l.lag });
    preds.set(l.successorId, list);
  }
  const offset = (date: string) => dateToOffset(calendar, start, date);
  const statusOffset = statusDate === null ? undefined : offset(statusDate);
  const leaveOf = new Map(plan.resources.map((r) => [r.id, leaveUnits(calendar, start, r.nonWorkingDates)]));
  const taskLeave = new Map<string, number[][]>();
  for (const a of plan.assignments) {
    const units = leaveOf.get(a.resourceId);
    if (units !== undefined) taskLeave.set(a.taskId, [...(taskLeave.get(a.taskId) ?? []), units]);
  }
  // Leave before the status date is history: remaining work only avoids leave from then on.
  const leaveFrom = (id: string, from: number) => {
    const lists = taskLeave.get(id);
    if (lists === undefined || !lists.some((l) => l.length > 0)) return {};
    return { resourceLeave: lists.map((l) => l.filter((u) => u >= from)) };
  };
  const progress = new Map<string, TaskProgress>();
  const activities: Activity[] = [];
  const riskActivities: RiskActivity[] = [];
  for (const t of plan.tasks) {
    const summary = summaries.has(t.id);
    const state = summary ? 'not_started' : taskProgress(t);
    progress.set(t.id, state);
    const base: Activity = {
      id: t.id,
      name: t.name,
      duration: summary ? 0 : t.duration,
      predecessors: preds.get(t.id) ?? [],
      ...(t.parentId ? { parent: t.parentId } : {}),
      ...constraintOffsets(t, offset),
      ...(summary ? {} : leaveFrom(t.id, 0)),
    };
    const estimate = t.estimate ?? { min: t.duration, mostLikely: t.duration, max: t.duration };
    if (summary || statusOffset === undefined || state === 'not_started') {
      if (statusOffset !== undefined && !summary)
        base.startNoEarlierThan = Math.max(base.startNoEarlierThan ?? 0, statusOffset);
      activities.push(base);
      riskActivities.push({ ...base, estimate: summary ? { min: 0, mostLikely: 0, max: 0 } : estimate });
      continue;
    }
    // Progress recorded: the task no longer waits for its predecessors, it runs from its actual start.
    const actualStart = t.actualStart ? offset(t.actualStart) : (plannedStarts?.get(t.id) ?? 0);
    let duration: number;
    let scale: number;
    let fixed: number;
    if (state === 'complete') {
      duration = t.actualFinish ? Math.max(0, offset(t.actualFinish) + 1 - actualStart) : t.duration;
      if (t.milestone) duration = 0;
      fixed = duration;
      scale = 0;
    } else {
      const remaining = Math.ceil(t.duration * (1 - t.percentComplete / 100) - 1e-9);
      const done = t.duration - remaining;
      fixed = Math.max(done, statusOffset - actualStart);
      duration = fixed + remaining;
      scale = t.duration > 0 ? remaining / t.duration : 0;
    }
    const { finishNoLaterThan } = base;
    const started: Activity = {
      id: t.id,
      name: t.name,
      duration,
      predecessors: [],
      ...(t.parentId ? { parent: t.parentId } : {}),
      startNoEarlierThan: actualStart,
      ...(finishNoLaterThan === undefined ? {} : { finishNoLaterThan }),
      ...(state === 'in_progress' ? leaveFrom(t.id, statusOffset) : {}),
    };
    activities.push(started);
    riskActivities.push({
      ...started,
      estimate: {
        min: fixed + estimate.min * scale,
        mostLikely: fixed + estimate.mostLikely * scale,
        max: fixed + estimate.max * scale,
      },
    });
  }
  return { calendar, start, statusDate, activities, riskActivities, progress, summaries };
}

function taskProgress(t: StoredTask): TaskProgress {
  if (t.percentComplete >= 100 || t.actualFinish !== null) return 'complete';
  if (t.percentComplete > 0 || t.actualStart !== null) return 'in_progress';
  return 'not_started';
}

function constraintOffsets(
  t: StoredTask,
  offset: (date: string) => number,
): Pick<Activity, 'startNoEarlierThan' | 'finishNoLaterThan'> {
  if (t.constraintDate === null) return {};
  if (t.constraintType === 'snet') return { startNoEarlierThan: offset(t.constraintDate) };
  // Finishing on the constraint date means finishing by the end of that working day.
  if (t.constraintType === 'fnlt') return { finishNoLaterThan: offset(t.constraintDate) + 1 };
  return {};
}

// One offset → date lookup per calendar object and start (a network's calendar dates every task).
const lookups = new WeakMap<WorkCalendar, Map<string, (offset: number) => string>>();

function lookup(calendar: WorkCalendar, start: string): (offset: number) => string {
  const byStart = lookups.get(calendar) ?? new Map<string, (offset: number) => string>();
  lookups.set(calendar, byStart);
  const dateOf = byStart.get(start) ?? offsetDates(calendar, start);
  byStart.set(start, dateOf);
  return dateOf;
}

/** The date of work unit `offset`; negative offsets (late dates before the start) count back. */
export function dateAt(calendar: WorkCalendar, start: string, offset: number): string {
  const dateOf = lookup(calendar, start);
  if (offset >= 0) return dateOf(Math.round(offset));
  return addWorkingDays(calendar, dateOf(0), Math.round(offset));
}

/**
 * The last working day of work that ends at `finish`. A zero-length task (a milestone) at offset
 * t happens at the end of working day t − 1, the day its predecessor finishes — as desktop
 * planning tools date milestones.
 */
export function finishDateAt(calendar: WorkCalendar, start: string, begin: number, finish: number): string {
  if (finish > begin) return dateAt(calendar, start, finish - 1);
  return dateAt(calendar, start, finish > 0 ? finish - 1 : finish);
}

/** The first working day of work that starts at `begin`; a milestone is dated like its finish. */
export function startDateAt(calendar: WorkCalendar, start: string, begin: number, finish: number): string {
  return finish > begin ? dateAt(calendar, start, begin) : finishDateAt(calendar, start, begin, finish);
}

/** Working days from `from` to `to` (negative when `to` is earlier). */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  return from <= to ? dateToOffset(calendar, from, to) : -dateToOffset(calendar, to, from);
}
