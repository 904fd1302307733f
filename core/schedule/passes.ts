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
    for (let q = net.predStart[s]!; q < net.predStart[s + 1]!; q++) {
      const link = net.predLinks[q]!;
      const p = net.linkFrom[link]!;
      const lag = net.linkLag[link]!;
      let bound: number;
      switch (net.linkType[link]) {
        case 0:
          bound = ef[p]! + lag;
          break;
        case 1:
          bound = es[p]! + lag;
          break;
        case 2:
          bound = ef[p]! + lag - ds;
          break;
        default:
          bound = es[p]! + lag - ds;
      }
      if (bound > start) start = bound;
    }
    es[s] = start;
    ef[s] = start + ds;
    if (start + ds > makespan) makespan = start + ds;
  }
  return makespan;
}

/**
 * Backward pass from the project end T: LF_j = min(T, FNLT_j, relation bounds), LS = LF − d.
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
    for (let q = net.succStart[p]!; q < net.succStart[p + 1]!; q++) {
      const link = net.succLinks[q]!;
      const s = net.linkTo[link]!;
      const lag = net.linkLag[link]!;
      let bound: number;
      switch (net.linkType[link]) {
        case 0:
          bound = ls[s]! - lag;
          break;
        case 1:
          bound = ls[s]! - lag + dp;
          break;
        case 2:
          bound = lf[s]! - lag;
          break;
        default:
          bound = lf[s]! - lag + dp;
      }
      if (bound < finish) finish = bound;
    }
    lf[p] = finish;
    ls[p] = finish - dp;
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
