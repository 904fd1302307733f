import type { Rng } from '../random/prng';
import type { Justifier } from './justification';

/** One member of the population: an activity list and the makespan it decodes to. */
interface Individual {
  list: Int32Array;
  makespan: number;
}

export interface GeneticOptions {
  rng: Rng;
  populationSize: number;
  mutationRate: number;
  /** Returns true when the search must end (time limit, schedule budget, proven optimum). */
  stop: () => boolean;
  /** Called after every decode with the schedule just built. */
  onSchedule: (starts: Int32Array, makespan: number) => void;
}

/**
 * Activity-list genetic algorithm after Hartmann (1998, Naval Research Logistics 45:733–750):
 * two-point crossover that keeps precedence feasibility, adjacent-swap mutation, and survival of
 * the best individuals of parents and children (ranking selection). Every child is decoded by
 * the serial SGS and improved by forward-backward justification with write-back (Valls et al.
 * 2005), which is what lifts the GA into the range of the better published heuristics.
 * `successorMatrix[i * n + j]` is 1 when j must follow i (directly or transitively).
 */
export function runGeneticAlgorithm(
  justifier: Justifier,
  initial: readonly Int32Array[],
  successorMatrix: Uint8Array,
  options: GeneticOptions,
): void {
  const n = justifier.forward.n;
  const starts = new Int32Array(n);
  const evaluate = (list: Int32Array): Individual => {
    const makespan = justifier.decodeAndImprove(list, starts);
    options.onSchedule(starts, makespan);
    return { list, makespan };
  };
  let population: Individual[] = [];
  for (const list of initial) {
    if (options.stop()) return;
    population.push(evaluate(list));
  }
  const { rng } = options;
  const mark = new Uint8Array(n);
  while (!options.stop()) {
    const children: Individual[] = [];
    const order = shuffle(population.length, rng);
    for (let k = 0; k + 1 < order.length; k += 2) {
      const mother = population[order[k]!]!.list;
      const father = population[order[k + 1]!]!.list;
      const q1 = rng.nextInt(n);
      const q2 = q1 + rng.nextInt(n - q1);
      for (const [a, b] of [
        [mother, father],
        [father, mother],
      ] as const) {
        if (options.stop()) break;
        const child = crossover(a, b, q1, q2, mark);
        mutate(child, successorMatrix, options.mutationRate, rng);
        children.push(evaluate(child));
      }
    }
    // Fewer than two distinct lists (a one-job network, say) leave nothing to cross: stop
    // rather than spin until the time limit without decoding anything.
    if (children.length === 0) return;
    population = survivors(population, children, options.populationSize);
  }
}

/** Two-point crossover (Hartmann 1998 §3): head from `a`, middle from `b`'s order, tail from `a`'s. */
function crossover(a: Int32Array, b: Int32Array, q1: number, q2: number, mark: Uint8Array): Int32Array {
  const n = a.length;
  const child = new Int32Array(n);
  mark.fill(0);
  let k = 0;
  for (; k < q1; k++) {
    child[k] = a[k]!;
    mark[a[k]!] = 1;
  }
  for (let i = 0; i < n && k < q2; i++) {
    const j = b[i]!;
    if (!mark[j]) {
      child[k++] = j;
      mark[j] = 1;
    }
  }
  for (let i = 0; i < n && k < n; i++) {
    const j = a[i]!;
    if (!mark[j]) {
      child[k++] = j;
      mark[j] = 1;
    }
  }
  return child;
}

/** Swaps neighbours with probability `rate` when neither must precede the other. */
function mutate(list: Int32Array, successorMatrix: Uint8Array, rate: number, rng: Rng): void {
  const n = list.length;
  for (let i = 0; i + 1 < n; i++) {
    if (rng.next() >= rate) continue;
    const x = list[i]!;
    const y = list[i + 1]!;
    if (successorMatrix[x * n + y]) continue;
    list[i] = y;
    list[i + 1] = x;
  }
}

/** Best `size` of parents and children; among equal makespans children first, duplicates of a list dropped. */
function survivors(parents: Individual[], children: Individual[], size: number): Individual[] {
  const pool = [...children, ...parents].sort((x, y) => x.makespan - y.makespan);
  const kept: Individual[] = [];
  const seen = new Set<string>();
  for (const ind of pool) {
    const key = `${ind.makespan}:${ind.list.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(ind);
    if (kept.length === size) break;
  }
  return kept;
}

function shuffle(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
