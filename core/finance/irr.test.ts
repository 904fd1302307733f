import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIrr, computeIrrRoots } from './irr';
import { computeNpv } from './npv';

/** Σ |CF_t| / (1 + r)^t: the scale against which an NPV of "zero" is judged. */
function magnitude(rate: number, flows: readonly number[]): number {
  return computeNpv(
    rate,
    flows.map((v) => Math.abs(v)),
  );
}

describe('computeIrr: published examples', () => {
  // Microsoft Excel IRR help: −70,000 then 12,000, 15,000, 18,000, 21,000, 26,000.
  it('reproduces the Excel IRR help example (4-year −2.1%, 5-year 8.7%, 2-year −44.4%)', () => {
    expect(computeIrr([-70000, 12000, 15000, 18000, 21000]).irr).toBeCloseTo(-0.0212448, 7);
    expect(computeIrr([-70000, 12000, 15000, 18000, 21000, 26000]).irr).toBeCloseTo(0.0866309, 7);
    expect(computeIrr([-70000, 12000, 15000]).irr).toBeCloseTo(-0.4435069, 7);
  });

  it('reproduces the numpy-financial irr docstring (Gitman): [−100, 39, 59, 55, 20] → 0.28095', () => {
    const result = computeIrr([-100, 39, 59, 55, 20]);
    expect(result.irr).toBeCloseTo(0.28095, 5);
    expect(result.irrs).toHaveLength(1);
    expect(result.warnings).toEqual([]);
  });
});

describe('computeIrr: no root, several roots, touching roots', () => {
  it('reports no IRR when the flows never change sign', () => {
    const result = computeIrr([100, 50, 25]);
    expect(result.irr).toBeNull();
    expect(result.irrs).toEqual([]);
    expect(result.warnings[0]).toMatch(/never change sign/);
  });

  it('reports no IRR when NPV changes sign in the flows but never reaches 0', () => {
    // 100 − 50v + 60v² has a negative discriminant (2,500 − 24,000): no real root.
    const result = computeIrr([100, -50, 60]);
    expect(result.irr).toBeNull();
    expect(result.warnings[0]).toMatch(/no rate/);
  });

  it('reports no IRR when every flow is zero', () => {
    expect(computeIrr([0, 0, 0]).warnings[0]).toMatch(/every flow is zero/);
  });

  it('finds both roots of [−100, 230, −132] (10% and 20%) and leaves irr null', () => {
    // −100 + 230v − 132v² = −132(v − 1/1.1)(v − 1/1.2), since 132/1.32 = 100 and 132·(1/1.1 + 1/1.2) = 230.
    const result = computeIrr([-100, 230, -132]);
    expect(result.irr).toBeNull();
    expect(result.irrs).toHaveLength(2);
    expect(result.irrs[0]).toBeCloseTo(0.1, 12);
    expect(result.irrs[1]).toBeCloseTo(0.2, 12);
    expect(result.warnings[0]).toMatch(/2 rates/);
  });

  it('finds a touching (double) root: [1, −2, 1] = (1 − v)² is zero only at r = 0', () => {
    const roots = computeIrrRoots([1, -2, 1]);
    expect(roots).toHaveLength(1);
    expect(roots[0]?.touching).toBe(true);
    expect(roots[0]?.rate).toBeCloseTo(0, 12);
  });

  it('finds a double root away from 0: −(1 − 1.1v)² scaled, i.e. [−1, 2.2, −1.21]', () => {
    const roots = computeIrrRoots([-1, 2.2, -1.21]);
    // Rounding 2.2 and 1.21 to binary splits the double root into two ~1e-8 apart: they merge into one.
    expect(roots.map((r) => r.touching)).toEqual([true]);
    // A double root is only determined to ~√ε: NPV is flat to second order there.
    expect(roots[0]?.rate).toBeCloseTo(0.1, 7);
  });

  it('separates two roots closer together than one grid cell', () => {
    // Roots at 10% and 10.01%: 0.0001 apart in r, below the default grid spacing in ln(1 + r).
    const [a, b] = [1.1, 1.1001];
    const roots = computeIrrRoots([-1, a + b, -a * b]);
    expect(roots).toHaveLength(2);
    expect(roots[0]?.rate).toBeCloseTo(0.1, 9);
    expect(roots[1]?.rate).toBeCloseTo(0.1001, 9);
  });

  it('handles long series without overflow near −99% or 1000%', () => {
    const flows = [-1000, ...new Array<number>(999).fill(12)];
    const result = computeIrr(flows);
    expect(result.irrs).toHaveLength(1);
    expect(Math.abs(computeNpv(result.irr ?? 0, flows))).toBeLessThan(1e-6);
  });
});

describe('computeIrr: properties', () => {
  const rootsArb = fc
    .uniqueArray(fc.integer({ min: -80, max: 300 }), {
      minLength: 1,
      maxLength: 4,
      selector: (r) => Math.round(r / 5),
    })
    .map((percents) => percents.map((p) => p / 100).sort((x, y) => x - y));

  it('recovers the roots of flows built from chosen roots, and nothing else', () => {
    fc.assert(
      fc.property(rootsArb, fc.double({ min: 0.5, max: 1000, noNaN: true }), (rates, scale) => {
        // NPV·(1 + r)^n = Σ CF_t x^(n−t) with x = 1 + r: take CF as the coefficients of scale·Π(x − x_i).
        let coefficients = [-scale];
        for (const r of rates) {
          const xi = 1 + r;
          const next = [...coefficients, 0];
          coefficients.forEach((c, k) => {
            next[k + 1] = (next[k + 1] ?? 0) - xi * c;
          });
          coefficients = next;
        }
        const found = computeIrrRoots(coefficients).map((root) => root.rate);
        expect(found).toHaveLength(rates.length);
        found.forEach((r, k) => {
          expect(r).toBeCloseTo(rates[k] ?? Number.NaN, 7);
        });
      }),
    );
  });

  it('gives NPV ≈ 0 at every reported IRR, and no more roots than sign changes (Descartes)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 12 }),
        (flows) => {
          const result = computeIrr(flows);
          const nonZero = flows.filter((v) => v !== 0);
          const signChanges = nonZero
            .slice(1)
            .filter((v, k) => Math.sign(v) !== Math.sign(nonZero[k] ?? 0)).length;
          expect(result.irrs.length).toBeLessThanOrEqual(signChanges);
          for (const r of result.irrs) {
            expect(Math.abs(computeNpv(r, flows))).toBeLessThanOrEqual(1e-7 * magnitude(r, flows));
          }
          expect(result.irr === null).toBe(result.irrs.length !== 1);
        },
      ),
    );
  });
});
