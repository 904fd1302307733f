import { type Candidate, listExclusionPairs, type PortfolioPlan, type PortfolioProblem } from './problem';

/** How the greedy baseline ranks candidates: by value, or by value per unit of total cost. */
export type GreedyRanking = 'value' | 'value-per-cost';

export interface GreedyResult {
  plan: PortfolioPlan;
  objective: number;
  /** Candidates skipped because they did not fit (in rank order). */
  skipped: string[];
}

/**
 * Ranking and preferred starts taken from elsewhere, e.g. an LP relaxation: candidates are taken
 * in decreasing `weight` (their LP selection share) and tried first at `start`.
 */
export interface GreedyGuide {
  weight: ReadonlyMap<string, number>;
  start: ReadonlyMap<string, number>;
}

function rankKey(c: Candidate, ranking: GreedyRanking): number {
  if (ranking === 'value') return c.value;
  const cost = c.cost.reduce((a, b) => a + b, 0);
  return cost > 0 ? c.value / cost : Number.POSITIVE_INFINITY;
}

/**
 * The "rank and draw the cut line" baseline that portfolio boards use by hand: sort candidates
 * (mandatory ones and what they depend on first, then by value or value/cost), and place each at
 * its earliest start where its dependencies have finished and its cost and demand fit what is
 * left of every period; skip it when there is none. Deterministic; ties keep input order.
 *
 * @example
 * computeGreedyPlan(problem, 'value-per-cost').objective; // value of the greedy portfolio
 */
export function computeGreedyPlan(
  problem: PortfolioProblem,
  ranking: GreedyRanking = 'value',
  guide?: GreedyGuide,
): GreedyResult {
  const { candidates, periods } = problem;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  // Mandatory candidates and everything they (transitively) depend on come first, dependencies
  // before dependants, so that the cut line never drops an obligation for a more valuable option.
  const forced: Candidate[] = [];
  const seen = new Set<string>();
  const visit = (c: Candidate) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    for (const d of [...c.dependsOn, ...c.requires]) {
      const dep = byId.get(d);
      if (dep) visit(dep);
    }
    forced.push(c);
  };
  for (const c of candidates) if (c.mandatory) visit(c);
  const rest = candidates
    .map((c, i) => ({ c, i, key: guide?.weight.get(c.id) ?? rankKey(c, ranking) }))
    .filter(({ c }) => !seen.has(c.id))
    .sort((a, b) => b.key - a.key || b.c.value - a.c.value || a.i - b.i)
    .map(({ c }) => c);
  const budgetLeft = problem.budget ? [...problem.budget] : undefined;
  const capacityLeft = Object.fromEntries(Object.entries(problem.capacity).map(([k, v]) => [k, [...v]]));
  const excluded = new Map<string, Set<string>>();
  for (const [a, c] of listExclusionPairs(problem)) {
    const ia = candidates[a]?.id ?? '';
    const ic = candidates[c]?.id ?? '';
    excluded.set(ia, (excluded.get(ia) ?? new Set()).add(ic));
    excluded.set(ic, (excluded.get(ic) ?? new Set()).add(ia));
  }
  const start = new Map<string, number>();
  const skipped: string[] = [];
  const fitsAt = (c: Candidate, s: number) => {
    for (let k = 0; k < c.duration; k++) {
      if (budgetLeft && (c.cost[k] ?? 0) > (budgetLeft[s + k] ?? 0) + 1e-9) return false;
      for (const [skill, series] of Object.entries(c.demand)) {
        const left = capacityLeft[skill];
        if (left && (series[k] ?? 0) > (left[s + k] ?? 0) + 1e-9) return false;
      }
    }
    return true;
  };
  for (const c of [...forced, ...rest]) {
    const blocked = [...(excluded.get(c.id) ?? [])].some((o) => start.has(o));
    let from = c.earliestStart;
    let ready = !blocked && c.requires.every((r) => start.has(r));
    for (const d of c.dependsOn) {
      const s = start.get(d);
      if (s === undefined) ready = false;
      else from = Math.max(from, s + (byId.get(d)?.duration ?? 0));
    }
    let placed = -1;
    const preferred = guide?.start.get(c.id);
    if (
      ready &&
      preferred !== undefined &&
      preferred >= from &&
      preferred <= c.latestStart &&
      fitsAt(c, preferred)
    )
      placed = preferred;
    for (let s = from; placed < 0 && ready && s <= Math.min(c.latestStart, periods - c.duration); s++) {
      if (fitsAt(c, s)) {
        placed = s;
        break;
      }
    }
    if (placed < 0) {
      skipped.push(c.id);
      continue;
    }
    start.set(c.id, placed);
    for (let k = 0; k < c.duration; k++) {
      if (budgetLeft) budgetLeft[placed + k] = (budgetLeft[placed + k] ?? 0) - (c.cost[k] ?? 0);
      for (const [skill, series] of Object.entries(c.demand)) {
        const left = capacityLeft[skill];
        if (left) left[placed + k] = (left[placed + k] ?? 0) - (series[k] ?? 0);
      }
    }
  }
  const selected = [...start].map(([id, s]) => ({ id, start: s }));
  selected.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const objective = selected.reduce((sum, s) => sum + (byId.get(s.id)?.value ?? 0), 0);
  return { plan: { selected }, objective, skipped };
}
