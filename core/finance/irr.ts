import { assertFiniteFlows } from './cash-flows';
import { findMinimumGolden, findRootBrent } from './root-finding';

/** A rate at which NPV = 0. `touching` roots are double roots: NPV reaches 0 without changing sign. */
export interface IrrRoot {
  rate: number;
  touching: boolean;
}

export interface IrrSearchOptions {
  /** Lowest rate searched, exclusive (default −0.99, i.e. −99%). Must be > −1. */
  minRate?: number;
  /** Highest rate searched, exclusive (default 10, i.e. 1000%). */
  maxRate?: number;
  /** Grid cells scanned for sign changes, evenly spaced in ln(1 + r) (default 20,000). */
  gridCells?: number;
}

export interface IrrResult {
  /** The internal rate of return when exactly one rate in the search range gives NPV 0, else null. */
  irr: number | null;
  /** Every rate found in the search range with NPV 0, ascending. */
  irrs: number[];
  roots: IrrRoot[];
  warnings: string[];
}

/**
 * A function with the same sign and roots as NPV(r), safe from overflow: NPV(r) itself for r ≥ 0
 * (every discount factor ≤ 1) and NPV(r)·(1 + r)^n = Σ CF_t (1 + r)^(n−t) for r < 0 (every growth
 * factor < 1). Both forms equal Σ CF_t at r = 0, so the function is continuous. `magnitude` is the
 * same sum over |CF_t|: the scale against which "zero" is judged.
 */
function scaledNpv(flows: readonly number[], rate: number): { value: number; magnitude: number } {
  let value = 0;
  let magnitude = 0;
  if (rate >= 0) {
    const v = 1 / (1 + rate);
    for (let t = flows.length - 1; t >= 0; t--) {
      const cf = flows[t] ?? 0;
      value = value * v + cf;
      magnitude = magnitude * v + Math.abs(cf);
    }
  } else {
    const u = 1 + rate;
    for (const cf of flows) {
      value = value * u + cf;
      magnitude = magnitude * u + Math.abs(cf);
    }
  }
  return { value, magnitude };
}

/** Derivative in r of the function {@link scaledNpv} evaluates (each branch its own form). */
function scaledNpvSlope(flows: readonly number[], rate: number): number {
  const n = flows.length - 1;
  let slope = 0;
  if (rate >= 0) {
    // d/dr Σ CF_t (1 + r)^−t = Σ −t CF_t (1 + r)^(−t−1)
    const v = 1 / (1 + rate);
    for (let t = n; t >= 1; t--) slope = slope * v - t * (flows[t] ?? 0);
    return slope * v * v;
  }
  // d/dr Σ CF_t (1 + r)^(n−t) = Σ (n − t) CF_t (1 + r)^(n−t−1)
  const u = 1 + rate;
  for (let t = 0; t < n; t++) slope = slope * u + (n - t) * (flows[t] ?? 0);
  return slope;
}

function countSignChanges(flows: readonly number[]): number {
  let changes = 0;
  let last = 0;
  for (const cf of flows) {
    if (cf === 0) continue;
    if (last !== 0 && Math.sign(cf) !== last) changes++;
    last = Math.sign(cf);
  }
  return changes;
}

/**
 * Every rate r in (minRate, maxRate) with NPV(r) = 0, ascending. NPV is a polynomial in
 * 1/(1 + r), so there may be several roots (at most one per sign change of the flows, by
 * Descartes' rule of signs) or none. The search scans a fine grid in ln(1 + r) for sign changes
 * and refines each with Brent's method; a local minimum of |NPV| between grid points is refined by
 * golden-section search, which finds touching (double) roots and pairs of roots closer together
 * than one grid cell. Roots closer together than ~1e-4 in ln(1 + r) may still be missed.
 *
 * @example
 * computeIrrRoots([-100, 230, -132]); // [{ rate: 0.1, touching: false }, { rate: 0.2, touching: false }]
 */
export function computeIrrRoots(flows: readonly number[], options: IrrSearchOptions = {}): IrrRoot[] {
  assertFiniteFlows(flows);
  const minRate = options.minRate ?? -0.99;
  const maxRate = options.maxRate ?? 10;
  const cells = options.gridCells ?? 20_000;
  if (!(minRate > -1 && maxRate > minRate)) throw new RangeError('need -1 < minRate < maxRate');
  if (countSignChanges(flows) === 0) return [];

  const x0 = Math.log1p(minRate);
  const step = (Math.log1p(maxRate) - x0) / cells;
  const rateAt = (i: number): number => Math.expm1(x0 + i * step);
  const g = (r: number): number => scaledNpv(flows, r).value;
  const values: number[] = [];
  for (let i = 0; i <= cells; i++) values.push(g(rateAt(i)));

  const roots: IrrRoot[] = [];
  // Grid points 0 and `cells` are the open interval's bounds: roots exactly there are excluded.
  for (let i = 0; i < cells; i++) {
    const here = values[i] ?? 0;
    const next = values[i + 1] ?? 0;
    if (here * next < 0) roots.push({ rate: findRootBrent(g, rateAt(i), rateAt(i + 1)), touching: false });
    if (i === 0) continue;
    const prev = values[i - 1] ?? 0;
    if (here === 0) {
      roots.push({ rate: rateAt(i), touching: Math.sign(prev) === Math.sign(next) });
      continue;
    }
    const localMin = Math.abs(here) < Math.abs(prev) && Math.abs(here) <= Math.abs(next);
    if (!localMin || here * prev <= 0 || here * next <= 0) continue;
    // |NPV| dips between grid points without a sign change: a touching root, two close roots, or neither.
    const lo = rateAt(i - 1);
    const hi = rateAt(i + 1);
    let best = findMinimumGolden((r) => Math.abs(g(r)), lo, hi);
    let { value, magnitude } = scaledNpv(flows, best);
    if (value * here >= 0) {
      // Golden section stops at ~√ε; the extremum is where the slope vanishes, found to ~ε.
      const slope = (r: number): number => scaledNpvSlope(flows, r);
      if (slope(lo) * slope(hi) < 0) {
        best = findRootBrent(slope, lo, hi);
        ({ value, magnitude } = scaledNpv(flows, best));
      }
    }
    if (value * here < 0) {
      roots.push({ rate: findRootBrent(g, lo, best), touching: false });
      roots.push({ rate: findRootBrent(g, best, hi), touching: false });
    } else if (Math.abs(value) <= 1e-9 * magnitude) {
      roots.push({ rate: best, touching: true });
    }
  }
  return mergeNearRoots(
    flows,
    roots.filter((root) => root.rate > minRate && root.rate < maxRate).sort((a, b) => a.rate - b.rate),
  );
}

/**
 * Two roots within 1e-7 of each other with NPV ≈ 0 between them are one double root whose
 * flows were rounded to binary floating point ([−1, 2.2, −1.21] is −(1 − 1.1v)² in decimal, but
 * not in binary): report one touching root. Roots within 1e-12 are the same root found twice.
 */
function mergeNearRoots(flows: readonly number[], sorted: readonly IrrRoot[]): IrrRoot[] {
  const merged: IrrRoot[] = [];
  for (const root of sorted) {
    const last = merged[merged.length - 1];
    const gap = last ? root.rate - last.rate : Number.POSITIVE_INFINITY;
    if (gap <= 1e-12 * (1 + Math.abs(root.rate))) continue;
    if (last && gap <= 1e-7 * (1 + Math.abs(root.rate))) {
      const mid = (last.rate + root.rate) / 2;
      const { value, magnitude } = scaledNpv(flows, mid);
      if (Math.abs(value) <= 1e-9 * magnitude) {
        merged[merged.length - 1] = { rate: mid, touching: true };
        continue;
      }
    }
    merged.push(root);
  }
  return merged;
}

/**
 * Internal rate of return: the rate at which NPV = 0 (`flows[0]` at period 0). Reports every root
 * in (−99%, 1000%) under `irrs`; `irr` holds the root only when there is exactly one. With
 * several roots the IRR is not a meaningful figure of merit (Brealey, Myers & Allen, ch. 5,
 * "Pitfall 2 — multiple rates of return"), so `irr` is null with a warning: decide on NPV.
 *
 * @example
 * computeIrr([-100, 39, 59, 55, 20]).irr; // ≈ 0.2809484 (numpy-financial irr docstring)
 */
export function computeIrr(flows: readonly number[], options: IrrSearchOptions = {}): IrrResult {
  const warnings: string[] = [];
  const lo = options.minRate ?? -0.99;
  const hi = options.maxRate ?? 10;
  const range = `(${lo * 100}%, ${hi * 100}%)`;
  if (flows.every((cf) => cf === 0)) {
    warnings.push('every flow is zero: NPV is 0 at every rate, so there is no IRR');
    return { irr: null, irrs: [], roots: [], warnings };
  }
  const roots = computeIrrRoots(flows, options);
  const irrs = roots.map((root) => root.rate);
  if (roots.length === 0) {
    warnings.push(
      countSignChanges(flows) === 0
        ? 'no IRR: the flows never change sign, so NPV is never 0'
        : `no IRR: no rate in ${range} gives NPV 0`,
    );
    return { irr: null, irrs, roots, warnings };
  }
  if (roots.length > 1) {
    warnings.push(
      `${roots.length} rates in ${range} give NPV 0 (see irrs): the IRR is ambiguous, so irr is null; decide on NPV`,
    );
    return { irr: null, irrs, roots, warnings };
  }
  if (roots[0]?.touching) warnings.push('NPV touches 0 at the IRR without changing sign');
  return { irr: irrs[0] ?? null, irrs, roots, warnings };
}
