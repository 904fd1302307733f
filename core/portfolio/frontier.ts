import type { PortfolioProblem, SolveStatus } from './problem';

/** One point of the efficient frontier: the best value reachable at a budget level. */
export interface FrontierPoint {
  /** Multiplier applied to every period's budget. */
  factor: number;
  /** Total budget over all periods at this level. */
  totalBudget: number;
  status: SolveStatus;
  /** Best value found; null when the level is infeasible (mandatory work no longer fits). */
  value: number | null;
}

/** The optimiser's answer as far as the frontier needs it. */
export interface FrontierSolve {
  status: SolveStatus;
  objective: number | null;
}

/** The same problem with every period's budget multiplied by `factor`. */
export function scaleBudget(problem: PortfolioProblem, factor: number): PortfolioProblem {
  if (!problem.budget) return problem;
  return { ...problem, budget: problem.budget.map((b) => b * factor) };
}

/** Default budget levels: 50 % … 150 % of the plan's budget in steps of 10 %. */
export const DEFAULT_FRONTIER_FACTORS: readonly number[] = Array.from({ length: 11 }, (_, k) => 0.5 + k / 10);

/**
 * Efficient frontier of value against budget: scales the budget by each factor and re-solves
 * through the caller's `solve` (the optimiser lives outside core/). Points come back in factor
 * order; a problem without a budget has a flat frontier, so it yields one point at factor 1.
 *
 * @example
 * await computeFrontier(problem, [0.8, 1, 1.2], (p) => solvePortfolio(p)); // value at 80/100/120 %
 */
export async function computeFrontier(
  problem: PortfolioProblem,
  factors: readonly number[],
  solve: (scaled: PortfolioProblem) => FrontierSolve | Promise<FrontierSolve>,
): Promise<FrontierPoint[]> {
  const levels = problem.budget ? [...factors].sort((a, b) => a - b) : [1];
  const points: FrontierPoint[] = [];
  for (const factor of levels) {
    const scaled = scaleBudget(problem, factor);
    const result = await solve(scaled);
    points.push({
      factor,
      totalBudget: (scaled.budget ?? []).reduce((a, b) => a + b, 0),
      status: result.status,
      value: result.status === 'optimal' || result.status === 'feasible' ? result.objective : null,
    });
  }
  return points;
}
