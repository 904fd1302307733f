import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import exact from '../../../shared/data/fixtures/montecarlo_exact.json';
import { addDays } from '../flow/utc-days';
import { computeExactWhen } from './exact-distribution';
import { computeForecastWhen } from './forecast-when';

const START = '2024-03-01';
/** The finish date of a trial that needs `days` simulated days (the start is day 1). */
const finish = (days: number) => addDays(START, days - 1);

describe('computeForecastWhen', () => {
  it('gives the deterministic answer for constant throughput', () => {
    // 3 a day: 9 items take 3 days (done on day 3), 10 items take 4.
    const nine = computeForecastWhen({ samples: [3, 3], items: 9, startDate: START, trials: 500 });
    expect(nine.percentiles).toEqual({
      50: '2024-03-03',
      70: '2024-03-03',
      85: '2024-03-03',
      95: '2024-03-03',
    });
    const ten = computeForecastWhen({ samples: [3], items: 10, startDate: START, trials: 500 });
    expect(ten.percentileDays).toEqual({ 50: 4, 70: 4, 85: 4, 95: 4 });
    expect(ten.histogram).toEqual([{ date: '2024-03-04', day: 4, trials: 500, cumulativeShare: 1 }]);
    // One item a day from the first day: done on the start date itself.
    expect(computeForecastWhen({ samples: [1], items: 1, startDate: START }).percentiles[95]).toBe(START);
  });

  it('matches the exact answer for a two-point distribution', () => {
    // Samples {0, 1, 1}: P(done by day d) = 1 − (1/3)^d; see exact-distribution.test.ts.
    const f = computeForecastWhen({
      samples: [0, 1, 1],
      items: 1,
      startDate: START,
      trials: 100_000,
      seed: 7,
    });
    expect(f.percentileDays).toEqual({ 50: 1, 70: 2, 85: 2, 95: 3 });
    expect(f.histogram[0]?.cumulativeShare).toBeCloseTo(2 / 3, 2);
  });

  it('matches the exact percentiles of Bowler, "Monte Carlo Under the Covers" (2024), 100 items', () => {
    // P(done by 26) = 0.500746 lies 0.00075 above the P50 line: 4,000,000 trials put it 3 standard
    // errors clear, so the simulated P50 must equal the exact one (weeks treated as days).
    const f = computeForecastWhen({
      samples: exact.bowler_weekly_12.samples,
      items: 100,
      startDate: START,
      trials: 4_000_000,
      seed: 11,
    });
    expect(f.percentiles).toEqual({ 50: finish(26), 70: finish(28), 85: finish(30), 95: finish(33) });
  }, 60_000);

  it('matches the exact distribution of Bowler (120 items) and Thrivve (100 stories) at every day', () => {
    const cases = [
      { samples: exact.bowler_weekly_12.samples, items: 120, expected: { 50: 32, 70: 34, 85: 36, 95: 39 } },
      { samples: exact.thrivve_daily_15.samples, items: 100, expected: { 50: 23, 70: 24, 85: 25, 95: 26 } },
    ];
    const trials = 400_000;
    for (const c of cases) {
      const f = computeForecastWhen({
        samples: c.samples,
        items: c.items,
        startDate: START,
        trials,
        seed: 3,
      });
      expect(f.percentileDays).toEqual(c.expected);
      const truth = computeExactWhen(c.samples, c.items).doneBy;
      for (const bin of f.histogram) {
        const p = truth[bin.day] ?? 1;
        // Within 5 standard errors of the exact cumulative probability.
        expect(Math.abs(bin.cumulativeShare - p)).toBeLessThanOrEqual(
          5 * Math.sqrt((p * (1 - p)) / trials) + 1e-9,
        );
      }
    }
  });

  const history = fc
    .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 30 })
    .filter((s) => s.some((v) => v > 0));

  it('returns the same answer for the same seed', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 60 }), fc.integer(), (samples, items, seed) => {
        const a = computeForecastWhen({ samples, items, startDate: START, trials: 300, seed });
        const b = computeForecastWhen({ samples, items, startDate: START, trials: 300, seed });
        expect(b).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });

  it('orders its percentiles P50 ≤ P70 ≤ P85 ≤ P95 and never finishes more items earlier', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer(),
        (samples, items, more, seed) => {
          const a = computeForecastWhen({ samples, items, startDate: START, trials: 300, seed });
          const b = computeForecastWhen({
            samples,
            items: items + more,
            startDate: START,
            trials: 300,
            seed,
          });
          const days = [50, 70, 85, 95] as const;
          for (let i = 1; i < days.length; i++) {
            expect(a.percentileDays[days[i] as 70]).toBeGreaterThanOrEqual(
              a.percentileDays[days[i - 1] as 50] as number,
            );
          }
          for (const p of days)
            expect(b.percentileDays[p]).toBeGreaterThanOrEqual(a.percentileDays[p] as number);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('stops on an all-zero history and reports every trial unfinished', () => {
    const f = computeForecastWhen({ samples: [0, 0, 0], items: 5, startDate: START, trials: 100 });
    expect(f.capped).toBe(true);
    expect(f.unfinishedTrials).toBe(100);
    expect(f.percentiles).toEqual({ 50: null, 70: null, 85: null, 95: null });
  });

  it('caps a sparse history at maxDays and still answers the percentiles reached', () => {
    // One item on 1 day in 10: 3 items need 30 days on average; within 20 days about 32% finish.
    const samples = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const f = computeForecastWhen({ samples, items: 3, startDate: START, trials: 2_000, maxDays: 20 });
    expect(f.capped).toBe(true);
    expect(f.unfinishedTrials).toBeGreaterThan(1_000);
    expect(f.percentiles[95]).toBeNull();
    expect(Math.max(...f.histogram.map((b) => b.day))).toBeLessThanOrEqual(20);
  });

  it('rejects bad input', () => {
    expect(() => computeForecastWhen({ samples: [1], items: 0, startDate: START })).toThrow(RangeError);
    expect(() => computeForecastWhen({ samples: [], items: 1, startDate: START })).toThrow(RangeError);
    expect(() => computeForecastWhen({ samples: [-1, 2], items: 1, startDate: START })).toThrow(RangeError);
    expect(() => computeForecastWhen({ samples: [1], items: 1, startDate: '2024-02-30' })).toThrow(
      RangeError,
    );
    expect(() => computeForecastWhen({ samples: [1], items: 1, startDate: START, trials: 0 })).toThrow(
      RangeError,
    );
  });
});
