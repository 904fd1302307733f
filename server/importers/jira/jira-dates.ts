/**
 * Dates as Jira writes them. The REST API gives ISO 8601 with an offset (`2024-12-02T13:15:37.415-0500`);
 * the CSV export uses the site's "complete date/time format", by default `dd/MMM/yy h:mm a`
 * (`02/Dec/24 1:15 PM`), in the exporting user's time zone and without an offset. A stamp without
 * an offset is therefore read in a time zone the caller names (an IANA name, default UTC).
 * Every parser returns epoch milliseconds or undefined; callers turn undefined into a rejection.
 */

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

// 02/Dec/24 1:15 PM, 2/dec/2024 13:15, 02/Dec/24 1:15:07 PM
const JIRA_DEFAULT_RE =
  /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;
// 2024-12-02, 2024-12-02T13:15, 2024-12-02 13:15:37.415-0500, …Z, …+05:30
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Wall-clock fields of a local time; month is 0-based. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** Throws a RangeError when `timeZone` is not a time zone this runtime knows. */
export function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}" (use an IANA name such as Europe/Berlin, or UTC)`);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at the instant `ms`, in milliseconds (east positive). */
function zoneOffsetMs(timeZone: string, ms: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` stands for. In the hour skipped when clocks go
 * forward the earlier offset is used; in the repeated hour when they go back, the first one.
 */
export function wallTimeToMs(w: WallTime, timeZone: string): number {
  const naive = Date.UTC(w.year, w.month, w.day, w.hour, w.minute, w.second, w.ms);
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return naive;
  const first = naive - zoneOffsetMs(timeZone, naive);
  const second = naive - zoneOffsetMs(timeZone, first);
  return Math.min(first, second);
}

export function validWall(w: WallTime): boolean {
  if (w.year < 1000 || w.year > 9999 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const check = new Date(Date.UTC(w.year, w.month, w.day));
  return check.getUTCMonth() === w.month && check.getUTCDate() === w.day;
}

/** Parses Jira's default CSV date format, e.g. `02/Dec/24 1:15 PM`; two-digit years are 20yy. */
export function parseJiraDefaultDate(text: string, timeZone: string): number | undefined {
  const m = JIRA_DEFAULT_RE.exec(text);
  if (!m) return undefined;
  const month = MONTHS[(m[2] ?? '').toLowerCase()];
  if (month === undefined) return undefined;
  const rawYear = Number(m[3]);
  let hour = Number(m[4]);
  const meridiem = m[7]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (meridiem === 'pm' && hour !== 12) hour += 12;
  }
  const w: WallTime = {
    year: (m[3] ?? '').length === 2 ? 2000 + rawYear : rawYear,
    month,
    day: Number(m[1]),
    hour,
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    ms: 0,
  };
  return validWall(w) ? wallTimeToMs(w, timeZone) : undefined;
}

/** Parses ISO 8601 (`-0500`, `-05:00`, `Z` or no offset, then read in `timeZone`). */
export function parseIsoDate(text: string, timeZone: string): number | undefined {
  const m = ISO_RE.exec(text);
  if (!m) return undefined;
  const w: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]) - 1,
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000),
  };
  if (!validWall(w)) return undefined;
  const zone = m[8];
  if (zone === undefined) return wallTimeToMs(w, timeZone);
  const naive = Date.UTC(w.year, w.month, w.day, w.hour, w.minute, w.second, w.ms);
  if (zone === 'Z') return naive;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 18 || minutes > 59) return undefined;
  const offset = (hours * 60 + minutes) * 60_000 * (zone.startsWith('-') ? -1 : 1);
  return naive - offset;
}

/** Either format; undefined when neither matches or the date does not exist. */
export function parseJiraDate(text: string, timeZone: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{4}-/.test(trimmed) ? parseIsoDate(trimmed, timeZone) : parseJiraDefaultDate(trimmed, timeZone);
}

/** The storage form of an instant: ISO 8601 UTC with milliseconds, as `Date#toISOString` writes it. */
export function toStoredTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
