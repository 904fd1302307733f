/**
 * Cash-flow series shared by every finance calculation. A series is one amount per period:
 * `flows[0]` falls at period 0 (today, undiscounted), `flows[t]` at the end of period t.
 * Positive amounts are inflows (benefits), negative amounts outflows (costs).
 */

/** Throws a RangeError naming the series when any amount is not a finite number. */
export function assertFiniteFlows(flows: readonly number[], name = 'flows'): void {
  flows.forEach((v, t) => {
    if (!Number.isFinite(v)) throw new RangeError(`${name}[${t}] must be a finite number, got ${v}`);
  });
}

/** Throws a RangeError unless the rate per period is a finite number above −100%. */
export function assertRate(rate: number, name = 'rate'): void {
  if (!Number.isFinite(rate) || rate <= -1) {
    throw new RangeError(`${name} must be a finite number greater than -1 (−100%), got ${rate}`);
  }
}

/**
 * Net cash flow per period, benefits − costs, padding the shorter array with zeros.
 * Costs and benefits are both given as amounts (normally ≥ 0).
 *
 * @example
 * computeNetFlows([1000, 100], [0, 500, 700]); // [-1000, 400, 700]
 */
export function computeNetFlows(costs: readonly number[], benefits: readonly number[]): number[] {
  assertFiniteFlows(costs, 'costs');
  assertFiniteFlows(benefits, 'benefits');
  const n = Math.max(costs.length, benefits.length);
  const net: number[] = [];
  for (let t = 0; t < n; t++) net.push((benefits[t] ?? 0) - (costs[t] ?? 0));
  return net;
}

/**
 * Running total of a series.
 *
 * @example
 * computeCumulative([-100, 30, 80]); // [-100, -70, 10]
 */
export function computeCumulative(values: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  for (const v of values) {
    sum += v;
    out.push(sum);
  }
  return out;
}

/** Sum of a series (0 for an empty one). */
export function computeSum(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}

/** Splits a net series into its costs (magnitudes of the negative flows) and benefits (positive flows). */
export function splitFlows(flows: readonly number[]): { costs: number[]; benefits: number[] } {
  return {
    costs: flows.map((v) => Math.max(-v, 0)),
    benefits: flows.map((v) => Math.max(v, 0)),
  };
}
