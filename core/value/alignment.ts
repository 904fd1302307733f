import { childrenOf } from './okr';

/** A link saying that work (a project or an epic) contributes to a goal, with a weight > 0. */
export interface Alignment {
  goalId: string;
  /** The aligned project or work item. */
  targetId: string;
  weight: number;
}

/**
 * Something whose amount is shared out among goals: a project with its budget (spend) or a work
 * item counting as one unit of a team's capacity. `alignTo` lists the records it can inherit an
 * alignment from, nearest first (e.g. the item's epic, then its project): the first of them that
 * has alignments decides.
 */
export interface AlignmentUnit {
  id: string;
  amount: number;
  alignTo: readonly string[];
  /** Optional grouping of the amount, e.g. the team a work item belongs to. */
  group?: string | null;
}

export interface GoalShare {
  goalId: string;
  /** Amount aligned to this goal itself. */
  direct: number;
  /** Amount aligned to this goal or any goal below it (a unit counted at most once). */
  total: number;
  /** total / Σ amount of all units (0 when there is no amount at all). */
  share: number;
  /** `total` per group. */
  byGroup: Record<string, number>;
}

export interface AlignmentShares {
  totalAmount: number;
  alignedAmount: number;
  unalignedAmount: number;
  goals: Map<string, GoalShare>;
  /** Units none of whose `alignTo` records has an alignment. */
  unalignedUnitIds: string[];
}

/**
 * Shares out each unit's amount among the goals its nearest aligned record points at, in
 * proportion to the alignment weights. Weights of one record are contribution shares: when they
 * sum to less than 1 the rest of the amount stays unaligned; when they sum to more they are
 * normalised to 1. A goal's total counts its own and its descendants' alignments, and never more
 * than the whole unit (a project aligned to a goal and its parent counts once in the parent).
 *
 * @example
 * computeAlignmentShares(
 *   [{ id: 'g', parentId: null }],
 *   [{ goalId: 'g', targetId: 'p1', weight: 0.5 }],
 *   [{ id: 'p1', amount: 100, alignTo: ['p1'] }, { id: 'p2', amount: 100, alignTo: ['p2'] }],
 * ).goals.get('g')?.share; // 50 / 200 = 0.25
 */
export function computeAlignmentShares(
  goals: readonly { id: string; parentId: string | null }[],
  alignments: readonly Alignment[],
  units: readonly AlignmentUnit[],
): AlignmentShares {
  for (const a of alignments) {
    if (!(Number.isFinite(a.weight) && a.weight > 0))
      throw new RangeError(`alignment weight must be a finite number > 0, got ${a.weight}`);
  }
  for (const u of units) {
    if (!(Number.isFinite(u.amount) && u.amount >= 0))
      throw new RangeError(`${u.id}: amount must be a finite number ≥ 0, got ${u.amount}`);
  }
  const byTarget = new Map<string, Alignment[]>();
  for (const a of alignments) byTarget.set(a.targetId, [...(byTarget.get(a.targetId) ?? []), a]);
  const subtree = subtreesOf(goals);

  const goalShares = new Map<string, GoalShare>(
    goals.map((g) => [g.id, { goalId: g.id, direct: 0, total: 0, share: 0, byGroup: {} }]),
  );
  let totalAmount = 0;
  let alignedAmount = 0;
  const unalignedUnitIds: string[] = [];
  for (const unit of units) {
    totalAmount += unit.amount;
    const source = unit.alignTo.find((id) => byTarget.has(id));
    const links = source === undefined ? [] : (byTarget.get(source) ?? []);
    if (links.length === 0) {
      unalignedUnitIds.push(unit.id);
      continue;
    }
    const weightSum = links.reduce((s, l) => s + l.weight, 0);
    const scale = weightSum > 1 ? 1 / weightSum : 1;
    const fractionOf = new Map<string, number>();
    for (const l of links) fractionOf.set(l.goalId, (fractionOf.get(l.goalId) ?? 0) + l.weight * scale);
    alignedAmount += unit.amount * Math.min(1, weightSum * scale);
    for (const [goalId, share] of goalShares) {
      const direct = fractionOf.get(goalId) ?? 0;
      share.direct += unit.amount * direct;
      let inSubtree = 0;
      for (const id of subtree.get(goalId) ?? []) inSubtree += fractionOf.get(id) ?? 0;
      const amount = unit.amount * Math.min(1, inSubtree);
      if (amount === 0) continue;
      share.total += amount;
      if (unit.group) share.byGroup[unit.group] = (share.byGroup[unit.group] ?? 0) + amount;
    }
  }
  for (const share of goalShares.values()) share.share = totalAmount > 0 ? share.total / totalAmount : 0;
  return {
    totalAmount,
    alignedAmount,
    unalignedAmount: totalAmount - alignedAmount,
    goals: goalShares,
    unalignedUnitIds,
  };
}

/** Each goal's id together with every descendant's. */
function subtreesOf(goals: readonly { id: string; parentId: string | null }[]): Map<string, string[]> {
  const children = childrenOf(goals);
  const result = new Map<string, string[]>();
  for (const g of goals) {
    const seen = new Set<string>([g.id]);
    const stack = [g.id];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      for (const c of children.get(id) ?? []) {
        if (seen.has(c)) continue;
        seen.add(c);
        stack.push(c);
      }
    }
    result.set(g.id, [...seen]);
  }
  return result;
}
