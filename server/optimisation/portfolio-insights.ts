import { computeFrontier, DEFAULT_FRONTIER_FACTORS, type FrontierPoint } from '../../core/portfolio/frontier';
import { buildPortfolioModel } from '../../core/portfolio/mip-model';
import type { PortfolioProblem } from '../../core/portfolio/problem';
import {
  describeShadowPrice,
  type ShadowPrice,
  selectShadowPrices,
} from '../../core/portfolio/shadow-prices';
import { loadHighsRuntime, runModel } from './highs-solver';
import { type SolvePortfolioOptions, solvePortfolio } from './solve-portfolio';

/** A shadow price with its sentence for the portfolio page. */
export type ExplainedShadowPrice = ShadowPrice & { sentence: string };

/**
 * Shadow prices of the binding budget and capacity rows, from the LP relaxation's row duals
 * (core/portfolio/shadow-prices.ts), most valuable first. Empty when the relaxation is infeasible.
 */
export async function computeShadowPrices(problem: PortfolioProblem): Promise<ExplainedShadowPrice[]> {
  const highs = await loadHighsRuntime();
  const model = buildPortfolioModel(problem, { relax: true });
  if (model.columns.length === 0) return [];
  const lp = runModel(highs, model);
  if (lp.outcome !== 'optimal') return [];
  return selectShadowPrices(model, lp.rowDual, lp.rowValue).map((sp) => ({
    ...sp,
    sentence: describeShadowPrice(sp),
  }));
}

/**
 * Efficient frontier: the best value at each budget level (every period's budget times a factor),
 * each level a full re-solve with the given options. Infeasibility is not explained per level.
 */
export function computeBudgetFrontier(
  problem: PortfolioProblem,
  factors: readonly number[] = DEFAULT_FRONTIER_FACTORS,
  options: Omit<SolvePortfolioOptions, 'explainInfeasibility'> = {},
): Promise<FrontierPoint[]> {
  return computeFrontier(problem, factors, (scaled) =>
    solvePortfolio(scaled, { ...options, explainInfeasibility: false }),
  );
}
