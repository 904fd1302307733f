import { describe, expect, it } from 'vitest';
import { computeFrontier, scaleBudget } from './frontier';
import { parseMknapBestKnown, parseMknapFile } from './mknap';
import { parseProblem } from './parse-problem';
import { describeShadowPrice } from './shadow-prices';

describe('describeShadowPrice', () => {
  it('turns a dual into the sentence the portfolio page shows', () => {
    expect(
      describeShadowPrice({
        kind: 'capacity',
        skill: 'data-engineering',
        period: 2,
        price: 1.2,
        limit: 4,
        used: 4,
      }),
    ).toBe('One more unit of data-engineering capacity in period 2 would add about 1.2 of value.');
    expect(describeShadowPrice({ kind: 'budget', period: 0, price: 0.04567, limit: 1, used: 1 })).toBe(
      'One more unit of budget in period 0 would add about 0.046 of value.',
    );
  });
});

describe('computeFrontier', () => {
  it('scales every period of the budget and asks the solver once per level', async () => {
    const problem = parseProblem({ periods: 2, budget: [10, 20], candidates: [] });
    expect(scaleBudget(problem, 0.5).budget).toEqual([5, 10]);
    const seen: number[] = [];
    const points = await computeFrontier(problem, [1.5, 0.5], (p) => {
      seen.push(p.budget?.[1] ?? 0);
      return { status: 'optimal', objective: p.budget?.[0] ?? 0 };
    });
    expect(seen).toEqual([10, 30]);
    expect(points.map((p) => [p.factor, p.totalBudget, p.value])).toEqual([
      [0.5, 15, 5],
      [1.5, 45, 15],
    ]);
  });
});

describe('mknap parsing', () => {
  it('reads the OR-Library layout and both tables of best values', () => {
    const [first] = parseMknapFile('1\n3 2 0\n10 20 30\n1 2 3\n4 5 6\n7 8');
    expect(first).toEqual({
      profits: [10, 20, 30],
      weights: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      capacities: [7, 8],
    });
    const known = parseMknapBestKnown(
      'Problem Name  Best\n5.250-00   59312\nProblem Name LP\n5.250-00  5.9442e+04\n',
    );
    expect(known.get('5.250-00')).toEqual({ best: 59312, lp: 59442 });
  });
});
