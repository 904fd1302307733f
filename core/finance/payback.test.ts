import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCumulative } from './cash-flows';
import { computeDiscountedFlows } from './npv';
import { computeDiscountedPayback, computePayback } from './payback';

// Flows of the Excel IRR help example; payback figures in /work/shared/REFERENCES.md §5.1.
const excel = [-70000, 12000, 15000, 18000, 21000, 26000];

describe('computePayback', () => {
  it('interpolates inside the period that recovers the investment: 4 + 4,000/26,000 years', () => {
    expect(computePayback(excel).period).toBeCloseTo(4.153846153846154, 12);
  });

  it('is null when the cumulative flow never turns non-negative', () => {
    expect(computePayback([-100, 20, 30]).period).toBeNull();
    expect(computePayback([-5]).period).toBeNull();
  });

  it('is 0 when the cumulative flow is never negative', () => {
    expect(computePayback([0, 10, 20]).period).toBe(0);
    expect(computePayback([50, -20, 10]).period).toBe(0);
  });

  it('does not stop at a non-negative period 0 when the investment comes later', () => {
    // Cumulative 0, −100, −40, 20: recovered 40/60 of the way through period 3.
    expect(computePayback([0, -100, 60, 60]).period).toBeCloseTo(2 + 40 / 60, 12);
  });

  it('counts a cumulative flow of exactly 0 as paid back', () => {
    expect(computePayback([-100, 100]).period).toBe(1);
    expect(computePayback([-100, 50, 50, 10]).period).toBe(2);
  });

  it('takes the first recovery and flags a later dip below zero', () => {
    // Cumulative −100, 50, −50, 50: turns non-negative inside period 1, at 100/150 of it.
    const result = computePayback([-100, 150, -100, 100]);
    expect(result.dipsAgain).toBe(true);
    expect(result.period).toBeCloseTo(2 / 3, 12);
    // Two IRRs (10% and 20%): cumulative −100, 130, −2 still paid back inside period 1.
    expect(computePayback([-100, 230, -132])).toEqual({ period: 100 / 230, dipsAgain: true });
  });
});

describe('computeDiscountedPayback', () => {
  it('is not reached within 5 years at 10% on the Excel flows (discounted cumulative −2,683.31)', () => {
    const cumulative = computeCumulative(computeDiscountedFlows(0.1, excel));
    expect(cumulative[5]).toBeCloseTo(-2683.3114976001543, 6);
    expect(computeDiscountedPayback(0.1, excel).period).toBeNull();
  });

  it('interpolates on discounted flows: 55/1.1 + 60.5/1.21 = 100 exactly at period 2', () => {
    expect(computeDiscountedPayback(0.1, [-100, 55, 60.5]).period).toBeCloseTo(2, 12);
    // Discounted 50, 50, 50: 1 + 50/50 = 2; with 0.5 of period 2 for 25 of 50.
    expect(computeDiscountedPayback(0.1, [-75, 55, 60.5]).period).toBeCloseTo(1.5, 12);
  });

  it('equals simple payback at rate 0', () => {
    expect(computeDiscountedPayback(0, excel).period).toBe(computePayback(excel).period);
  });

  it('is never shorter than simple payback for conventional flows at positive rates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 15 }),
        fc.double({ min: 0.0001, max: 1, noNaN: true }),
        (outflows, inflows, rate) => {
          const flows = [...outflows.map((v) => -v), ...inflows];
          const simple = computePayback(flows).period;
          const discounted = computeDiscountedPayback(rate, flows).period;
          if (discounted !== null) {
            expect(simple).not.toBeNull();
            expect(simple ?? Number.NaN).toBeLessThanOrEqual(discounted + 1e-12);
          }
        },
      ),
    );
  });

  it('lands where the interpolated cumulative flow is zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 15 }),
        (flows) => {
          const { period } = computePayback(flows);
          if (period === null || period === 0) return;
          const k = Math.floor(period === Math.floor(period) ? period - 1 : period);
          const cumulative = computeCumulative(flows);
          const atPayback = (cumulative[k] ?? 0) + (period - k) * (flows[k + 1] ?? 0);
          expect(Math.abs(atPayback)).toBeLessThan(1e-9);
          // Every period before the payback period ends with a negative cumulative flow or none yet.
          expect(cumulative[k + 1] ?? 0).toBeGreaterThanOrEqual(-1e-9);
          expect(cumulative.slice(0, k + 1).some((c) => c < 0)).toBe(true);
        },
      ),
    );
  });
});
