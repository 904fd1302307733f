import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../core/portfolio/parse-problem';
import { computeBudgetFrontier, computeShadowPrices } from './portfolio-insights';

// Three one-period items with value/cost ratios 3, 2 and 1 and a budget of 4 (a fractional
// knapsack in the LP relaxation): the LP fills the budget with a and half of b, so one more unit
// of budget buys more of b, worth its ratio 2 (Dantzig 1957, the greedy LP knapsack solution).
const problem = parseProblem({
  periods: 1,
  budget: [4],
  capacity: { 'data-engineering': [10] },
  candidates: [
    { id: 'a', value: 6, duration: 1, cost: [2], demand: { 'data-engineering': [1] } },
    { id: 'b', value: 8, duration: 1, cost: [4], demand: { 'data-engineering': [1] } },
    { id: 'c', value: 3, duration: 1, cost: [3], demand: { 'data-engineering': [1] } },
  ],
});

describe('portfolio insights', () => {
  it('prices the binding budget with the LP dual and says so in a sentence', async () => {
    const prices = await computeShadowPrices(problem);
    expect(prices).toHaveLength(1);
    expect(prices[0]).toMatchObject({ kind: 'budget', period: 0, limit: 4 });
    expect(prices[0]?.price).toBeCloseTo(2, 9);
    expect(prices[0]?.sentence).toBe('One more unit of budget in period 0 would add about 2 of value.');
  });

  it('traces the efficient frontier: never decreasing in the budget', async () => {
    const points = await computeBudgetFrontier(problem, [0.5, 1, 1.5, 2.25]);
    expect(points.map((p) => p.totalBudget)).toEqual([2, 4, 6, 9]);
    // Budgets 2, 4, 6 and 9 buy {a}, {b}, {a, b} and {a, b, c}, found by hand.
    expect(points.map((p) => p.value)).toEqual([6, 8, 14, 17]);
  });
});
