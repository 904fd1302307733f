import { computeSum } from './cash-flows';
import { computeNpv } from './npv';

/**
 * Return on investment, undiscounted: (total benefits − total costs) / total costs. Null when
 * total costs are 0 (no investment to return on).
 *
 * @example
 * // Excel IRR help flows: 92,000 in, 70,000 out → 22,000 / 70,000
 * computeRoi([70000], [0, 12000, 15000, 18000, 21000, 26000]); // 0.3142857…
 */
export function computeRoi(costs: readonly number[], benefits: readonly number[]): number | null {
  const totalCosts = computeSum(costs);
  if (totalCosts === 0) return null;
  return (computeSum(benefits) - totalCosts) / totalCosts;
}

/**
 * Benefit-cost ratio: PV(benefits) / PV(costs), both discounted at `rate` with element 0 at
 * period 0 (HM Treasury, The Green Book, 2022: BCR = present value of benefits / present value
 * of costs). Null when the present value of the costs is 0.
 *
 * @example
 * computeBenefitCostRatio(0.1, [100], [0, 55, 60.5]); // 1
 */
export function computeBenefitCostRatio(
  rate: number,
  costs: readonly number[],
  benefits: readonly number[],
): number | null {
  const pvCosts = computeNpv(rate, costs);
  if (pvCosts === 0) return null;
  return computeNpv(rate, benefits) / pvCosts;
}
