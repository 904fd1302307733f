/** Whether a higher value of a metric is better (`increase`) or a lower one (`decrease`). */
export type MetricDirection = 'increase' | 'decrease';

export interface KeyResultMeasure {
  /** Where the metric stood when the key result was set. */
  baseline: number;
  /** Where it should be at the end of the period. */
  target: number;
  direction: MetricDirection;
  /** The latest check-in's value; null before the first check-in (progress 0). */
  current: number | null;
}

export interface KeyResultProgress {
  /** Share of the way from baseline to target, clamped to [0, 1]. */
  progress: number;
  /** The same share unclamped: below 0 when the metric moved the wrong way, above 1 past the target. */
  rawProgress: number | null;
  /** True when the current value is at or beyond the target in the good direction. */
  achieved: boolean;
}

/** Everything wrong with a key result's measure, as messages (empty when it is valid). */
export function findKeyResultErrors(m: Omit<KeyResultMeasure, 'current'>): string[] {
  const errors: string[] = [];
  if (!Number.isFinite(m.baseline)) errors.push('baseline must be a finite number');
  if (!Number.isFinite(m.target)) errors.push('target must be a finite number');
  if (errors.length > 0) return errors;
  if (m.direction === 'increase' && m.target < m.baseline)
    errors.push(`target ${m.target} is below the baseline ${m.baseline}, but the direction is "increase"`);
  if (m.direction === 'decrease' && m.target > m.baseline)
    errors.push(`target ${m.target} is above the baseline ${m.baseline}, but the direction is "decrease"`);
  return errors;
}

/**
 * Progress of a key result: (current − baseline) / (target − baseline), clamped to [0, 1]. The
 * same ratio serves both directions — for "decrease is better" both differences are negative —
 * once the target lies on the good side of the baseline (checked; a RangeError otherwise). A
 * target equal to the baseline ("hold the line") counts as 1 while the value is at or on the good
 * side of it, else 0. (Doerr, "Measure What Matters", 2018: key results graded 0.0–1.0.)
 *
 * @example
 * // Churn from 8% down to 5%, now 6.5%: halfway.
 * computeKeyResultProgress({ baseline: 8, target: 5, direction: 'decrease', current: 6.5 }).progress; // 0.5
 */
export function computeKeyResultProgress(m: KeyResultMeasure): KeyResultProgress {
  const errors = findKeyResultErrors(m);
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  if (m.current === null) return { progress: 0, rawProgress: null, achieved: false };
  if (!Number.isFinite(m.current)) throw new RangeError('current must be a finite number');
  const achieved = m.direction === 'increase' ? m.current >= m.target : m.current <= m.target;
  if (m.target === m.baseline) return { progress: achieved ? 1 : 0, rawProgress: achieved ? 1 : 0, achieved };
  const rawProgress = (m.current - m.baseline) / (m.target - m.baseline);
  return { progress: Math.min(1, Math.max(0, rawProgress)), rawProgress, achieved };
}

/** A goal in the strategy tree with its key results' progress. */
export interface GoalNode {
  id: string;
  parentId: string | null;
  /** Progress of each of the goal's own key results, each in [0, 1]. */
  keyResultProgress: readonly number[];
}

/**
 * Progress of every goal: the unweighted mean over its own key results and its child goals (each
 * child counts once, with its own rolled-up progress); null for a goal with neither, or whose
 * children have none. Cycles in `parentId` are broken by ignoring the link that closes them.
 *
 * @example
 * computeGoalProgress([
 *   { id: 'org', parentId: null, keyResultProgress: [] },
 *   { id: 'a', parentId: 'org', keyResultProgress: [1, 0.5] },
 *   { id: 'b', parentId: 'org', keyResultProgress: [0.25] },
 * ]).get('org'); // (0.75 + 0.25) / 2 = 0.5
 */
export function computeGoalProgress(goals: readonly GoalNode[]): Map<string, number | null> {
  const children = childrenOf(goals);
  const byId = new Map(goals.map((g) => [g.id, g]));
  const result = new Map<string, number | null>();
  const visiting = new Set<string>();
  const visit = (id: string): number | null => {
    if (result.has(id)) return result.get(id) ?? null;
    if (visiting.has(id)) return null;
    visiting.add(id);
    const parts = [...(byId.get(id)?.keyResultProgress ?? [])];
    for (const child of children.get(id) ?? []) {
      const p = visit(child);
      if (p !== null) parts.push(p);
    }
    visiting.delete(id);
    const progress = parts.length === 0 ? null : parts.reduce((s, p) => s + p, 0) / parts.length;
    result.set(id, progress);
    return progress;
  };
  for (const g of goals) visit(g.id);
  return result;
}

/** Child ids per goal id (only parents that exist among `goals`). */
export function childrenOf(goals: readonly { id: string; parentId: string | null }[]): Map<string, string[]> {
  const ids = new Set(goals.map((g) => g.id));
  const children = new Map<string, string[]>();
  for (const g of goals) {
    if (g.parentId === null || !ids.has(g.parentId) || g.parentId === g.id) continue;
    children.set(g.parentId, [...(children.get(g.parentId) ?? []), g.id]);
  }
  return children;
}
