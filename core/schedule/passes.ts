import { earlyDates, lateDates } from './assignment-calendar';
import type { CompiledNetwork } from './network';

/** Early and late dates of the leaf activities of a compiled network. */
export interface PassResult {
  es: Float64Array;
  ef: Float64Array;
  ls: Float64Array;
  lf: Float64Array;
  makespan: number;
}

/**
 * Forward pass (REFERENCES §2.1): ES_j = max(0, SNET_j, relation bounds), EF = ES + d, where
 * FS: S_s ≥ F_p + L, SS: S_s ≥ S_p + L, FF: F_s ≥ F_p + L, SF: F_s ≥ S_p + L. Starts never go
 * before time 0, even under negative lags (our pinned choice, see docs/scheduling.md).
 * A task with resource leave is placed on its resources' working units (assignment-calendar.ts),
 * so its EF − ES can exceed d.
 */
export function forwardPass(
  net: CompiledNetwork,
  durations: Float64Array,
  es: Float64Array,
  ef: Float64Array,
): number {
  let makespan = 0;
  for (let k = 0; k < net.order.length; k++) {
    const s = net.order[k]!;
    const ds = durations[s]!;
    let start = Math.max(0, net.startNoEarlierThan[s]!);
    let finish = Number.NEGATIVE_INFINITY;
    for (let q = net.predStart[s]!; q < net.predStart[s + 1]!; q++) {
      const link = net.predLinks[q]!;
      const p = net.linkFrom[link]!;
      const lag = net.linkLag[link]!;
      switch (net.linkType[link]) {
        case 0:
          if (ef[p]! + lag > start) start = ef[p]! + lag;
          break;
        case 1:
          if (es[p]! + lag > start) start = es[p]! + lag;
          break;
        case 2:
          if (ef[p]! + lag > finish) finish = ef[p]! + lag;
          break;
        default:
          if (es[p]! + lag > finish) finish = es[p]! + lag;
      }
    }
    const leave = net.leave[s];
    if (leave === undefined) {
      if (finish - ds > start) start = finish - ds;
      es[s] = start;
      ef[s] = start + ds;
    } else {
      const dates = earlyDates(leave, start, finish, ds);
      es[s] = dates.start;
      ef[s] = dates.finish;
    }
    if (ef[s]! > makespan) makespan = ef[s]!;
  }
  return makespan;
}

/**
 * Backward pass from the project end T: LF_j = min(T, FNLT_j, relation bounds), LS = LF − d
 * (counted back on the resources' working units for a task with resource leave).
 * Capping every LF at T keeps each activity inside the project even when it only drives its
 * successors through SS or SF links.
 */
export function backwardPass(
  net: CompiledNetwork,
  durations: Float64Array,
  makespan: number,
  ls: Float64Array,
  lf: Float64Array,
): void {
  for (let k = net.order.length - 1; k >= 0; k--) {
    const p = net.order[k]!;
    const dp = durations[p]!;
    let finish = Math.min(makespan, net.finishNoLaterThan[p]!);
    let start = Number.POSITIVE_INFINITY;
    for (let q = net.succStart[p]!; q < net.succStart[p + 1]!; q++) {
      const link = net.succLinks[q]!;
      const s = net.linkTo[link]!;
      const lag = net.linkLag[link]!;
      switch (net.linkType[link]) {
        case 0:
          if (ls[s]! - lag < finish) finish = ls[s]! - lag;
          break;
        case 1:
          if (ls[s]! - lag < start) start = ls[s]! - lag;
          break;
        case 2:
          if (lf[s]! - lag < finish) finish = lf[s]! - lag;
          break;
        default:
          if (lf[s]! - lag < start) start = lf[s]! - lag;
      }
    }
    const leave = net.leave[p];
    if (leave === undefined) {
      if (start + dp < finish) finish = start + dp;
      lf[p] = finish;
      ls[p] = finish - dp;
    } else {
      const dates = lateDates(leave, finish, start, dp);
      lf[p] = dates.finish;
      ls[p] = dates.start;
    }
  }
}

/** Slack of one link at early dates: how far the successor could start earlier before the link binds. */
export function linkSlack(net: CompiledNetwork, link: number, es: Float64Array, ef: Float64Array): number {
  const p = net.linkFrom[link]!;
  const s = net.linkTo[link]!;
  const lag = net.linkLag[link]!;
  switch (net.linkType[link]) {
    case 0:
      return es[s]! - ef[p]! - lag;
    case 1:
      return es[s]! - es[p]! - lag;
    case 2:
      return ef[s]! - ef[p]! - lag;
    default:
      return ef[s]! - es[p]! - lag;
  }
}

/**
 * Free float of a task with resource leave: its latest dates, on its resources' working units,
 * against its successors' early dates and the project end, less its early dates (the smaller of
 * the start and the finish difference, as for total float). Without leave this is exactly the
 * least link slack of `linkSlack` and T − EF.
 */
export function leaveFreeFloat(
  net: CompiledNetwork,
  i: number,
  es: Float64Array,
  ef: Float64Array,
  makespan: number,
  durations: Float64Array = net.durations,
): number {
  let finish = makespan;
  let start = Number.POSITIVE_INFINITY;
  for (let q = net.succStart[i]!; q < net.succStart[i + 1]!; q++) {
    const link = net.succLinks[q]!;
    const s = net.linkTo[link]!;
    const lag = net.linkLag[link]!;
    switch (net.linkType[link]) {
      case 0:
        finish = Math.min(finish, es[s]! - lag);
        break;
      case 1:
        start = Math.min(start, es[s]! - lag);
        break;
      case 2:
        finish = Math.min(finish, ef[s]! - lag);
        break;
      default:
        start = Math.min(start, ef[s]! - lag);
    }
  }
  const late = lateDates(net.leave[i] ?? [], finish, start, durations[i]!);
  return Math.min(late.start - es[i]!, late.finish - ef[i]!);
}

/** Runs both passes on the network's own durations. */
export function runPasses(net: CompiledNetwork, durations: Float64Array = net.durations): PassResult {
  const n = net.ids.length;
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const makespan = forwardPass(net, durations, es, ef);
  backwardPass(net, durations, makespan, ls, lf);
  return { es, ef, ls, lf, makespan };
}
