import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceWork, earlyDates, lateDates, retreatWork } from './assignment-calendar';
import { computeCpm } from './cpm';
import { computeScheduleRisk } from './schedule-risk';
import type { Activity, LinkType } from './types';

const fs = (id: string) => ({ id, type: 'FS' as const, lag: 0 });

describe('CPM on the working units of assigned resources (worked examples)', () => {
  it('a task whose only resource is on leave moves past the leave and stretches over it', () => {
    // A (3 units) worked by one resource away on unit 1: it works units 0, 2 and 3.
    const result = computeCpm([{ id: 'A', duration: 3, predecessors: [], resourceLeave: [[1]] }]);
    expect(result.activities.A).toMatchObject({ es: 0, ef: 4, ls: 0, lf: 4, totalFloat: 0 });
    // Leave at the start: the task starts after it.
    const late = computeCpm([{ id: 'A', duration: 2, predecessors: [], resourceLeave: [[0, 1]] }]);
    expect(late.activities.A).toMatchObject({ es: 2, ef: 4 });
  });

  it('gives the predecessor of a task blocked by leave the float the leave creates', () => {
    // A (2) → B (3). B's resource is away on units 2 and 3, so B cannot start before 4 and A
    // may finish as late as 4: TF = FF = 2 for A, B stays critical.
    const result = computeCpm([
      { id: 'A', duration: 2, predecessors: [] },
      { id: 'B', duration: 3, predecessors: [fs('A')], resourceLeave: [[2, 3]] },
    ]);
    expect(result.makespan).toBe(7);
    expect(result.activities.A).toMatchObject({ es: 0, ef: 2, ls: 2, lf: 4, totalFloat: 2, freeFloat: 2 });
    expect(result.activities.B).toMatchObject({ es: 4, ef: 7, ls: 4, lf: 7, totalFloat: 0, critical: true });
    expect(result.criticalActivities).toEqual(['B']);
  });

  it('with several resources each works the duration on its own calendar (MS Project rule)', () => {
    // R1 is away on unit 0, R2 works every unit. R2 works 0–3, R1 works 1–4: the task runs 0 → 5.
    const result = computeCpm([{ id: 'T', duration: 4, predecessors: [], resourceLeave: [[0], []] }]);
    expect(result.activities.T).toMatchObject({ es: 0, ef: 5 });
    // Both away on unit 0: the first assignment to start starts on unit 1.
    const both = computeCpm([{ id: 'T', duration: 2, predecessors: [], resourceLeave: [[0], [0, 1]] }]);
    expect(both.activities.T).toMatchObject({ es: 1, ef: 4 });
  });

  it('meets a finish-to-finish bound that falls on leave with the earliest start that finishes after it', () => {
    // A (3) FF → B (2), B's resource away on unit 2. B must finish at or after 3; finishing at 3
    // would mean working unit 2, so B works units 1 and 3 (ES 1, EF 4). A may then finish at 4.
    const result = computeCpm([
      { id: 'A', duration: 3, predecessors: [] },
      { id: 'B', duration: 2, predecessors: [{ id: 'A', type: 'FF', lag: 0 }], resourceLeave: [[2]] },
    ]);
    expect(result.makespan).toBe(4);
    expect(result.activities.B).toMatchObject({ es: 1, ef: 4, ls: 1, lf: 4, totalFloat: 0 });
    expect(result.activities.A).toMatchObject({ es: 0, ef: 3, ls: 1, lf: 4, totalFloat: 1 });
  });

  it('leaves milestones and tasks without leave on the project calendar', () => {
    const result = computeCpm([
      { id: 'A', duration: 2, predecessors: [], resourceLeave: [[], []] },
      { id: 'M', duration: 0, predecessors: [fs('A')], resourceLeave: [[2, 3]] },
    ]);
    expect(result.activities.A).toMatchObject({ es: 0, ef: 2 });
    expect(result.activities.M).toMatchObject({ es: 2, ef: 2 });
  });

  it('walks work forwards and backwards over runs of leave, also by fractions of a unit', () => {
    const leave = Int32Array.of(2, 3, 6);
    expect(advanceWork(leave, 0, 4)).toBe(6); // 0, 1, 4, 5
    expect(advanceWork(leave, 0.5, 4)).toBe(7.5); // ½ of 0, 1, 4, 5, ½ of 7
    expect(retreatWork(leave, 6, 4)).toBe(0);
    expect(retreatWork(leave, 7.5, 4)).toBe(0.5);
    expect(earlyDates([leave], 2, Number.NEGATIVE_INFINITY, 1)).toEqual({ start: 4, finish: 5 });
    expect(lateDates([leave], 7, Number.POSITIVE_INFINITY, 1)).toEqual({ start: 5, finish: 6 });
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests against an independent reference that simulates work unit by unit.

const TYPES: LinkType[] = ['FS', 'SS', 'FF', 'SF'];

const networkArb = fc
  .integer({ min: 1, max: 14 })
  .chain((n) =>
    fc.record({
      durations: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      links: fc.array(
        fc.record({
          a: fc.nat(n - 1),
          b: fc.nat(n - 1),
          type: fc.constantFrom(...TYPES),
          lag: fc.integer({ min: -3, max: 4 }),
        }),
        { maxLength: 2 * n },
      ),
      leave: fc.array(fc.array(fc.uniqueArray(fc.nat(30), { maxLength: 8 }), { maxLength: 3 }), {
        minLength: n,
        maxLength: n,
      }),
    }),
  )
  .map(({ durations, links, leave }): Activity[] =>
    durations.map((duration, i) => ({
      id: `T${i}`,
      duration,
      predecessors: links
        .filter((l) => Math.max(l.a, l.b) === i && l.a !== l.b)
        .map((l) => ({ id: `T${Math.min(l.a, l.b)}`, type: l.type, lag: l.lag })),
      resourceLeave: leave[i]!,
    })),
  );

/** Per resource: the units worked when its share starts at or after `from` (unit scan). */
function workedUnits(away: readonly number[], from: number, work: number): number[] {
  const units: number[] = [];
  for (let u = from; units.length < work; u++) if (!away.includes(u)) units.push(u);
  return units;
}

/** Reference early dates: try every integer start until the finish bound holds. */
function referenceEarly(a: Activity, startBound: number, finishBound: number) {
  const resources = (a.resourceLeave ?? []).some((l) => l.length > 0) ? a.resourceLeave! : [[]];
  if (a.duration === 0)
    return { es: Math.max(startBound, finishBound), ef: Math.max(startBound, finishBound) };
  for (let s = startBound; ; s++) {
    const shares = resources.map((away) => workedUnits(away, s, a.duration));
    const es = Math.min(...shares.map((u) => u[0]!));
    const ef = Math.max(...shares.map((u) => u.at(-1)! + 1));
    if (ef >= finishBound) return { es, ef };
  }
}

function referenceForward(activities: Activity[]): Map<string, { es: number; ef: number }> {
  const dates = new Map<string, { es: number; ef: number }>();
  for (const a of activities) {
    let start = 0;
    let finish = Number.NEGATIVE_INFINITY;
    for (const l of a.predecessors) {
      const p = dates.get(l.id)!;
      if (l.type === 'FS') start = Math.max(start, p.ef + l.lag);
      if (l.type === 'SS') start = Math.max(start, p.es + l.lag);
      if (l.type === 'FF') finish = Math.max(finish, p.ef + l.lag);
      if (l.type === 'SF') finish = Math.max(finish, p.es + l.lag);
    }
    dates.set(a.id, referenceEarly(a, start, finish));
  }
  return dates;
}

describe('CPM with resource leave (fast-check, against a unit-by-unit reference)', () => {
  it('early dates equal the reference; no single-resource task starts or ends on leave; every link holds; TF ≥ FF ≥ 0', () => {
    fc.assert(
      fc.property(networkArb, (activities) => {
        const result = computeCpm(activities);
        const reference = referenceForward(activities);
        for (const a of activities) {
          const t = result.activities[a.id]!;
          expect({ id: a.id, es: t.es, ef: t.ef }).toEqual({ id: a.id, ...reference.get(a.id) });
          const lists = a.resourceLeave ?? [];
          if (lists.length === 1 && a.duration > 0) {
            const away = lists[0]!;
            expect(away).not.toContain(t.es);
            expect(away).not.toContain(t.ef - 1);
            expect(away).not.toContain(t.ls);
            expect(away).not.toContain(t.lf - 1);
            // The units it spans that its resource works are exactly its duration.
            let worked = 0;
            for (let u = t.es; u < t.ef; u++) if (!away.includes(u)) worked++;
            expect(worked).toBe(a.duration);
          }
          expect(t.totalFloat).toBeGreaterThanOrEqual(t.freeFloat);
          expect(t.freeFloat).toBeGreaterThanOrEqual(0);
          expect(t.lf).toBeLessThanOrEqual(result.makespan);
          for (const l of a.predecessors) {
            const p = result.activities[l.id]!;
            for (const [pe, pf, se, sf] of [
              [p.es, p.ef, t.es, t.ef],
              [p.ls, p.lf, t.ls, t.lf],
            ] as const) {
              if (l.type === 'FS') expect(se).toBeGreaterThanOrEqual(pf + l.lag);
              if (l.type === 'SS') expect(se).toBeGreaterThanOrEqual(pe + l.lag);
              if (l.type === 'FF') expect(sf).toBeGreaterThanOrEqual(pf + l.lag);
              if (l.type === 'SF') expect(sf).toBeGreaterThanOrEqual(pe + l.lag);
            }
          }
        }
        expect(result.criticalPaths.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('without leave the schedule is exactly the project-calendar schedule', () => {
    fc.assert(
      fc.property(networkArb, (activities) => {
        const plain = activities.map(({ resourceLeave: _, ...a }) => a);
        const empty = activities.map((a) => ({ ...a, resourceLeave: (a.resourceLeave ?? []).map(() => []) }));
        expect(computeCpm(empty)).toEqual(computeCpm(plain));
      }),
      { numRuns: 200 },
    );
  });

  it('with start-driven links (FS, SS) leave never moves a date earlier', () => {
    // Under FF/SF links it can: a task stretched by leave may start earlier and still finish by
    // its bound, since its first assignment starts the task (MS Project's rule).
    fc.assert(
      fc.property(networkArb, (generated) => {
        const activities = generated.map((a) => ({
          ...a,
          predecessors: a.predecessors.map(
            (l) => ({ ...l, type: l.type === 'FS' || l.type === 'FF' ? 'FS' : 'SS' }) as const,
          ),
        }));
        const plain = computeCpm(activities.map(({ resourceLeave: _, ...a }) => a));
        const withLeave = computeCpm(activities);
        expect(withLeave.makespan).toBeGreaterThanOrEqual(plain.makespan);
        for (const a of activities) {
          expect(withLeave.activities[a.id]!.es).toBeGreaterThanOrEqual(plain.activities[a.id]!.es);
          expect(withLeave.activities[a.id]!.ef).toBeGreaterThanOrEqual(plain.activities[a.id]!.ef);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('schedule risk with resource leave', () => {
  it('counts a task as critical in a run exactly when CPM would (fixed durations)', () => {
    // Degenerate estimates: every run is the deterministic schedule. C's two resources are on
    // different calendars (one away on unit 7): it runs 7 → 9 early and 8 → 9 late, so its start
    // float is 1 but its finish float 0 — critical, in CPM and in every Monte Carlo run.
    const fixed = (d: number) => ({ min: d, mostLikely: d, max: d });
    const activities = [
      { id: 'A', duration: 2, predecessors: [], estimate: fixed(2) },
      { id: 'B', duration: 3, predecessors: [fs('A')], resourceLeave: [[2, 3]], estimate: fixed(3) },
      { id: 'C', duration: 1, predecessors: [fs('B')], resourceLeave: [[], [7]], estimate: fixed(1) },
    ];
    const cpm = computeCpm(activities);
    expect(cpm.activities.C).toMatchObject({ es: 7, ef: 9, ls: 8, lf: 9, totalFloat: 0, critical: true });
    const risk = computeScheduleRisk(activities, { iterations: 20, seed: 1, distribution: 'pert' });
    expect(risk.p50).toBe(cpm.makespan);
    for (const a of activities)
      expect(risk.criticalityIndex[a.id]).toBe(cpm.activities[a.id]!.critical ? 1 : 0);
  });
});
