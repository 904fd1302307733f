import {
  type BusinessCase,
  type BusinessCaseInput,
  computeBusinessCase,
  toCostsAndBenefits,
} from './business-case';

/** How a scenario departs from the expected case. Factors multiply every period's amount. */
export interface ScenarioAdjustment {
  /** Multiplier on every cost (default 1), e.g. 1.2 for a 20% overrun. */
  costFactor?: number;
  /** Multiplier on every benefit (default 1), e.g. 0.8 for a 20% shortfall. */
  benefitFactor?: number;
  /** Whole periods by which every benefit arrives late (default 0). */
  benefitDelay?: number;
  /** Discount rate of the scenario (default: the expected case's). */
  rate?: number;
}

export type ScenarioName = 'pessimistic' | 'expected' | 'optimistic';

export interface ScenarioAnalysis {
  scenarios: Record<ScenarioName, BusinessCase>;
  /** Σ weight × NPV over the three scenarios. */
  weightedNpv: number;
  weights: Record<ScenarioName, number>;
}

/** PERT three-point weights (Malcolm, Roseboom, Clark & Fazar, 1959): (P + 4E + O) / 6. */
export const PERT_WEIGHTS: Readonly<Record<ScenarioName, number>> = {
  pessimistic: 1 / 6,
  expected: 4 / 6,
  optimistic: 1 / 6,
};

/**
 * A business case with costs and benefits scaled and benefits delayed.
 *
 * @example
 * adjustBusinessCase({ rate: 0.1, costs: [100], benefits: [0, 80, 80] }, { costFactor: 1.2, benefitDelay: 1 });
 * // { rate: 0.1, costs: [120], benefits: [0, 0, 80, 80] }
 */
export function adjustBusinessCase(
  input: BusinessCaseInput,
  adjustment: ScenarioAdjustment,
): { rate: number; costs: number[]; benefits: number[] } {
  const { costFactor = 1, benefitFactor = 1, benefitDelay = 0 } = adjustment;
  if (!Number.isInteger(benefitDelay) || benefitDelay < 0) {
    throw new RangeError(`benefitDelay must be a whole number of periods ≥ 0, got ${benefitDelay}`);
  }
  if (!(costFactor >= 0 && benefitFactor >= 0)) throw new RangeError('cost and benefit factors must be ≥ 0');
  const { costs, benefits } = toCostsAndBenefits(input);
  return {
    rate: adjustment.rate ?? input.rate,
    costs: costs.map((c) => c * costFactor),
    benefits: [...new Array<number>(benefitDelay).fill(0), ...benefits.map((b) => b * benefitFactor)],
  };
}

/**
 * Pessimistic / expected / optimistic business cases and their weighted NPV. Each scenario is
 * either a full business case or an adjustment of the expected one.
 *
 * @example
 * const expected = { rate: 0.1, costs: [1000], benefits: [0, 400, 400, 400] };
 * computeScenarios(expected, { costFactor: 1.2, benefitFactor: 0.8 }, { benefitFactor: 1.1 }).weightedNpv;
 */
export function computeScenarios(
  expected: BusinessCaseInput,
  pessimistic: BusinessCaseInput | ScenarioAdjustment,
  optimistic: BusinessCaseInput | ScenarioAdjustment,
  weights: Record<ScenarioName, number> = PERT_WEIGHTS,
): ScenarioAnalysis {
  const total = weights.pessimistic + weights.expected + weights.optimistic;
  const all = [weights.pessimistic, weights.expected, weights.optimistic];
  if (all.some((w) => !(w >= 0)) || Math.abs(total - 1) > 1e-9) {
    throw new RangeError(`scenario weights must be ≥ 0 and sum to 1, got ${all.join(', ')}`);
  }
  const resolve = (s: BusinessCaseInput | ScenarioAdjustment): BusinessCaseInput =>
    'flows' in s || 'costs' in s ? (s as BusinessCaseInput) : adjustBusinessCase(expected, s);
  const scenarios = {
    pessimistic: computeBusinessCase(resolve(pessimistic)),
    expected: computeBusinessCase(expected),
    optimistic: computeBusinessCase(resolve(optimistic)),
  };
  const weightedNpv =
    weights.pessimistic * scenarios.pessimistic.npv +
    weights.expected * scenarios.expected.npv +
    weights.optimistic * scenarios.optimistic.npv;
  return { scenarios, weightedNpv, weights: { ...weights } };
}
