import { createRng } from '../random/prng';
import type { Candidate, PortfolioProblem } from './problem';

export interface InstanceShape {
  candidates: number;
  periods: number;
  skills: number;
  /** Share of candidates with one dependency on an earlier candidate. */
  dependencyRate?: number;
  /** Share of candidates excluding one other candidate. */
  exclusionRate?: number;
  /** Share of candidates that are mandatory. */
  mandatoryRate?: number;
  /** Fraction of the average per-period cost of all candidates that the budget holds. */
  tightness?: number;
  /** Capacity per skill as a fraction of its average demand: drawn uniformly from [min, max]. */
  capacityTightness?: [number, number];
  maxDuration?: number;
}

/**
 * A seeded random portfolio for benchmarks and property tests: durations 1…maxDuration, each
 * candidate using 1–3 skills, dependencies only on earlier candidates (so never cyclic), value
 * loosely correlated with size as in Chu & Beasley's generator (value ≈ weight + noise), and
 * budget/capacity a `tightness` share of what every candidate together would need per period.
 */
export function generatePortfolioInstance(shape: InstanceShape, seed: number): PortfolioProblem {
  const rng = createRng(seed);
  const { periods } = shape;
  const maxDuration = Math.min(shape.maxDuration ?? 4, periods);
  const skills = Array.from({ length: shape.skills }, (_, k) => `skill${k}`);
  const candidates: Candidate[] = [];
  for (let i = 0; i < shape.candidates; i++) {
    const duration = 1 + rng.nextInt(maxDuration);
    const cost = Array.from({ length: duration }, () => 1 + rng.nextInt(20));
    const demand: Record<string, number[]> = {};
    const used = 1 + rng.nextInt(Math.min(3, Math.max(1, skills.length)));
    for (let u = 0; u < used && skills.length > 0; u++) {
      const skill = skills[rng.nextInt(skills.length)] ?? 'skill0';
      demand[skill] = Array.from({ length: duration }, () => 1 + rng.nextInt(5));
    }
    const size = cost.reduce((a, b) => a + b, 0);
    const last = periods - duration;
    const earliestStart = rng.next() < 0.3 ? rng.nextInt(last + 1) : 0;
    const latestStart = rng.next() < 0.3 ? earliestStart + rng.nextInt(last - earliestStart + 1) : last;
    const dependsOn = i > 0 && rng.next() < (shape.dependencyRate ?? 0) ? [`c${rng.nextInt(i)}`] : [];
    const excludes =
      i > 0 && rng.next() < (shape.exclusionRate ?? 0)
        ? [`c${rng.nextInt(i)}`].filter((x) => !dependsOn.includes(x))
        : [];
    candidates.push({
      id: `c${i}`,
      value: Math.round(size * (0.5 + rng.next()) + rng.nextInt(10)),
      duration,
      cost,
      demand,
      earliestStart,
      latestStart,
      mandatory: rng.next() < (shape.mandatoryRate ?? 0),
      dependsOn,
      requires: [],
      excludes,
    });
  }
  const tightness = shape.tightness ?? 0.4;
  // Average load per period if every candidate ran once, spread over the horizon.
  const perPeriod = (series: (c: Candidate) => number[] | undefined) =>
    candidates.reduce((s, c) => s + (series(c) ?? []).reduce((a, b) => a + b, 0), 0) / periods;
  const budget = Array.from({ length: periods }, () => Math.round(perPeriod((c) => c.cost) * tightness));
  // Drawn after the candidates, so the same seed gives the same candidates whatever the capacity.
  const [low, high] = shape.capacityTightness ?? [tightness, tightness];
  const capacity = Object.fromEntries(
    skills.map((s) => {
      const share = low + (high - low) * rng.next();
      return [s, Array.from({ length: periods }, () => Math.round(perPeriod((c) => c.demand[s]) * share))];
    }),
  );
  return { periods, budget, capacity, candidates };
}
