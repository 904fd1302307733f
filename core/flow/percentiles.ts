import { DEFAULT_PERCENTILES, type PercentileTable } from './types';

/**
 * Nearest-rank percentile of values already sorted ascending: the smallest value such that at
 * least p% of the values are less than or equal to it, i.e. the value at rank ⌈p/100 · n⌉.
 * Returns undefined for an empty list. No interpolation: the answer is always an observed value,
 * which is what a team can act on ("85% of items finished in 9 days or less").
 * Source: Wikipedia, "Percentile", The nearest-rank method.
 *
 * @example
 * computeSortedPercentile([15, 20, 35, 40, 50], 40); // 20
 */
export function computeSortedPercentile(sorted: ArrayLike<number>, p: number): number | undefined {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const n = sorted.length;
  if (n === 0) return undefined;
  const rank = Math.ceil((p / 100) * n);
  return sorted[Math.min(n, Math.max(1, rank)) - 1];
}

/**
 * Nearest-rank percentiles of unsorted values (see {@link computeSortedPercentile}).
 * Returns an empty table for an empty list.
 *
 * @example
 * computePercentiles([3, 6, 7, 8, 8, 10, 13, 15, 16, 20], [25, 50, 75]); // { 25: 7, 50: 8, 75: 15 }
 */
export function computePercentiles(
  values: readonly number[],
  percentiles: readonly number[] = DEFAULT_PERCENTILES,
): PercentileTable {
  const sorted = Float64Array.from(values).sort();
  const table: PercentileTable = {};
  if (sorted.length === 0) return table;
  for (const p of percentiles) {
    const v = computeSortedPercentile(sorted, p);
    if (v !== undefined) table[p] = v;
  }
  return table;
}

/** Arithmetic mean, or undefined for an empty list. */
export function computeMean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
