import { parse } from 'csv-parse/sync';
import { findDayNumber } from '../../../core/flow/utc-days';
import type { FieldError } from '../../http/problem';

export interface ParsedMeasurement {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  date: string;
  value: number;
  note: string | null;
}

const MAX_ROWS = 10_000;

/**
 * Reads KPI measurements from CSV text with a header row naming `date` and `value` (any order,
 * case-insensitive) and optionally `note`. Every bad row is reported with its line number and the
 * column at fault; a date given twice counts as an error on the later row.
 *
 * @example
 * parseMeasurementsCsv('date,value\n2026-01-31,42\n2026-02-30,x');
 * // errors: row 3: date …, row 3: value …
 */
export function parseMeasurementsCsv(text: string): { rows: ParsedMeasurement[]; errors: FieldError[] } {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return {
      rows: [],
      errors: [{ field: 'body', message: `not readable as CSV: ${(error as Error).message}` }],
    };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const dateAt = header.indexOf('date');
  const valueAt = header.indexOf('value');
  const noteAt = header.indexOf('note');
  if (dateAt < 0 || valueAt < 0)
    return {
      rows: [],
      errors: [{ field: 'row 1', message: 'the header must name the columns "date" and "value"' }],
    };
  if (records.length - 1 > MAX_ROWS)
    return { rows: [], errors: [{ field: 'body', message: `more than ${MAX_ROWS} rows` }] };
  if (records.length < 2)
    return { rows: [], errors: [{ field: 'body', message: 'no rows after the header' }] };

  const rows: ParsedMeasurement[] = [];
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    const date = record[dateAt] ?? '';
    const rawValue = record[valueAt] ?? '';
    const value = rawValue === '' ? Number.NaN : Number(rawValue);
    let ok = true;
    if (findDayNumber(date) === undefined) {
      errors.push({ field: `row ${row}: date`, message: `"${date}" is not a calendar date YYYY-MM-DD` });
      ok = false;
    } else if (seen.has(date)) {
      errors.push({
        field: `row ${row}: date`,
        message: `${date} is already given on row ${seen.get(date)}`,
      });
      ok = false;
    }
    if (!Number.isFinite(value) || Math.abs(value) > 1e15) {
      errors.push({ field: `row ${row}: value`, message: `"${rawValue}" is not a number` });
      ok = false;
    }
    if (!ok) return;
    seen.set(date, row);
    const note = noteAt >= 0 ? (record[noteAt] ?? '') : '';
    rows.push({ row, date, value, note: note === '' ? null : note.slice(0, 2000) });
  });
  return { rows, errors };
}
