import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_CALENDAR } from './calendar';
import { levelResources } from './levelling';
import type { CapacityException, RcpspInstance } from './rcpsp';
import { resourceCapacityExceptions } from './resource-calendar';
import { verifySchedule } from './verify-schedule';

/** True when some job using resource r runs in a period where r has no capacity at all. */
function worksOnLeave(instance: RcpspInstance, starts: readonly number[]): boolean {
  const away = new Set(
    (instance.capacityExceptions ?? [])
      .filter((e) => e.capacity === 0)
      .map((e) => `${e.resource}:${e.period}`),
  );
  return starts.some((s, j) =>
    (instance.demands[j] ?? []).some((units, r) => {
      if (units === 0) return false;
      for (let t = s; t < s + instance.durations[j]!; t++) if (away.has(`${r}:${t}`)) return true;
      return false;
    }),
  );
}

describe('resourceCapacityExceptions', () => {
  it('maps a resource’s leave onto project work units, dropping days the project does not work', () => {
    // Start Monday 2025-01-06. Wednesday is work unit 2; Saturday 11th is not a working day; the
    // project holiday on Tuesday 14th removes that day, so Wednesday 15th is unit 6, not 7.
    const calendar = { ...STANDARD_CALENDAR, holidays: ['2025-01-14'] };
    const exceptions = resourceCapacityExceptions(calendar, '2025-01-06', [
      { nonWorkingDates: ['2025-01-08', '2025-01-11'] },
      { nonWorkingDates: ['2025-01-15', '2025-01-03', '2025-01-14'] },
    ]);
    expect(exceptions).toEqual([
      { resource: 0, period: 2, capacity: 0 },
      { resource: 1, period: 6, capacity: 0 },
    ]);
  });
});

describe('levelling with resource calendars', () => {
  // Worked example: A (3 days) and B (2 days) both need the only unit of R, who is away on day 1.
  // Neither fits before the absence (A needs 3 contiguous days, B 2), so the best schedule starts
  // one task on day 2 and the other when it ends: makespan 2 + 3 + 2 = 7 (without the leave: 5).
  const instance: RcpspInstance = {
    durations: [3, 2],
    demands: [[1], [1]],
    capacities: [1],
    successors: [[], []],
    capacityExceptions: [{ resource: 0, period: 1, capacity: 0 }],
  };

  it('never plans the resource’s work on its day off (worked example)', () => {
    const result = levelResources(instance, { seed: 1, maxSchedules: 200 });
    expect(result.makespan).toBe(7);
    expect(Math.min(...result.starts)).toBe(2);
    expect(worksOnLeave(instance, result.starts)).toBe(false);
    expect(verifySchedule(instance, result.starts).feasible).toBe(true);
    expect(levelResources({ ...instance, capacityExceptions: [] }).makespan).toBe(5);
  });

  it('verifySchedule rejects work on a day without capacity', () => {
    expect(verifySchedule(instance, [0, 3]).violations.join()).toMatch(
      /resource 1 period 1: usage 1 exceeds capacity 0/,
    );
  });

  const withLeaveArb = fc
    .record({ n: fc.integer({ min: 1, max: 10 }), resources: fc.integer({ min: 1, max: 3 }) })
    .chain(({ n, resources }) =>
      fc.record({
        durations: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
        capacities: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: resources, maxLength: resources }),
        demandSeeds: fc.array(fc.array(fc.nat(), { minLength: resources, maxLength: resources }), {
          minLength: n,
          maxLength: n,
        }),
        links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n }),
        leave: fc.array(
          fc.record({ resource: fc.nat(resources - 1), period: fc.nat(30), partial: fc.boolean() }),
          { maxLength: 15 },
        ),
      }),
    )
    .map(({ durations, capacities, demandSeeds, links, leave }): RcpspInstance => {
      const capacityExceptions: CapacityException[] = leave.map((l) => ({
        resource: l.resource,
        period: l.period,
        capacity: l.partial ? Math.floor(capacities[l.resource]! / 2) : 0,
      }));
      return {
        durations,
        capacities,
        demands: demandSeeds.map((row) => row.map((x, r) => x % (capacities[r]! + 1))),
        successors: durations.map((_, i) => [
          ...new Set(
            links.filter(([a, b]) => Math.min(a, b) === i && a !== b).map(([a, b]) => Math.max(a, b)),
          ),
        ]),
        capacityExceptions,
      };
    });

  it('no resource ever works on a day its calendar marks non-working, and every link and capacity holds (fast-check)', () => {
    fc.assert(
      fc.property(withLeaveArb, fc.integer(), (inst, seed) => {
        const result = levelResources(inst, { seed, maxSchedules: 300 });
        expect(worksOnLeave(inst, result.starts)).toBe(false);
        expect(verifySchedule(inst, result.starts)).toMatchObject({
          feasible: true,
          makespan: result.makespan,
        });
        expect(result.makespan).toBeGreaterThanOrEqual(result.lowerBound);
      }),
      { numRuns: 200 },
    );
  }, 30_000); // 200 GA runs; generous so a loaded CI machine does not time out
});
