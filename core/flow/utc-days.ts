/**
 * Calendar arithmetic on UTC days. Flow metrics count calendar days, not business days
 * (Vacanti, "Actionable Agile Metrics for Predictability", ch. 2), and Triad treats a date
 * `YYYY-MM-DD` as one UTC day so results never depend on the server's time zone.
 *
 * A "day number" is the count of days since 1970-01-01 (day 0), which makes date ranges plain
 * integer ranges and lets the metrics use typed arrays indexed by day.
 */

export const MS_PER_DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A timestamp with a time but no zone designator would be read as local time by Date.parse;
// core/ must not depend on the process time zone, so such stamps are read as UTC.
const DATETIME_PREFIX_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const ZONELESS_DATETIME_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Parses `YYYY-MM-DD` into a UTC day number; returns undefined for anything else, including
 * impossible dates such as 2023-02-29.
 *
 * @example
 * findDayNumber('1970-01-02'); // 1
 */
export function findDayNumber(date: string): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

/** Like {@link findDayNumber} but throws a RangeError naming `what` when the date is invalid. */
export function getDayNumber(date: string, what = 'date'): number {
  const day = findDayNumber(date);
  if (day === undefined) throw new RangeError(`${what} must be a calendar date YYYY-MM-DD, got "${date}"`);
  return day;
}

/** Formats a UTC day number as `YYYY-MM-DD`. */
export function formatDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return formatDayNumber(getDayNumber(date) + days);
}

/**
 * Parses an ISO 8601 date or timestamp into epoch milliseconds; a stamp without a zone
 * designator is read as UTC. Throws a RangeError naming `what` when unparseable.
 *
 * @example
 * parseTimestampMs('2024-03-01T12:00:00'); // same as '2024-03-01T12:00:00Z'
 */
export function parseTimestampMs(stamp: string, what = 'timestamp'): number {
  if (stamp.length === 10) {
    const day = findDayNumber(stamp);
    if (day !== undefined) return day * MS_PER_DAY;
  } else if (DATETIME_PREFIX_RE.test(stamp)) {
    // Fast path for the common case, a stamp with its zone: Date.parse reads it exactly.
    const text = ZONELESS_DATETIME_RE.test(stamp) ? `${stamp.replace(' ', 'T')}Z` : stamp.replace(' ', 'T');
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new RangeError(`${what} must be an ISO 8601 date or timestamp, got "${stamp}"`);
}

/** The UTC day number that contains the instant `ms`. */
export function dayOfMs(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/**
 * ISO 8601 week of a UTC day, as `YYYY-Www` (weeks start on Monday; week 1 holds the year's
 * first Thursday, ISO 8601-1:2019 §5.2.4.1).
 *
 * @example
 * formatIsoWeek(getDayNumber('2021-01-03')); // '2020-W53'
 */
export function formatIsoWeek(day: number): string {
  // Day 0 (1970-01-01) was a Thursday; (day + 3) mod 7 gives Monday = 0.
  const weekday = (((day + 3) % 7) + 7) % 7;
  const thursday = day - weekday + 3;
  const isoYear = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = Date.UTC(isoYear, 0, 1) / MS_PER_DAY;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** The Monday that starts the ISO week containing `day`. */
export function isoWeekStart(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}
