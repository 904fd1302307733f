import { dateToOffset, STANDARD_CALENDAR, type WorkCalendar } from '../../../core/schedule/calendar';
import { leaveUnits } from '../../../core/schedule/resource-calendar';
import type { Activity, Link, LinkType } from '../../../core/schedule/types';
import type { MspdiCalendar, MspdiException, MspdiLink, MspdiPlan, MspdiResource, MspdiTask } from './plan';

const LINK_TYPES: Record<number, LinkType> = { 0: 'FF', 1: 'FS', 2: 'SF', 3: 'SS' };
/** LagFormat codes of elapsed units (em, eh, ed, ew, emo and their "estimated" twins). */
const ELAPSED_FORMATS = new Set([4, 6, 8, 10, 12, 36, 38, 40, 42, 44]);
const PERCENT_FORMATS = new Set([19, 20, 51, 52]);

/**
 * The plan's tasks as a CPM network in whole working days, keyed by task UID:
 * durations are minutes / MinutesPerDay rounded; link lags are tenths of minutes converted the
 * same way (elapsed formats count 1,440 minutes a day; percent lags take that share of the
 * predecessor's duration, as MPXJ reads them). The project summary (outline level 0) is left out; outline levels give each task its summary parent. SNET/MSO constraints
 * become start-no-earlier-than and FNLT/MFO finish-no-later-than offsets on the project calendar.
 * A task's work resources whose calendars hold non-working exceptions (leave) give it
 * `resourceLeave`, so CPM schedules it on their working days as MS Project does.
 */
export function planToActivities(plan: MspdiPlan): Activity[] {
  const perDay = plan.minutesPerDay > 0 ? plan.minutesPerDay : 480;
  const tasks = plan.tasks.filter((t) => t.outlineLevel > 0);
  const days = new Map(tasks.map((t) => [t.uid, t.milestone ? 0 : Math.round(t.durationMinutes / perDay)]));
  const calendar = planCalendar(plan);
  const leave = plan.startDate
    ? assignmentLeave(plan, calendar, plan.startDate)
    : new Map<number, number[][]>();
  const parents: MspdiTask[] = [];
  return tasks.map((t) => {
    while (parents.length > 0 && parents.at(-1)!.outlineLevel >= t.outlineLevel) parents.pop();
    const parent = parents.at(-1);
    parents.push(t);
    const activity: Activity = {
      id: String(t.uid),
      name: t.name,
      duration: days.get(t.uid)!,
      predecessors: t.predecessors.map((l) => toLink(l, perDay, days)),
      ...(parent ? { parent: String(parent.uid) } : {}),
    };
    const resourceLeave = leave.get(t.uid);
    if (resourceLeave) activity.resourceLeave = resourceLeave;
    if (plan.startDate && t.constraintDate) {
      const offset = dateToOffset(calendar, plan.startDate, t.constraintDate);
      if (t.constraintType === 2 || t.constraintType === 4) activity.startNoEarlierThan = offset;
      if (t.constraintType === 3 || t.constraintType === 7) activity.finishNoLaterThan = offset + 1;
    }
    return activity;
  });
}

function toLink(l: MspdiLink, perDay: number, days: ReadonlyMap<number, number>): Link {
  let lag: number;
  if (PERCENT_FORMATS.has(l.lagFormat))
    lag = Math.round(((days.get(l.predecessorUid) ?? 0) * l.linkLag) / 100);
  else if (ELAPSED_FORMATS.has(l.lagFormat)) lag = Math.round(l.linkLag / 10 / 1440);
  else lag = Math.round(l.linkLag / 10 / perDay);
  return { id: String(l.predecessorUid), type: LINK_TYPES[l.type] ?? 'FS', lag };
}

/** Task UID → one leave list (project work units) per assigned work resource, when any has leave. */
function assignmentLeave(plan: MspdiPlan, calendar: WorkCalendar, start: string): Map<number, number[][]> {
  const units = new Map(
    plan.resources
      .filter((r) => r.type === 1)
      .map((r) => [r.uid, leaveUnits(calendar, start, resourceNonWorkingDates(plan, r))]),
  );
  const byTask = new Map<number, number[][]>();
  for (const a of plan.assignments) {
    const leave = units.get(a.resourceUid);
    if (leave !== undefined) byTask.set(a.taskUid, [...(byTask.get(a.taskUid) ?? []), leave]);
  }
  for (const [task, lists] of byTask) if (!lists.some((l) => l.length > 0)) byTask.delete(task);
  return byTask;
}

/**
 * A resource's own non-working days (YYYY-MM-DD, ascending): the non-working exceptions of its
 * calendar (Resource/CalendarUID) and of that calendar's base calendars up to, not including, the
 * project calendar, whose holidays the project calendar already holds. Working-time changes of a
 * resource calendar (other week days, extra working days) are not carried: Triad stores a
 * resource's leave only.
 */
export function resourceNonWorkingDates(plan: MspdiPlan, resource: MspdiResource): string[] {
  const byUid = new Map(plan.calendars.map((c) => [c.uid, c]));
  const projectUid = (plan.calendars.find((c) => c.uid === plan.calendarUid) ?? plan.calendars[0])?.uid;
  const dates = new Set<string>();
  const seen = new Set<number>();
  for (
    let c: MspdiCalendar | undefined = byUid.get(resource.calendarUid ?? Number.NaN);
    c !== undefined && c.uid !== projectUid && !seen.has(c.uid);
    c = byUid.get(c.baseCalendarUid ?? Number.NaN)
  ) {
    seen.add(c.uid);
    for (const e of c.exceptions) if (!e.working) for (const d of exceptionDays(e)) dates.add(d);
  }
  return [...dates].sort();
}

/**
 * The calendar days an MSPDI exception covers, FromDate to ToDate inclusive (at most 10 years),
 * read as MPXJ's MSPDIReader reads the recurrence: no Type (or 0) is the plain range; Type 1 and
 * 7 are daily every `Period` days; Type 6 is weekly on `DaysOfWeek` (bit 0x01 = Sunday … 0x40 =
 * Saturday) every `Period` weeks. Monthly and yearly patterns (Types 2–5) are not expanded: they
 * yield no days, rather than the whole period off.
 */
function exceptionDays(e: MspdiException): string[] {
  const type = e.type ?? 0;
  if (![0, 1, 6, 7].includes(type)) return [];
  const DAY = 86_400_000;
  const from = Date.parse(`${e.from.slice(0, 10)}T00:00:00Z`);
  const to = Math.min(Date.parse(`${e.to.slice(0, 10)}T00:00:00Z`), from + 3653 * DAY);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return [];
  const every = type === 0 ? 1 : Math.max(1, e.period ?? 1);
  const firstSunday = from - new Date(from).getUTCDay() * DAY;
  const days: string[] = [];
  for (let t = from; t <= to; t += DAY) {
    const date = new Date(t);
    if (type === 6) {
      const week = Math.floor((t - firstSunday) / (7 * DAY));
      if (((e.daysOfWeek ?? 0) & (1 << date.getUTCDay())) === 0 || week % every !== 0) continue;
    } else if (Math.round((t - from) / DAY) % every !== 0) continue;
    days.push(date.toISOString().slice(0, 10));
  }
  return days;
}

/**
 * The project calendar as a work calendar: working week days (MSPDI DayType 1 = Sunday) and
 * non-working exception days as holidays. Falls back to Monday–Friday.
 */
export function planCalendar(plan: MspdiPlan): WorkCalendar {
  const calendar = plan.calendars.find((c) => c.uid === plan.calendarUid) ?? plan.calendars[0];
  if (!calendar || calendar.weekDays.length === 0) return STANDARD_CALENDAR;
  const holidays: string[] = [];
  const workingDates: string[] = [];
  for (const e of calendar.exceptions) (e.working ? workingDates : holidays).push(...exceptionDays(e));
  return {
    workingWeekdays: calendar.weekDays.filter((w) => w.working).map((w) => w.dayType - 1),
    holidays,
    workingDates,
  };
}
