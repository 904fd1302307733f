import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CellValue, csvLine, neutraliseFormula } from '../../../core/export/spreadsheet-cell';
import { listRecords } from '../../resources/resource-service';
import type { RequestContext, ResourceSpec, Trx } from '../../resources/resource-spec';

/** An export holds at most this many rows: beyond it the list's filters should narrow it down. */
export const MAX_EXPORT_ROWS = 100_000;
const PAGE = 500;

/** The exported columns: id, the resource's fields in their declared order, then the timestamps. */
export function exportColumns(spec: ResourceSpec): string[] {
  return ['id', ...Object.keys(spec.fields), 'version', 'createdAt', 'updatedAt'];
}

/** Lists, objects and booleans become text a spreadsheet shows as is. */
function cellOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * The records of a list view, page by page with the list's own filters, sort and access rules
 * (listRecords), so an export shows exactly what the list shows, and memory holds one page.
 */
export async function* exportRows(
  trx: Trx,
  ctx: RequestContext,
  spec: ResourceSpec,
  query: Record<string, unknown>,
): AsyncGenerator<CellValue[]> {
  const columns = exportColumns(spec);
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await listRecords(trx, ctx, spec, { ...query, limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const item of page.items as Record<string, unknown>[]) {
      if (count++ >= MAX_EXPORT_ROWS) return;
      yield columns.map((c) => cellOf(item[c]));
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export function csvStream(spec: ResourceSpec, rows: AsyncIterable<CellValue[]>): Readable {
  return Readable.from(
    (async function* () {
      // A BOM so spreadsheet programs read UTF-8 (accents, dashes) correctly.
      yield `\uFEFF${csvLine(exportColumns(spec))}`;
      for await (const row of rows) yield csvLine(row);
    })(),
  );
}

/**
 * XLSX through exceljs's streaming writer. Text goes into string cells, which no spreadsheet
 * evaluates; formula starters are still neutralised so a copy pasted or saved as CSV stays safe.
 */
export function xlsxStream(spec: ResourceSpec, rows: AsyncIterable<CellValue[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(spec.title);
  void (async () => {
    sheet.addRow(exportColumns(spec)).commit();
    for await (const row of rows)
      sheet.addRow(row.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v))).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/**
 * Reads the first row before the response starts, so a bad filter or cursor is still answered
 * with a problem document rather than a broken download.
 */
export async function primed<T>(rows: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await rows.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* rows;
  })();
}
