import { type FinishedItems, listFinishedItems } from './finished-items';
import { type FlowInput, type ItemTimeline, toTimelines } from './item-timeline';
import { computeMean, computePercentiles } from './percentiles';
import { type DayRange, DEFAULT_PERCENTILES, type DurationUnit, type PercentileTable } from './types';
import { dayOfMs, MS_PER_DAY } from './utc-days';

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

/** Which duration: cycle time starts at the commitment point, lead time at creation. */
export type DurationKind = 'cycle' | 'lead';

/**
 * Cycle or lead times of items already found finished (see {@link listFinishedItems}), so a
 * report computing both sorts and formats the finished items once.
 */
export function computeDurationStats(
  finished: FinishedItems,
  kind: DurationKind,
  options: Omit<DurationOptions, 'doneWithin'> = {},
): DurationStats {
  const unit = options.unit ?? 'elapsed';
  const reason = kind === 'cycle' ? 'done-before-start' : 'done-before-created';
  const { timelines, inInputOrder } = finished;
  const n = inInputOrder.length;
  // Each duration once, by position in input order; NaN when the item has no start.
  const days = new Float64Array(n);
  const excluded: DurationStats['excluded'] = [];
  for (let k = 0; k < n; k++) {
    const t = timelines[inInputOrder[k] as number] as ItemTimeline;
    const start = kind === 'cycle' ? t.startedMs : t.createdMs;
    const d = start === undefined ? Number.NaN : durationDays(start, t.doneMs as number, unit);
    days[k] = d;
    // Migration artefacts (e.g. 1,662 rows of the rueedlinger Jira data set finish before they
    // were created) would drag percentiles below zero: report them instead of guessing a value.
    if (d < 0) excluded.push({ id: t.id, reason });
  }
  const samples: DurationSample[] = [];
  const values: number[] = [];
  // Done order visits the items out of memory order: read only the compact per-position arrays.
  const { ids, doneDays } = finished;
  for (const k of finished.doneOrder) {
    const d = days[k] as number;
    if (!(d >= 0)) continue;
    samples.push({ id: ids[k] as string, doneDate: finished.dateOfDay(doneDays[k] as number), days: d });
    values.push(d);
  }
  return {
    samples,
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
  return computeDurationStats(listFinishedItems(toTimelines(input), options.doneWithin), 'cycle', options);
}

/** Lead time: the time from creation (the request) to done, per finished item, with percentiles. */
export function computeLeadTimes(input: FlowInput, options: DurationOptions = {}): DurationStats {
  return computeDurationStats(listFinishedItems(toTimelines(input), options.doneWithin), 'lead', options);
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
