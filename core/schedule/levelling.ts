import { createRng } from '../random/prng';
import { runGeneticAlgorithm } from './genetic-algorithm';
import { Justifier } from './justification';
import { parallelSgs } from './parallel-sgs';
import { buildActivityList, computePriorities, PRIORITY_RULES, type PriorityRule } from './priority-rules';
import {
  hasCapacityExceptions,
  makespanLowerBound,
  predecessorsOf,
  type RcpspInstance,
  topologicalJobs,
} from './rcpsp';
import { SerialSgs } from './serial-sgs';

/** The instance cannot be scheduled at all (cycle, or a job needing more than a capacity). */
export class RcpspInfeasibleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RcpspInfeasibleError';
  }
}

export interface LevelOptions {
  /** Seed of the search; the same seed and budget give the same schedule. Default 1. */
  seed?: number;
  /** Polled between schedules; return true to end the search (the CLI passes a clock check). */
  shouldStop?: () => boolean;
  /** Budget in SGS passes (forward-backward improvement costs up to five). Default 50,000. */
  maxSchedules?: number;
  populationSize?: number;
}

export interface LevelResult {
  /** Start period of every job, indexed like the instance. */
  starts: number[];
  makespan: number;
  lowerBound: number;
  /** True when the makespan meets the lower bound, so no schedule can be shorter. */
  provenOptimal: boolean;
  schedules: number;
}

/**
 * Resource levelling as the RCPSP: minimise the makespan subject to precedence and per-period
 * capacities. Seeds a population with single-pass priority rules and regret-biased LFT sampling,
 * then runs the activity-list GA with forward-backward improvement until `shouldStop()`, the
 * schedule budget, or the lower bound is reached. Deterministic for a given seed and budget.
 *
 * @example
 * const { starts, makespan } = levelResources(parsePsplib(text), { seed: 1, shouldStop: () => Date.now() > deadline });
 */
export function levelResources(instance: RcpspInstance, options: LevelOptions = {}): LevelResult {
  assertSchedulable(instance);
  const n = instance.durations.length;
  const rng = createRng(options.seed ?? 1);
  const budget = options.maxSchedules ?? 50_000;
  const lowerBound = makespanLowerBound(instance);
  const justifier = new Justifier(instance);
  let best: { starts: number[]; makespan: number } | undefined;
  let schedules = 0;
  const record = (starts: ArrayLike<number>, makespan: number) => {
    if (!best || makespan < best.makespan) best = { starts: Array.from(starts), makespan };
  };

  // Deterministic single passes first, so even an instant stop returns a good schedule.
  const starts = new Int32Array(n);
  const initial: Int32Array[] = [];
  for (const rule of PRIORITY_RULES) {
    const priorities = computePriorities(instance, rule);
    const list = Int32Array.from(buildActivityList(instance, priorities));
    record(starts, justifier.decodeAndImprove(list, starts));
    schedules += justifier.passes;
    initial.push(list);
    // The parallel SGS checks room only at the decision time, which is wrong when capacity varies.
    if (hasCapacityExceptions(instance)) continue;
    const parallel = parallelSgs(instance, priorities);
    record(parallel, Math.max(...parallel.map((s, i) => s + instance.durations[i]!)));
    schedules += 1;
  }
  const size = options.populationSize ?? (n > 60 ? 60 : 40);
  const lft = computePriorities(instance, 'LFT');
  while (initial.length < size) initial.push(Int32Array.from(buildActivityList(instance, lft, rng)));

  const successorMatrix = transitiveSuccessors(instance);
  const done = () =>
    (best !== undefined && best.makespan <= lowerBound) ||
    schedules >= budget ||
    (options.shouldStop?.() ?? false);
  runGeneticAlgorithm(justifier, initial, successorMatrix, {
    rng,
    populationSize: size,
    mutationRate: 0.05,
    stop: done,
    onSchedule: (s, makespan) => {
      schedules += justifier.passes;
      record(s, makespan);
    },
  });
  const result = best!;
  return {
    starts: result.starts,
    makespan: result.makespan,
    lowerBound,
    provenOptimal: result.makespan <= lowerBound,
    schedules,
  };
}

/**
 * One pass of the serial SGS with one priority rule — the baseline of the benchmark (serial SGS
 * with LFT is roughly what the levelling of desktop project tools does).
 */
export function levelWithPriorityRule(instance: RcpspInstance, rule: PriorityRule = 'LFT'): LevelResult {
  assertSchedulable(instance);
  const sgs = new SerialSgs(instance, predecessorsOf(instance));
  const list = buildActivityList(instance, computePriorities(instance, rule));
  const starts = new Int32Array(instance.durations.length);
  const makespan = sgs.decode(list, starts);
  const lowerBound = makespanLowerBound(instance);
  return {
    starts: Array.from(starts),
    makespan,
    lowerBound,
    provenOptimal: makespan <= lowerBound,
    schedules: 1,
  };
}

function assertSchedulable(instance: RcpspInstance): void {
  if (!topologicalJobs(instance)) throw new RcpspInfeasibleError('the precedence relations contain a cycle');
  instance.durations.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0)
      throw new RcpspInfeasibleError(`job ${i + 1} has an invalid duration ${d}`);
    instance.capacities.forEach((cap, r) => {
      const demand = instance.demands[i]?.[r] ?? 0;
      if (d > 0 && demand > cap) {
        throw new RcpspInfeasibleError(
          `job ${i + 1} needs ${demand} of resource ${r + 1}, capacity is ${cap}`,
        );
      }
    });
  });
}

/** n×n matrix with 1 where j is a (transitive) successor of i; mutation must never swap such a pair. */
function transitiveSuccessors(instance: RcpspInstance): Uint8Array {
  const n = instance.durations.length;
  const m = new Uint8Array(n * n);
  const order = topologicalJobs(instance) ?? [];
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    for (const j of instance.successors[i]!) {
      m[i * n + j] = 1;
      for (let x = 0; x < n; x++) if (m[j * n + x]) m[i * n + x] = 1;
    }
  }
  return m;
}
