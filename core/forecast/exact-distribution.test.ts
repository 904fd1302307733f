import { describe, expect, it } from 'vitest';
import exact from '../../../shared/data/fixtures/montecarlo_exact.json';
import { computeExactHowMany, computeExactWhen } from './exact-distribution';

// The fixture's figures were recomputed by an independent script (REFERENCES §4.3): this
// convolution must agree with them, and the Monte Carlo tests then rest on it.
describe('exact forecast distributions', () => {
  const bowler = exact.bowler_weekly_12;
  const thrivve = exact.thrivve_daily_15;

  it('reproduces Bowler, "Monte Carlo Under the Covers" (2024): 100 and 120 items', () => {
    const w100 = computeExactWhen(bowler.samples, 100);
    expect(w100.percentileDays).toEqual({ 50: 26, 70: 28, 85: 30, 95: 33 });
    for (const [period, p] of Object.entries(bowler.when_100.P_done_by_period)) {
      expect(w100.doneBy[Number(period)]).toBeCloseTo(p, 6);
    }
    expect(computeExactWhen(bowler.samples, 120).percentileDays).toEqual({ 50: 32, 70: 34, 85: 36, 95: 39 });
  });

  it('reproduces Bowler\'s "how many in 10 weeks", read from the upper tail', () => {
    const h = computeExactHowMany(bowler.samples, 10);
    expect(h.percentiles).toEqual({ 50: 38, 70: 34, 85: 30, 95: 25 });
    expect(h.mean).toBeCloseTo(bowler.how_many_10_weeks.mean, 9);
  });

  it('reproduces the Thrivve Partners daily example: 100 stories and 30 days', () => {
    const w = computeExactWhen(thrivve.samples, 100);
    expect(w.percentileDays).toEqual({ 50: 23, 70: 24, 85: 25, 95: 26 });
    for (const [period, p] of Object.entries(thrivve.when_100_days.P_done_by_period)) {
      expect(w.doneBy[Number(period)]).toBeCloseTo(p, 6);
    }
    expect(computeExactHowMany(thrivve.samples, 30).percentiles).toEqual({
      50: 132,
      70: 128,
      85: 125,
      95: 120,
    });
  });

  it('solves a two-point distribution by hand', () => {
    // Samples {0, 1, 1}: P(no item after d days) = (1/3)^d → 0.667, 0.889, 0.963 by days 1–3.
    expect(computeExactWhen([0, 1, 1], 1).percentileDays).toEqual({ 50: 1, 70: 2, 85: 2, 95: 3 });
    // Over 3 days the total is Binomial(3, 2/3): P(≥3) = 8/27, P(≥2) = 20/27, P(≥1) = 26/27.
    const h = computeExactHowMany([0, 1, 1], 3);
    expect(h.percentiles).toEqual({ 50: 2, 70: 2, 85: 1, 95: 1 });
    expect(h.atLeast[2]).toBeCloseTo(20 / 27, 12);
  });

  it('never reaches a target from an all-zero history', () => {
    expect(computeExactWhen([0, 0], 5, 50).percentileDays).toEqual({
      50: null,
      70: null,
      85: null,
      95: null,
    });
  });
});
