import { findDayNumber } from '../../../core/flow/utc-days';
import { readCsvRows } from '../../http/csv-import';
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
  const required = ['project', 'date', 'amount'];
  return readCsvRows(text, { required, maxRows: MAX_ROWS }, ({ row, cell, bad }): ParsedCost => {
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
    const description = cell('description');
    return {
      row,
      project,
      date,
      amount,
      category: category as CostCategory,
      costType: costType as CostType,
      description: description === '' ? null : description.slice(0, 2000),
    };
  });
}
