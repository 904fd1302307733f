import type { PortfolioPlan, PortfolioProblem } from './problem';

/** Use of one limited resource in each period: what the plan spends and what it may. */
export interface ResourceUse {
  used: number[];
  /** null where the resource is unlimited. */
  limit: (number | null)[];
}

export interface PlanUsage {
  budget: ResourceUse;
  capacity: Record<string, ResourceUse>;
}

/**
 * How much budget and each skill's capacity a plan uses per period: a selected candidate that
 * starts in s spends cost[p − s] in period p (p = s … s + duration − 1).
 *
 * @example
 * computePlanUsage(problem, { selected: [{ id: 'a', start: 1 }] }).budget.used; // [0, cost₀, cost₁, …]
 */
export function computePlanUsage(problem: PortfolioProblem, plan: PortfolioPlan): PlanUsage {
  const byId = new Map(problem.candidates.map((c) => [c.id, c]));
  const zeros = () => new Array<number>(problem.periods).fill(0);
  const budgetUsed = zeros();
  const skills = new Set(Object.keys(problem.capacity));
  for (const c of problem.candidates) for (const s of Object.keys(c.demand)) skills.add(s);
  const capacityUsed = new Map([...skills].map((s) => [s, zeros()]));
  for (const { id, start } of plan.selected) {
    const c = byId.get(id);
    if (!c) continue;
    for (let k = 0; k < c.duration && start + k < problem.periods; k++) {
      budgetUsed[start + k] = (budgetUsed[start + k] ?? 0) + (c.cost[k] ?? 0);
      for (const [skill, series] of Object.entries(c.demand)) {
        const used = capacityUsed.get(skill);
        if (used) used[start + k] = (used[start + k] ?? 0) + (series[k] ?? 0);
      }
    }
  }
  const limits = (series: number[] | undefined) =>
    Array.from({ length: problem.periods }, (_, p) => series?.[p] ?? null);
  const capacity: Record<string, ResourceUse> = {};
  for (const [skill, used] of [...capacityUsed].sort(([a], [b]) => a.localeCompare(b)))
    capacity[skill] = { used, limit: limits(problem.capacity[skill]) };
  return { budget: { used: budgetUsed, limit: limits(problem.budget) }, capacity };
}
