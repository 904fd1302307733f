import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCpm } from '../../../core/schedule/cpm';
import { formatIsoDurationMinutes, parseIsoDurationMinutes } from './duration';
import { parseMspdi } from './parse-mspdi';
import { MspdiFormatError, type MspdiPlan } from './plan';
import { planCalendar, planToActivities } from './plan-to-activities';
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
