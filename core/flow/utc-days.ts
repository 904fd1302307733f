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

/** Days from 1970-01-01 to the proleptic Gregorian date y-m-d (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The `n`-digit decimal number at `s[i…i+n)`, or −1 if any of those characters is not a digit. */
function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The common ISO 8601 shapes read by hand, without Date.parse (a report parses hundreds of
 * thousands of stamps): `YYYY-MM-DD[T| ]HH:MM[:SS[.f…]][Z|±HH:MM]`, a valid calendar date,
 * hours 00–23. Returns undefined for anything else, which then goes to Date.parse, so the result
 * is always the one Date.parse gives (fractions beyond milliseconds truncated, as V8 does).
 */
function readCommonTimestamp(s: string): number | undefined {
  const n = s.length;
  if (n < 16 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return undefined;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return undefined; // 'T' or ' '
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  const h = digitsAt(s, 11, 2);
  const mi = digitsAt(s, 14, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
  if (d > daysInMonth(y, mo)) return undefined;
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    sec = digitsAt(s, i + 1, 2);
    if (sec < 0 || sec > 59) return undefined;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      i++;
      const start = i;
      while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      if (i === start) return undefined;
      const digits = Math.min(3, i - start);
      ms = digitsAt(s, start, digits) * (digits === 1 ? 100 : digits === 2 ? 10 : 1);
    }
  }
  let offsetMin = 0;
  if (i < n) {
    const z = s.charCodeAt(i);
    if (z === 90 && i + 1 === n) offsetMin = 0;
    else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
      const oh = digitsAt(s, i + 1, 2);
      const om = digitsAt(s, i + 4, 2);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
      offsetMin = (z === 43 ? 1 : -1) * (oh * 60 + om);
    } else return undefined;
  }
  return daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
}

/**
 * Parses an ISO 8601 date or timestamp into epoch milliseconds, or undefined when unparseable;
 * a stamp without a zone designator is read as UTC.
 */
export function findTimestampMs(stamp: string): number | undefined {
  if (stamp.length === 10) {
    const day = findDayNumber(stamp);
    return day === undefined ? undefined : day * MS_PER_DAY;
  }
  const fast = readCommonTimestamp(stamp);
  if (fast !== undefined) return fast;
  if (DATETIME_PREFIX_RE.test(stamp)) {
    const text = ZONELESS_DATETIME_RE.test(stamp) ? `${stamp.replace(' ', 'T')}Z` : stamp.replace(' ', 'T');
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms;
  }
  return undefined;
}

/**
 * Parses an ISO 8601 date or timestamp into epoch milliseconds; a stamp without a zone
 * designator is read as UTC. Throws a RangeError naming `what` when unparseable.
 *
 * @example
 * parseTimestampMs('2024-03-01T12:00:00'); // same as '2024-03-01T12:00:00Z'
 */
export function parseTimestampMs(stamp: string, what = 'timestamp'): number {
  const ms = findTimestampMs(stamp);
  if (ms === undefined) throw new RangeError(`${what} must be an ISO 8601 date or timestamp, got "${stamp}"`);
  return ms;
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
