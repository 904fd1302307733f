/**
 * The single-mode resource-constrained project scheduling problem (RCPSP): jobs with integer
 * durations and per-period demands on renewable resources, finish-to-start precedence with zero
 * lag, and a capacity per resource per period (Kolisch & Sprecher 1996, PSPLIB).
 * Jobs are indexed from 0; PSPLIB job number j is index j − 1.
 */
export interface RcpspInstance {
  durations: number[];
  /** demands[job][resource]: units used in every period the job runs. */
  demands: number[][];
  capacities: number[];
  successors: number[][];
  /** The file's CPM length (MPM-Time), when it gives one. */
  mpmTime?: number;
  /**
   * Periods in which a resource offers less than its capacity (a person's leave or local
   * holiday: capacity 0). Not part of PSPLIB; the project levelling fills it from resource calendars.
   */
  capacityExceptions?: readonly CapacityException[];
}

export interface CapacityException {
  resource: number;
  period: number;
  /** Units available in that period, 0 … capacity. */
  capacity: number;
}

/** The capacity of resource `r` in every period, as a lookup honouring the exceptions. */
export function capacityProfile(instance: RcpspInstance): (r: number, period: number) => number {
  const reduced = new Map<string, number>();
  for (const e of instance.capacityExceptions ?? []) {
    const key = `${e.resource}:${e.period}`;
    reduced.set(key, Math.min(reduced.get(key) ?? Number.POSITIVE_INFINITY, e.capacity));
  }
  return (r, period) => {
    const cap = instance.capacities[r] ?? 0;
    const reducedCap = reduced.get(`${r}:${period}`);
    return reducedCap === undefined ? cap : Math.max(0, Math.min(cap, reducedCap));
  };
}

/** True when some resource has fewer units in some period than its capacity. */
export const hasCapacityExceptions = (instance: RcpspInstance) =>
  (instance.capacityExceptions?.length ?? 0) > 0;

/** Predecessor lists derived from the successor lists. */
export function predecessorsOf(instance: RcpspInstance): number[][] {
  const preds: number[][] = instance.durations.map(() => []);
  instance.successors.forEach((succ, i) => {
    for (const j of succ) preds[j]?.push(i);
  });
  return preds;
}

/** A topological order (Kahn), or undefined when the precedence graph has a cycle. */
export function topologicalJobs(instance: RcpspInstance): number[] | undefined {
  const n = instance.durations.length;
  const indegree = new Array<number>(n).fill(0);
  for (const succ of instance.successors) for (const j of succ) indegree[j]! += 1;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) {
    for (const j of instance.successors[order[k]!] ?? []) {
      indegree[j]! -= 1;
      if (indegree[j] === 0) order.push(j);
    }
  }
  return order.length === n ? order : undefined;
}

/** Earliest starts ignoring resources; the largest finish is the critical-path lower bound. */
export function earliestStarts(instance: RcpspInstance, order: readonly number[]): number[] {
  const es = new Array<number>(instance.durations.length).fill(0);
  for (const i of order) {
    const finish = es[i]! + instance.durations[i]!;
    for (const j of instance.successors[i]!) if (finish > es[j]!) es[j] = finish;
  }
  return es;
}

/** Latest finishes against a given horizon, ignoring resources (used by the LFT and LST rules). */
export function latestFinishes(instance: RcpspInstance, order: readonly number[], horizon: number): number[] {
  const lf = new Array<number>(instance.durations.length).fill(horizon);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    for (const j of instance.successors[i]!) {
      const bound = lf[j]! - instance.durations[j]!;
      if (bound < lf[i]!) lf[i] = bound;
    }
  }
  return lf;
}

/**
 * A lower bound on the makespan: the larger of the critical-path length and, per resource, the
 * total work divided by the capacity (rounded up) — the classic LB0 / LB1 pair.
 */
export function makespanLowerBound(instance: RcpspInstance): number {
  const order = topologicalJobs(instance) ?? [];
  const es = earliestStarts(instance, order);
  let bound = Math.max(0, ...es.map((s, i) => s + instance.durations[i]!));
  instance.capacities.forEach((cap, r) => {
    if (cap <= 0) return;
    let work = 0;
    instance.durations.forEach((d, i) => {
      work += d * (instance.demands[i]?.[r] ?? 0);
    });
    bound = Math.max(bound, Math.ceil(work / cap));
  });
  return bound;
}
