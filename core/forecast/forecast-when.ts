import { formatDayNumber, getDayNumber } from '../flow/utc-days';
import {
  checkTrials,
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  FORECAST_PERCENTILES,
  type ForecastPercentile,
  percentileRank,
  simulateFinishDays,
  toSampleTable,
} from './simulation';

/** Forecasts reaching beyond 100 years are meaningless; the cap keeps sparse histories finite. */
export const DEFAULT_MAX_DAYS = 36_525;

export interface ForecastWhenInput {
  /** Daily throughput history, zeros included. */
  samples: readonly number[];
  /** Items still to finish (positive integer). */
  items: number;
  /** Day 1 of the simulation, `YYYY-MM-DD`. */
  startDate: string;
  trials?: number;
  seed?: number;
  /** Trials not done after this many simulated days are reported as unfinished. */
  maxDays?: number;
}

export interface WhenHistogramBin {
  date: string;
  /** Simulated days needed: the trial finished on start + day − 1. */
  day: number;
  trials: number;
  /** Share of all trials finished on or before this date: the forecast's S-curve. */
  cumulativeShare: number;
}

export interface ForecastWhen {
  /** Percentile → the earliest date by which at least that share of trials had finished; null if beyond the cap. */
  percentiles: Record<ForecastPercentile, string | null>;
  /** The same percentiles as a number of simulated days. */
  percentileDays: Record<ForecastPercentile, number | null>;
  histogram: WhenHistogramBin[];
  items: number;
  startDate: string;
  trials: number;
  seed: number;
  maxDays: number;
  /** Trials that had not finished when the cap was reached (all of them for an all-zero history). */
  unfinishedTrials: number;
  capped: boolean;
}

/**
 * Monte Carlo "when will `items` items be done?": each trial draws one daily throughput sample
 * per simulated day (the start date is day 1) until the total reaches `items`; a trial that gets
 * there on day k finishes on start + k − 1. Percentile P is the earliest date by which at least
 * P% of trials had finished (55degrees docs, "Monte Carlo: When"; REFERENCES §4.2).
 *
 * @example
 * computeForecastWhen({ samples: [3], items: 10, startDate: '2024-03-01' }).percentiles[85];
 * // '2024-03-04': 3 items a day need 4 days, finishing on day 4
 */
export function computeForecastWhen(input: ForecastWhenInput): ForecastWhen {
  const table = toSampleTable(input.samples);
  const { items } = input;
  if (!(Number.isInteger(items) && items > 0))
    throw new RangeError(`items must be a positive integer, got ${items}`);
  const start = getDayNumber(input.startDate, 'startDate');
  const trials = checkTrials(input.trials ?? DEFAULT_TRIALS);
  const seed = input.seed ?? DEFAULT_SEED;
  const maxDays = input.maxDays ?? DEFAULT_MAX_DAYS;
  if (!(Number.isInteger(maxDays) && maxDays > 0))
    throw new RangeError(`maxDays must be a positive integer, got ${maxDays}`);

  const { finishDay, simulatedDays, unfinished } = simulateFinishDays(table, items, trials, seed, maxDays);
  const perDay = new Uint32Array(simulatedDays + 1);
  for (const d of finishDay) if (d > 0) perDay[d] = (perDay[d] as number) + 1;

  const percentiles = {} as Record<ForecastPercentile, string | null>;
  const percentileDays = {} as Record<ForecastPercentile, number | null>;
  for (const p of FORECAST_PERCENTILES) {
    const rank = percentileRank(p, trials);
    let cumulative = 0;
    let found: number | null = null;
    for (let d = 1; d <= simulatedDays; d++) {
      cumulative += perDay[d] as number;
      if (cumulative >= rank) {
        found = d;
        break;
      }
    }
    percentileDays[p] = found;
    percentiles[p] = found === null ? null : formatDayNumber(start + found - 1);
  }

  const histogram: WhenHistogramBin[] = [];
  let cumulative = 0;
  for (let d = 1; d <= simulatedDays; d++) {
    const count = perDay[d] as number;
    if (count === 0) continue;
    cumulative += count;
    histogram.push({
      date: formatDayNumber(start + d - 1),
      day: d,
      trials: count,
      cumulativeShare: cumulative / trials,
    });
  }

  return {
    percentiles,
    percentileDays,
    histogram,
    items,
    startDate: input.startDate,
    trials,
    seed,
    maxDays,
    unfinishedTrials: unfinished,
    capped: unfinished > 0,
  };
}
