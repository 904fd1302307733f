import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  barExtent,
  createScale,
  DAY_WIDTH,
  dateToX,
  dragDays,
  ticks,
  xToDate,
  ZOOMS,
} from './gantt-scale';

describe('gantt time scale', () => {
  const scale = createScale('2025-01-06', '2025-03-31', 'days', 7);

  it('puts the origin a week before the first date and maps days to pixels', () => {
    expect(scale.origin).toBe('2024-12-30');
    expect(dateToX(scale, '2024-12-30')).toBe(0);
    expect(dateToX(scale, '2025-01-06')).toBe(7 * DAY_WIDTH.days);
    expect(xToDate(scale, 7 * DAY_WIDTH.days + 3)).toBe('2025-01-06');
  });

  it('draws a bar from the start of its first day to the end of its last', () => {
    expect(barExtent(scale, '2025-01-06', '2025-01-08')).toEqual({ x: 196, width: 84 });
  });

  it('round-trips every date at every zoom (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZOOMS), fc.integer({ min: 0, max: 3650 }), (zoom, days) => {
        const s = createScale('2024-01-01', '2034-01-01', zoom);
        const date = addDays('2024-01-01', days);
        expect(xToDate(s, dateToX(s, date))).toBe(date);
        expect(dragDays(s, dateToX(s, date) - dateToX(s, '2024-01-01'))).toBe(days);
      }),
    );
  });

  it('labels weeks on Mondays, months and quarters on their first day, only in the window', () => {
    const weeks = createScale('2025-01-01', '2025-12-31', 'weeks', 0);
    const w = ticks(weeks, 0, 30 * DAY_WIDTH.weeks);
    expect(w.map((t) => t.label)).toEqual(['6 Jan', '13 Jan', '20 Jan', '27 Jan']);
    const q = ticks(createScale('2025-01-01', '2026-12-31', 'quarters', 0), 0, 800 * DAY_WIDTH.quarters);
    expect(q.map((t) => t.label)).toEqual(
      [
        'Q1 2025',
        'Q2 2025',
        'Q3 2025',
        'Q4 2025',
        'Q1 2026',
        'Q2 2026',
        'Q3 2026',
        'Q4 2026',
        'Q1 2027',
      ].slice(0, q.length),
    );
    expect(q[0]!.major).toBe(true);
    const months = ticks(createScale('2025-01-01', '2025-12-31', 'months', 0), 100, 200);
    expect(months.every((t) => t.x >= 100 - DAY_WIDTH.months && t.x <= 200 + DAY_WIDTH.months)).toBe(true);
  });
});
