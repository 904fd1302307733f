import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { findDayNumber } from '../../core/flow/utc-days';
import { CliError } from '../cli-error';

/** The completion dates read from a throughput history CSV. */
export interface DoneHistory {
  /** One `YYYY-MM-DD` per finished item, in file order. */
  doneDates: string[];
  /** Data rows read (excluding the header). */
  rows: number;
  /** Rows whose done cell was blank: unfinished items, skipped. */
  blankRows: number;
}

// ISO 8601 calendar date, extended (2024-03-01) or basic (20240301), optionally followed by a
// time of day and zone, which are ignored: the completion day is the date as written.
const COMPLETION_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Reads the date part of an ISO 8601 date or timestamp as `YYYY-MM-DD`; undefined when the
 * value is not one or names an impossible day (2023-02-29).
 */
export function parseCompletionDate(value: string): string | undefined {
  const m = COMPLETION_RE.exec(value.trim());
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return findDayNumber(date) === undefined ? undefined : date;
}

/** Picks the delimiter that occurs most often in the header line: comma, semicolon or tab. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = header.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses a throughput history CSV: a header row with a `done` column (name matched trimmed and
 * case-insensitively) holding one finished item's completion date per row; other columns are
 * ignored. Blank done cells are unfinished items and are skipped; any other unparseable value,
 * a missing column or no completed item at all is a CliError (exit code 2).
 * Tolerates a UTF-8 BOM, CRLF line ends, quoted fields and `;` or tab delimiters.
 */
export function parseDoneHistory(text: string, source: string, column = 'done'): DoneHistory {
  const wanted = column.trim().toLowerCase();
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // With `info`, each record comes as { record, info } (csv-parse 6 docs, option "info").
    }) as unknown as typeof records;
  } catch (error) {
    throw new CliError(
      `${source}: not a readable CSV file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const header = records[0]?.record;
  if (!header) throw new CliError(`${source}: the history is empty (no header row)`);
  const index = header.findIndex((h) => h.trim().toLowerCase() === wanted);
  if (index < 0) {
    throw new CliError(
      `${source}: no "${column}" column in the header (found: ${header.map((h) => h.trim()).join(', ')})`,
    );
  }
  const doneDates: string[] = [];
  let blankRows = 0;
  for (const { record, info } of records.slice(1)) {
    const raw = (record[index] ?? '').trim();
    if (raw === '') {
      blankRows++;
      continue;
    }
    const date = parseCompletionDate(raw);
    if (date === undefined) {
      throw new CliError(
        `${source}, line ${info.lines}: "${raw}" in column "${column}" is not an ISO 8601 date`,
      );
    }
    doneDates.push(date);
  }
  if (doneDates.length === 0) {
    throw new CliError(`${source}: the history holds no completed item (every "${column}" cell is blank)`);
  }
  return { doneDates, rows: records.length - 1, blankRows };
}

/** Reads and parses a history file; an unreadable file is a CliError. */
export function readDoneHistory(path: string, column = 'done'): DoneHistory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new CliError(`cannot read history file ${path} (${reason})`);
  }
  return parseDoneHistory(text, path, column);
}
