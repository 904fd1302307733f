import { getDayNumber } from '../flow/utc-days';
import {
  atLeastPercentile,
  checkTrials,
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  FORECAST_PERCENTILES,
  type ForecastPercentile,
  simulateTotals,
  toSampleTable,
} from './simulation';

export interface ForecastHowManyInput {
  /** Daily throughput history, zeros included. */
  samples: readonly number[];
  /** First simulated day, `YYYY-MM-DD`. */
  startDate: string;
  /** Last simulated day, inclusive: end − start + 1 days are simulated. */
  endDate: string;
  trials?: number;
  seed?: number;
}

export interface HowManyHistogramBin {
  count: number;
  trials: number;
  /** Share of trials that finished this many items or more. */
  atLeastShare: number;
}

export interface ForecastHowMany {
  /** Percentile → the largest count that at least that share of trials reached or exceeded. */
  percentiles: Record<ForecastPercentile, number>;
  histogram: HowManyHistogramBin[];
  mean: number;
  days: number;
  startDate: string;
  endDate: string;
  trials: number;
  seed: number;
}

/**
 * Monte Carlo "how many items by `endDate`?": each trial sums one daily throughput sample per
 * day from `startDate` to `endDate` inclusive. Percentile P is read from the other tail: the
 * largest count that at least P% of trials reached or exceeded, so P95 ≤ P85 ≤ P70 ≤ P50
 * ("85% chance of 27 items or more": 55degrees docs, "Monte Carlo: How Many").
 *
 * @example
 * computeForecastHowMany({ samples: [2, 4], startDate: '2024-03-01', endDate: '2024-03-10' });
 */
export function computeForecastHowMany(input: ForecastHowManyInput): ForecastHowMany {
  const table = toSampleTable(input.samples);
  const start = getDayNumber(input.startDate, 'startDate');
  const end = getDayNumber(input.endDate, 'endDate');
  if (end < start) throw new RangeError(`endDate ${input.endDate} is before startDate ${input.startDate}`);
  const trials = checkTrials(input.trials ?? DEFAULT_TRIALS);
  const seed = input.seed ?? DEFAULT_SEED;
  const days = end - start + 1;

  const totals = simulateTotals(table, days, trials, seed).sort();
  const percentiles = {} as Record<ForecastPercentile, number>;
  for (const p of FORECAST_PERCENTILES) percentiles[p] = atLeastPercentile(totals, p);

  const histogram: HowManyHistogramBin[] = [];
  let sum = 0;
  for (let i = 0; i < trials; ) {
    const count = totals[i] as number;
    let j = i;
    while (j < trials && totals[j] === count) j++;
    histogram.push({ count, trials: j - i, atLeastShare: (trials - i) / trials });
    sum += count * (j - i);
    i = j;
  }

  return {
    percentiles,
    histogram,
    mean: sum / trials,
    days,
    startDate: input.startDate,
    endDate: input.endDate,
    trials,
    seed,
  };
}
