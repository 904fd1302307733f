import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCpm } from './cpm';
import type { Activity, LinkType } from './types';

const TYPES: LinkType[] = ['FS', 'SS', 'FF', 'SF'];

/** Random DAG: links only go from a lower to a higher index, so the network is acyclic by construction. */
const dagArb = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.record({
      durations: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
      links: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          b: fc.integer({ min: 0, max: n - 1 }),
          type: fc.constantFrom(...TYPES),
          lag: fc.integer({ min: -4, max: 6 }),
        }),
        { maxLength: 3 * n },
      ),
    }),
  )
  .map(({ durations, links }): Activity[] =>
    durations.map((duration, i) => ({
      id: `T${i}`,
      duration,
      predecessors: links
        .filter((l) => Math.max(l.a, l.b) === i && l.a !== l.b)
        .map((l) => ({ id: `T${Math.min(l.a, l.b)}`, type: l.type, lag: l.lag })),
    })),
  );

function bound(type: LinkType, lag: number, p: { es: number; ef: number }, duration: number): number {
  if (type === 'FS') return p.ef + lag;
  if (type === 'SS') return p.es + lag;
  if (type === 'FF') return p.ef + lag - duration;
  return p.es + lag - duration;
}

/** Independent reference: relax all constraints until nothing moves (Bellman–Ford on a DAG). */
function longestPath(activities: Activity[]): number {
  const es = new Map(activities.map((a) => [a.id, 0]));
  for (let round = 0; round <= activities.length; round++) {
    for (const a of activities) {
      for (const l of a.predecessors) {
        const pes = es.get(l.id)!;
        const pd = activities.find((x) => x.id === l.id)!.duration;
        const need = bound(l.type, l.lag, { es: pes, ef: pes + pd }, a.duration);
        if (need > es.get(a.id)!) es.set(a.id, need);
      }
    }
  }
  return Math.max(0, ...activities.map((a) => es.get(a.id)! + a.duration));
}

describe('computeCpm properties on random DAGs with all link types', () => {
  it('satisfies every link, keeps TF ≥ FF ≥ 0, marks zero-float activities critical and matches the longest path', () => {
    fc.assert(
      fc.property(dagArb, (activities) => {
        const result = computeCpm(activities);
        expect(result.makespan).toBe(longestPath(activities));
        for (const a of activities) {
          const t = result.activities[a.id]!;
          expect(t.ef - t.es).toBe(a.duration);
          expect(t.lf - t.ls).toBe(a.duration);
          expect(t.es).toBeGreaterThanOrEqual(0);
          expect(t.lf).toBeLessThanOrEqual(result.makespan);
          expect(t.freeFloat).toBeGreaterThanOrEqual(0);
          expect(t.totalFloat).toBeGreaterThanOrEqual(t.freeFloat);
          expect(t.critical).toBe(t.totalFloat === 0);
          for (const l of a.predecessors) {
            const p = result.activities[l.id]!;
            expect(t.es).toBeGreaterThanOrEqual(bound(l.type, l.lag, p, a.duration));
            // Late dates satisfy the links too.
            expect(t.ls).toBeGreaterThanOrEqual(bound(l.type, l.lag, { es: p.ls, ef: p.lf }, a.duration));
          }
        }
        // A chain of critical activities exists, and every chain is made of critical activities.
        expect(result.criticalPaths.length).toBeGreaterThan(0);
        for (const path of result.criticalPaths) {
          for (const id of path) expect(result.activities[id]!.critical).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
