import { createRng } from '../random/prng';
import { FLOAT_EPSILON } from './cpm';
import { compileNetwork } from './network';
import { backwardPass, forwardPass } from './passes';
import { assertEstimate, type DurationDistribution, sampleDuration, type ThreePointEstimate } from './pert';
import type { Activity } from './types';

/** An activity of the risk model: the network's links plus a three-point duration estimate. */
export interface RiskActivity extends Omit<Activity, 'duration'> {
  estimate: ThreePointEstimate;
}

export interface ScheduleRiskOptions {
  iterations?: number;
  seed?: number;
  distribution?: DurationDistribution;
}

export interface TornadoBar {
  id: string;
  /** Pearson correlation of the activity's sampled duration with the project finish. */
  correlation: number;
}

export interface ScheduleRiskResult {
  iterations: number;
  mean: number;
  p50: number;
  p80: number;
  p95: number;
  /** Share of iterations in which the activity had zero total float (summaries excluded). */
  criticalityIndex: Record<string, number>;
  /** Activities by falling |correlation|: the bars of a tornado chart. */
  tornado: TornadoBar[];
}

/**
 * Monte Carlo schedule risk analysis: sample every duration (PERT-Beta or triangular, seeded),
 * run the CPM forward and backward pass, and collect the finish distribution, each activity's
 * criticality index and its duration–finish correlation (the tornado data).
 *
 * @example
 * computeScheduleRisk([{ id: 'A', predecessors: [], estimate: { min: 2, mostLikely: 3, max: 8 } }], { seed: 1 }).p80;
 */
export function computeScheduleRisk(
  activities: readonly RiskActivity[],
  options: ScheduleRiskOptions = {},
): ScheduleRiskResult {
  for (const a of activities) assertEstimate(a.id, a.estimate);
  const iterations = options.iterations ?? 5000;
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new RangeError('iterations must be a positive integer');
  const distribution = options.distribution ?? 'pert';
  const net = compileNetwork(activities.map((a) => ({ ...a, duration: a.estimate.mostLikely })));
  const byId = new Map(activities.map((a) => [a.id, a.estimate]));
  const estimates = net.ids.map((id) => byId.get(id)!);
  const n = net.ids.length;
  const rng = createRng(options.seed ?? 1);
  const durations = new Float64Array(n);
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const finishes = new Float64Array(iterations);
  const criticalCount = new Float64Array(n);
  // Running sums for the correlations: Σx, Σx², Σxy per activity.
  const sx = new Float64Array(n);
  const sxx = new Float64Array(n);
  const sxy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) durations[i] = sampleDuration(estimates[i]!, distribution, rng);
    const finish = forwardPass(net, durations, es, ef);
    backwardPass(net, durations, finish, ls, lf);
    finishes[it] = finish;
    for (let i = 0; i < n; i++) {
      const x = durations[i]!;
      sx[i]! += x;
      sxx[i]! += x * x;
      sxy[i]! += x * finish;
      // Total float as computeCpm measures it (the smaller of start and finish float under leave).
      const float = net.leave[i] === undefined ? ls[i]! - es[i]! : Math.min(ls[i]! - es[i]!, lf[i]! - ef[i]!);
      if (float <= FLOAT_EPSILON * Math.max(1, finish)) criticalCount[i]! += 1;
    }
  }
  const sorted = Float64Array.from(finishes).sort();
  const mean = finishes.reduce((a, b) => a + b, 0) / iterations;
  const varY = finishes.reduce((a, y) => a + (y - mean) ** 2, 0) / iterations;
  const criticalityIndex: Record<string, number> = {};
  const tornado: TornadoBar[] = [];
  net.ids.forEach((id, i) => {
    criticalityIndex[id] = criticalCount[i]! / iterations;
    const mx = sx[i]! / iterations;
    const varX = sxx[i]! / iterations - mx * mx;
    const cov = sxy[i]! / iterations - mx * mean;
    tornado.push({ id, correlation: varX > 1e-12 && varY > 1e-12 ? cov / Math.sqrt(varX * varY) : 0 });
  });
  tornado.sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation) || a.id.localeCompare(b.id));
  return {
    iterations,
    mean,
    p50: percentile(sorted, 50),
    p80: percentile(sorted, 80),
    p95: percentile(sorted, 95),
    criticalityIndex,
    tornado,
  };
}

/** Nearest-rank percentile: the smallest sample with at least p% of samples at or below it. */
function percentile(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
