import { findDayNumber, getDayNumber } from '../flow/utc-days';

/**
 * An employment calendar: which ISO weekdays are worked (1 = Monday … 7 = Sunday), the hours of a
 * full-time working day, and the public holidays of the location (YYYY-MM-DD).
 */
export interface WorkCalendar {
  workingWeekdays: readonly number[];
  hoursPerDay: number;
  holidays: readonly string[];
}

/** Leave of one person: every day from `start` to `end` (inclusive), `share` of the day (1 = all). */
export interface LeaveSpan {
  start: string;
  end: string;
  share: number;
}

/** What a person's capacity depends on: contracted FTE, calendar and leave. */
export interface Employment {
  fte: number;
  calendar: WorkCalendar;
  leave: readonly LeaveSpan[];
}

/** The usual Monday-to-Friday, 8-hour calendar with no holidays. */
export const STANDARD_CALENDAR: WorkCalendar = {
  workingWeekdays: [1, 2, 3, 4, 5],
  hoursPerDay: 8,
  holidays: [],
};

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Everything wrong with a calendar, as messages naming the field (empty when valid). */
export function findCalendarErrors(calendar: WorkCalendar): string[] {
  const errors: string[] = [];
  if (calendar.workingWeekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    errors.push('workingWeekdays: each must be an ISO weekday 1 (Monday) to 7 (Sunday)');
  if (new Set(calendar.workingWeekdays).size !== calendar.workingWeekdays.length)
    errors.push('workingWeekdays: a weekday is listed twice');
  if (!(Number.isFinite(calendar.hoursPerDay) && calendar.hoursPerDay > 0 && calendar.hoursPerDay <= 24))
    errors.push('hoursPerDay: must be more than 0 and at most 24');
  calendar.holidays.forEach((h, i) => {
    if (findDayNumber(h) === undefined) errors.push(`holidays/${i}: "${h}" is not a date YYYY-MM-DD`);
  });
  return errors;
}

/** A calendar prepared for day-by-day questions. */
export interface CompiledCalendar {
  hoursPerDay: number;
  isWorkingDay(day: number): boolean;
}

export function compileCalendar(calendar: WorkCalendar): CompiledCalendar {
  const weekdays = new Set(calendar.workingWeekdays);
  const holidays = new Set(calendar.holidays.map((h) => getDayNumber(h, 'holiday')));
  return {
    hoursPerDay: calendar.hoursPerDay,
    isWorkingDay: (day) => weekdays.has(isoWeekday(day)) && !holidays.has(day),
  };
}

/**
 * Working days from `from` to `to`, both inclusive: worked weekdays that are not holidays.
 *
 * @example
 * // Mon 2026-05-04 to Fri 2026-05-08 with a holiday on Friday 8 May: 4 days
 * countWorkingDays({ workingWeekdays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: ['2026-05-08'] }, '2026-05-04', '2026-05-08');
 */
export function countWorkingDays(calendar: WorkCalendar, from: string, to: string): number {
  const compiled = compileCalendar(calendar);
  let n = 0;
  for (let d = getDayNumber(from); d <= getDayNumber(to); d++) if (compiled.isWorkingDay(d)) n++;
  return n;
}

/**
 * Hours a person can work per day from `fromDay` to `toDay` (day numbers, inclusive):
 * FTE × hours per day on working days, less the share of the day on leave (overlapping leave is
 * capped at the whole day). Index 0 is `fromDay`.
 */
export function computeDailyCapacity(employment: Employment, fromDay: number, toDay: number): Float64Array {
  const compiled = compileCalendar(employment.calendar);
  const length = Math.max(0, toDay - fromDay + 1);
  const hours = new Float64Array(length);
  const leave = new Float64Array(length);
  for (const span of employment.leave) {
    const start = Math.max(fromDay, getDayNumber(span.start, 'leave start'));
    const end = Math.min(toDay, getDayNumber(span.end, 'leave end'));
    for (let d = start; d <= end; d++)
      leave[d - fromDay] = Math.min(1, (leave[d - fromDay] ?? 0) + span.share);
  }
  for (let i = 0; i < length; i++) {
    if (!compiled.isWorkingDay(fromDay + i)) continue;
    hours[i] = employment.fte * compiled.hoursPerDay * (1 - (leave[i] ?? 0));
  }
  return hours;
}
