import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRanking } from './ranking';
import { computeRice, findRiceInputErrors } from './rice';
import { computeWsjf, findWsjfInputErrors, isModifiedFibonacci, type WsjfInput } from './wsjf';

const wsjfInput = (ubv: number, tc: number, rr: number, jobSize: number): WsjfInput => ({
  userBusinessValue: ubv,
  timeCriticality: tc,
  riskReductionOpportunityEnablement: rr,
  jobSize,
});

describe('computeWsjf (SAFe)', () => {
  it('reproduces the extrapinchofsalt.com examples: ad-load bug 10.5, podcast feed 1.875', () => {
    expect(computeWsjf(wsjfInput(7, 9, 5, 2))).toEqual({ costOfDelay: 21, wsjf: 10.5 });
    expect(computeWsjf(wsjfInput(8, 3, 4, 8))).toEqual({ costOfDelay: 15, wsjf: 1.875 });
  });

  it('reproduces the beginpm.com example on its own size scale: A 17, B 24, so B first', () => {
    const a = computeWsjf(wsjfInput(100, 50, 20, 10), { jobSizeScale: 'any' });
    const b = computeWsjf(wsjfInput(80, 30, 10, 5), { jobSizeScale: 'any' });
    expect([a.wsjf, b.wsjf]).toEqual([17, 24]);
    const ranked = computeRanking(
      [
        { id: 'A', wsjf: a },
        { id: 'B', wsjf: b },
      ],
      (x) => ({ score: x.wsjf.wsjf, breakdown: x.wsjf }),
    );
    expect(ranked.map((r) => r.item.id)).toEqual(['B', 'A']);
  });

  it('validates the job size on the modified Fibonacci scale by default', () => {
    expect([1, 2, 3, 5, 8, 13, 20, 40, 100].every(isModifiedFibonacci)).toBe(true);
    expect([0, 4, 10, 21, 99].some(isModifiedFibonacci)).toBe(false);
    expect(() => computeWsjf(wsjfInput(1, 1, 1, 10))).toThrow(/modified Fibonacci/);
    expect(findWsjfInputErrors(wsjfInput(-1, Number.NaN, 1, 0), { jobSizeScale: 'any' })).toHaveLength(3);
  });

  it('orders items the same when every cost-of-delay term is scaled by the same factor', () => {
    const item = fc.record({
      ubv: fc.integer({ min: 0, max: 20 }),
      tc: fc.integer({ min: 0, max: 20 }),
      rr: fc.integer({ min: 0, max: 20 }),
      size: fc.constantFrom(1, 2, 3, 5, 8, 13, 20, 40, 100),
    });
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 2, max: 50 }),
        (items, k) => {
          const order = (factor: number) =>
            computeRanking(items, (x) => {
              const w = computeWsjf(wsjfInput(x.ubv * factor, x.tc * factor, x.rr * factor, x.size));
              return { score: w.wsjf, breakdown: w };
            }).map((r) => items.indexOf(r.item));
          expect(order(k)).toEqual(order(1));
        },
      ),
    );
  });
});

describe('computeRice (Intercom)', () => {
  it('reproduces the Intercom examples: 2,000 × 2 × 80% / 4 = 800 and 1,000 × 2 × 80% / 1 = 1,600', () => {
    expect(computeRice({ reach: 2000, impact: 2, confidencePercent: 80, effort: 4 })).toBeCloseTo(800, 9);
    expect(computeRice({ reach: 1000, impact: 2, confidencePercent: 80, effort: 1 })).toBeCloseTo(1600, 9);
  });

  it('reproduces nidup.io on its 1–5 impact scale: 200 × 4 × 100% / 5 = 160', () => {
    expect(
      computeRice(
        { reach: 200, impact: 4, confidencePercent: 100, effort: 5 },
        { impactScale: [1, 2, 3, 4, 5] },
      ),
    ).toBe(160);
    expect(() => computeRice({ reach: 200, impact: 4, confidencePercent: 100, effort: 5 })).toThrow(/impact/);
  });

  it('rejects confidence outside 0–100% and effort ≤ 0', () => {
    expect(findRiceInputErrors({ reach: 1, impact: 1, confidencePercent: 120, effort: 0 })).toHaveLength(2);
    expect(
      findRiceInputErrors({ reach: 1, impact: 7, confidencePercent: 50, effort: 1 }, { impactScale: null }),
    ).toEqual([]);
  });
});
