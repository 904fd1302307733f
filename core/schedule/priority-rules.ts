import type { Rng } from '../random/prng';
import { earliestStarts, latestFinishes, predecessorsOf, type RcpspInstance, topologicalJobs } from './rcpsp';

/**
 * Priority rules of the RCPSP literature (Kolisch 1996, "Serial and parallel resource-constrained
 * project scheduling methods revisited"): LFT latest finish time, LST latest start time, MTS most
 * total successors, GRPW greatest rank positional weight, SPT shortest processing time,
 * MIS most immediate successors.
 */
export type PriorityRule = 'LFT' | 'LST' | 'MTS' | 'GRPW' | 'SPT' | 'MIS';

export const PRIORITY_RULES: readonly PriorityRule[] = ['LFT', 'LST', 'MTS', 'GRPW', 'SPT', 'MIS'];

/** Priority value of every job under `rule`; smaller means scheduled first. */
export function computePriorities(instance: RcpspInstance, rule: PriorityRule): number[] {
  const order = topologicalJobs(instance) ?? [];
  const d = instance.durations;
  if (rule === 'LFT' || rule === 'LST') {
    const es = earliestStarts(instance, order);
    const horizon = Math.max(0, ...es.map((s, i) => s + d[i]!));
    const lf = latestFinishes(instance, order, horizon);
    return rule === 'LFT' ? lf : lf.map((f, i) => f - d[i]!);
  }
  if (rule === 'MTS') {
    const all: Set<number>[] = d.map(() => new Set());
    for (let k = order.length - 1; k >= 0; k--) {
      const i = order[k]!;
      for (const j of instance.successors[i]!) {
        all[i]!.add(j);
        for (const x of all[j]!) all[i]!.add(x);
      }
    }
    return all.map((s) => -s.size);
  }
  if (rule === 'GRPW')
    return d.map((di, i) => -(di + instance.successors[i]!.reduce((a, j) => a + d[j]!, 0)));
  if (rule === 'SPT') return [...d];
  return instance.successors.map((s) => -s.length);
}

/**
 * Builds a precedence-feasible activity list by repeatedly taking an eligible job (all
 * predecessors listed). Without `rng` it takes the best priority (ties by job index); with `rng`
 * it draws by regret-based biased random sampling (Drexl 1991): weight (max regret − own + 1)^α.
 */
export function buildActivityList(
  instance: RcpspInstance,
  priorities: readonly number[],
  rng?: Rng,
  alpha = 1,
): number[] {
  const n = instance.durations.length;
  const preds = predecessorsOf(instance);
  const missing = preds.map((p) => p.length);
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) if (missing[i] === 0) eligible.push(i);
  const list: number[] = [];
  while (eligible.length > 0) {
    let pick = 0;
    if (rng) {
      let worst = Number.NEGATIVE_INFINITY;
      for (const j of eligible) worst = Math.max(worst, priorities[j]!);
      const weights = eligible.map((j) => (worst - priorities[j]! + 1) ** alpha);
      let x = rng.next() * weights.reduce((a, b) => a + b, 0);
      pick = weights.length - 1;
      for (let k = 0; k < weights.length; k++) {
        x -= weights[k]!;
        if (x < 0) {
          pick = k;
          break;
        }
      }
    } else {
      for (let k = 1; k < eligible.length; k++) {
        const a = eligible[k]!;
        const b = eligible[pick]!;
        if (priorities[a]! < priorities[b]! || (priorities[a] === priorities[b] && a < b)) pick = k;
      }
    }
    const job = eligible[pick]!;
    eligible.splice(pick, 1);
    list.push(job);
    for (const s of instance.successors[job]!) {
      missing[s]! -= 1;
      if (missing[s] === 0) eligible.push(s);
    }
  }
  return list;
}
