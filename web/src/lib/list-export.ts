// Spreadsheet export of a list view: the rows of the current filtered view (every page, not only
// the rows the table has loaded) with the columns the page shows, as CSV (lib/csv.ts) or XLSX
// (lib/xlsx.ts). Both escape formula starters with core/export's cell rule, as the API's
// `GET /api/v1/<resource>/export` does for scripts.
import { apiRequest, type QueryParams } from '../api/client';
import type { Page, ResourceName, ResourceTypes } from '../api/types';
import { type CsvValue, toCsv } from './csv';
import { toXlsx } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx';

/** The API's own export cap: beyond it the filters should narrow the list down. */
export const MAX_EXPORT_ROWS = 100_000;

export interface ExportColumn<T> {
  header: string;
  value?: ((row: T) => CsvValue) | undefined;
}

/** Every row of a list with these filters and sort, page by page (500 a page, the API's maximum). */
export async function fetchAllRows<R extends ResourceName>(
  resource: R,
  query: QueryParams,
  cap?: number,
): Promise<{ rows: ResourceTypes[R][]; truncated: boolean }>;
export async function fetchAllRows<T>(
  resource: string,
  query: QueryParams,
  cap?: number,
): Promise<{ rows: T[]; truncated: boolean }>;
export async function fetchAllRows(
  resource: string,
  query: QueryParams,
  cap = MAX_EXPORT_ROWS,
): Promise<{ rows: unknown[]; truncated: boolean }> {
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  const rows: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiRequest<Page<unknown>>('GET', `/${resource}`, {
      query: { ...filters, limit: 500, cursor },
    });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < cap);
  return { rows: rows.slice(0, cap), truncated: cursor !== undefined || rows.length > cap };
}

/** `work-items-2026-11-29.xlsx`: the stem the page names, the day, the format. */
export function listExportFileName(stem: string, format: ExportFormat, today: string): string {
  const safe = stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'export';
  return `${safe}-${today}.${format}`;
}

/** The file's bytes: a header row of the column headers, then one row per record. */
export function listExportFile<T>(
  format: ExportFormat,
  title: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): Blob {
  const header = columns.map((c) => c.header);
  const values = rows.map((row) => columns.map((c) => c.value?.(row) ?? null));
  if (format === 'xlsx')
    return new Blob([toXlsx(title, header, values) as Uint8Array<ArrayBuffer>], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  // A BOM so spreadsheet programs read UTF-8 (accents, dashes) correctly.
  return new Blob(['\uFEFF', toCsv(header, values)], { type: 'text/csv;charset=utf-8' });
}

/** Offers a file as a download. */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
