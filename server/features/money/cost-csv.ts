import { parse } from 'csv-parse/sync';
import { findDayNumber } from '../../../core/flow/utc-days';
import type { FieldError } from '../../http/problem';
import { COST_CATEGORIES, COST_TYPES, type CostCategory, type CostType } from './money-vocabulary';

export interface ParsedCost {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  project: string;
  date: string;
  amount: number;
  category: CostCategory;
  costType: CostType;
  description: string | null;
}

const MAX_ROWS = 20_000;

/**
 * Reads cost entries from CSV text with a header naming `project` (key), `date`, `amount` and
 * optionally `category` (capex/opex, default opex), `costType` (labour/non_labour, default
 * non_labour) and `description`, in any order and case. Every bad cell is reported with its line.
 *
 * @example
 * parseCostCsv('project,date,amount\nPAY,2026-01-31,1200\nPAY,2026-02-30,x');
 * // errors: row 3: date …, row 3: amount …
 */
export function parseCostCsv(text: string): { rows: ParsedCost[]; errors: FieldError[] } {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return {
      rows: [],
      errors: [{ field: 'body', message: `not readable as CSV: ${(error as Error).message}` }],
    };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase().replace(/[_\s]/g, ''));
  const at = (name: string) => header.indexOf(name);
  const missing = ['project', 'date', 'amount'].filter((c) => at(c) < 0);
  if (missing.length > 0)
    return {
      rows: [],
      errors: [
        {
          field: 'row 1',
          message: `the header must name the columns ${missing.map((m) => `"${m}"`).join(', ')}`,
        },
      ],
    };
  if (records.length < 2)
    return { rows: [], errors: [{ field: 'body', message: 'no rows after the header' }] };
  if (records.length - 1 > MAX_ROWS)
    return { rows: [], errors: [{ field: 'body', message: `more than ${MAX_ROWS} rows` }] };

  const rows: ParsedCost[] = [];
  const errors: FieldError[] = [];
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    const cell = (name: string) => (at(name) >= 0 ? (record[at(name)] ?? '') : '');
    const bad = (column: string, message: string) => errors.push({ field: `row ${row}: ${column}`, message });
    const before = errors.length;
    const project = cell('project');
    if (project === '') bad('project', 'is empty');
    const date = cell('date');
    if (findDayNumber(date) === undefined) bad('date', `"${date}" is not a calendar date YYYY-MM-DD`);
    const rawAmount = cell('amount');
    const amount = rawAmount === '' ? Number.NaN : Number(rawAmount);
    if (!Number.isFinite(amount) || amount < 0 || amount > 1e15)
      bad('amount', `"${rawAmount}" is not an amount ≥ 0`);
    const category = (cell('category') || 'opex').toLowerCase();
    if (!(COST_CATEGORIES as readonly string[]).includes(category))
      bad('category', `"${category}" is not capex or opex`);
    const costType = (cell('costtype') || 'non_labour').toLowerCase().replace('-', '_');
    if (!(COST_TYPES as readonly string[]).includes(costType))
      bad('costType', `"${costType}" is not labour or non_labour`);
    if (errors.length > before) return;
    const description = cell('description');
    rows.push({
      row,
      project,
      date,
      amount,
      category: category as CostCategory,
      costType: costType as CostType,
      description: description === '' ? null : description.slice(0, 2000),
    });
  });
  return { rows, errors };
}
