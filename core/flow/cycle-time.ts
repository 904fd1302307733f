import { type FlowInput, type ItemTimeline, toTimelines } from './item-timeline';
import { computeMean, computePercentiles } from './percentiles';
import { type DayRange, DEFAULT_PERCENTILES, type DurationUnit, type PercentileTable } from './types';
import { dayOfMs, formatDayNumber, getDayNumber, MS_PER_DAY } from './utc-days';

export interface DurationSample {
  id: string;
  /** Day the item finished, `YYYY-MM-DD`: the x axis of a scatterplot. */
  doneDate: string;
  days: number;
}

export interface DurationStats {
  /** Finished items in order of their done instant. */
  samples: DurationSample[];
  percentiles: PercentileTable;
  mean: number | undefined;
  /** Finished items left out because their data are impossible (done before they began). */
  excluded: { id: string; reason: 'done-before-start' | 'done-before-created' }[];
}

export interface DurationOptions {
  /** 'elapsed' (default): fractional days; 'calendar': end day − start day + 1. */
  unit?: DurationUnit;
  percentiles?: readonly number[];
  /** Only items whose done day falls in this inclusive range. */
  doneWithin?: DayRange;
}

/** Duration in days under the chosen convention; negative when the data are inconsistent. */
export function durationDays(fromMs: number, toMs: number, unit: DurationUnit): number {
  if (unit === 'calendar') {
    const d = dayOfMs(toMs) - dayOfMs(fromMs);
    return d < 0 ? d : d + 1;
  }
  return (toMs - fromMs) / MS_PER_DAY;
}

function computeDurations(
  input: FlowInput,
  startOf: (t: ItemTimeline) => number | undefined,
  reason: 'done-before-start' | 'done-before-created',
  options: DurationOptions,
): DurationStats {
  const unit = options.unit ?? 'elapsed';
  const lo = options.doneWithin ? getDayNumber(options.doneWithin.from) : Number.NEGATIVE_INFINITY;
  const hi = options.doneWithin ? getDayNumber(options.doneWithin.to) : Number.POSITIVE_INFINITY;
  const finished: { id: string; doneMs: number; days: number }[] = [];
  const excluded: DurationStats['excluded'] = [];
  for (const t of toTimelines(input)) {
    const start = startOf(t);
    if (t.doneMs === undefined || start === undefined) continue;
    const doneDay = dayOfMs(t.doneMs);
    if (doneDay < lo || doneDay > hi) continue;
    const days = durationDays(start, t.doneMs, unit);
    // Migration artefacts (e.g. 1,662 rows of the rueedlinger Jira data set finish before they
    // were created) would drag percentiles below zero: report them instead of guessing a value.
    if (days < 0) excluded.push({ id: t.id, reason });
    else finished.push({ id: t.id, doneMs: t.doneMs, days });
  }
  finished.sort((a, b) => a.doneMs - b.doneMs);
  const values = finished.map((f) => f.days);
  // Many items finish on the same day: format each day once.
  const dates = new Map<number, string>();
  const dateOf = (ms: number) => {
    const day = dayOfMs(ms);
    let date = dates.get(day);
    if (date === undefined) {
      date = formatDayNumber(day);
      dates.set(day, date);
    }
    return date;
  };
  return {
    samples: finished.map((f) => ({ id: f.id, doneDate: dateOf(f.doneMs), days: f.days })),
    percentiles: computePercentiles(values, options.percentiles ?? DEFAULT_PERCENTILES),
    mean: computeMean(values),
    excluded,
  };
}

/**
 * Cycle time: the time from the commitment point (first move out of `todo`) to done, per
 * finished item, with nearest-rank percentiles (Vacanti, "Actionable Agile Metrics for
 * Predictability", ch. 2; Kanban Guide, "Cycle Time").
 *
 * @example
 * computeCycleTimes(items, { unit: 'calendar' }).percentiles[85]; // "85% finished within N days"
 */
export function computeCycleTimes(input: FlowInput, options: DurationOptions = {}): DurationStats {
  return computeDurations(input, (t) => t.startedMs, 'done-before-start', options);
}

/** Lead time: the time from creation (the request) to done, per finished item, with percentiles. */
export function computeLeadTimes(input: FlowInput, options: DurationOptions = {}): DurationStats {
  return computeDurations(input, (t) => t.createdMs, 'done-before-created', options);
}

export interface ScatterPlot {
  points: DurationSample[];
  /** Horizontal lines of the chart: cycle time at each percentile. */
  percentiles: PercentileTable;
  excluded: DurationStats['excluded'];
}

/**
 * Cycle-time scatterplot: one point per finished item (done date, cycle time) plus the
 * percentile lines (Vacanti, ch. 10, "The Cycle Time Scatterplot").
 */
export function computeCycleTimeScatter(input: FlowInput, options: DurationOptions = {}): ScatterPlot {
  const stats = computeCycleTimes(input, options);
  return { points: stats.samples, percentiles: stats.percentiles, excluded: stats.excluded };
}
