import { findCriticalPaths } from './critical-path';
import { compileNetwork } from './network';
import { leaveFreeFloat, linkSlack, runPasses } from './passes';
import type { Activity, ActivityTimes, CpmResult } from './types';

/** Floats at or below this count as zero, so fractional durations (Monte Carlo) stay robust. */
export const FLOAT_EPSILON = 1e-9;

/**
 * Critical path method on a precedence network with FS/SS/FF/SF links, lags, SNET/FNLT
 * constraints, milestones and summary roll-up (conventions: REFERENCES §2.1).
 *
 * Total float = LS − ES. Free float = the least slack, at early dates, of the activity's outgoing
 * links, and of the project end (T − EF), so that FF ≤ TF also holds under SS/SF links. For a
 * task with resource leave, whose length depends on where it starts, free float is how far its
 * start can move before its dates (placed on its resources' working units) break a link to a
 * successor's early dates or pass T — the same definition, measured on its own calendar.
 * A summary gets the earliest ES/LS and latest EF/LF of its leaves, and their least floats.
 *
 * @example
 * computeCpm([
 *   { id: 'A', duration: 3, predecessors: [] },
 *   { id: 'B', duration: 2, predecessors: [{ id: 'A', type: 'FS', lag: 1 }] },
 * ]).makespan; // 6
 * @throws ScheduleError subclasses for cycles, unknown predecessors, negative durations
 */
export function computeCpm(activities: readonly Activity[]): CpmResult {
  const net = compileNetwork(activities);
  const { es, ef, ls, lf, makespan } = runPasses(net);
  const n = net.ids.length;
  const freeFloat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (net.leave[i] !== undefined) {
      freeFloat[i] = leaveFreeFloat(net, i, es, ef, makespan);
      continue;
    }
    let ff = makespan - ef[i]!;
    for (let q = net.succStart[i]!; q < net.succStart[i + 1]!; q++) {
      ff = Math.min(ff, linkSlack(net, net.succLinks[q]!, es, ef));
    }
    freeFloat[i] = ff;
  }
  const times: Record<string, ActivityTimes> = {};
  net.ids.forEach((id, i) => {
    // A task stretched by leave can have different start and finish floats; the smaller counts
    // (Primavera P6's "smallest of start float and finish float" option). Equal otherwise.
    const totalFloat =
      net.leave[i] === undefined ? ls[i]! - es[i]! : Math.min(ls[i]! - es[i]!, lf[i]! - ef[i]!);
    times[id] = {
      es: es[i]!,
      ef: ef[i]!,
      ls: ls[i]!,
      lf: lf[i]!,
      totalFloat,
      freeFloat: freeFloat[i]!,
      critical: totalFloat <= FLOAT_EPSILON,
    };
  });
  for (const [id, leaves] of net.summaries) {
    const rows = leaves.map((i) => times[net.ids[i]!]!);
    times[id] = {
      es: Math.min(...rows.map((r) => r.es)),
      ef: Math.max(...rows.map((r) => r.ef)),
      ls: Math.min(...rows.map((r) => r.ls)),
      lf: Math.max(...rows.map((r) => r.lf)),
      totalFloat: Math.min(...rows.map((r) => r.totalFloat)),
      freeFloat: Math.min(...rows.map((r) => r.freeFloat)),
      critical: rows.some((r) => r.critical),
      summary: true,
    };
  }
  const critical = net.ids.map((id) => times[id]!.critical);
  const criticalPaths = findCriticalPaths(net, critical, es, ef);
  const criticalActivities = net.ids
    .map((id, i) => ({ id, i }))
    .filter(({ i }) => critical[i])
    .sort((a, b) => es[a.i]! - es[b.i]! || ef[a.i]! - ef[b.i]! || a.i - b.i)
    .map(({ id }) => id);
  return { makespan, activities: times, criticalPaths, criticalActivities };
}
