import { listExclusionPairs, type PortfolioPlan, type PortfolioProblem } from './problem';

/** One broken rule of a plan. */
export interface PlanViolation {
  rule:
    | 'unknown'
    | 'duplicate'
    | 'window'
    | 'mandatory'
    | 'dependency'
    | 'requirement'
    | 'exclusion'
    | 'budget'
    | 'capacity';
  message: string;
}

// Solver answers are exact 0/1 choices, but costs may be fractional: sums are compared with a small
// relative tolerance so that 0.1 + 0.2 against a budget of 0.3 is not reported as an overrun.
const fits = (used: number, limit: number) => used <= limit + 1e-9 * Math.max(1, Math.abs(limit));

/**
 * Lists every rule a plan breaks: ids, start windows, mandatory candidates, dependencies
 * (selected and finished before the dependant starts), exclusions, and per-period budget and
 * skill capacity. An empty list means the plan is feasible.
 *
 * @example
 * verifyPlan(problem, { selected: [{ id: 'a', start: 0 }] }); // [] when 'a' fits at period 0
 */
export function verifyPlan(problem: PortfolioProblem, plan: PortfolioPlan): PlanViolation[] {
  const out: PlanViolation[] = [];
  const byId = new Map(problem.candidates.map((c) => [c.id, c]));
  const start = new Map<string, number>();
  for (const s of plan.selected) {
    const c = byId.get(s.id);
    if (!c) out.push({ rule: 'unknown', message: `'${s.id}' is not a candidate` });
    else if (start.has(s.id)) out.push({ rule: 'duplicate', message: `'${s.id}' is selected twice` });
    else {
      start.set(s.id, s.start);
      if (!Number.isInteger(s.start) || s.start < c.earliestStart || s.start > c.latestStart)
        out.push({
          rule: 'window',
          message: `'${s.id}' starts in period ${s.start}, outside ${c.earliestStart}…${c.latestStart}`,
        });
    }
  }
  for (const c of problem.candidates) {
    if (c.mandatory && !start.has(c.id))
      out.push({ rule: 'mandatory', message: `mandatory '${c.id}' is not selected` });
    const sb = start.get(c.id);
    if (sb === undefined) continue;
    for (const aId of c.dependsOn) {
      const sa = start.get(aId);
      const da = byId.get(aId)?.duration ?? 0;
      if (sa === undefined)
        out.push({ rule: 'dependency', message: `'${c.id}' needs '${aId}', which is not selected` });
      else if (sa + da > sb)
        out.push({
          rule: 'dependency',
          message: `'${c.id}' starts in period ${sb} before '${aId}' finishes (period ${sa + da - 1})`,
        });
    }
  }
  for (const c of problem.candidates)
    for (const r of start.has(c.id) ? c.requires : [])
      if (!start.has(r))
        out.push({ rule: 'requirement', message: `'${c.id}' requires '${r}', which is not selected` });
  for (const [a, c] of listExclusionPairs(problem)) {
    const ia = problem.candidates[a]?.id ?? '';
    const ic = problem.candidates[c]?.id ?? '';
    if (start.has(ia) && start.has(ic))
      out.push({ rule: 'exclusion', message: `'${ia}' and '${ic}' exclude each other` });
  }
  const usage = (series: (id: string) => number[] | undefined, p: number) => {
    let used = 0;
    for (const [id, s] of start) used += p >= s ? (series(id)?.[p - s] ?? 0) : 0;
    return used;
  };
  for (let p = 0; p < problem.periods; p++) {
    const limit = problem.budget?.[p];
    const spent = usage((id) => byId.get(id)?.cost, p);
    if (limit !== undefined && !fits(spent, limit))
      out.push({ rule: 'budget', message: `period ${p} spends ${spent}, over its budget of ${limit}` });
    for (const [skill, limits] of Object.entries(problem.capacity)) {
      const cap = limits[p] ?? Number.POSITIVE_INFINITY;
      const used = usage((id) => byId.get(id)?.demand[skill], p);
      if (!fits(used, cap))
        out.push({
          rule: 'capacity',
          message: `period ${p} needs ${used} '${skill}', over its capacity of ${cap}`,
        });
    }
  }
  return out;
}
