import type { PlannedStart, PortfolioPlan, PortfolioProblem } from './problem';
import { verifyPlan } from './verify-plan';

export interface ExhaustiveResult {
  /** Best total value, or undefined when no plan satisfies every rule. */
  best: number | undefined;
  plan: PortfolioPlan | undefined;
  /** Number of feasible plans (selection × starts) seen. */
  feasiblePlans: number;
}

/**
 * Reference optimum by brute force: every candidate is either left out or started at each period
 * of its window, and every combination is checked with verifyPlan. Only for tiny problems (the
 * number of plans is the product of window sizes + 1); tests compare the MIP against it.
 *
 * @example
 * computeExhaustiveOptimum(tinyProblem).best; // the true optimum of a ≤ 6-candidate problem
 */
export function computeExhaustiveOptimum(problem: PortfolioProblem, maxPlans = 2_000_000): ExhaustiveResult {
  const options = problem.candidates.map((c) => [
    -1,
    ...Array.from({ length: c.latestStart - c.earliestStart + 1 }, (_, k) => c.earliestStart + k),
  ]);
  const count = options.reduce((n, o) => n * o.length, 1);
  if (count > maxPlans) throw new RangeError(`${count} plans are too many for exhaustive search`);
  let best: number | undefined;
  let bestPlan: PortfolioPlan | undefined;
  let feasiblePlans = 0;
  const chosen: PlannedStart[] = [];
  const walk = (i: number, value: number) => {
    const c = problem.candidates[i];
    if (!c) {
      const plan = { selected: [...chosen] };
      if (verifyPlan(problem, plan).length > 0) return;
      feasiblePlans += 1;
      if (best === undefined || value > best) {
        best = value;
        bestPlan = plan;
      }
      return;
    }
    for (const s of options[i] ?? []) {
      if (s < 0) walk(i + 1, value);
      else {
        chosen.push({ id: c.id, start: s });
        walk(i + 1, value + c.value);
        chosen.pop();
      }
    }
  };
  walk(0, 0);
  return { best, plan: bestPlan, feasiblePlans };
}
