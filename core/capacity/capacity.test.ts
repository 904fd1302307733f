import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDayNumber } from '../flow/utc-days';
import {
  type AssignmentProblem,
  buildAssignmentModel,
  computeDailyCapacity,
  computeGreedyAssignment,
  computeLoad,
  countWorkingDays,
  findCalendarErrors,
  listPeriods,
  STANDARD_CALENDAR,
  spreadDemand,
  sumByPeriod,
  type WorkCalendar,
} from '.';

// UK (England and Wales) bank holidays 2026, gov.uk/bank-holidays: Good Friday 3 April, Easter
// Monday 6 April, Early May bank holiday 4 May, Spring bank holiday 25 May.
const UK: WorkCalendar = {
  workingWeekdays: [1, 2, 3, 4, 5],
  hoursPerDay: 7.5,
  holidays: ['2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25'],
};
const day = (d: string) => getDayNumber(d);

describe('working days and capacity', () => {
  it('counts the working days of April 2026 in England: 22 weekdays less 2 Easter holidays', () => {
    expect(countWorkingDays(STANDARD_CALENDAR, '2026-04-01', '2026-04-30')).toBe(22);
    expect(countWorkingDays(UK, '2026-04-01', '2026-04-30')).toBe(20);
  });

  it('gives a 0.6 FTE person 0.6 × 7.5 h on each working day, less leave, per month', () => {
    const from = day('2026-04-01');
    const to = day('2026-05-31');
    const daily = computeDailyCapacity(
      { fte: 0.6, calendar: UK, leave: [{ start: '2026-05-11', end: '2026-05-15', share: 1 }] },
      from,
      to,
    );
    const months = listPeriods('month', '2026-04-01', '2026-05-31');
    const hours = sumByPeriod(daily, from, months);
    // April: 20 days × 4.5 h = 90 h. May: 21 weekdays − 2 holidays − 5 days of leave = 14 days = 63 h.
    expect(hours[0]).toBeCloseTo(90, 9);
    expect(hours[1]).toBeCloseTo(63, 9);
  });

  it('takes half-day leave as half the day, and overlapping leave never below zero', () => {
    const d = day('2026-06-01'); // a Monday
    const daily = computeDailyCapacity(
      {
        fte: 1,
        calendar: STANDARD_CALENDAR,
        leave: [
          { start: '2026-06-01', end: '2026-06-01', share: 0.5 },
          { start: '2026-06-02', end: '2026-06-02', share: 0.75 },
          { start: '2026-06-02', end: '2026-06-03', share: 0.75 },
        ],
      },
      d,
      d + 6,
    );
    expect(Array.from(daily)).toEqual([4, 0, 2, 8, 8, 0, 0]);
  });

  it('works a Sunday-to-Thursday calendar', () => {
    const gulf: WorkCalendar = { workingWeekdays: [7, 1, 2, 3, 4], hoursPerDay: 8, holidays: [] };
    // 2026-06-05 is a Friday and 2026-06-07 a Sunday.
    expect(countWorkingDays(gulf, '2026-06-05', '2026-06-07')).toBe(1);
  });

  it('names what is wrong with a calendar', () => {
    expect(
      findCalendarErrors({ workingWeekdays: [0, 1, 1], hoursPerDay: 30, holidays: ['2026-02-30'] }),
    ).toEqual([
      'workingWeekdays: each must be an ISO weekday 1 (Monday) to 7 (Sunday)',
      'workingWeekdays: a weekday is listed twice',
      'hoursPerDay: must be more than 0 and at most 24',
      'holidays/0: "2026-02-30" is not a date YYYY-MM-DD',
    ]);
  });

  it('property: capacity over a range = FTE × hours per day × working days when nobody is on leave', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 120 }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        (start, length, fte) => {
          const from = day('2024-01-01') + start;
          const daily = computeDailyCapacity({ fte, calendar: UK, leave: [] }, from, from + length);
          const total = daily.reduce((s, h) => s + h, 0);
          const f = new Date(from * 86_400_000).toISOString().slice(0, 10);
          const t = new Date((from + length) * 86_400_000).toISOString().slice(0, 10);
          expect(total).toBeCloseTo(fte * 7.5 * countWorkingDays(UK, f, t), 6);
        },
      ),
    );
  });
});

describe('periods', () => {
  it('lists ISO weeks, months and quarters covering a range', () => {
    expect(listPeriods('week', '2026-01-01', '2026-01-12').map((p) => [p.key, p.start, p.end])).toEqual([
      ['2026-W01', '2025-12-29', '2026-01-04'],
      ['2026-W02', '2026-01-05', '2026-01-11'],
      ['2026-W03', '2026-01-12', '2026-01-18'],
    ]);
    expect(listPeriods('month', '2025-12-15', '2026-02-01').map((p) => p.key)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(listPeriods('quarter', '2026-02-01', '2026-07-01').map((p) => [p.key, p.start, p.end])).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30'],
      ['2026-Q3', '2026-07-01', '2026-09-30'],
    ]);
  });
});

describe('demand and over-allocation', () => {
  it('spreads hours over the working days of a span and FTE over each working day', () => {
    const from = day('2026-04-01');
    const hours = spreadDemand(
      { start: '2026-04-01', end: '2026-04-10', amount: 60, unit: 'hours' },
      UK,
      from,
      from + 29,
    );
    // 1–10 April has 8 weekdays, 2 of them holidays: 6 working days of 10 h.
    expect(hours.reduce((s, h) => s + h, 0)).toBeCloseTo(60, 9);
    expect(hours[0]).toBe(10);
    expect(hours[2]).toBe(0); // Good Friday
    const fte = spreadDemand(
      { start: '2026-04-01', end: '2026-04-30', amount: 0.5, unit: 'fte' },
      UK,
      from,
      from + 29,
    );
    expect(fte.reduce((s, h) => s + h, 0)).toBeCloseTo(20 * 3.75, 9);
  });

  it('flags over-allocation with the projects causing it, and under-allocation', () => {
    const periods = listPeriods('week', '2026-06-01', '2026-06-14');
    const [row] = computeLoad(
      [
        {
          key: 'ann',
          capacity: [40, 40],
          contributions: [
            { projectId: 'A', kind: 'hard', hours: [30, 10] },
            { projectId: 'B', kind: 'soft', hours: [20, 0] },
          ],
        },
      ],
      periods,
    );
    expect(row?.cells[0]).toMatchObject({ demand: 50, status: 'over', excess: 10, utilisation: 1.25 });
    expect(row?.cells[0]?.causes).toEqual([
      { projectId: 'A', hours: 30 },
      { projectId: 'B', hours: 20 },
    ]);
    expect(row?.cells[1]).toMatchObject({ demand: 10, status: 'under', excess: 0, causes: [] });
  });

  it('counts any demand on a day without capacity (leave, holiday) as over-allocation', () => {
    const periods = listPeriods('week', '2026-06-01', '2026-06-07');
    const [row] = computeLoad(
      [{ key: 'x', capacity: [0], contributions: [{ projectId: 'A', kind: 'request', hours: [4] }] }],
      periods,
    );
    expect(row?.cells[0]?.status).toBe('over');
  });
});

describe('assignment suggestions', () => {
  const problem: AssignmentProblem = {
    periods: ['W1', 'W2'],
    demands: [
      { id: 'r1', kind: 'request', projectId: 'P', skill: 'Java', hours: [30, 30] },
      {
        id: 's1',
        kind: 'soft',
        projectId: 'Q',
        skill: 'SQL',
        hours: [20, 0],
        currentPersonId: 'ann',
      },
    ],
    candidates: [
      { personId: 'ann', name: 'Ann', skills: { java: 5, sql: 3 }, free: [5, 40] },
      { personId: 'bob', name: 'Bob', skills: { java: 3 }, free: [40, 40] },
      { personId: 'cy', name: 'Cy', skills: { sql: 4 }, free: [25, 0] },
    ],
  };

  it('greedy: takes the best match with room, moves a soft booking off an overloaded holder', () => {
    const [request, soft] = computeGreedyAssignment(problem);
    // Ann (Java 5) has room for 5 of 30 h in W1: a share of 1/6; Bob covers the rest.
    expect(request?.allocations.map((a) => [a.personId, Math.round(a.hours)])).toEqual([
      ['bob', 50],
      ['ann', 10],
    ]);
    expect(request?.unmetHours).toBeCloseTo(0, 9);
    expect(soft?.allocations.map((a) => a.personId)).toEqual(['cy']);
    expect(soft?.reason).toMatch(/relieves/);
  });

  it('builds a transportation LP with one cover row per demand and a capacity row per person-period', () => {
    const model = buildAssignmentModel(problem);
    expect(model.lp).toContain('cover0: x0_0 + x0_1 + u0 = 1');
    expect(model.lp).toContain('cover1: x1_0 + x1_2 = 1');
    expect(model.lp).toMatch(/cap0_0: 30 x0_0 \+ 20 x1_0 - o0_0 <= 5/);
    expect(model.columns.map((c) => c.name)).toEqual(['x0_0', 'x0_1', 'u0', 'x1_0', 'x1_2']);
  });
});
