import { computeDailyCounts } from '../flow/throughput';
import { formatDayNumber, getDayNumber } from '../flow/utc-days';

/** Daily throughput over consecutive calendar days: the input of every Monte Carlo forecast. */
export interface ThroughputHistory {
  /** The day of `samples[0]`, `YYYY-MM-DD`. */
  firstDate: string;
  /** The day of the last sample. */
  lastDate: string;
  /** Items finished per day, one per calendar day, zeros included. */
  samples: number[];
}

/**
 * Turns the completion dates of finished items into daily throughput samples: every calendar
 * day from the first to the last completion date, days without completions counting as zero
 * (the forecast must see the idle days: 55degrees docs, "Monte Carlo: When"). Returns undefined
 * for an empty list.
 *
 * @example
 * computeThroughputHistory(['2024-03-01', '2024-03-01', '2024-03-03']);
 * // { firstDate: '2024-03-01', lastDate: '2024-03-03', samples: [2, 0, 1] }
 */
export function computeThroughputHistory(doneDates: readonly string[]): ThroughputHistory | undefined {
  if (doneDates.length === 0) return undefined;
  const days = doneDates.map((d) => getDayNumber(d, 'completion date'));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const d of days) {
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return {
    firstDate: formatDayNumber(lo),
    lastDate: formatDayNumber(hi),
    samples: Array.from(computeDailyCounts(days, lo, hi)),
  };
}

export interface SampleSummary {
  days: number;
  total: number;
  mean: number;
  zeroDays: number;
  max: number;
}

/** Count, total, mean, idle days and maximum of throughput samples, for reports beside a forecast. */
export function summarizeSamples(samples: readonly number[]): SampleSummary {
  let total = 0;
  let zeroDays = 0;
  let max = 0;
  for (const v of samples) {
    total += v;
    if (v === 0) zeroDays++;
    if (v > max) max = v;
  }
  return {
    days: samples.length,
    total,
    mean: samples.length === 0 ? 0 : total / samples.length,
    zeroDays,
    max,
  };
}
