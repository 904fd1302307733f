import { assertFiniteFlows, assertRate } from './cash-flows';

/**
 * Present value of each flow: CF_t / (1 + r)^t, with `flows[0]` at period 0 (undiscounted).
 * (Brealey, Myers & Allen, "Principles of Corporate Finance", ch. 2: PV = C_t / (1 + r)^t.)
 *
 * @example
 * computeDiscountedFlows(0.1, [-100, 110]); // [-100, 100]
 */
export function computeDiscountedFlows(rate: number, flows: readonly number[]): number[] {
  assertRate(rate);
  assertFiniteFlows(flows);
  const out: number[] = [];
  let factor = 1;
  for (const cf of flows) {
    out.push(cf / factor);
    factor *= 1 + rate;
  }
  return out;
}

/**
 * Net present value with `flows[0]` at period 0: NPV = Σ_{t=0..n} CF_t / (1 + r)^t.
 * Unlike Excel's NPV(), which discounts its first value by one period, the first flow here is
 * not discounted (Excel: NPV(r, v1..vn) = Σ v_i / (1 + r)^i, so Excel's NPV equals
 * `computeNpv(r, [0, v1, …, vn])`).
 *
 * @example
 * computeNpv(0.1, [-1000, 300, 400, 500]); // ≈ −21.04
 */
export function computeNpv(rate: number, flows: readonly number[]): number {
  assertRate(rate);
  assertFiniteFlows(flows);
  // Horner's scheme in v = 1 / (1 + r): NPV = CF_0 + v (CF_1 + v (CF_2 + …)).
  const v = 1 / (1 + rate);
  let acc = 0;
  for (let t = flows.length - 1; t >= 0; t--) acc = acc * v + (flows[t] ?? 0);
  return acc;
}
