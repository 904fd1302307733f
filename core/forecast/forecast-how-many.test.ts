import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import exact from '../../../shared/data/fixtures/montecarlo_exact.json';
import { addDays } from '../flow/utc-days';
import { computeExactHowMany } from './exact-distribution';
import { computeForecastHowMany } from './forecast-how-many';
import { computeForecastWhen } from './forecast-when';
import { FORECAST_PERCENTILES } from './simulation';

const START = '2024-03-01';

describe('computeForecastHowMany', () => {
  it('gives the deterministic answer for constant throughput, end date inclusive', () => {
    const f = computeForecastHowMany({ samples: [3], startDate: START, endDate: '2024-03-10', trials: 200 });
    expect(f.days).toBe(10);
    expect(f.percentiles).toEqual({ 50: 30, 70: 30, 85: 30, 95: 30 });
    expect(f.histogram).toEqual([{ count: 30, trials: 200, atLeastShare: 1 }]);
    // A one-day forecast (start = end) simulates exactly one day.
    expect(computeForecastHowMany({ samples: [4], startDate: START, endDate: START }).percentiles[50]).toBe(
      4,
    );
  });

  it('reads confidence from the upper tail on a two-point distribution', () => {
    // Samples {0, 1, 1} over 3 days: P(≥2) = 20/27 ≈ 0.74, P(≥1) = 26/27 ≈ 0.96, so "85% sure of
    // at least 1" while a lower-tail reading (the 85th percentile of totals) would wrongly say 3.
    const f = computeForecastHowMany({
      samples: [0, 1, 1],
      startDate: START,
      endDate: '2024-03-03',
      trials: 100_000,
      seed: 5,
    });
    expect(f.percentiles).toEqual({ 50: 2, 70: 2, 85: 1, 95: 1 });
  });

  it('matches the exact percentiles of the Bowler (10 weeks) and Thrivve (30 days) examples', () => {
    const cases = [
      {
        samples: exact.bowler_weekly_12.samples,
        days: 10,
        expected: exact.bowler_weekly_12.how_many_10_weeks,
      },
      {
        samples: exact.thrivve_daily_15.samples,
        days: 30,
        expected: exact.thrivve_daily_15.how_many_30_days,
      },
    ];
    for (const c of cases) {
      const f = computeForecastHowMany({
        samples: c.samples,
        startDate: START,
        endDate: addDays(START, c.days - 1),
        trials: 200_000,
        seed: 9,
      });
      const published = c.expected.at_least;
      expect(f.percentiles).toEqual({
        50: published['50%'],
        70: published['70%'],
        85: published['85%'],
        95: published['95%'],
      });
      expect(f.mean).toBeCloseTo(c.expected.mean, 0);
      const truth = computeExactHowMany(c.samples, c.days).atLeast;
      for (const bin of f.histogram) {
        const p = truth[bin.count] ?? 0;
        expect(Math.abs(bin.atLeastShare - p)).toBeLessThanOrEqual(
          5 * Math.sqrt((p * (1 - p)) / 200_000) + 1e-9,
        );
      }
    }
  });

  const history = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 30 });

  it('orders its counts P95 ≤ P85 ≤ P70 ≤ P50 and repeats itself for a seed', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 60 }), fc.integer(), (samples, days, seed) => {
        const input = { samples, startDate: START, endDate: addDays(START, days - 1), trials: 300, seed };
        const f = computeForecastHowMany(input);
        expect(computeForecastHowMany(input)).toEqual(f);
        expect(f.percentiles[95]).toBeLessThanOrEqual(f.percentiles[85]);
        expect(f.percentiles[85]).toBeLessThanOrEqual(f.percentiles[70]);
        expect(f.percentiles[70]).toBeLessThanOrEqual(f.percentiles[50]);
      }),
      { numRuns: 80 },
    );
  });

  it('agrees exactly with "when" for the same seed: done by day D at P% iff at least N by day D at P%', () => {
    const positive = history.filter((s) => s.some((v) => v > 0));
    fc.assert(
      fc.property(
        positive,
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer(),
        (samples, items, days, seed) => {
          const when = computeForecastWhen({ samples, items, startDate: START, trials: 400, seed });
          const howMany = computeForecastHowMany({
            samples,
            startDate: START,
            endDate: addDays(START, days - 1),
            trials: 400,
            seed,
          });
          for (const p of FORECAST_PERCENTILES) {
            const doneInTime = when.percentileDays[p] !== null && (when.percentileDays[p] as number) <= days;
            expect(doneInTime).toBe(howMany.percentiles[p] >= items);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rejects an end before the start', () => {
    expect(() => computeForecastHowMany({ samples: [1], startDate: START, endDate: '2024-02-29' })).toThrow(
      RangeError,
    );
  });
});
