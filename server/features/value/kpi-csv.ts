import { findDayNumber } from '../../../core/flow/utc-days';
import { readCsvRows } from '../../http/csv-import';
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
  const options = {
    required: ['date', 'value'],
    maxRows: MAX_ROWS,
    headerKey: (h: string) => h.toLowerCase(),
    missingMessage: () => 'the header must name the columns "date" and "value"',
  };
  const seen = new Map<string, number>();
  return readCsvRows(text, options, (line): ParsedMeasurement | undefined => {
    const { row, cell, bad } = line;
    const date = cell('date');
    const rawValue = cell('value');
    const value = rawValue === '' ? Number.NaN : Number(rawValue);
    if (findDayNumber(date) === undefined) bad('date', `"${date}" is not a calendar date YYYY-MM-DD`);
    else if (seen.has(date)) bad('date', `${date} is already given on row ${seen.get(date)}`);
    if (!Number.isFinite(value) || Math.abs(value) > 1e15) bad('value', `"${rawValue}" is not a number`);
    if (line.failed) return undefined;
    seen.set(date, row);
    const note = cell('note');
    return { row, date, value, note: note === '' ? null : note.slice(0, 2000) };
  });
}
