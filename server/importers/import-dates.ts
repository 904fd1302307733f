import { RowError } from './import-errors';
import { parseIsoDate, toStoredTimestamp, validWall, type WallTime, wallTimeToMs } from './jira/jira-dates';

// Azure DevOps writes CSV dates in the exporting user's locale and time zone without an offset;
// the en-US default is `M/D/YYYY h:mm[:ss] AM` (Microsoft Learn, "Import or update work items in
// bulk by using CSV files": dates follow the user's profile format). ISO 8601 is accepted too.
const US_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/** Parses `M/D/YYYY[ h:mm[:ss][ AM|PM]]` in `timeZone`; undefined when it is not such a date. */
export function parseUsDate(text: string, timeZone: string): number | undefined {
  const m = US_RE.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[4] ?? 0);
  const meridiem = m[7]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (meridiem === 'pm' && hour !== 12) hour += 12;
  }
  const w: WallTime = {
    year: Number(m[3]),
    month: Number(m[1]) - 1,
    day: Number(m[2]),
    hour,
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: 0,
  };
  return validWall(w) ? wallTimeToMs(w, timeZone) : undefined;
}

/** ISO 8601 or the US locale form, as a stored timestamp; blank is null, anything else a RowError. */
export function readTableDate(raw: string | undefined, what: string, timeZone: string): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  const ms = /^\d{4}-/.test(text) ? parseIsoDate(text, timeZone) : parseUsDate(text, timeZone);
  if (ms === undefined)
    throw new RowError(`${what} "${text.slice(0, 60)}" is neither ISO 8601 nor M/D/YYYY h:mm AM/PM`);
  return toStoredTimestamp(ms);
}

/** A non-negative number (a decimal comma is accepted); blank is null. */
export function readEstimate(raw: string | undefined, what: string): number | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value) || value < 0)
    throw new RowError(`${what} must be a non-negative number, got "${text.slice(0, 40)}"`);
  return value;
}
