import { parse } from 'csv-parse/sync';
import { type FieldError, ProblemError } from './problem';

/** One data line of an uploaded CSV file, as an import's row mapping sees it. */
export interface CsvRow {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  /** The trimmed cell under a header name ('' when the column or the cell is missing). */
  cell(name: string): string;
  /** Reports a bad cell as `row N: column`; a row with any bad cell is left out of the result. */
  bad(column: string, message: string): void;
  /** Whether a bad cell of this row has been reported so far. */
  readonly failed: boolean;
}

export interface CsvRowOptions {
  /** Header names every file must have (as `headerKey` turns them). */
  required: readonly string[];
  maxRows: number;
  /** How a header cell becomes the name `cell()` looks up; by default lower case without `_` or spaces. */
  headerKey?: (header: string) => string;
  /** The message when required columns are missing; by default it lists the missing ones. */
  missingMessage?: (missing: string[]) => string;
}

const looseKey = (h: string) => h.toLowerCase().replace(/[_\s]/g, '');
const listMissing = (missing: string[]) =>
  `the header must name the columns ${missing.map((m) => `"${m}"`).join(', ')}`;

/**
 * Reads the CSV body of an import (csv-parse: BOM, trimmed cells, blank lines skipped, ragged rows
 * allowed), checks its header and size, and hands each data line to `mapRow`, which returns the
 * import's own record (or nothing) and reports bad cells. Every problem carries its line, so the caller can
 * refuse the whole file at once.
 *
 * @example
 * readCsvRows('date,value\n2026-01-31,42', { required: ['date', 'value'], maxRows: 100 }, (r) => ({
 *   row: r.row, date: r.cell('date'), value: Number(r.cell('value')),
 * }));
 * // { rows: [{ row: 2, date: '2026-01-31', value: 42 }], errors: [] }
 */
export function readCsvRows<T>(
  text: string,
  options: CsvRowOptions,
  mapRow: (row: CsvRow) => T | undefined,
): { rows: T[]; errors: FieldError[] } {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return {
      rows: [],
      errors: [{ field: 'body', message: `not readable as CSV: ${(error as Error).message}` }],
    };
  }
  const header = (records[0] ?? []).map(options.headerKey ?? looseKey);
  const at = (name: string) => header.indexOf(name);
  const missing = options.required.filter((c) => at(c) < 0);
  if (missing.length > 0)
    return {
      rows: [],
      errors: [{ field: 'row 1', message: (options.missingMessage ?? listMissing)(missing) }],
    };
  if (records.length < 2)
    return { rows: [], errors: [{ field: 'body', message: 'no rows after the header' }] };
  if (records.length - 1 > options.maxRows)
    return { rows: [], errors: [{ field: 'body', message: `more than ${options.maxRows} rows` }] };

  const rows: T[] = [];
  const errors: FieldError[] = [];
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    const before = errors.length;
    const mapped = mapRow({
      row,
      cell: (name) => (at(name) >= 0 ? (record[at(name)] ?? '') : ''),
      bad: (column, message) => errors.push({ field: `row ${row}: ${column}`, message }),
      get failed() {
        return errors.length > before;
      },
    });
    if (mapped !== undefined && errors.length === before) rows.push(mapped);
  });
  return { rows, errors };
}

const rowOf = (field: string) => Number(/row (\d+)/.exec(field)?.[1] ?? 0);

/** Refuses a whole file when it has problems (all rows or none), listing them in line order. */
export function refuseBadFile(problems: FieldError[]): void {
  if (problems.length === 0) return;
  problems.sort((a, b) => rowOf(a.field) - rowOf(b.field));
  throw new ProblemError(
    'validation_failed',
    `${problems.length} problem(s) in the file, nothing imported; first: ${problems[0]?.field}: ${problems[0]?.message}`,
    problems,
  );
}
