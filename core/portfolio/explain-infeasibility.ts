import { type ConstraintGroup, groupKey, listExclusionPairs, type PortfolioProblem } from './problem';

/** The candidates and constraint groups an infeasibility can involve. */
export interface ConflictScope {
  /** Mandatory candidates and everything they transitively depend on. */
  only: Set<number>;
  groups: ConstraintGroup[];
}

/**
 * Narrows where an infeasibility can come from. Every rule is "at most" (≤) except mandatory
 * selection, so leaving every optional candidate out is always allowed: only the mandatory
 * candidates and their transitive dependencies can clash. The groups are the rules that touch them.
 */
export function listConflictScope(problem: PortfolioProblem): ConflictScope {
  const { candidates, periods } = problem;
  const index = new Map(candidates.map((c, i) => [c.id, i]));
  const only = new Set<number>();
  const visit = (i: number) => {
    if (only.has(i)) return;
    only.add(i);
    for (const d of [...(candidates[i]?.dependsOn ?? []), ...(candidates[i]?.requires ?? [])]) {
      const j = index.get(d);
      if (j !== undefined) visit(j);
    }
  };
  candidates.forEach((c, i) => {
    if (c.mandatory) visit(i);
  });
  const inScope = [...only].map((i) => candidates[i]).filter((c) => c !== undefined);
  const groups: ConstraintGroup[] = [];
  for (const c of inScope) if (c.mandatory) groups.push({ kind: 'mandatory', candidate: c.id });
  for (const c of inScope)
    if (c.earliestStart > 0 || c.latestStart < periods - c.duration)
      groups.push({ kind: 'window', candidate: c.id });
  for (const c of inScope)
    for (const d of c.dependsOn) groups.push({ kind: 'dependency', candidate: c.id, dependsOn: d });
  for (const c of inScope)
    for (const r of c.requires) groups.push({ kind: 'requirement', candidate: c.id, requires: r });
  for (const [a, b] of listExclusionPairs(problem))
    if (only.has(a) && only.has(b))
      groups.push({ kind: 'exclusion', candidates: [candidates[a]?.id ?? '', candidates[b]?.id ?? ''] });
  // A period's budget or capacity matters only if some candidate in scope could spend in it.
  const couldUse = (series: (c: (typeof inScope)[number]) => number[] | undefined, p: number) =>
    inScope.some((c) =>
      (series(c) ?? []).some((amount, k) => amount > 0 && k <= p && p - k <= periods - c.duration),
    );
  for (let p = 0; p < periods; p++) {
    if (problem.budget && couldUse((c) => c.cost, p)) groups.push({ kind: 'budget', period: p });
    for (const skill of Object.keys(problem.capacity))
      if (couldUse((c) => c.demand[skill], p)) groups.push({ kind: 'capacity', skill, period: p });
  }
  return { only, groups };
}

/**
 * Deletion filter over constraint groups (Chinneck & Dravnieks 1991, "Locating minimal infeasible
 * constraint sets in linear programs", ORSA J. Computing 3(2)): drop each group in turn; if the
 * rest is still infeasible the group is not needed and stays dropped, otherwise it is part of the
 * conflict. The result is irreducible: removing any one returned group makes the problem feasible.
 * `isFeasible(dropped)` re-solves without the groups whose keys are in `dropped`; when it cannot
 * decide (time limit) it should answer true, which keeps the group and errs on the side of showing more.
 *
 * @example
 * await findConflictingGroups(scope.groups, (dropped) => solveFeasibility(dropped)); // e.g. [mandatory a, budget 0]
 */
export async function findConflictingGroups(
  groups: readonly ConstraintGroup[],
  isFeasible: (dropped: ReadonlySet<string>) => boolean | Promise<boolean>,
): Promise<ConstraintGroup[]> {
  const dropped = new Set<string>();
  const conflict: ConstraintGroup[] = [];
  for (const group of groups) {
    const key = groupKey(group);
    dropped.add(key);
    if (await isFeasible(dropped)) {
      dropped.delete(key);
      conflict.push(group);
    }
  }
  return conflict;
}
