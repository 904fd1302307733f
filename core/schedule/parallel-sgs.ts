import { predecessorsOf, type RcpspInstance } from './rcpsp';

/**
 * The parallel schedule-generation scheme (Kelley 1963; Kolisch 1996): advance a decision time
 * from one finish to the next and, at each, start the eligible jobs in priority order while the
 * resources left over by the running jobs suffice. Because nothing is planned after the decision
 * time yet, fitting at that instant means fitting for the whole duration. It builds non-delay
 * schedules, which is what most project tools' levelling does.
 *
 * @returns start period of every job
 */
export function parallelSgs(instance: RcpspInstance, priorities: readonly number[]): number[] {
  const n = instance.durations.length;
  const R = instance.capacities.length;
  const preds = predecessorsOf(instance);
  const missing = preds.map((p) => p.length);
  const starts = new Array<number>(n).fill(-1);
  const free = [...instance.capacities];
  let eligible: number[] = [];
  for (let i = 0; i < n; i++) if (missing[i] === 0) eligible.push(i);
  const running: number[] = [];
  let done = 0;
  let t = 0;
  const byPriority = (a: number, b: number) => priorities[a]! - priorities[b]! || a - b;
  while (done < n) {
    // Finish every job due by t, releasing resources and successors.
    for (let k = running.length - 1; k >= 0; k--) {
      const j = running[k]!;
      if (starts[j]! + instance.durations[j]! > t) continue;
      running.splice(k, 1);
      done += 1;
      for (let r = 0; r < R; r++) free[r]! += instance.demands[j]![r]!;
      for (const s of instance.successors[j]!) {
        missing[s]! -= 1;
        if (missing[s] === 0) eligible.push(s);
      }
    }
    eligible.sort(byPriority);
    const waiting: number[] = [];
    for (const j of eligible) {
      const demand = instance.demands[j]!;
      if (demand.every((a, r) => a <= free[r]!)) {
        starts[j] = t;
        for (let r = 0; r < R; r++) free[r]! -= demand[r]!;
        running.push(j);
      } else waiting.push(j);
    }
    eligible = waiting;
    // A zero-length job started now finishes now and may release successors at this same t.
    if (running.some((j) => starts[j]! + instance.durations[j]! <= t)) continue;
    if (running.length === 0) {
      if (done < n) throw new Error('parallel SGS stalled: a job needs more than a resource capacity');
      break;
    }
    t = Math.min(...running.map((j) => starts[j]! + instance.durations[j]!));
  }
  return starts;
}
