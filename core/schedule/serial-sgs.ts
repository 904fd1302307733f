import { capacityProfile, type RcpspInstance } from './rcpsp';

/**
 * The serial schedule-generation scheme (Kelley 1963; Kolisch 1996): take the activities in the
 * order of a precedence-feasible list and start each at the earliest period at which its
 * predecessors are done and every resource has room for its whole duration.
 *
 * The decoder keeps typed arrays and a time-indexed resource profile (period-major, so one period
 * of all resources is contiguous) and reuses them between calls: the genetic algorithm decodes
 * thousands of lists per second.
 */
export class SerialSgs {
  readonly n: number;
  private readonly resources: number;
  private readonly durations: Int32Array;
  private readonly capacities: Int32Array;
  /** For job i, its non-zero demands: resource ids and amounts in [demandStart[i], demandStart[i+1]). */
  private readonly demandStart: Int32Array;
  private readonly demandResource: Int32Array;
  private readonly demandAmount: Int32Array;
  private readonly predStart: Int32Array;
  private readonly preds: Int32Array;
  private readonly usage: Int32Array;
  /** Usage before any job: capacity withheld by calendar exceptions (all zero without them). */
  private readonly baseUsage: Int32Array;
  readonly horizon: number;

  /** `predecessors[i]` lists the jobs that must finish before job i starts (pass successors to schedule backwards). */
  constructor(instance: RcpspInstance, predecessors: readonly (readonly number[])[]) {
    this.n = instance.durations.length;
    this.resources = instance.capacities.length;
    this.durations = Int32Array.from(instance.durations);
    this.capacities = Int32Array.from(instance.capacities);
    const res: number[] = [];
    const amt: number[] = [];
    this.demandStart = new Int32Array(this.n + 1);
    for (let i = 0; i < this.n; i++) {
      instance.demands[i]?.forEach((a, r) => {
        if (a > 0 && instance.durations[i]! > 0) {
          res.push(r);
          amt.push(a);
        }
      });
      this.demandStart[i + 1] = res.length;
    }
    this.demandResource = Int32Array.from(res);
    this.demandAmount = Int32Array.from(amt);
    this.predStart = new Int32Array(this.n + 1);
    const flat: number[] = [];
    for (let i = 0; i < this.n; i++) {
      flat.push(...(predecessors[i] ?? []));
      this.predStart[i + 1] = flat.length;
    }
    this.preds = Int32Array.from(flat);
    // Past the last exception every job fits one after another, so this horizon always suffices.
    const lastException = Math.max(-1, ...(instance.capacityExceptions ?? []).map((e) => e.period));
    this.horizon = instance.durations.reduce((a, b) => a + b, 0) + lastException + 2;
    this.usage = new Int32Array(this.horizon * this.resources);
    this.baseUsage = new Int32Array(this.horizon * this.resources);
    const capacityAt = capacityProfile(instance);
    for (const e of instance.capacityExceptions ?? []) {
      if (e.period < 0 || e.period >= this.horizon) continue;
      const r = e.resource;
      this.baseUsage[e.period * this.resources + r] = this.capacities[r]! - capacityAt(r, e.period);
    }
  }

  /** Decodes `list` into `starts` (filled in place) and returns the makespan. */
  decode(list: ArrayLike<number>, starts: Int32Array): number {
    const R = this.resources;
    const usage = this.usage;
    usage.set(this.baseUsage);
    let makespan = 0;
    for (let k = 0; k < this.n; k++) {
      const j = list[k]!;
      const d = this.durations[j]!;
      let t = 0;
      for (let q = this.predStart[j]!; q < this.predStart[j + 1]!; q++) {
        const p = this.preds[q]!;
        const f = starts[p]! + this.durations[p]!;
        if (f > t) t = f;
      }
      const a = this.demandStart[j]!;
      const b = this.demandStart[j + 1]!;
      if (a < b) {
        // Slide t right past every period that lacks room; restart the window after a conflict.
        let tau = t;
        while (tau < t + d) {
          const base = tau * R;
          let fits = true;
          for (let q = a; q < b; q++) {
            const r = this.demandResource[q]!;
            if (usage[base + r]! + this.demandAmount[q]! > this.capacities[r]!) {
              fits = false;
              break;
            }
          }
          if (fits) tau++;
          else {
            t = tau + 1;
            tau = t;
          }
        }
        for (let tau2 = t; tau2 < t + d; tau2++) {
          const base = tau2 * R;
          for (let q = a; q < b; q++) usage[base + this.demandResource[q]!]! += this.demandAmount[q]!;
        }
      }
      starts[j] = t;
      if (t + d > makespan) makespan = t + d;
    }
    return makespan;
  }
}
