import { findDayNumber } from '../../../core/flow/utc-days';
import { readCsvRows } from '../../http/csv-import';
import type { FieldError } from '../../http/problem';
import { COST_CATEGORIES, type CostCategory } from './money-vocabulary';

export interface ParsedTime {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  /** The person's email, in lower case. */
  person: string;
  project: string;
  date: string;
  hours: number;
  category: CostCategory;
  note: string | null;
}

const MAX_ROWS = 20_000;

/**
 * Reads time entries from CSV text with a header naming `person` (their email), `project` (key),
 * `date` and `hours`, and optionally `category` (capex/opex, default opex) and `note`, in any order
 * and case. Every bad cell is reported with its line; hours are more than 0 and at most 24.
 *
 * @example
 * parseTimeCsv('person,project,date,hours\nann@example.com,PAY,2026-01-05,7.5');
 * // rows: [{ row: 2, person: 'ann@example.com', project: 'PAY', date: '2026-01-05', hours: 7.5, … }]
 */
export function parseTimeCsv(text: string): { rows: ParsedTime[]; errors: FieldError[] } {
  const required = ['person', 'project', 'date', 'hours'];
  return readCsvRows(text, { required, maxRows: MAX_ROWS }, ({ row, cell, bad }): ParsedTime => {
    const person = cell('person').toLowerCase();
    if (!person.includes('@')) bad('person', `"${person}" is not an email address`);
    const project = cell('project');
    if (project === '') bad('project', 'is empty');
    const date = cell('date');
    if (findDayNumber(date) === undefined) bad('date', `"${date}" is not a calendar date YYYY-MM-DD`);
    const rawHours = cell('hours');
    const hours = rawHours === '' ? Number.NaN : Number(rawHours);
    if (!Number.isFinite(hours) || hours <= 0 || hours > 24)
      bad('hours', `"${rawHours}" is not more than 0 and at most 24`);
    const category = (cell('category') || 'opex').toLowerCase();
    if (!(COST_CATEGORIES as readonly string[]).includes(category))
      bad('category', `"${category}" is not capex or opex`);
    const note = cell('note');
    return {
      row,
      person,
      project,
      date,
      hours,
      category: category as CostCategory,
      note: note === '' ? null : note.slice(0, 2000),
    };
  });
}
