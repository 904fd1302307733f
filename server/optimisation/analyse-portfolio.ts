import { computeFrontier, DEFAULT_FRONTIER_FACTORS, type FrontierPoint } from '../../core/portfolio/frontier';
import { computeGreedyPlan } from '../../core/portfolio/greedy';
import type { PortfolioPlan, PortfolioProblem } from '../../core/portfolio/problem';
import type { ShadowPrice } from '../../core/portfolio/shadow-prices';
import type { RunProgress } from './highs-solver';
import { computeShadowPrices } from './portfolio-insights';
import { type PortfolioSolution, solvePortfolio } from './solve-portfolio';

/** Where a full analysis is, for progress bars. */
export type AnalysisPhase = 'solving' | 'shadow-prices' | 'frontier';

export interface AnalysisProgress extends RunProgress {
  phase: AnalysisPhase;
  /** Frontier levels solved so far and in all. */
  frontierDone: number;
  frontierTotal: number;
}

export interface AnalysisOptions {
  timeLimitMs: number;
  /** Budget levels of the frontier (multipliers of every period's budget). */
  frontierFactors?: readonly number[];
  onProgress?: (progress: AnalysisProgress) => void;
}

export interface PortfolioAnalysis {
  solution: PortfolioSolution;
  /** The "rank by value and draw a cut line" plan, for the comparison the page shows. */
  greedy: { objective: number; plan: PortfolioPlan };
  shadowPrices: ShadowPrice[];
  frontier: FrontierPoint[];
}

/**
 * Everything a scenario run shows: the optimum (with HiGHS progress), the cut-line baseline, the
 * shadow prices of the LP relaxation and the efficient frontier over budget levels. Each frontier
 * level gets a slice of the time limit, so the whole analysis takes about twice the solve's limit.
 */
export async function analysePortfolio(
  problem: PortfolioProblem,
  options: AnalysisOptions,
): Promise<PortfolioAnalysis> {
  const factors = problem.budget ? (options.frontierFactors ?? DEFAULT_FRONTIER_FACTORS) : [1];
  const base = { frontierDone: 0, frontierTotal: factors.length };
  const report = (phase: AnalysisPhase, run: Partial<RunProgress>, done = 0) =>
    options.onProgress?.({
      elapsedMs: run.elapsedMs ?? 0,
      incumbent: run.incumbent ?? null,
      bound: run.bound ?? null,
      gap: run.gap ?? null,
      ...base,
      frontierDone: done,
      phase,
    });
  report('solving', {});
  const solution = await solvePortfolio(problem, {
    timeLimitMs: options.timeLimitMs,
    onProgress: (p) => report('solving', p),
  });
  const greedy = computeGreedyPlan(problem, 'value');
  const last = { incumbent: solution.objective, bound: solution.bound, gap: solution.gap };
  report('shadow-prices', last);
  const shadowPrices = solution.status === 'infeasible' ? [] : await computeShadowPrices(problem);
  report('frontier', last);
  const perLevel = Math.max(250, Math.round(options.timeLimitMs / (2 * factors.length)));
  let solved = 0;
  const frontier = await computeFrontier(problem, factors, async (scaled) => {
    const level = await solvePortfolio(scaled, { timeLimitMs: perLevel, explainInfeasibility: false });
    solved += 1;
    report('frontier', last, solved);
    return level;
  });
  return {
    solution,
    greedy: { objective: greedy.objective, plan: greedy.plan },
    shadowPrices,
    frontier,
  };
}
