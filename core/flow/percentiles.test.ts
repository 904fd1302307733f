import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMean, computePercentiles, computeSortedPercentile } from './percentiles';

describe('nearest-rank percentiles', () => {
  // Worked examples from Wikipedia, "Percentile", section "The nearest-rank method".
  it('reproduces the first worked example (5 values)', () => {
    const v = [15, 20, 35, 40, 50];
    expect(computePercentiles(v, [5, 30, 40, 50, 100])).toEqual({ 5: 15, 30: 20, 40: 20, 50: 35, 100: 50 });
  });

  it('reproduces the second and third worked examples (10 and 11 values)', () => {
    expect(computePercentiles([3, 6, 7, 8, 8, 10, 13, 15, 16, 20], [25, 50, 75, 100])).toEqual({
      25: 7,
      50: 8,
      75: 15,
      100: 20,
    });
    expect(computePercentiles([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], [25, 50, 75, 100])).toEqual({
      25: 7,
      50: 9,
      75: 15,
      100: 20,
    });
  });

  it('sorts numerically, not as strings', () => {
    expect(computePercentiles([10, 9, 100, 1], [50])).toEqual({ 50: 9 });
  });

  it('is the smallest observed value with at least p% of values at or below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const x = computePercentiles(values, [p])[p] as number;
          const atOrBelow = values.filter((v) => v <= x).length;
          const below = values.filter((v) => v < x).length;
          return (
            values.includes(x) && atOrBelow * 100 >= p * values.length && below * 100 < p * values.length
          );
        },
      ),
    );
  });

  it('gives nothing for no values and rejects out-of-range percentiles', () => {
    expect(computePercentiles([])).toEqual({});
    expect(computeMean([])).toBeUndefined();
    expect(() => computeSortedPercentile([1], 0)).toThrow(RangeError);
    expect(() => computeSortedPercentile([1], 101)).toThrow(RangeError);
  });
});
