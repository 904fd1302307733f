import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  dateToOffset,
  finishOffsetToDate,
  isWorkingDay,
  offsetDates,
  offsetToDate,
  STANDARD_CALENDAR,
  type WorkCalendar,
  withExceptions,
} from './calendar';

// Christmas 2024 in the UK: 25 and 26 December (Wed, Thu) and 1 January 2025 are bank holidays.
const uk: WorkCalendar = {
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: ['2024-12-25', '2024-12-26', '2025-01-01'],
};

describe('work calendars', () => {
  it('maps offsets to dates across weekends and holidays', () => {
    const dates = [0, 1, 2, 3, 4, 5].map((k) => offsetToDate(uk, '2024-12-23', k));
    expect(dates).toEqual([
      '2024-12-23',
      '2024-12-24',
      '2024-12-27',
      '2024-12-30',
      '2024-12-31',
      '2025-01-02',
    ]);
    expect(dateToOffset(uk, '2024-12-23', '2025-01-02')).toBe(5);
  });

  it('dates a 3-day activity from its last working day and a milestone on its start', () => {
    // es = 1, ef = 4: works 24, 27 and 30 December.
    expect(offsetToDate(uk, '2024-12-23', 1)).toBe('2024-12-24');
    expect(finishOffsetToDate(uk, '2024-12-23', 4)).toBe('2024-12-30');
    expect(finishOffsetToDate(uk, '2024-12-23', 2, 2)).toBe('2024-12-27');
  });

  it('starts on the first working day when the project starts on a weekend', () => {
    expect(offsetToDate(STANDARD_CALENDAR, '2024-12-21', 0)).toBe('2024-12-23');
    expect(addWorkingDays(uk, '2024-12-24', 1)).toBe('2024-12-27');
    expect(addWorkingDays(uk, '2024-12-27', -1)).toBe('2024-12-24');
  });

  it('applies per-resource exceptions on top of the base calendar', () => {
    const alice = withExceptions(uk, { nonWorking: ['2024-12-23'], working: ['2024-12-28', '2024-12-26'] });
    expect(isWorkingDay(alice, '2024-12-23')).toBe(false);
    expect(isWorkingDay(alice, '2024-12-26')).toBe(true);
    expect(isWorkingDay(alice, '2024-12-28')).toBe(true); // a Saturday shift
    expect(offsetToDate(alice, '2024-12-23', 2)).toBe('2024-12-27');
    expect(() => offsetToDate({ workingWeekdays: [], holidays: [] }, '2024-01-01', 1)).toThrow(RangeError);
  });

  it('round-trips offsets and dates, and the cached lookup agrees (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 80 }),
        (weekdays, holidayOffsets, k) => {
          const start = '2025-03-01';
          const calendar: WorkCalendar = {
            workingWeekdays: weekdays,
            holidays: holidayOffsets.map((d) =>
              new Date(Date.UTC(2025, 2, 1 + d)).toISOString().slice(0, 10),
            ),
          };
          const date = offsetToDate(calendar, start, k);
          expect(isWorkingDay(calendar, date)).toBe(true);
          expect(dateToOffset(calendar, start, date)).toBe(k);
          // The cached lookup answers the same, asked in any order.
          const dateOf = offsetDates(calendar, start);
          expect([dateOf(k), dateOf(0), dateOf(k)]).toEqual([date, offsetToDate(calendar, start, 0), date]);
        },
      ),
    );
  });
});
