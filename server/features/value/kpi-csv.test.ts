import { describe, expect, it } from 'vitest';
import { parseMeasurementsCsv } from './kpi-csv';

describe('parseMeasurementsCsv', () => {
  it('reads date, value and note in any column order', () => {
    const { rows, errors } = parseMeasurementsCsv(
      'Value,Date,note\n42,2026-01-31,"survey, wave 1"\n43.5,2026-02-28,\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, date: '2026-01-31', value: 42, note: 'survey, wave 1' },
      { row: 3, date: '2026-02-28', value: 43.5, note: null },
    ]);
  });

  it('names every bad row by its line number and column', () => {
    const { errors } = parseMeasurementsCsv(
      'date,value\n2026-01-31,1\n2026-02-30,2\n2026-03-31,abc\n2026-01-31,4\n,',
    );
    expect(errors.map((e) => e.field)).toEqual([
      'row 3: date',
      'row 4: value',
      'row 5: date',
      'row 6: date',
      'row 6: value',
    ]);
  });

  it('refuses a header without date and value', () => {
    expect(parseMeasurementsCsv('day,amount\n2026-01-01,1').errors[0]?.field).toBe('row 1');
  });
});
