import { createRng } from '../random/prng';

/**
 * The Monte Carlo engine behind every throughput forecast (55degrees docs, "Monte Carlo: When"
 * and "How Many"; Magennis, "Forecasting and Simulating Software Development Projects"): each
 * trial replays the future one day at a time, drawing that day's throughput at random, with
 * replacement, from the history of daily throughput (idle days included).
 *
 * Draws are made in lockstep: the first block of days of every trial, then the second block of
 * every trial, and so on, with one RNG. Trial t's running total after d days is therefore the same whatever question is asked,
 * which gives common random numbers: for one seed, asking for more items never gives an earlier
 * date, and "when will N be done?" agrees exactly with "how many by that date?".
 */

export const DEFAULT_TRIALS = 10_000;
/** The seed used when the caller gives none, so that forecasts are reproducible by default. */
export const DEFAULT_SEED = 1;
/** Percentiles reported by every forecast (ActionableAgile, Magennis): 85% is the usual planning level. */
export const FORECAST_PERCENTILES = [50, 70, 85, 95] as const;
export type ForecastPercentile = (typeof FORECAST_PERCENTILES)[number];

/** Validates throughput samples (non-negative integer counts) into a typed array. */
export function toSampleTable(samples: readonly number[]): Float64Array {
  if (samples.length === 0) throw new RangeError('samples must hold at least one day of throughput');
  const table = Float64Array.from(samples);
  for (const v of table) {
    if (!(Number.isInteger(v) && v >= 0))
      throw new RangeError(`throughput samples must be non-negative integers, got ${v}`);
  }
  return table;
}

/** Returns `trials` when it is a positive integer; throws a RangeError otherwise. */
export function checkTrials(trials: number): number {
  if (!(Number.isInteger(trials) && trials > 0))
    throw new RangeError(`trials must be a positive integer, got ${trials}`);
  return trials;
}

/** Rank of the trial that marks percentile p: at least p% of `trials` trials lie at or before it. */
export function percentileRank(p: number, trials: number): number {
  // p · trials is an exact integer and never within 1/100 of a wrong integer, so the float
  // division cannot tip the ceiling.
  return Math.max(1, Math.ceil((p * trials) / 100));
}

/**
 * Day-blocks: one RNG draw picks a whole block of k consecutive days, uniformly among the n^k
 * ordered k-tuples of samples. That is exactly k independent draws with replacement (the k-tuple
 * is uniform iff its coordinates are i.i.d. uniform), at one k-th of the RNG calls, which are
 * the cost of the simulation. k is the largest of 1..4 whose table of block sums stays cheap:
 * n^k ≤ 40 × trials (building an entry costs about a tenth of an RNG call, and a forecast makes
 * many calls per trial), within [2^16, 2^20] entries so the table (32-bit integers, ≤ 4 MiB)
 * stays in cache and the resolution of a 32-bit draw (relative bias ≤ n^k / 2^32) negligible.
 * k depends on the samples and the trial count only, so "when" and "how many" with the same seed
 * share one stream of draws.
 */
export interface BlockTable {
  table: Float64Array;
  /** Days per block. */
  k: number;
  /** n^k: the number of k-tuples. */
  size: number;
  /** Sum of each tuple; day j of tuple i is sample ⌊i / n^j⌋ mod n. */
  blockSums: Int32Array | Float64Array;
}

export function buildBlockTable(table: Float64Array, trials: number): BlockTable {
  const n = table.length;
  const maxTuples = Math.min(2 ** 20, Math.max(2 ** 16, 40 * trials));
  let k = 1;
  while (k < 4 && n ** (k + 1) <= maxTuples) k++;
  let max = 0;
  for (const v of table) if (v > max) max = v;
  // Int32 halves the table (cache) whenever block sums fit, which for item counts is always.
  const Sums = max * k < 2 ** 31 ? Int32Array : Float64Array;
  let sums: Int32Array | Float64Array = Sums.from(table);
  for (let j = 1; j < k; j++) {
    const next = new Sums(sums.length * n);
    for (let m = 0; m < n; m++) {
      const v = table[m] as number;
      const base = m * sums.length;
      for (let i = 0; i < sums.length; i++) next[base + i] = (sums[i] as number) + v;
    }
    sums = next;
  }
  return { table, k, size: sums.length, blockSums: sums };
}

/** Sum of the first `days` days of block tuple `index`. */
function blockPrefix(block: BlockTable, index: number, days: number): number {
  const n = block.table.length;
  let x = index;
  let s = 0;
  for (let j = 0; j < days; j++) {
    const digit = x % n;
    s += block.table[digit] as number;
    x = (x - digit) / n;
  }
  return s;
}

/**
 * Simulates `trials` trials until each accumulates `items` (or `maxDays` pass). Returns each
 * trial's finish day (1-based: finishing on the first simulated day is day 1; 0 = not finished)
 * and the number of days simulated. No allocation per trial: two typed arrays for all trials.
 */
export function simulateFinishDays(
  table: Float64Array,
  items: number,
  trials: number,
  seed: number,
  maxDays: number,
): { finishDay: Uint32Array; simulatedDays: number; unfinished: number } {
  const finishDay = new Uint32Array(trials);
  let unfinished = trials;
  let max = 0;
  for (const v of table) if (v > max) max = v;
  // All-zero history: no trial can ever finish; say so instead of looping to the cap.
  if (max === 0) return { finishDay, simulatedDays: 0, unfinished };
  const block = buildBlockTable(table, trials);
  const { k, size, blockSums } = block;
  const rng = createRng(seed);
  const sums = new Float64Array(trials);
  let before = 0; // days simulated before the current block
  while (unfinished > 0 && before < maxDays) {
    for (let t = 0; t < trials; t++) {
      // (next() · size) | 0 is rng.nextInt(size) without its per-call argument check.
      const index = (rng.next() * size) | 0;
      const prev = sums[t] as number;
      const s = prev + (blockSums[index] as number);
      sums[t] = s;
      if (s >= items && finishDay[t] === 0) {
        // The block crossed the target: find the day inside it on which the total got there.
        let day = 1;
        while (prev + blockPrefix(block, index, day) < items) day++;
        if (before + day <= maxDays) {
          finishDay[t] = before + day;
          unfinished--;
        }
      }
    }
    before += k;
  }
  let simulatedDays = 0;
  for (const d of finishDay) if (d > simulatedDays) simulatedDays = d;
  if (unfinished > 0) simulatedDays = Math.min(before, maxDays);
  return { finishDay, simulatedDays, unfinished };
}

/**
 * Simulates `days` days of every trial and returns each trial's total. Draws follow the same
 * block stream as {@link simulateFinishDays}, so trial t's total after d days is the same in both.
 */
export function simulateTotals(
  table: Float64Array,
  days: number,
  trials: number,
  seed: number,
): Float64Array {
  const block = buildBlockTable(table, trials);
  const { k, size, blockSums } = block;
  const rng = createRng(seed);
  const sums = new Float64Array(trials);
  const fullBlocks = Math.floor(days / k);
  for (let b = 0; b < fullBlocks; b++) {
    for (let t = 0; t < trials; t++)
      sums[t] = (sums[t] as number) + (blockSums[(rng.next() * size) | 0] as number);
  }
  const rest = days - fullBlocks * k;
  if (rest > 0) {
    for (let t = 0; t < trials; t++)
      sums[t] = (sums[t] as number) + blockPrefix(block, (rng.next() * size) | 0, rest);
  }
  return sums;
}

/**
 * "At least" percentile of trial totals sorted ascending: the largest count that at least p% of
 * trials reached or exceeded (read from the other tail: 55degrees docs, "Monte Carlo: How Many").
 */
export function atLeastPercentile(sortedTotals: Float64Array, p: number): number {
  const k = percentileRank(p, sortedTotals.length);
  return sortedTotals[sortedTotals.length - k] as number;
}
