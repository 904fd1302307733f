// biome-ignore lint/style/noRestrictedImports: the test reads the shared PSPLIB sample files; the parser itself takes a string.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/prng';
import { Justifier } from './justification';
import { levelResources, levelWithPriorityRule, RcpspInfeasibleError } from './levelling';
import { parallelSgs } from './parallel-sgs';
import { buildActivityList, computePriorities, PRIORITY_RULES } from './priority-rules';
import { parsePsplib } from './psplib';
import { makespanLowerBound, type RcpspInstance } from './rcpsp';
import { verifySchedule } from './verify-schedule';

// PSPLIB samples (Kolisch & Sprecher 1996), see /work/shared/data/README.md.
const readInstanceText = (file: string) =>
  readFileSync(new URL(`../../../shared/data/psplib/${file}`, import.meta.url), 'utf8');

/** Random RCPSP: a DAG over jobs 0..n-1 (links go forward), 1–3 resources, demands within capacity. */
const instanceArb = fc
  .record({ n: fc.integer({ min: 2, max: 14 }), resources: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, resources }) =>
    fc.record({
      durations: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      capacities: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: resources, maxLength: resources }),
      demandFractions: fc.array(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: resources, maxLength: resources }),
        {
          minLength: n,
          maxLength: n,
        },
      ),
      links: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), {
        maxLength: 2 * n,
      }),
    }),
  )
  .map(
    ({ durations, capacities, demandFractions, links }): RcpspInstance => ({
      durations,
      capacities,
      demands: demandFractions.map((row) =>
        row.map((f, r) => Math.floor(f * (capacities[r]! + 1)) % (capacities[r]! + 1)),
      ),
      successors: durations.map((_, i) => [
        ...new Set(links.filter(([a, b]) => Math.min(a, b) === i && a !== b).map(([a, b]) => Math.max(a, b))),
      ]),
    }),
  );

describe('levelResources on PSPLIB j30 (optima: Demeulemeester & Herroelen, j30opt.sm)', () => {
  // j3033_9 (optimum 65) and j306_2 (optimum 51) are the two samples a single LFT pass misses.
  it.each([
    ['j3033_9.sm', 65],
    ['j306_2.sm', 51],
    ['j3026_5.sm', 74],
  ])('%s reaches a feasible makespan within 3%% of the optimum %i', (file, optimum) => {
    const instance = parsePsplib(readInstanceText(file));
    const result = levelResources(instance, { seed: 7, maxSchedules: 15_000 });
    expect(verifySchedule(instance, result.starts)).toMatchObject({
      feasible: true,
      makespan: result.makespan,
    });
    expect(result.makespan).toBeGreaterThanOrEqual(optimum);
    expect(result.makespan).toBeLessThanOrEqual(Math.floor(optimum * 1.03));
  });

  it('is reproducible for a seed and budget, and no worse than the single LFT pass', () => {
    const instance = parsePsplib(readInstanceText('j306_2.sm'));
    const a = levelResources(instance, { seed: 3, maxSchedules: 3000 });
    const b = levelResources(instance, { seed: 3, maxSchedules: 3000 });
    expect(a.starts).toEqual(b.starts);
    expect(a.makespan).toBeLessThanOrEqual(levelWithPriorityRule(instance, 'LFT').makespan);
  });

  it('refuses a job that needs more than a capacity', () => {
    const instance: RcpspInstance = {
      durations: [0, 2, 0],
      demands: [[0], [5], [0]],
      capacities: [4],
      successors: [[1], [2], []],
    };
    expect(() => levelResources(instance)).toThrow(RcpspInfeasibleError);
  });
});

describe('verifySchedule', () => {
  const instance: RcpspInstance = {
    durations: [2, 3, 1],
    demands: [[2], [2], [3]],
    capacities: [4],
    successors: [[2], [], []],
  };
  it('accepts a feasible schedule and names precedence and capacity violations', () => {
    expect(verifySchedule(instance, [0, 0, 3]).feasible).toBe(true);
    expect(verifySchedule(instance, [0, 0, 1]).violations.join()).toMatch(/precedence 1 -> 3/);
    expect(verifySchedule(instance, [0, 0, 2]).violations.join()).toMatch(/resource 1 period 2: usage 5/);
  });
});

describe('schedulers on random instances (fast-check)', () => {
  it('every scheme keeps precedence and capacity, and never beats the lower bound', () => {
    fc.assert(
      fc.property(instanceArb, fc.integer(), (instance, seed) => {
        const bound = makespanLowerBound(instance);
        const justifier = new Justifier(instance);
        for (const rule of PRIORITY_RULES) {
          const priorities = computePriorities(instance, rule);
          const parallel = parallelSgs(instance, priorities);
          expect(verifySchedule(instance, parallel).feasible).toBe(true);
          const list = Int32Array.from(buildActivityList(instance, priorities, createRng(seed)));
          const starts = new Int32Array(instance.durations.length);
          const plain = justifier.forward.decode(list, starts);
          expect(verifySchedule(instance, Array.from(starts))).toMatchObject({
            feasible: true,
            makespan: plain,
          });
          // Forward-backward improvement never lengthens a schedule.
          const improved = justifier.decodeAndImprove(list, starts);
          expect(improved).toBeLessThanOrEqual(plain);
          expect(verifySchedule(instance, Array.from(starts))).toMatchObject({
            feasible: true,
            makespan: improved,
          });
        }
        const levelled = levelResources(instance, { seed, maxSchedules: 400 });
        const check = verifySchedule(instance, levelled.starts);
        expect(check.feasible).toBe(true);
        expect(check.makespan).toBe(levelled.makespan);
        expect(levelled.makespan).toBeGreaterThanOrEqual(bound);
      }),
      { numRuns: 150 },
    );
  });
});
