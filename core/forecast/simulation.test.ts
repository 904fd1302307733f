import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atLeastPercentile,
  buildBlockTable,
  percentileRank,
  simulateTotals,
  toSampleTable,
} from './simulation';

describe('block sampling', () => {
  it('makes each block sum the sum of its k days, day j of tuple i being sample ⌊i / n^j⌋ mod n', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 300 }), (samples) => {
        const block = buildBlockTable(toSampleTable(samples), 10_000);
        const n = samples.length;
        expect(block.size).toBe(n ** block.k);
        expect(block.size).toBeLessThanOrEqual(Math.max(400_000, n));
        for (let i = 0; i < block.size; i += Math.max(1, Math.floor(block.size / 200))) {
          let expected = 0;
          for (let j = 0; j < block.k; j++) expected += samples[Math.floor(i / n ** j) % n] ?? Number.NaN;
          expect(block.blockSums[i]).toBe(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('sizes blocks by history length and trial count', () => {
    const k = (n: number, trials: number) => buildBlockTable(toSampleTable(new Array(n).fill(1)), trials).k;
    expect(k(2, 10_000)).toBe(4);
    expect(k(60, 10_000)).toBe(3); // 60³ = 216,000 ≤ 400,000
    expect(k(60, 1_000)).toBe(2); // 60³ > 65,536: a small run does not pay for the big table
    expect(k(600, 10_000)).toBe(2);
    expect(k(1_100, 1_000_000)).toBe(1); // 1,100² > 2^20
  });

  it('draws each day uniformly: the mean total converges to days × the sample mean', () => {
    // 7 samples (4-day blocks, 5 days = one block + 1 day of the next) and 1,400 (single days).
    for (const samples of [[0, 1, 2, 3, 4, 5, 6], Array.from({ length: 1_400 }, (_, i) => i % 7)]) {
      const trials = 200_000;
      const totals = simulateTotals(toSampleTable(samples), 5, trials, 1);
      const mean = totals.reduce((s, v) => s + v, 0) / trials;
      const sampleMean = samples.reduce((s, v) => s + v, 0) / samples.length;
      // Variance of a day is 4 for 0..6, so the standard error of the mean total is √(5·4 / 200,000).
      expect(Math.abs(mean - 5 * sampleMean)).toBeLessThan(5 * Math.sqrt(20 / trials));
    }
  });
});

describe('percentile ranks', () => {
  it('needs at least P% of the trials', () => {
    expect(percentileRank(85, 10_000)).toBe(8_500);
    expect(percentileRank(70, 3)).toBe(3);
    expect(percentileRank(50, 1)).toBe(1);
    // Totals 1..10: at least 85% of trials reached 2 or more.
    expect(
      atLeastPercentile(
        Float64Array.from({ length: 10 }, (_, i) => i + 1),
        85,
      ),
    ).toBe(2);
  });

  it('validates samples', () => {
    expect(() => toSampleTable([])).toThrow(RangeError);
    expect(() => toSampleTable([1.5])).toThrow(RangeError);
    expect(() => toSampleTable([Number.NaN])).toThrow(RangeError);
  });
});
