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

export interface LiveSprintInput {
  /** Daily throughput history, zeros included. */
  samples: readonly number[];
  /** Committed items not yet done. */
  remainingItems: number;
  /** First day still available for work (usually today), `YYYY-MM-DD`. */
  fromDate: string;
  /** Last day of the sprint, inclusive. */
  sprintEnd: string;
  trials?: number;
  seed?: number;
}

export interface LiveSprintForecast {
  /** Share of trials that finished all remaining items by the sprint end. */
  probability: number;
  /** Working days simulated: sprintEnd − fromDate + 1, or 0 when the sprint is over. */
  days: number;
  remainingItems: number;
  /** How many items will be done by the sprint end, at each confidence level (P95 ≤ … ≤ P50). */
  likelyCompleted: Record<ForecastPercentile, number>;
  trials: number;
  seed: number;
}

/**
 * Live sprint outlook: the probability of finishing the remaining committed items by the
 * sprint's last day, given the team's daily throughput history (a "how many" Monte Carlo read
 * as P(total ≥ remaining); 55degrees docs, "Monte Carlo: How Many").
 *
 * @example
 * computeLiveSprintForecast({ samples, remainingItems: 12, fromDate: '2024-03-11', sprintEnd: '2024-03-15' });
 * // { probability: 0.62, days: 5, … }
 */
export function computeLiveSprintForecast(input: LiveSprintInput): LiveSprintForecast {
  const table = toSampleTable(input.samples);
  const trials = checkTrials(input.trials ?? DEFAULT_TRIALS);
  const seed = input.seed ?? DEFAULT_SEED;
  const remaining = input.remainingItems;
  if (!(Number.isInteger(remaining) && remaining >= 0)) {
    throw new RangeError(`remainingItems must be a non-negative integer, got ${remaining}`);
  }
  const days = Math.max(
    0,
    getDayNumber(input.sprintEnd, 'sprintEnd') - getDayNumber(input.fromDate, 'fromDate') + 1,
  );
  const totals = days === 0 ? new Float64Array(trials) : simulateTotals(table, days, trials, seed);
  let reached = 0;
  for (const v of totals) if (v >= remaining) reached++;
  totals.sort();
  const likelyCompleted = {} as Record<ForecastPercentile, number>;
  for (const p of FORECAST_PERCENTILES) likelyCompleted[p] = atLeastPercentile(totals, p);
  return { probability: reached / trials, days, remainingItems: remaining, likelyCompleted, trials, seed };
}
