import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBusinessCase } from './business-case';
import { computeNpv } from './npv';
import { computeBenefitCostRatio, computeRoi } from './roi';

describe('computeRoi and computeBenefitCostRatio', () => {
  it('ROI of the Excel IRR help flows: (92,000 − 70,000) / 70,000 = 31.43%', () => {
    // REFERENCES.md §5.1, "ROI = (Σ inflows − investment)/investment".
    expect(computeRoi([70000], [0, 12000, 15000, 18000, 21000, 26000])).toBeCloseTo(0.3142857142857143, 12);
  });

  it('BCR is PV(benefits) / PV(costs); null without costs', () => {
    expect(computeBenefitCostRatio(0.1, [100], [0, 55, 60.5])).toBeCloseTo(1, 12);
    expect(computeBenefitCostRatio(0.1, [0, 0], [10])).toBeNull();
    expect(computeRoi([0], [10])).toBeNull();
  });
});

describe('computeBusinessCase', () => {
  it('computes every figure of a net-flow case', () => {
    const result = computeBusinessCase({ rate: 0.1, flows: [-1000, 300, 400, 500] });
    // NPV by hand: −1000 + 300/1.1 + 400/1.21 + 500/1.331.
    expect(result.npv).toBeCloseTo(-1000 + 300 / 1.1 + 400 / 1.21 + 500 / 1.331, 9);
    expect(computeNpv(result.irr ?? Number.NaN, [-1000, 300, 400, 500])).toBeCloseTo(0, 9);
    expect(result.payback).toBeCloseTo(2.6, 12); // cumulative −300 after period 2, +500 in period 3
    expect(result.discountedPayback).toBeNull();
    expect(result.roi).toBeCloseTo(0.2, 12);
    expect(result.bcr).toBeCloseTo((300 / 1.1 + 400 / 1.21 + 500 / 1.331) / 1000, 12);
    expect(result.warnings).toEqual([expect.stringMatching(/no discounted payback/)]);
  });

  it('pads costs and benefits of different lengths with zeros', () => {
    const result = computeBusinessCase({ rate: 0.05, costs: [1000, 200], benefits: [0, 300, 600, 600] });
    expect(result.netFlows).toEqual([-1000, 100, 600, 600]);
    expect(result.totalCosts).toBe(1200);
    expect(result.totalBenefits).toBe(1500);
    expect(result.roi).toBeCloseTo(0.25, 12);
    expect(result.bcr).toBeCloseTo(
      (300 / 1.05 + 600 / 1.05 ** 2 + 600 / 1.05 ** 3) / (1000 + 200 / 1.05),
      12,
    );
  });

  it('lists every IRR and leaves irr null when there are several', () => {
    const result = computeBusinessCase({ rate: 0.15, flows: [-100, 230, -132] });
    expect(result.irr).toBeNull();
    expect(result.irrs.map((r) => Math.round(r * 1e9) / 1e9)).toEqual([0.1, 0.2]);
    expect(result.warnings.some((w) => /2 rates/.test(w))).toBe(true);
  });

  it('agrees with itself whether given net flows or the same costs and benefits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (costs, benefits, rate) => {
          const split = computeBusinessCase({ rate, costs, benefits });
          const net = computeBusinessCase({ rate, flows: split.netFlows });
          expect(net.npv).toBeCloseTo(split.npv, 6);
          expect(net.irrs).toEqual(split.irrs);
          expect(net.payback).toBe(split.payback);
          expect(net.discountedPayback).toBe(split.discountedPayback);
        },
      ),
    );
  });

  it('rejects an empty case and a rate at or below −100%', () => {
    expect(() => computeBusinessCase({ rate: 0.1, flows: [] })).toThrow(RangeError);
    expect(() => computeBusinessCase({ rate: -1, flows: [1] })).toThrow(RangeError);
  });
});
