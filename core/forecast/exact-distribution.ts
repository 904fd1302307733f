import { FORECAST_PERCENTILES, type ForecastPercentile, toSampleTable } from './simulation';

/**
 * Exact answers to the Monte Carlo questions, without randomness. Because every simulated day
 * draws i.i.d. from the history, the total after d days has the d-fold convolution of the
 * samples' empirical distribution, and P(done by day d) = P(S_d ≥ N) (REFERENCES §4.3).
 * Cheap for short histories and small targets; used to check the simulation and useful where a
 * forecast must not move between runs at all.
 */

// Probabilities are sums of floating-point products; a share that should be exactly P/100 may
// come out a hair below it.
const EPSILON = 1e-12;

/** The empirical distribution of the samples: value → probability. */
function empiricalPmf(samples: readonly number[]): Map<number, number> {
  const table = toSampleTable(samples);
  const pmf = new Map<number, number>();
  for (const v of table) pmf.set(v, (pmf.get(v) ?? 0) + 1 / table.length);
  return pmf;
}

export interface ExactWhen {
  /** Percentile → days needed (finish on start + days − 1); null when not reached within maxDays. */
  percentileDays: Record<ForecastPercentile, number | null>;
  /** doneBy[d] = P(all items done within d days), d = 0..the last day computed. */
  doneBy: number[];
}

/**
 * Exact "when": the distribution of the day on which the running total first reaches `items`.
 *
 * @example
 * computeExactWhen([0, 1, 1], 1).percentileDays; // { 50: 1, 70: 2, 85: 2, 95: 3 }
 */
export function computeExactWhen(samples: readonly number[], items: number, maxDays = 3_650): ExactWhen {
  const pmf = empiricalPmf(samples);
  // notDone[s] = P(running total = s and s < items); mass reaching items is absorbed as done.
  let notDone = new Float64Array(items);
  notDone[0] = 1;
  const doneBy = [0];
  const percentileDays = {} as Record<ForecastPercentile, number | null>;
  for (const p of FORECAST_PERCENTILES) percentileDays[p] = null;
  // Runs until all but a negligible mass is done, so doneBy describes the whole distribution.
  for (let d = 1; d <= maxDays && (percentileDays[95] === null || 1 - (doneBy.at(-1) ?? 0) > 1e-9); d++) {
    const next = new Float64Array(items);
    for (let s = 0; s < items; s++) {
      const mass = notDone[s] as number;
      if (mass === 0) continue;
      for (const [v, q] of pmf) if (s + v < items) next[s + v] = (next[s + v] as number) + mass * q;
    }
    notDone = next;
    let remaining = 0;
    for (const m of notDone) remaining += m;
    doneBy.push(1 - remaining);
    for (const p of FORECAST_PERCENTILES) {
      if (percentileDays[p] === null && 1 - remaining >= p / 100 - EPSILON) percentileDays[p] = d;
    }
  }
  return { percentileDays, doneBy };
}

export interface ExactHowMany {
  /** Percentile → the largest count reached or exceeded with at least that probability. */
  percentiles: Record<ForecastPercentile, number>;
  /** atLeast[c] = P(total over the days ≥ c). */
  atLeast: number[];
  mean: number;
}

/** Exact "how many in `days` days": the distribution of the sum of `days` draws. */
export function computeExactHowMany(samples: readonly number[], days: number): ExactHowMany {
  const pmf = empiricalPmf(samples);
  let max = 0;
  for (const v of pmf.keys()) max = Math.max(max, v);
  let dist = new Float64Array(days * max + 1);
  dist[0] = 1;
  for (let d = 1; d <= days; d++) {
    const next = new Float64Array(dist.length);
    for (let s = 0; s <= (d - 1) * max; s++) {
      const mass = dist[s] as number;
      if (mass === 0) continue;
      for (const [v, q] of pmf) next[s + v] = (next[s + v] as number) + mass * q;
    }
    dist = next;
  }
  const atLeast = new Array<number>(dist.length + 1).fill(0);
  let mean = 0;
  for (let c = dist.length - 1; c >= 0; c--) {
    atLeast[c] = (atLeast[c + 1] ?? 0) + (dist[c] as number);
    mean += c * (dist[c] as number);
  }
  const percentiles = {} as Record<ForecastPercentile, number>;
  for (const p of FORECAST_PERCENTILES) {
    let c = dist.length - 1;
    while (c > 0 && (atLeast[c] as number) < p / 100 - EPSILON) c--;
    percentiles[p] = c;
  }
  return { percentiles, atLeast: atLeast.slice(0, dist.length), mean };
}
