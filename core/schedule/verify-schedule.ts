import { capacityProfile, type RcpspInstance } from './rcpsp';

export interface ScheduleCheck {
  feasible: boolean;
  makespan: number;
  /** Human-readable reasons, empty when feasible (capped, the first few suffice to debug). */
  violations: string[];
}

const MAX_VIOLATIONS = 20;

/**
 * Checks a resource-constrained schedule: every start a non-negative integer, every
 * finish-to-start precedence kept, and in every period the summed demand within each capacity
 * (reduced in the periods of the instance's capacity exceptions).
 * Independent of the schedulers on purpose — tests use it as the referee.
 */
export function verifySchedule(instance: RcpspInstance, starts: readonly number[]): ScheduleCheck {
  const n = instance.durations.length;
  const violations: string[] = [];
  const add = (message: string) => {
    if (violations.length < MAX_VIOLATIONS) violations.push(message);
  };
  if (starts.length !== n) {
    return {
      feasible: false,
      makespan: Number.NaN,
      violations: [`expected ${n} starts, got ${starts.length}`],
    };
  }
  let makespan = 0;
  starts.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 0) add(`job ${i + 1}: start ${s} is not a non-negative integer`);
    makespan = Math.max(makespan, s + instance.durations[i]!);
  });
  instance.successors.forEach((succ, i) => {
    for (const j of succ) {
      if (starts[j]! < starts[i]! + instance.durations[i]!) {
        add(
          `precedence ${i + 1} -> ${j + 1}: starts at ${starts[j]} before ${starts[i]! + instance.durations[i]!}`,
        );
      }
    }
  });
  if (violations.length === 0) {
    const capacityAt = capacityProfile(instance);
    instance.capacities.forEach((_, r) => {
      const usage = new Array<number>(makespan + 1).fill(0);
      starts.forEach((s, i) => {
        const demand = instance.demands[i]?.[r] ?? 0;
        for (let t = s; t < s + instance.durations[i]!; t++) usage[t]! += demand;
      });
      usage.forEach((u, t) => {
        const cap = capacityAt(r, t);
        if (u > cap) add(`resource ${r + 1} period ${t}: usage ${u} exceeds capacity ${cap}`);
      });
    });
  }
  return { feasible: violations.length === 0, makespan, violations };
}
