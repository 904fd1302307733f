import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDayNumber } from '../flow/utc-days';
import { computeDailyCapacity, STANDARD_CALENDAR, splitTeamBooking, type WorkCalendar } from '.';

// Early May bank holiday 2026 in England (gov.uk/bank-holidays): Monday 4 May.
const UK: WorkCalendar = { workingWeekdays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: ['2026-05-04'] };
const d0 = getDayNumber('2026-05-04');
const d4 = d0 + 4;
const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);

describe('team bookings spread over members', () => {
  // Ann full-time in London, Bob half-time on the default calendar, both wholly in the team.
  const ann = computeDailyCapacity({ fte: 1, calendar: UK, leave: [] }, d0, d4);
  const bob = computeDailyCapacity({ fte: 0.5, calendar: STANDARD_CALENDAR, leave: [] }, d0, d4);

  it('takes a share of each member’s capacity, holidays and part-time included', () => {
    const split = splitTeamBooking(
      { start: '2026-05-04', end: '2026-05-08', amount: 0.5, unit: 'share' },
      STANDARD_CALENDAR,
      [ann, bob],
      d0,
      d4,
    );
    // Ann: 4 working days (bank holiday Monday) × 8 h × 0.5; Bob: 5 days × 4 h × 0.5.
    expect(sum(split.members[0] as Float64Array)).toBeCloseTo(16, 12);
    expect(sum(split.members[1] as Float64Array)).toBeCloseTo(10, 12);
    expect(sum(split.unassigned)).toBe(0);
  });

  it('divides FTE by what each member can give that day, and keeps a day nobody works unassigned', () => {
    const split = splitTeamBooking(
      { start: '2026-05-04', end: '2026-05-08', amount: 1, unit: 'fte' },
      STANDARD_CALENDAR,
      [ann],
      d0,
      d4,
    );
    // 1 FTE = 8 h on five default-calendar days; Ann is on holiday on Monday, so 8 h stay the team's.
    expect(Array.from(split.members[0] as Float64Array)).toEqual([0, 8, 8, 8, 8]);
    expect(Array.from(split.unassigned)).toEqual([8, 0, 0, 0, 0]);
    const both = splitTeamBooking(
      { start: '2026-05-05', end: '2026-05-05', amount: 12, unit: 'hours' },
      STANDARD_CALENDAR,
      [ann, bob],
      d0,
      d4,
    );
    // Tuesday: Ann can give 8 h, Bob 4 h, so 12 h split 8 : 4.
    expect((both.members[0] as Float64Array)[1]).toBeCloseTo(8, 12);
    expect((both.members[1] as Float64Array)[1]).toBeCloseTo(4, 12);
  });

  it('conserves the hours of fte and hours bookings inside the window (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.constantFrom('fte' as const, 'hours' as const),
        (perDay, amount, unit) => {
          const members = perDay.map((h) => Float64Array.from({ length: 5 }, () => h));
          const split = splitTeamBooking(
            { start: '2026-05-04', end: '2026-05-08', amount, unit },
            STANDARD_CALENDAR,
            members,
            d0,
            d4,
          );
          const expected = unit === 'fte' ? amount * 8 * 5 : amount;
          const got = split.members.reduce((s, m) => s + sum(m), 0) + sum(split.unassigned);
          expect(got).toBeCloseTo(expected, 6);
        },
      ),
    );
  });
});
