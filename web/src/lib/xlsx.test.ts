import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, crc32, toXlsx } from './xlsx';

describe('crc32', () => {
  it('gives the check value of the CRC-32 catalogue ("123456789" → 0xCBF43926)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('columnName', () => {
  it('counts A…Z, then AA, AZ, BA', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('toXlsx', () => {
  it('writes a workbook a spreadsheet library reads back, with formula starters neutralised', async () => {
    const bytes = toXlsx(
      'Work items: PAY',
      ['Key', 'Title', 'Points', 'Done'],
      [
        ['PAY-1', '=HYPERLINK("http://evil.example","x")', 5, true],
        ['PAY-2', 'Café <b> & "quotes"\u0007', -3, false],
        ['PAY-3', null, null, null],
      ],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    expect(sheet.name).toBe('Work items  PAY');
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Key', 'Title', 'Points', 'Done']);
    expect(values(2)).toEqual(['PAY-1', `'=HYPERLINK("http://evil.example","x")`, 5, true]);
    expect(values(3)).toEqual(['PAY-2', 'Café <b> & "quotes"', -3, false]);
    expect(values(4)).toEqual(['PAY-3']);
    expect(sheet.getCell('B2').formula).toBeUndefined();
  });
});
