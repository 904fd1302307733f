import { toLeaveUnits } from './assignment-calendar';
import {
  CycleError,
  DuplicateActivityError,
  NegativeDurationError,
  ScheduleError,
  UnknownPredecessorError,
} from './errors';
import type { Activity, LinkType } from './types';

/** Link type codes used in the typed arrays of a compiled network. */
export const LINK_CODE: Readonly<Record<LinkType, number>> = { FS: 0, SS: 1, FF: 2, SF: 3 };

/**
 * An activity network reduced to index arrays: leaf activities only (summaries are rolled up
 * afterwards), links in compressed rows, and a topological order. Built once, it lets the CPM
 * passes and the Monte Carlo loop run without allocating.
 */
export interface CompiledNetwork {
  ids: string[];
  durations: Float64Array;
  startNoEarlierThan: Float64Array;
  finishNoLaterThan: Float64Array;
  /**
   * Per leaf: each assigned resource's leave as sorted work units, or undefined when no assigned
   * resource has leave (the task then runs on the project calendar).
   */
  leave: (readonly Int32Array[] | undefined)[];
  linkFrom: Int32Array;
  linkTo: Int32Array;
  linkType: Uint8Array;
  linkLag: Float64Array;
  /** Links into node i are predLinks[predStart[i] .. predStart[i+1]). */
  predStart: Int32Array;
  predLinks: Int32Array;
  succStart: Int32Array;
  succLinks: Int32Array;
  order: Int32Array;
  /** Summary id → indices of its leaf descendants. */
  summaries: Map<string, number[]>;
}

/**
 * Validates activities and compiles them. Links that touch a summary are spread over its leaf
 * descendants (exact for FS into or out of a summary, the common case; a simplification for the
 * other types, documented in docs/scheduling.md).
 * @throws DuplicateActivityError, NegativeDurationError, UnknownPredecessorError, CycleError
 */
export function compileNetwork(activities: readonly Activity[]): CompiledNetwork {
  const byId = new Map<string, Activity>();
  for (const a of activities) {
    if (byId.has(a.id)) throw new DuplicateActivityError(a.id);
    if (!Number.isFinite(a.duration) || a.duration < 0) throw new NegativeDurationError(a.id, a.duration);
    byId.set(a.id, a);
  }
  const children = new Map<string, string[]>();
  for (const a of activities) {
    if (a.parent === undefined) continue;
    if (!byId.has(a.parent))
      throw new ScheduleError('invalid-network', `activity ${a.id} has unknown parent ${a.parent}`);
    const list = children.get(a.parent) ?? [];
    list.push(a.id);
    children.set(a.parent, list);
  }
  const leaves = activities.filter((a) => !children.has(a.id));
  const index = new Map(leaves.map((a, i) => [a.id, i]));
  const leafSets = new Map<string, number[]>();
  const leavesOf = (id: string, seen: Set<string> = new Set()): number[] => {
    const known = leafSets.get(id);
    if (known) return known;
    if (seen.has(id)) throw new CycleError([...seen, id]);
    seen.add(id);
    const own = index.get(id);
    const result = own !== undefined ? [own] : (children.get(id) ?? []).flatMap((c) => leavesOf(c, seen));
    seen.delete(id);
    leafSets.set(id, result);
    return result;
  };

  const from: number[] = [];
  const to: number[] = [];
  const types: number[] = [];
  const lags: number[] = [];
  for (const a of activities) {
    for (const link of a.predecessors) {
      if (!byId.has(link.id)) throw new UnknownPredecessorError(a.id, link.id);
      const code = LINK_CODE[link.type];
      if (code === undefined || !Number.isFinite(link.lag)) {
        throw new ScheduleError('invalid-network', `activity ${a.id}: invalid link from ${link.id}`);
      }
      for (const p of leavesOf(link.id)) {
        for (const s of leavesOf(a.id)) {
          from.push(p);
          to.push(s);
          types.push(code);
          lags.push(link.lag);
        }
      }
    }
  }
  const n = leaves.length;
  const [predStart, predLinks] = toRows(n, to);
  const [succStart, succLinks] = toRows(n, from);
  const ids = leaves.map((a) => a.id);
  const order = topologicalOrder(n, from, to, succStart, succLinks, ids);
  const summaries = new Map<string, number[]>();
  for (const id of children.keys()) summaries.set(id, leavesOf(id));
  return {
    ids,
    durations: Float64Array.from(leaves, (a) => a.duration),
    startNoEarlierThan: Float64Array.from(leaves, (a) => a.startNoEarlierThan ?? 0),
    finishNoLaterThan: Float64Array.from(leaves, (a) => a.finishNoLaterThan ?? Number.POSITIVE_INFINITY),
    leave: leaves.map((a) => compileLeave(a)),
    linkFrom: Int32Array.from(from),
    linkTo: Int32Array.from(to),
    linkType: Uint8Array.from(types),
    linkLag: Float64Array.from(lags),
    predStart,
    predLinks,
    succStart,
    succLinks,
    order,
    summaries,
  };
}

function compileLeave(a: Activity): Int32Array[] | undefined {
  const lists = a.resourceLeave ?? [];
  if (!lists.some((units) => units.length > 0)) return undefined;
  return lists.map(toLeaveUnits);
}

function toRows(n: number, key: readonly number[]): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (const k of key) start[k + 1]! += 1;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const rows = new Int32Array(key.length);
  key.forEach((k, linkIndex) => {
    rows[fill[k]!++] = linkIndex;
  });
  return [start, rows];
}

/** Kahn's algorithm; on failure a depth-first search names one cycle among the leftover nodes. */
function topologicalOrder(
  n: number,
  from: readonly number[],
  to: readonly number[],
  succStart: Int32Array,
  succLinks: Int32Array,
  ids: readonly string[],
): Int32Array {
  const indegree = new Int32Array(n);
  for (const t of to) indegree[t]! += 1;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  while (head < tail) {
    const v = order[head++]!;
    for (let k = succStart[v]!; k < succStart[v + 1]!; k++) {
      const w = to[succLinks[k]!]!;
      indegree[w]! -= 1;
      if (indegree[w] === 0) order[tail++] = w;
    }
  }
  if (tail === n) return order;
  // Every leftover node has a leftover predecessor, so walking predecessors backwards must revisit.
  const leftover = new Set<number>();
  for (let i = 0; i < n; i++) if (indegree[i]! > 0) leftover.add(i);
  const predOf = new Map<number, number>();
  for (let k = 0; k < to.length; k++) {
    if (leftover.has(to[k]!) && leftover.has(from[k]!) && !predOf.has(to[k]!)) predOf.set(to[k]!, from[k]!);
  }
  const first = leftover.values().next().value as number;
  const position = new Map<number, number>();
  const walk: number[] = [];
  let v = first;
  while (!position.has(v)) {
    position.set(v, walk.length);
    walk.push(v);
    v = predOf.get(v)!;
  }
  const cycle = walk.slice(position.get(v)).reverse();
  throw new CycleError([...cycle, cycle[0]!].map((i) => ids[i]!));
}
