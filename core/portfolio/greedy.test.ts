import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePortfolioInstance } from './generate-instance';
import { computeGreedyPlan } from './greedy';
import { parseProblem } from './parse-problem';
import { computePlanValue } from './problem';
import { verifyPlan } from './verify-plan';

describe('computeGreedyPlan', () => {
  const problem = parseProblem({
    periods: 2,
    budget: [10, 10],
    candidates: [
      { id: 'big', value: 9, duration: 1, cost: [10] },
      { id: 'small1', value: 5, duration: 1, cost: [4] },
      { id: 'small2', value: 5, duration: 1, cost: [4], earliestStart: 1 },
      { id: 'must', value: 1, duration: 1, cost: [6], latestStart: 0, mandatory: true },
    ],
  });

  it('places mandatory work first, then draws the cut line by value at the earliest start that fits', () => {
    const { plan, skipped } = computeGreedyPlan(problem, 'value');
    // must takes 6 of period 0; big (10) then only fits in period 1; small1 fits beside must; small2 does not.
    expect(plan.selected).toEqual([
      { id: 'must', start: 0 },
      { id: 'small1', start: 0 },
      { id: 'big', start: 1 },
    ]);
    expect(skipped).toEqual(['small2']);
  });

  it('ranks by value per unit of cost when asked', () => {
    const { plan, objective } = computeGreedyPlan(problem, 'value-per-cost');
    expect(plan.selected.map((s) => s.id)).toEqual(['must', 'small1', 'small2']);
    expect(objective).toBe(11);
  });

  it('always returns a plan that keeps every rule when nothing is mandatory', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('value' as const, 'value-per-cost' as const),
        (seed, ranking) => {
          const p = generatePortfolioInstance(
            { candidates: 15, periods: 5, skills: 2, dependencyRate: 0.3, exclusionRate: 0.2 },
            seed,
          );
          const result = computeGreedyPlan(p, ranking);
          expect(verifyPlan(p, result.plan)).toEqual([]);
          expect(result.objective).toBe(computePlanValue(p, result.plan));
        },
      ),
      { numRuns: 100 },
    );
  });
});
