/**
 * Working calendars: which days count as work units, and the mapping between the engine's
 * work-unit offsets (time 0 = project start) and calendar dates. Dates are ISO `YYYY-MM-DD`
 * strings handled in UTC day numbers, so the result never depends on the machine's time zone.
 */
export interface WorkCalendar {
  /** Working days of the week, 0 = Sunday … 6 = Saturday. */
  workingWeekdays: readonly number[];
  /** Non-working dates (public holidays, shutdowns). */
  holidays: readonly string[];
  /** Dates worked although their weekday is not (a working Saturday). */
  workingDates?: readonly string[];
}

/** Monday to Friday, no holidays: the default of MS Project's "Standard" calendar. */
export const STANDARD_CALENDAR: WorkCalendar = { workingWeekdays: [1, 2, 3, 4, 5], holidays: [] };

/** Search stops after this many days (about 100 years): a calendar without working days never ends. */
const MAX_SCAN_DAYS = 36_600;

/**
 * A resource's calendar: the base calendar plus the resource's own exceptions (leave is
 * non-working, an extra shift is working).
 */
export function withExceptions(
  base: WorkCalendar,
  exceptions: { nonWorking?: readonly string[]; working?: readonly string[] },
): WorkCalendar {
  const extra = new Set(exceptions.working ?? []);
  return {
    workingWeekdays: base.workingWeekdays,
    holidays: [...base.holidays.filter((d) => !extra.has(d)), ...(exceptions.nonWorking ?? [])],
    workingDates: [
      ...(base.workingDates ?? []).filter((d) => !(exceptions.nonWorking ?? []).includes(d)),
      ...extra,
    ],
  };
}

/** True when `date` is a working day of the calendar. */
export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  return compile(calendar)(toDay(date));
}

/**
 * The date on which work unit `offset` (0-based) is done: an activity with early start `es`
 * starts on `offsetToDate(cal, start, es)`. Offset 0 is the first working day on or after the
 * project start.
 *
 * @example
 * offsetToDate(STANDARD_CALENDAR, '2024-12-20', 1); // '2024-12-23' (Friday + 1 working day = Monday)
 */
export function offsetToDate(calendar: WorkCalendar, projectStart: string, offset: number): string {
  if (!Number.isInteger(offset) || offset < 0)
    throw new RangeError(`offset must be a non-negative integer, got ${offset}`);
  const working = compile(calendar);
  let day = toDay(projectStart);
  let left = offset;
  for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++, day++) {
    if (!working(day)) continue;
    if (left === 0) return fromDay(day);
    left -= 1;
  }
  throw new RangeError('the calendar has no working days within 100 years');
}

/**
 * `offsetToDate` for many offsets of one calendar and start: the working days are found once, in
 * order, and looked up afterwards, so dating n tasks costs O(n + horizon) rather than
 * O(n × horizon) (5,000 tasks over ten years: milliseconds instead of seconds).
 *
 * @example
 * const dateOf = offsetDates(STANDARD_CALENDAR, '2024-12-20');
 * dateOf(1); // '2024-12-23'
 */
export function offsetDates(calendar: WorkCalendar, projectStart: string): (offset: number) => string {
  const working = compile(calendar);
  const dates: string[] = [];
  let day = toDay(projectStart);
  let scanned = 0;
  return (offset) => {
    if (!Number.isInteger(offset) || offset < 0)
      throw new RangeError(`offset must be a non-negative integer, got ${offset}`);
    while (dates.length <= offset) {
      if (scanned++ > MAX_SCAN_DAYS + offset * 7)
        throw new RangeError('the calendar has no working days within 100 years');
      if (working(day)) dates.push(fromDay(day));
      day++;
    }
    return dates[offset]!;
  };
}

/**
 * The last working day of an activity that finishes at work-unit offset `ef` (it occupies units
 * es … ef − 1). A milestone at `ef` = es is dated on the day of its start.
 */
export function finishOffsetToDate(
  calendar: WorkCalendar,
  projectStart: string,
  ef: number,
  es = ef - 1,
): string {
  return offsetToDate(calendar, projectStart, ef > es ? ef - 1 : ef);
}

/** Working days from the project start up to (not including) `date`: the inverse of offsetToDate. */
export function dateToOffset(calendar: WorkCalendar, projectStart: string, date: string): number {
  const working = compile(calendar);
  const from = toDay(projectStart);
  const to = toDay(date);
  let count = 0;
  for (let day = from; day < to; day++) if (working(day)) count++;
  return count;
}

/** Adds `days` working days to a working date (negative moves back). */
export function addWorkingDays(calendar: WorkCalendar, date: string, days: number): string {
  const working = compile(calendar);
  let day = toDay(date);
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError('the calendar has no working days within 100 years');
    day += step;
    if (working(day)) left -= 1;
  }
  return fromDay(day);
}

function compile(calendar: WorkCalendar): (day: number) => boolean {
  const weekdays = new Set(calendar.workingWeekdays);
  const holidays = new Set(calendar.holidays.map(toDay));
  const extra = new Set((calendar.workingDates ?? []).map(toDay));
  // Day 0 (1970-01-01) was a Thursday.
  return (day) => !holidays.has(day) && (extra.has(day) || weekdays.has((((day + 4) % 7) + 7) % 7));
}

function toDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

function fromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
