/**
 * One-dimensional root finding and minimisation for the IRR search. Both methods only need
 * function values, so they work on any continuous function, not just polynomials.
 */

/**
 * Brent's method (Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 4 — the
 * `zeroin` algorithm): a root of f in [a, b] where f(a) and f(b) have opposite signs. Combines
 * bisection's guarantee with secant / inverse quadratic interpolation's speed.
 *
 * @example
 * findRootBrent((x) => x * x - 2, 0, 2); // ≈ 1.4142135623730951
 */
export function findRootBrent(f: (x: number) => number, lo: number, hi: number, maxIterations = 200): number {
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa * fb > 0) throw new RangeError(`f(${lo}) and f(${hi}) have the same sign; no bracketed root`);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < maxIterations; i++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 1e-300;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Secant (two points) or inverse quadratic interpolation (three points).
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/**
 * Golden-section search (Kiefer, 1953; Press et al., "Numerical Recipes", §10.2): the minimiser
 * of a unimodal function on [lo, hi], to within `tolerance` of the interval.
 *
 * @example
 * findMinimumGolden((x) => (x - 1) ** 2, 0, 3); // ≈ 1
 */
export function findMinimumGolden(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tolerance = 1e-14,
): number {
  const invPhi = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let x1 = b - invPhi * (b - a);
  let x2 = a + invPhi * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let i = 0; i < 200 && b - a > tolerance * (1 + Math.abs(a) + Math.abs(b)); i++) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - invPhi * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + invPhi * (b - a);
      f2 = f(x2);
    }
  }
  return f1 <= f2 ? x1 : x2;
}
