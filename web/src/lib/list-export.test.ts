import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ExportColumn, listExportFile, listExportFileName } from './list-export';

interface Row {
  key: string;
  title: string;
  points: number | null;
}
const columns: ExportColumn<Row>[] = [
  { header: 'Key', value: (r) => r.key },
  { header: 'Title', value: (r) => r.title },
  { header: 'Points', value: (r) => r.points },
  { header: 'Shown only' },
];
const rows: Row[] = [
  { key: 'PAY-1', title: '@SUM(A1:A2)', points: 3 },
  { key: 'PAY-2', title: 'Plain, with a comma', points: null },
];

describe('listExportFile', () => {
  it('writes CSV with a BOM, the headers, and formula starters escaped', async () => {
    const bytes = new Uint8Array(await listExportFile('csv', 'Work items', columns, rows).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')).toEqual([
      'Key,Title,Points,Shown only',
      "PAY-1,'@SUM(A1:A2),3,",
      'PAY-2,"Plain, with a comma",,',
    ]);
  });

  it('writes the same table as XLSX', async () => {
    const blob = listExportFile('xlsx', 'Work items', columns, rows);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['PAY-1', "'@SUM(A1:A2)", 3]);
    expect(sheet.rowCount).toBe(3);
  });
});

describe('listExportFileName', () => {
  it('dates the file and keeps only safe characters of the stem', () => {
    expect(listExportFileName('work-items', 'csv', '2026-11-29')).toBe('work-items-2026-11-29.csv');
    expect(listExportFileName('Risks: PAY/2', 'xlsx', '2026-11-29')).toBe('Risks-PAY-2-2026-11-29.xlsx');
    expect(listExportFileName('///', 'csv', '2026-11-29')).toBe('export-2026-11-29.csv');
  });
});
