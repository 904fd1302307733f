import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCumulative, computeNetFlows } from './cash-flows';
import { computeDiscountedFlows, computeNpv } from './npv';

describe('computeNpv', () => {
  // Excel's NPV() discounts its first value one period, so Excel NPV(r, v1..vn) = computeNpv(r, [0, v1..vn]).
  it('reproduces the Excel NPV help example (10%, −10,000 one year out, 3,000, 4,200, 6,800 → 1,188.44)', () => {
    expect(computeNpv(0.1, [0, -10000, 3000, 4200, 6800])).toBeCloseTo(1188.44, 2);
  });

  it('reproduces the Adobe FormCalc NPV examples to every published digit', () => {
    // Adobe LiveCycle Designer FormCalc reference: NPV(0.065, 5000), NPV(0.10, 500, 1500, 4000, 10000).
    expect(computeNpv(0.065, [0, 5000])).toBeCloseTo(4694.83568075117, 9);
    expect(computeNpv(0.1, [0, 500, 1500, 4000, 10000])).toBeCloseTo(11529.60863329007, 9);
  });

  it('reproduces the MESCIUS SPREAD NPV sample (6.5%, −10,000, 3,000, 3,400, 7,700 → 2,055.38)', () => {
    expect(computeNpv(0.065, [0, -10000, 3000, 3400, 7700])).toBeCloseTo(2055.38, 2);
  });

  it('reproduces the numpy-financial irr docstring check: NPV at 0.281 of [−100, 39, 59, 55, 20] ≈ −0.00848', () => {
    expect(computeNpv(0.281, [-100, 39, 59, 55, 20])).toBeCloseTo(-0.00848, 5);
  });

  it('leaves period 0 undiscounted and equals the plain sum at rate 0', () => {
    expect(computeNpv(0.5, [-7])).toBe(-7);
    expect(computeNpv(0, [-1000, 300, 400, 500])).toBe(200);
    expect(computeNpv(0.1, [])).toBe(0);
  });

  it('rejects rates at or below −100% and non-finite flows', () => {
    expect(() => computeNpv(-1, [1, 2])).toThrow(RangeError);
    expect(() => computeNpv(0.1, [1, Number.NaN])).toThrow(/flows\[1\]/);
  });

  it('is the sum of the discounted flows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.9, max: 5, noNaN: true }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 30 }),
        (rate, flows) => {
          const discounted = computeDiscountedFlows(rate, flows);
          const sum = discounted.reduce((s, v) => s + v, 0);
          const scale = discounted.reduce((s, v) => s + Math.abs(v), 0);
          expect(Math.abs(computeNpv(rate, flows) - sum)).toBeLessThanOrEqual(1e-12 * scale + 1e-12);
        },
      ),
    );
  });

  it('decreases as the rate rises for an investment followed by returns', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: -0.5, max: 3, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (investment, returns, rate, step) => {
          fc.pre(returns.some((r) => r > 1));
          const flows = [-investment, ...returns];
          expect(computeNpv(rate + step, flows)).toBeLessThan(computeNpv(rate, flows));
        },
      ),
    );
  });
});

describe('cash-flow series', () => {
  it('pads the shorter of costs and benefits with zeros', () => {
    expect(computeNetFlows([1000, 100], [0, 500, 700])).toEqual([-1000, 400, 700]);
    expect(computeNetFlows([10, 10, 10], [25])).toEqual([15, -10, -10]);
  });

  it('accumulates', () => {
    // Excel IRR help flows and their cumulative totals (fixtures/evm_finance_prioritisation.json).
    expect(computeCumulative([-70000, 12000, 15000, 18000, 21000, 26000])).toEqual([
      -70000, -58000, -43000, -25000, -4000, 22000,
    ]);
  });
});
