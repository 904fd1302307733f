/**
 * Spreadsheet cells safe to open. A text cell that a spreadsheet would read as a formula is
 * prefixed with an apostrophe: OWASP "CSV Injection" lists `=`, `+`, `-`, `@`, tab and carriage
 * return as the characters that start one. Numbers stay numbers (a negative budget is -5, not '-5).
 * web/src/lib/csv.ts uses it for the CSV the browser builds.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CellValue = string | number | boolean | null | undefined;

/** The text of a cell with formula starters neutralised. @example neutraliseFormula('=1+1') // "'=1+1" */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180 quoting) with formula starters neutralised. */
export function escapeCsvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF line break (RFC 4180 §2). */
export function csvLine(values: readonly CellValue[]): string {
  return `${values.map(escapeCsvCell).join(',')}\r\n`;
}
