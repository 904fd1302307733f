import { assertFiniteFlows } from './cash-flows';
import { computeDiscountedFlows } from './npv';

export interface PaybackResult {
  /** Periods until the cumulative flow first turns non-negative, interpolated; null when it never does. */
  period: number | null;
  /** True when the cumulative flow falls below zero again after that first recovery. */
  dipsAgain: boolean;
}

/**
 * Payback of a series already in the units to accumulate (raw or discounted flows).
 * Convention (Brealey, Myers & Allen, ch. 5, "The payback rule", with the usual linear
 * interpolation inside the year): `flows[0]` falls at time 0 and `flows[t]` is spread evenly over
 * period t, from time t − 1 to t. The payback is the first crossing: with k the period before the
 * cumulative flow first turns non-negative, payback = k + (−cumulative_k) / flows[k+1]. A
 * cumulative flow that is never negative pays back at 0; one that never recovers gives null.
 * A later dip below zero does not move the payback; it is reported as `dipsAgain`.
 */
function paybackOf(flows: readonly number[]): PaybackResult {
  const gross = flows.reduce((sum, cf) => sum + Math.abs(cf), 0);
  // A cumulative flow within rounding error of 0 counts as 0 (55/1.1 + 60.5/1.21 − 100 ≠ 0 in binary).
  const negative = (value: number) => value < -1e-12 * gross;
  let cumulative = 0;
  let everNegative = false;
  let period: number | null = null;
  let dipsAgain = false;
  flows.forEach((cf, t) => {
    const before = cumulative;
    cumulative += cf;
    if (period === null) {
      if (negative(cumulative)) everNegative = true;
      else if (everNegative) period = t - 1 + -before / cf;
    } else if (negative(cumulative)) {
      dipsAgain = true;
    }
  });
  if (!everNegative) return { period: 0, dipsAgain: false };
  return { period, dipsAgain };
}

/**
 * Simple payback period in periods, interpolated linearly inside the period in which the
 * cumulative flow first turns non-negative; null when it never does.
 *
 * @example
 * // Excel IRR help flows: cumulative −4,000 after year 4, +26,000 in year 5 → 4 + 4000/26000
 * computePayback([-70000, 12000, 15000, 18000, 21000, 26000]).period; // 4.153846…
 */
export function computePayback(flows: readonly number[]): PaybackResult {
  assertFiniteFlows(flows);
  return paybackOf(flows);
}

/**
 * Discounted payback: as {@link computePayback} on the present values CF_t / (1 + r)^t.
 *
 * @example
 * computeDiscountedPayback(0.1, [-100, 55, 60.5]).period; // 2 (55/1.1 + 60.5/1.21 = 100)
 */
export function computeDiscountedPayback(rate: number, flows: readonly number[]): PaybackResult {
  return paybackOf(computeDiscountedFlows(rate, flows));
}
