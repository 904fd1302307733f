import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCd3, computeTotalDelayCost, type DelayItem, sequenceByCd3 } from './cost-of-delay';

// Black Swan Farming, "CD3 and proportionality to outcomes" (ice-cream example).
const a = { id: 'A', costOfDelayPerWeek: 10, durationWeeks: 2 };
const b = { id: 'B', costOfDelayPerWeek: 30, durationWeeks: 4 };

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

describe('cost of delay and CD3 (Reinertsen)', () => {
  it('reproduces the ice-cream example: CD3 5 and 7.5; B then A costs 180, A then B 200', () => {
    expect(computeCd3(a)).toBe(5);
    expect(computeCd3(b)).toBe(7.5);
    expect(sequenceByCd3([a, b]).map((x) => x.id)).toEqual(['B', 'A']);
    expect(computeTotalDelayCost([b, a])).toBe(180);
    expect(computeTotalDelayCost([a, b])).toBe(200);
  });

  it('keeps the given order for equal CD3 and rejects a zero duration', () => {
    const c = { id: 'C', costOfDelayPerWeek: 20, durationWeeks: 4 };
    expect(sequenceByCd3([a, c, b]).map((x) => x.id)).toEqual(['B', 'A', 'C']);
    expect(() => computeCd3({ id: 'Z', costOfDelayPerWeek: 1, durationWeeks: 0 })).toThrow(RangeError);
  });

  it('the CD3 order has the least total cost of delay of all orders (Smith 1956; brute force, n ≤ 6)', () => {
    const item = fc.record({
      costOfDelayPerWeek: fc.integer({ min: 0, max: 100 }),
      durationWeeks: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (raw) => {
        const items: DelayItem[] = raw.map((x, i) => ({ id: `i${i}`, ...x }));
        const best = Math.min(...permutations(items).map(computeTotalDelayCost));
        expect(computeTotalDelayCost(sequenceByCd3(items))).toBe(best);
      }),
    );
  });
});
