import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCpm } from '../../../core/schedule/cpm';
import { formatIsoDurationMinutes, parseIsoDurationMinutes } from './duration';
import { parseMspdi } from './parse-mspdi';
import { MspdiFormatError, type MspdiPlan } from './plan';
import { planCalendar, planToActivities, resourceNonWorkingDates } from './plan-to-activities';
import { serialiseMspdi } from './serialise-mspdi';

const fixture = readFileSync(
  new URL('../../../cli/commands/__fixtures__/schedule/all-link-types.xml', import.meta.url),
  'utf8',
);
const units = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };

describe('parseMspdi', () => {
  const plan = parseMspdi(fixture);

  it('reads tasks, links, calendars, resources and assignments', () => {
    expect(plan.name).toBe('All link types & lags');
    expect(plan.tasks.map((t) => t.name)).toEqual(['Project', 'Phase', 'A', 'B', 'C', 'D', 'E', 'F', 'Done']);
    expect(plan.tasks[3]).toMatchObject({ uid: 3, durationMinutes: 3840, outlineLevel: 2 });
    expect(plan.tasks[5]?.predecessors).toEqual([
      { predecessorUid: 3, type: 0, linkLag: 4800, lagFormat: 7 },
      { predecessorUid: 4, type: 1, linkLag: -4800, lagFormat: 7 },
    ]);
    expect(plan.tasks[8]).toMatchObject({ milestone: true, durationMinutes: 0 });
    expect(plan.resources).toEqual([{ uid: 1, id: 1, name: 'Crew', type: 1, maxUnits: 2, calendarUid: 1 }]);
    expect(plan.assignments[0]).toMatchObject({ taskUid: 2, resourceUid: 1, workMinutes: 2400 });
    expect(planCalendar(plan).workingWeekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it('schedules like the LP-verified REFERENCES §2.4 network (T = 19, ES A0 B7 C3 D12 E6 F16)', () => {
    const result = computeCpm(planToActivities(plan));
    expect(result.makespan).toBe(19);
    const es = Object.fromEntries(
      ['2', '3', '4', '5', '6', '7'].map((id) => [id, result.activities[id]?.es]),
    );
    expect(es).toEqual({ 2: 0, 3: 7, 4: 3, 5: 12, 6: 6, 7: 16 });
    expect(result.activities['1']).toMatchObject({ es: 0, ef: 19, summary: true });
    expect(result.activities['8']).toMatchObject({ es: 19, ef: 19, critical: true });
    expect(result.activities['0']).toBeUndefined();
  });

  it('never resolves a DOCTYPE with external entities (XXE) and refuses it', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <Project><Tasks><Task><UID>1</UID><Name>&xxe;</Name></Task></Tasks></Project>`;
    expect(() => parseMspdi(xxe)).toThrow(MspdiFormatError);
    expect(() => parseMspdi(xxe)).toThrow(/entity/);
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><Project><Name>&lol2;</Name></Project>`;
    expect(() => parseMspdi(laughs)).toThrow(MspdiFormatError);
  });

  it('leaves undeclared entity references unexpanded and decodes the predefined ones', () => {
    const plan2 = parseMspdi(
      '<Project><Tasks><Task><UID>1</UID><Name>R&amp;D &#x263A; &xxe;</Name></Task></Tasks></Project>',
    );
    expect(plan2.tasks[0]?.name).toBe('R&D ☺ &xxe;');
  });

  it('rejects documents that are not MSPDI', () => {
    expect(() => parseMspdi('<Other/>')).toThrow(/no <Project>/);
    expect(() => parseMspdi('<Project><Tasks><Task><Name>x</Name></Task></Tasks></Project>')).toThrow(/UID/);
  });
});

// Resource calendars as MS Project saves them: a calendar per resource (IsBaseCalendar 0) based
// on a base calendar, holding the resource's leave as non-working exceptions.
const weekDays = [1, 2, 3, 4, 5, 6, 7]
  .map(
    (d) => `<WeekDay><DayType>${d}</DayType><DayWorking>${d === 1 || d === 7 ? 0 : 1}</DayWorking></WeekDay>`,
  )
  .join('');
const leaveXml = (uid: number, name: string, base: number, isBase: boolean, from: string, to: string) =>
  `<Calendar><UID>${uid}</UID><Name>${name}</Name><IsBaseCalendar>${isBase ? 1 : 0}</IsBaseCalendar>
   <BaseCalendarUID>${base}</BaseCalendarUID>${isBase ? `<WeekDays>${weekDays}</WeekDays>` : ''}
   <Exceptions><Exception><TimePeriod><FromDate>${from}T00:00:00</FromDate><ToDate>${to}T23:59:00</ToDate></TimePeriod>
   <Name>Leave</Name><Type>1</Type><DayWorking>0</DayWorking></Exception></Exceptions></Calendar>`;
const withResourceCalendars = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>Leave</Name><StartDate>2025-01-06T08:00:00</StartDate><CalendarUID>1</CalendarUID>
  <Calendars>
    <Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>
      <WeekDays>${weekDays}</WeekDays></Calendar>
    ${leaveXml(2, 'Ana', 1, false, '2025-01-07', '2025-01-08')}
    ${leaveXml(3, 'Night shift', -1, true, '2025-01-10', '2025-01-10')}
    ${leaveXml(4, 'Bo', 3, false, '2025-01-13', '2025-01-13')}
  </Calendars>
  <Tasks>
    <Task><UID>0</UID><Name>Leave</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
    <Task><UID>1</UID><Name>Draft</Name><OutlineLevel>1</OutlineLevel><Duration>PT24H0M0S</Duration></Task>
    <Task><UID>2</UID><Name>Review</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  </Tasks>
  <Resources>
    <Resource><UID>1</UID><Name>Ana</Name><Type>1</Type><CalendarUID>2</CalendarUID></Resource>
    <Resource><UID>2</UID><Name>Bo</Name><Type>1</Type><CalendarUID>4</CalendarUID></Resource>
  </Resources>
  <Assignments>
    <Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment>
    <Assignment><UID>2</UID><TaskUID>2</TaskUID><ResourceUID>2</ResourceUID><Units>1</Units></Assignment>
  </Assignments>
</Project>`;

describe('resource calendars (leave)', () => {
  const plan = parseMspdi(withResourceCalendars);

  it('reads a resource’s leave from its calendar and its base calendars, not the project calendar', () => {
    expect(resourceNonWorkingDates(plan, plan.resources[0]!)).toEqual(['2025-01-07', '2025-01-08']);
    expect(resourceNonWorkingDates(plan, plan.resources[1]!)).toEqual(['2025-01-10', '2025-01-13']);
    expect(planCalendar(plan).holidays).toEqual([]);
  });

  it('schedules each task on its resource’s working days', () => {
    const activities = planToActivities(plan);
    // Work units from Monday 6 January: Ana misses units 1 and 2, Bo units 4 (Fri 10) and 5 (Mon 13).
    expect(activities.map((a) => a.resourceLeave)).toEqual([[[1, 2]], [[4, 5]]]);
    const result = computeCpm(activities);
    // Draft: Mon 6, Thu 9, Fri 10. Review: not before unit 5, Bo away → Tue 14 and Wed 15.
    expect(result.activities['1']).toMatchObject({ es: 0, ef: 5 });
    expect(result.activities['2']).toMatchObject({ es: 6, ef: 8 });
  });

  it('expands weekly and daily recurring exceptions as MPXJ reads them, and skips monthly ones', () => {
    const ana = { ...plan.resources[0]!, calendarUid: 9 };
    const withExceptions = (exceptions: MspdiPlan['calendars'][number]['exceptions']): MspdiPlan => ({
      ...plan,
      calendars: [
        ...plan.calendars,
        { uid: 9, name: 'Ana', isBaseCalendar: false, baseCalendarUid: 1, weekDays: [], exceptions },
      ],
    });
    const leave = (exception: MspdiPlan['calendars'][number]['exceptions'][number]) =>
      resourceNonWorkingDates(withExceptions([exception]), ana);
    const january = { from: '2025-01-01T00:00:00', to: '2025-01-31T23:59:00', working: false };
    // Every Friday (0x20), and every other Monday and Wednesday (0x02 | 0x08, Period 2).
    expect(leave({ ...january, type: 6, daysOfWeek: 0x20 })).toEqual([
      '2025-01-03',
      '2025-01-10',
      '2025-01-17',
      '2025-01-24',
      '2025-01-31',
    ]);
    expect(leave({ ...january, type: 6, daysOfWeek: 0x0a, period: 2 })).toEqual([
      '2025-01-01',
      '2025-01-13',
      '2025-01-15',
      '2025-01-27',
      '2025-01-29',
    ]);
    expect(leave({ ...january, to: '2025-01-07T23:59:00', type: 7, period: 3 })).toEqual([
      '2025-01-01',
      '2025-01-04',
      '2025-01-07',
    ]);
    // A monthly pattern is not expanded rather than read as a month off.
    expect(leave({ ...january, type: 4 })).toEqual([]);
    expect(parseMspdi(serialiseMspdi(withExceptions([{ ...january, type: 6, daysOfWeek: 0x20 }])))).toEqual(
      withExceptions([{ ...january, type: 6, daysOfWeek: 0x20 }]),
    );
  });

  it('round-trips: export then import gives the same calendars and resources', () => {
    expect(parseMspdi(serialiseMspdi(plan))).toEqual(plan);
  });
});

describe('serialiseMspdi', () => {
  it('round-trips the fixture plan: export then import gives the same plan', () => {
    const plan = parseMspdi(fixture);
    expect(parseMspdi(serialiseMspdi(plan))).toEqual(plan);
  });

  it('round-trips generated plans (property)', () => {
    const text = fc.string({ maxLength: 12 }).filter((s) => s.trim() === s && !s.includes('\u0000'));
    const planArb = fc.record({
      name: text,
      minutesPerDay: fc.constantFrom(420, 480),
      tasks: fc.array(
        fc.record({
          name: text,
          minutes: fc.integer({ min: 0, max: 10_000 }),
          level: fc.integer({ min: 1, max: 3 }),
          lag: fc.integer({ min: -9600, max: 9600 }),
          type: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(planArb, (g) => {
        const plan: MspdiPlan = {
          ...(g.name ? { name: g.name } : {}),
          minutesPerDay: g.minutesPerDay,
          minutesPerWeek: 5 * g.minutesPerDay,
          daysPerMonth: 20,
          calendars: [],
          tasks: g.tasks.map((t, i) => ({
            uid: i + 1,
            name: t.name,
            outlineLevel: t.level,
            durationMinutes: t.minutes,
            milestone: t.minutes === 0,
            summary: false,
            predecessors: i === 0 ? [] : [{ predecessorUid: i, type: t.type, linkLag: t.lag, lagFormat: 7 }],
          })),
          resources: [],
          assignments: [],
        };
        expect(parseMspdi(serialiseMspdi(plan))).toEqual(plan);
      }),
      { numRuns: 100 },
    );
  });
});

describe('ISO 8601 durations', () => {
  it('converts MSPDI spellings to minutes and back', () => {
    expect(parseIsoDurationMinutes('PT8H0M0S', units)).toBe(480);
    expect(parseIsoDurationMinutes('PT16H30M0S', units)).toBe(990);
    expect(parseIsoDurationMinutes('P2DT4H', units)).toBe(1200);
    expect(parseIsoDurationMinutes('P1W', units)).toBe(2400);
    expect(formatIsoDurationMinutes(990)).toBe('PT16H30M0S');
    expect(() => parseIsoDurationMinutes('8 hours', units)).toThrow(MspdiFormatError);
  });
});
