import type { Rng } from '../random/prng';

/** A three-point estimate: optimistic (min), most likely and pessimistic (max) duration. */
export interface ThreePointEstimate {
  min: number;
  mostLikely: number;
  max: number;
}

export type DurationDistribution = 'pert' | 'triangular';

/** PERT expected duration te = (a + 4m + b) / 6 (Malcolm et al. 1959; Hillier & Lieberman). */
export function pertMean({ min, mostLikely, max }: ThreePointEstimate): number {
  return (min + 4 * mostLikely + max) / 6;
}

/** PERT variance σ² = ((b − a) / 6)², the classic approximation used for the path-sum normal. */
export function pertVariance({ min, max }: ThreePointEstimate): number {
  return ((max - min) / 6) ** 2;
}

/** Throws unless min ≤ mostLikely ≤ max, all finite and non-negative. */
export function assertEstimate(id: string, e: ThreePointEstimate): void {
  const ok = [e.min, e.mostLikely, e.max].every((x) => Number.isFinite(x) && x >= 0);
  if (!ok || e.min > e.mostLikely || e.mostLikely > e.max) {
    throw new RangeError(
      `activity ${id}: need 0 ≤ min ≤ mostLikely ≤ max, got ${e.min}/${e.mostLikely}/${e.max}`,
    );
  }
}

/**
 * Draws one duration. Triangular by inverse CDF; PERT-Beta as a + (b − a)·Beta(α, β) with
 * α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a), whose mean is exactly the PERT te
 * (Vose, "Risk Analysis", 3rd ed., §9.1.3).
 */
export function sampleDuration(e: ThreePointEstimate, distribution: DurationDistribution, rng: Rng): number {
  const { min: a, mostLikely: m, max: b } = e;
  const width = b - a;
  if (width <= 0) return a;
  if (distribution === 'triangular') {
    const u = rng.next();
    const split = (m - a) / width;
    return u < split ? a + Math.sqrt(u * width * (m - a)) : b - Math.sqrt((1 - u) * width * (b - m));
  }
  const alpha = 1 + (4 * (m - a)) / width;
  const beta = 1 + (4 * (b - m)) / width;
  const x = sampleGamma(alpha, rng);
  const y = sampleGamma(beta, rng);
  return a + (width * x) / (x + y);
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000, ACM TOMS 26:363); shapes here are ≥ 1. */
function sampleGamma(shape: number, rng: Rng): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Standard normal by Box–Muller; `1 − next()` keeps the logarithm's argument in (0, 1]. */
function sampleNormal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
