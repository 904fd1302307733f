/** Final performance of past projects in the reference class. */
export interface ReferenceClassInput {
  /** The project's budget at completion. */
  bac: number;
  /** The project's planned duration (any unit; the forecast is in the same unit). */
  plannedDuration: number;
  /** Final CPI of each past project (BAC / final cost). */
  finalCpi: readonly number[];
  /** Final SPI(t) of each past project (planned / actual duration). */
  finalSpiT: readonly number[];
  /** Percentiles wanted, in (0, 100] (default 10, 50, 80, 90). */
  percentiles?: readonly number[];
}

export interface ReferenceClassRange {
  percentile: number;
  /** Cost not exceeded with this probability, by the reference class: BAC × quantile of 1 / CPI. */
  cost: number | null;
  /** Duration not exceeded with this probability: PD × quantile of 1 / SPI(t). */
  duration: number | null;
  /** cost / BAC − 1: the uplift to apply to the budget. */
  costUplift: number | null;
  durationUplift: number | null;
}

export interface ReferenceClassForecast {
  ranges: ReferenceClassRange[];
  /** Past projects used (those with a positive, finite index). */
  costSample: number;
  durationSample: number;
  warnings: string[];
}

/**
 * Quantile of values sorted ascending by linear interpolation between order statistics
 * (Hyndman & Fan, 1996, definition 7: R's default and Excel's PERCENTILE.INC).
 *
 * @example
 * computeQuantile([0.8, 1, 1.25, 2], 0.5); // 1.125
 */
export function computeQuantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] ?? 0;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below;
  return below + (h - lo) * (above - below);
}

function overrunRatios(indices: readonly number[], name: string, warnings: string[]): number[] {
  const usable = indices.filter((v) => Number.isFinite(v) && v > 0);
  if (usable.length < indices.length) {
    warnings.push(`${indices.length - usable.length} ${name} value(s) not positive and finite were ignored`);
  }
  if (usable.length === 0) warnings.push(`no usable ${name} values: no range for it`);
  return usable.map((v) => 1 / v).sort((a, b) => a - b);
}

/**
 * Reference-class forecast (Flyvbjerg, "From Nobel Prize to Project Management: Getting Risks
 * Right", Project Management Journal 37(3), 2006; UK DfT optimism-bias procedure, 2004): take
 * the distribution of actual/planned outcomes in a class of similar past projects and read the
 * project's outcome at each percentile. With final CPI = BAC / final cost, a past project's cost
 * ratio is 1 / CPI; with final SPI(t) = PD / actual duration, its duration ratio is 1 / SPI(t).
 *
 * @example
 * computeReferenceClassForecast({ bac: 1000, plannedDuration: 12, finalCpi: [1, 0.8, 0.5, 1.25],
 *   finalSpiT: [1, 0.75], percentiles: [50] }).ranges[0]; // cost 1125, duration 14
 */
export function computeReferenceClassForecast(input: ReferenceClassInput): ReferenceClassForecast {
  const { bac, plannedDuration } = input;
  if (!(Number.isFinite(bac) && bac >= 0 && Number.isFinite(plannedDuration) && plannedDuration >= 0)) {
    throw new RangeError('bac and plannedDuration must be finite numbers ≥ 0');
  }
  const percentiles = input.percentiles ?? [10, 50, 80, 90];
  for (const p of percentiles) {
    if (!(p > 0 && p <= 100)) throw new RangeError(`percentiles must be in (0, 100], got ${p}`);
  }
  const warnings: string[] = [];
  const cost = overrunRatios(input.finalCpi, 'final CPI', warnings);
  const duration = overrunRatios(input.finalSpiT, 'final SPI(t)', warnings);
  const ranges = percentiles.map((percentile) => {
    const costRatio = computeQuantile(cost, percentile / 100);
    const durationRatio = computeQuantile(duration, percentile / 100);
    return {
      percentile,
      cost: costRatio === null ? null : bac * costRatio,
      duration: durationRatio === null ? null : plannedDuration * durationRatio,
      costUplift: costRatio === null ? null : costRatio - 1,
      durationUplift: durationRatio === null ? null : durationRatio - 1,
    };
  });
  return { ranges, costSample: cost.length, durationSample: duration.length, warnings };
}
