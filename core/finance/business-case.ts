import { assertFiniteFlows, assertRate, computeNetFlows, computeSum, splitFlows } from './cash-flows';
import { computeIrr, type IrrSearchOptions } from './irr';
import { computeNpv } from './npv';
import { computeDiscountedPayback, computePayback } from './payback';
import { computeBenefitCostRatio, computeRoi } from './roi';

/**
 * A business case as net flows per period, or as costs and benefits per period (both amounts
 * ≥ 0; the shorter array is padded with zeros). Element 0 is period 0, undiscounted; `rate` is
 * the discount rate per period.
 */
export type BusinessCaseInput =
  | { rate: number; flows: readonly number[] }
  | { rate: number; costs: readonly number[]; benefits: readonly number[] };

export interface BusinessCase {
  netFlows: number[];
  npv: number;
  irr: number | null;
  irrs: number[];
  /** Simple payback in periods (interpolated); null when the cumulative net flow never turns non-negative. */
  payback: number | null;
  discountedPayback: number | null;
  /** (total benefits − total costs) / total costs, undiscounted; null when total costs are 0. */
  roi: number | null;
  /** PV(benefits) / PV(costs); null when PV(costs) is 0. */
  bcr: number | null;
  totalCosts: number;
  totalBenefits: number;
  pvCosts: number;
  pvBenefits: number;
  warnings: string[];
}

/** Costs and benefits of the input; net flows split into outflows (costs) and inflows (benefits). */
export function toCostsAndBenefits(input: BusinessCaseInput): { costs: number[]; benefits: number[] } {
  if ('flows' in input) {
    assertFiniteFlows(input.flows);
    return splitFlows(input.flows);
  }
  return { costs: [...input.costs], benefits: [...input.benefits] };
}

/**
 * Every figure of a business case at once: NPV, IRR(s), simple and discounted payback, ROI and
 * benefit-cost ratio, with a warning for each figure that does not exist. With `flows` only,
 * the costs are the magnitudes of the negative flows and the benefits the positive flows, so
 * ROI = (Σ positive − Σ |negative|) / Σ |negative| and BCR = PV(positive) / PV(|negative|).
 *
 * @example
 * computeBusinessCase({ rate: 0.1, flows: [-1000, 300, 400, 500] });
 * // { npv: ≈ −21.04, irr: ≈ 0.0889, payback: 2.6, discountedPayback: null, roi: 0.2, bcr: ≈ 0.979, … }
 */
export function computeBusinessCase(input: BusinessCaseInput, options: IrrSearchOptions = {}): BusinessCase {
  assertRate(input.rate);
  const { costs, benefits } = toCostsAndBenefits(input);
  const netFlows = 'flows' in input ? [...input.flows] : computeNetFlows(costs, benefits);
  if (netFlows.length === 0) throw new RangeError('a business case needs at least one period of flows');

  const irr = computeIrr(netFlows, options);
  const warnings = [...irr.warnings];
  const simple = computePayback(netFlows);
  const discounted = computeDiscountedPayback(input.rate, netFlows);
  if (simple.period === null) warnings.push('no payback: the cumulative net flow never turns non-negative');
  else if (simple.dipsAgain)
    warnings.push(
      'the cumulative net flow falls below zero again after first turning non-negative: payback is the first recovery',
    );
  if (discounted.period === null)
    warnings.push('no discounted payback: the cumulative discounted net flow never turns non-negative');

  const totalCosts = computeSum(costs);
  const totalBenefits = computeSum(benefits);
  const pvCosts = computeNpv(input.rate, costs);
  const pvBenefits = computeNpv(input.rate, benefits);
  const roi = computeRoi(costs, benefits);
  if (roi === null) warnings.push('no ROI: total costs are 0');
  const bcr = computeBenefitCostRatio(input.rate, costs, benefits);
  if (bcr === null) warnings.push('no benefit-cost ratio: the present value of the costs is 0');

  return {
    netFlows,
    npv: computeNpv(input.rate, netFlows),
    irr: irr.irr,
    irrs: irr.irrs,
    payback: simple.period,
    discountedPayback: discounted.period,
    roi,
    bcr,
    totalCosts,
    totalBenefits,
    pvCosts,
    pvBenefits,
    warnings,
  };
}
