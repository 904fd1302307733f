import { dateToOffset, STANDARD_CALENDAR, type WorkCalendar } from '../../../core/schedule/calendar';
import type { Activity, Link, LinkType } from '../../../core/schedule/types';
import type { MspdiLink, MspdiPlan, MspdiTask } from './plan';

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
 */
export function planToActivities(plan: MspdiPlan): Activity[] {
  const perDay = plan.minutesPerDay > 0 ? plan.minutesPerDay : 480;
  const tasks = plan.tasks.filter((t) => t.outlineLevel > 0);
  const days = new Map(tasks.map((t) => [t.uid, t.milestone ? 0 : Math.round(t.durationMinutes / perDay)]));
  const calendar = planCalendar(plan);
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

/**
 * The project calendar as a work calendar: working week days (MSPDI DayType 1 = Sunday) and
 * non-working exception days as holidays. Falls back to Monday–Friday.
 */
export function planCalendar(plan: MspdiPlan): WorkCalendar {
  const calendar = plan.calendars.find((c) => c.uid === plan.calendarUid) ?? plan.calendars[0];
  if (!calendar || calendar.weekDays.length === 0) return STANDARD_CALENDAR;
  const holidays: string[] = [];
  const workingDates: string[] = [];
  for (const e of calendar.exceptions) {
    const target = e.working ? workingDates : holidays;
    const from = Date.parse(`${e.from.slice(0, 10)}T00:00:00Z`);
    const to = Date.parse(`${e.to.slice(0, 10)}T00:00:00Z`);
    for (let t = from; Number.isFinite(t) && t <= to; t += 86_400_000)
      target.push(new Date(t).toISOString().slice(0, 10));
  }
  return {
    workingWeekdays: calendar.weekDays.filter((w) => w.working).map((w) => w.dayType - 1),
    holidays,
    workingDates,
  };
}
