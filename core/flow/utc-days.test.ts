import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  findDayNumber,
  findTimestampMs,
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

  it('reads the common shapes by hand exactly as Date.parse reads them', () => {
    // Random instants from year 1 to 9999, written with and without seconds, fractions of 1–6
    // digits, Z, an offset or no zone, T or a space: the hand-written reader must agree with V8.
    const shape = fc.record({
      ms: fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }),
      seconds: fc.boolean(),
      fraction: fc.integer({ min: 0, max: 6 }),
      zone: fc.constantFrom('Z', '', '+02:00', '-05:30', '+14:00', '-00:00'),
      space: fc.boolean(),
    });
    fc.assert(
      fc.property(shape, ({ ms, seconds, fraction, zone, space }) => {
        const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
        let stamp = iso.slice(0, seconds ? 19 : 16);
        if (seconds && fraction > 0) stamp += `.${`${iso.slice(20, 23)}417`.slice(0, fraction)}`;
        stamp += zone;
        const expected = Date.parse(`${stamp}${zone === '' ? 'Z' : ''}`);
        return parseTimestampMs(space ? stamp.replace('T', ' ') : stamp) === expected;
      }),
      { numRuns: 2_000 },
    );
    // Shapes the reader leaves to Date.parse keep Date.parse's answer (V8 rolls Feb 30 over).
    expect(parseTimestampMs('2024-02-30T00:00:00Z')).toBe(Date.parse('2024-02-30T00:00:00Z'));
    expect(parseTimestampMs('2024-01-01T24:00:00Z')).toBe(Date.UTC(2024, 0, 2));
    expect(findTimestampMs('2024-01-01T23:60:00Z')).toBeUndefined();
    expect(findTimestampMs('2024-13-01T00:00:00Z')).toBeUndefined();
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
