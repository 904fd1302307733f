import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  findDayNumber,
  formatDayNumber,
  formatIsoWeek,
  getDayNumber,
  isoWeekStart,
  parseTimestampMs,
} from './utc-days';

describe('day numbers', () => {
  it('counts days from 1970-01-01 and rejects impossible dates', () => {
    expect(findDayNumber('1970-01-01')).toBe(0);
    expect(findDayNumber('2000-03-01')).toBe(11_017);
    expect(findDayNumber('2024-02-29')).toBeDefined();
    expect(findDayNumber('2023-02-29')).toBeUndefined();
    expect(findDayNumber('2024-1-5')).toBeUndefined();
    expect(() => getDayNumber('tomorrow', 'start')).toThrow(/start/);
  });

  it('round-trips format and parse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        (day) => getDayNumber(formatDayNumber(day)) === day,
      ),
    );
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});

describe('parseTimestampMs', () => {
  it('reads a zoneless timestamp as UTC, whatever the process time zone', () => {
    expect(parseTimestampMs('2024-03-01T12:00:00')).toBe(Date.UTC(2024, 2, 1, 12));
    expect(parseTimestampMs('2024-03-01 12:00')).toBe(Date.UTC(2024, 2, 1, 12));
    expect(parseTimestampMs('2024-03-01T12:00:00+02:00')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(parseTimestampMs('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
  });

  it('rejects what is not ISO 8601', () => {
    expect(() => parseTimestampMs('03/01/2024')).toThrow(RangeError);
    expect(() => parseTimestampMs('2024-03-01Tnoon')).toThrow(RangeError);
  });
});

describe('ISO weeks', () => {
  // Examples from Wikipedia, "ISO week date", table "Examples of contemporary dates around New Year's Day".
  it.each([
    ['2005-01-01', '2004-W53'],
    ['2005-01-03', '2005-W01'],
    ['2007-12-31', '2008-W01'],
    ['2008-12-29', '2009-W01'],
    ['2010-01-03', '2009-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
  ])('%s is in %s', (date, week) => {
    expect(formatIsoWeek(getDayNumber(date))).toBe(week);
  });

  it('starts every week on a Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 30_000 }), (day) => {
        const monday = isoWeekStart(day);
        return new Date(monday * 86_400_000).getUTCDay() === 1 && day - monday >= 0 && day - monday < 7;
      }),
    );
  });
});
