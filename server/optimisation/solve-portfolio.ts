import type { Highs } from 'highs';
import { findConflictingGroups, listConflictScope } from '../../core/portfolio/explain-infeasibility';
import { computeGreedyPlan } from '../../core/portfolio/greedy';
import { buildPortfolioModel, decodePlan, encodePlan } from '../../core/portfolio/mip-model';
import {
  type ConstraintGroup,
  computePlanValue,
  describeGroup,
  type PortfolioPlan,
  type PortfolioProblem,
  type SolveStatus,
} from '../../core/portfolio/problem';
import { verifyPlan } from '../../core/portfolio/verify-plan';
import { loadHighsRuntime, type RunProgress, runModel } from './highs-solver';

// Below this many start variables HiGHS finds good plans by itself; above, an LP-guided start helps.
const LP_GUIDE_MIN_COLUMNS = 500;

export interface SolvePortfolioOptions {
  /** Wall-clock limit for the optimisation (and again for explaining an infeasibility). */
  timeLimitMs?: number;
  /** Accept a plan within this relative gap (0 = prove optimality). */
  mipRelGap?: number;
  /** Find the conflicting rules of an infeasible problem (deletion filter). Default true. */
  explainInfeasibility?: boolean;
  onProgress?: (progress: RunProgress) => void;
  /** Further HiGHS options for the main MIP run (see highs-solver.ts). */
  highsOptions?: Record<string, number | string | boolean>;
}

/** A rule taking part in an infeasibility, with a sentence for people. */
export type Conflict = ConstraintGroup & { description: string };

export interface PortfolioSolution {
  status: SolveStatus;
  /** Sum of the selected candidates' values (exact, no solver noise); null without a plan. */
  objective: number | null;
  /** Best proven upper bound on the value. */
  bound: number | null;
  /** (bound − objective) / max(|objective|, 1); 0 when proven optimal, null without a plan. */
  gap: number | null;
  plan: PortfolioPlan;
  conflicts?: Conflict[];
}

const isIntegral = (problem: PortfolioProblem) => problem.candidates.every((c) => Number.isInteger(c.value));

/**
 * Chooses and schedules candidates for the most value (core/portfolio/mip-model.ts) with HiGHS.
 * The greedy plan, when feasible, seeds the search as its first incumbent. With integer values,
 * the bound is rounded down (no plan can be worth a fraction), so a proof of optimality needs a
 * gap below one unit; the reported objective is recomputed from the plan. An infeasible problem
 * comes back with the irreducible set of conflicting rules.
 */
export async function solvePortfolio(
  problem: PortfolioProblem,
  options: SolvePortfolioOptions = {},
): Promise<PortfolioSolution> {
  const highs = await loadHighsRuntime();
  const model = buildPortfolioModel(problem);
  if (model.columns.length === 0)
    return { status: 'optimal', objective: 0, bound: 0, gap: 0, plan: { selected: [] } };
  const integral = isIntegral(problem);
  const started = Date.now();
  const greedy = bestStartingPlan(problem, highs);
  // The starting plan's LP counts against the caller's time limit.
  const timeLimitMs =
    options.timeLimitMs === undefined
      ? undefined
      : Math.max(100, options.timeLimitMs - (Date.now() - started));
  const greedyFeasible = verifyPlan(problem, greedy.plan).length === 0;
  const run = runModel(highs, model, {
    ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
    mipRelGap: options.mipRelGap ?? 0,
    mipAbsGap: integral ? 1 - 1e-5 : 1e-6,
    ...(greedyFeasible ? { start: encodePlan(problem, model, greedy.plan) } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.highsOptions ? { highsOptions: options.highsOptions } : {}),
  });
  if (run.outcome === 'infeasible') {
    const explain = options.explainInfeasibility ?? true;
    const conflicts = explain ? await explainInfeasibility(problem, options.timeLimitMs) : [];
    return {
      status: 'infeasible',
      objective: null,
      bound: null,
      gap: null,
      plan: { selected: [] },
      conflicts,
    };
  }
  let plan: PortfolioPlan | undefined;
  if (run.outcome !== 'limit-without-solution')
    plan = decodePlan(problem, model, (_, k) => run.values[k] ?? 0);
  else if (greedyFeasible) plan = greedy.plan;
  if (!plan)
    return { status: 'unknown', objective: null, bound: run.bound, gap: null, plan: { selected: [] } };
  const broken = verifyPlan(problem, plan);
  if (broken.length > 0)
    throw new Error(`solver plan breaks rules: ${broken.map((b) => b.message).join('; ')}`);
  const objective = computePlanValue(problem, plan);
  // Both HiGHS's dual bound and the starting plan's LP optimum bound every plan; a run stopped
  // before its root LP has no bound of its own, and then the LP relaxation is solved for one.
  const rawBound =
    run.bound === null && greedy.lpBound === undefined
      ? (runModel(highs, greedy.relaxed).bound ?? Number.POSITIVE_INFINITY)
      : Math.min(run.bound ?? Number.POSITIVE_INFINITY, greedy.lpBound ?? Number.POSITIVE_INFINITY);
  const bound = Math.max(objective, integral ? Math.floor(rawBound + 1e-6) : rawBound);
  let gap = (bound - objective) / Math.max(Math.abs(objective), 1);
  if (gap < 1e-9) gap = 0;
  const status: SolveStatus = run.outcome === 'optimal' && gap <= 1e-6 ? 'optimal' : 'feasible';
  return {
    status,
    objective,
    bound: Number.isFinite(bound) ? bound : null,
    gap: Number.isFinite(gap) ? gap : null,
    plan,
  };
}

/**
 * The first incumbent: the better of the value and value/cost greedy plans and, for models big
 * enough that HiGHS's own heuristics struggle, a greedy plan guided by the LP relaxation (rank by
 * each candidate's LP selection share, try its heaviest LP start first) — an LP-rounding heuristic
 * in the spirit of relaxation-induced neighbourhoods (Danna, Rothberg & Le Pape 2005).
 */
function bestStartingPlan(problem: PortfolioProblem, highs: Highs) {
  const plans = [computeGreedyPlan(problem, 'value'), computeGreedyPlan(problem, 'value-per-cost')];
  const relaxed = buildPortfolioModel(problem, { relax: true });
  let lpBound: number | undefined;
  if (relaxed.columns.length >= LP_GUIDE_MIN_COLUMNS) {
    const lp = runModel(highs, relaxed);
    lpBound = lp.bound ?? undefined;
    if (lp.values.length > 0) {
      const weight = new Map<string, number>();
      const start = new Map<string, number>();
      const best = new Map<string, number>();
      relaxed.columns.forEach((col, k) => {
        const id = problem.candidates[col.candidate]?.id ?? '';
        const x = lp.values[k] ?? 0;
        weight.set(id, (weight.get(id) ?? 0) + x);
        if (x > (best.get(id) ?? 1e-9)) {
          best.set(id, x);
          start.set(id, col.start);
        }
      });
      plans.push(computeGreedyPlan(problem, 'value', { weight, start }));
    }
  }
  const feasible = plans.filter((p) => verifyPlan(problem, p.plan).length === 0);
  const pool = feasible.length > 0 ? feasible : plans;
  const best = pool.reduce((a, p) => (p.objective > a.objective ? p : a));
  // The relaxed model goes back too: when HiGHS stops before its own bound, it gives one.
  return { ...best, lpBound, relaxed };
}

/**
 * Names the rules behind an infeasibility: a deletion filter over constraint groups, each test a
 * feasibility-only MIP over the mandatory candidates and what they depend on. Each test gets
 * what is left of `timeLimitMs`; an undecided test counts as feasible (the group is kept).
 */
export async function explainInfeasibility(
  problem: PortfolioProblem,
  timeLimitMs = 30_000,
): Promise<Conflict[]> {
  const highs = await loadHighsRuntime();
  const scope = listConflictScope(problem);
  const deadline = Date.now() + timeLimitMs;
  const groups = await findConflictingGroups(scope.groups, (dropped) => {
    const model = buildPortfolioModel(problem, { only: scope.only, dropped, feasibilityOnly: true });
    if (model.columns.length === 0) return !model.lp.includes('= 1');
    const left = Math.max(50, deadline - Date.now());
    return runModel(highs, model, { timeLimitMs: left }).outcome !== 'infeasible';
  });
  return groups.map((g) => ({ ...g, description: describeGroup(g) }));
}
