import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  barExtent,
  createScale,
  DAY_WIDTH,
  dateToX,
  dragDays,
  keepCentre,
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

describe('keepCentre', () => {
  const width = 800;
  const centre = (scale: ReturnType<typeof createScale>, scrollLeft: number) =>
    xToDate(scale, scrollLeft + width / 2);

  it('keeps 1 March centred when zooming from weeks to days and back to quarters', () => {
    const weeks = createScale('2025-01-06', '2025-12-31', 'weeks', 14);
    const days = createScale('2025-01-06', '2025-12-31', 'days', 14);
    const quarters = createScale('2025-01-06', '2025-12-31', 'quarters', 14);
    const atWeeks = dateToX(weeks, '2025-03-01') + weeks.dayWidth / 2 - width / 2;
    expect(centre(weeks, atWeeks)).toBe('2025-03-01');
    const atDays = keepCentre(weeks, days, atWeeks, width);
    expect(centre(days, atDays)).toBe('2025-03-01');
    // At quarter zoom the whole year is narrower than a screen: the scroll clamps to 0.
    expect(quarters.width).toBeLessThan(width);
    expect(keepCentre(days, quarters, atDays, width)).toBe(0);
  });

  it('never scrolls outside the chart, and keeps the centre day whenever the range allows (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZOOMS),
        fc.constantFrom(...ZOOMS),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 30, max: 3000 }),
        fc.integer({ min: -40, max: 40 }),
        (from, to, offsetDays, spanDays, shift) => {
          const start = '2025-01-06';
          const a = createScale(start, addDays(start, spanDays), from, 14);
          const b = createScale(addDays(start, shift), addDays(start, spanDays), to, 14);
          const scrollLeft = Math.min(Math.max(0, a.width - width), offsetDays * a.dayWidth);
          const next = keepCentre(a, b, scrollLeft, width);
          expect(next).toBeGreaterThanOrEqual(0);
          expect(next).toBeLessThanOrEqual(Math.max(0, b.width - width));
          const wanted = dateToX(b, xToDate(a, scrollLeft + width / 2));
          const free = wanted - width / 2 >= 0 && wanted + width / 2 <= b.width - b.dayWidth;
          if (free)
            expect(Math.abs(next + width / 2 - (wanted + b.dayWidth / 2))).toBeLessThanOrEqual(b.dayWidth);
        },
      ),
    );
  });
});
