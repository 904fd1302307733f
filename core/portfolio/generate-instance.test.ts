import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePortfolioInstance } from './generate-instance';
import type { PortfolioProblem } from './problem';

const averageDemand = (problem: PortfolioProblem, skill: string) =>
  problem.candidates.reduce((s, c) => s + (c.demand[skill] ?? []).reduce((a, b) => a + b, 0), 0) /
  problem.periods;

describe('generatePortfolioInstance', () => {
  const shape = { candidates: 60, periods: 6, skills: 3 };

  it('sets each skill’s capacity to a share of its average demand drawn from capacityTightness', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (seed, low, width) => {
          const problem = generatePortfolioInstance(
            { ...shape, capacityTightness: [low, low + width] },
            seed,
          );
          for (const [skill, series] of Object.entries(problem.capacity ?? {})) {
            const demand = averageDemand(problem, skill);
            for (const c of series) {
              // Rounded to whole units, so allow half a unit either side of the drawn share.
              expect(c).toBeGreaterThanOrEqual(demand * low - 0.5);
              expect(c).toBeLessThanOrEqual(demand * (low + width) + 0.5);
            }
            // One share per skill: every period of a skill has the same capacity.
            expect(new Set(series).size).toBe(1);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('draws the same candidates and budget whatever the capacity share, so instances differ only there', () => {
    const loose = generatePortfolioInstance({ ...shape, tightness: 0.3, capacityTightness: [0.8, 1] }, 7);
    const tight = generatePortfolioInstance({ ...shape, tightness: 0.3 }, 7);
    expect(loose.candidates).toEqual(tight.candidates);
    expect(loose.budget).toEqual(tight.budget);
    // Without capacityTightness every skill is as tight as the budget.
    for (const [skill, series] of Object.entries(tight.capacity ?? {}))
      expect(series[0]).toBe(Math.round(averageDemand(tight, skill) * 0.3));
    expect(loose.capacity).not.toEqual(tight.capacity);
  });
});
