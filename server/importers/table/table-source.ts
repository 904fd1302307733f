import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { ImportFormatError } from '../import-errors';
import { type CsvEvent, streamCsvRows } from '../jira/jira-csv';

/**
 * Rows of a spreadsheet, CSV or XLSX, as text cells; the first row event is the header. XLSX is
 * read with exceljs's streaming WorkbookReader (first worksheet only), so neither format is held
 * in memory whole. Formulas are never evaluated: a formula cell gives its cached result.
 */
export type TableFormat = 'csv' | 'xlsx';

/** XLSX when the file is a ZIP archive (`PK\x03\x04`, ECMA-376 Part 2), CSV otherwise. */
export async function detectTableFormat(path: string): Promise<TableFormat> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    if (bytesRead === 0) throw new ImportFormatError('the file is empty');
    return buffer.readUInt32BE(0) === 0x504b0304 ? 'xlsx' : 'csv';
  } finally {
    await handle.close();
  }
}

/** A cell's value as text: dates as ISO 8601, rich text joined, formulas by their cached result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return v.richText.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
    return '';
  }
  return String(value);
}

async function* streamXlsxRows(path: string): AsyncGenerator<CsvEvent> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      let width = 0;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        // row.values is 1-based and sparse: index 0 is unused.
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from({ length: Math.max(width, values.length) }, (_, i) => cellText(values[i]));
        if (width === 0) width = cells.length;
        if (cells.every((c) => c.trim() === '')) continue;
        yield { kind: 'row', row: row.number, cells };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof ImportFormatError) throw error;
    throw new ImportFormatError(`unreadable XLSX file: ${(error as Error).message}`);
  }
}

export function streamTableRows(path: string, format: TableFormat): AsyncGenerator<CsvEvent> {
  return format === 'xlsx' ? streamXlsxRows(path) : streamCsvRows(path);
}
