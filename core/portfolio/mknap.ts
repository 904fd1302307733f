import type { PortfolioProblem } from './problem';

/** One multidimensional knapsack instance from OR-Library (Chu & Beasley 1998). */
export interface MknapInstance {
  profits: number[];
  /** weights[i][j]: use of constraint i by item j. */
  weights: number[][];
  capacities: number[];
}

/**
 * Parses an OR-Library mknap file (format in data/mknap/file-format.txt): K, then per problem
 * `n m opt`, n profits, m rows of n weights, m capacities, all whitespace-separated.
 */
export function parseMknapFile(text: string): MknapInstance[] {
  const numbers = text.trim().split(/\s+/).map(Number);
  let at = 0;
  const take = (k: number) => {
    const out = numbers.slice(at, at + k);
    if (out.length < k || out.some((x) => !Number.isFinite(x))) throw new RangeError('truncated mknap file');
    at += k;
    return out;
  };
  const [count = 0] = take(1);
  return Array.from({ length: count }, () => {
    const [n = 0, m = 0] = take(3);
    const profits = take(n);
    const weights = Array.from({ length: m }, () => take(n));
    return { profits, weights, capacities: take(m) };
  });
}

/**
 * Reads `best-feasible-slns.txt`: the first table (best feasible values, e.g. `5.250-00  59312`)
 * and the second (LP relaxation values), keyed by problem name.
 */
export function parseMknapBestKnown(text: string): Map<string, { best: number; lp?: number }> {
  const out = new Map<string, { best: number; lp?: number }>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+\.\d+-\d+)\s+(\S+)\s*$/.exec(line);
    if (!m?.[1] || !m[2]) continue;
    const known = out.get(m[1]);
    if (known) known.lp = Number(m[2]);
    else out.set(m[1], { best: Number(m[2]) });
  }
  return out;
}

/**
 * A knapsack instance as a one-period portfolio: every item a one-period candidate, every
 * knapsack constraint a skill with its capacity. Its optimum is the knapsack optimum.
 */
export function mknapToProblem(instance: MknapInstance): PortfolioProblem {
  const skills = instance.capacities.map((_, i) => `r${i}`);
  return {
    periods: 1,
    capacity: Object.fromEntries(skills.map((s, i) => [s, [instance.capacities[i] ?? 0]])),
    candidates: instance.profits.map((value, j) => ({
      id: `item${j}`,
      value,
      duration: 1,
      cost: [0],
      demand: Object.fromEntries(skills.map((s, i) => [s, [instance.weights[i]?.[j] ?? 0]])),
      earliestStart: 0,
      latestStart: 0,
      mandatory: false,
      dependsOn: [],
      requires: [],
      excludes: [],
    })),
  };
}
