import { assertFiniteFlows } from './cash-flows';
import { computeDiscountedFlows } from './npv';

export interface PaybackResult {
  /** Periods until the cumulative flow turns non-negative for good, interpolated; null when it never does. */
  period: number | null;
  /**
   * True when the cumulative flow turned non-negative earlier and then fell below zero again:
   * `period` is the final recovery, not the first.
   */
  dipsAgain: boolean;
}

/**
 * Payback of a series already in the units to accumulate (raw or discounted flows).
 * Convention (Brealey, Myers & Allen, ch. 5, "The payback rule", with the usual linear
 * interpolation inside the year): `flows[0]` falls at time 0 and `flows[t]` is spread evenly over
 * period t, from time t − 1 to t. With k the last period whose cumulative flow is still negative,
 * payback = k + (−cumulative_k) / flows[k+1]. A cumulative flow that is never negative pays back
 * at 0; one that is negative at the last period never pays back (null).
 */
function paybackOf(flows: readonly number[]): PaybackResult {
  let cumulative = 0;
  let gross = 0;
  let lastNegative = -1;
  let lastNegativeCumulative = 0;
  let recoveredBefore = false;
  let dipsAgain = false;
  flows.forEach((cf, t) => {
    cumulative += cf;
    gross += Math.abs(cf);
    // A cumulative flow within rounding error of 0 counts as 0 (55/1.1 + 60.5/1.21 − 100 ≠ 0 in binary).
    if (cumulative < -1e-12 * gross) {
      if (recoveredBefore) dipsAgain = true;
      lastNegative = t;
      lastNegativeCumulative = cumulative;
    } else if (lastNegative >= 0) {
      recoveredBefore = true;
    }
  });
  if (lastNegative < 0) return { period: 0, dipsAgain: false };
  const recovering = flows[lastNegative + 1];
  if (recovering === undefined) return { period: null, dipsAgain };
  // recovering > 0 here: it carries the cumulative flow from below zero to at least zero.
  return { period: lastNegative + -lastNegativeCumulative / recovering, dipsAgain };
}

/**
 * Simple payback period in periods, interpolated linearly inside the period in which the
 * cumulative flow turns non-negative (for good); null when it never does.
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
