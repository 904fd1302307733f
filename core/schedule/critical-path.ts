import type { CompiledNetwork } from './network';
import { linkSlack } from './passes';

/** Enumeration stops after this many chains: heavily parallel networks can have exponentially many. */
export const MAX_CRITICAL_PATHS = 100;

const EPS = 1e-9;

/**
 * Lists every critical chain: sequences of critical activities joined by driving links (zero slack
 * at early dates), from one with no such predecessor to one with no such successor.
 * Chains are returned in time order, and the list ordered by their first activity's early start.
 */
export function findCriticalPaths(
  net: CompiledNetwork,
  critical: readonly boolean[],
  es: Float64Array,
  ef: Float64Array,
): string[][] {
  const n = net.ids.length;
  const next: number[][] = Array.from({ length: n }, () => []);
  const hasPrev = new Array<boolean>(n).fill(false);
  for (let link = 0; link < net.linkFrom.length; link++) {
    const p = net.linkFrom[link]!;
    const s = net.linkTo[link]!;
    if (!critical[p] || !critical[s] || linkSlack(net, link, es, ef) > EPS) continue;
    const row = next[p]!;
    if (!row.includes(s)) row.push(s);
    hasPrev[s] = true;
  }
  for (const row of next) row.sort((a, b) => es[a]! - es[b]! || a - b);
  const starts = [...net.order].filter((i) => critical[i] && !hasPrev[i]);
  starts.sort((a, b) => es[a]! - es[b]! || a - b);

  const paths: string[][] = [];
  const stack: number[] = [];
  const visit = (v: number): void => {
    if (paths.length >= MAX_CRITICAL_PATHS) return;
    stack.push(v);
    const row = next[v]!;
    if (row.length === 0) paths.push(stack.map((i) => net.ids[i]!));
    for (const w of row) visit(w);
    stack.pop();
  };
  for (const s of starts) visit(s);
  return paths;
}
