// CSV for spreadsheets: RFC 4180 quoting and the formula-injection rule, both from core/export so
// the browser's downloads and the API's exports escape cells the same way.
import { type CellValue, escapeCsvCell } from '../../../core/export/spreadsheet-cell';

export type { CellValue as CsvValue } from '../../../core/export/spreadsheet-cell';
export { escapeCsvCell };

export function toCsv(header: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  return [header, ...rows].map((row) => row.map(escapeCsvCell).join(',')).join('\r\n');
}

/** Offers text as a file download (a UTF-8 BOM so Excel reads accents correctly). */
export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
