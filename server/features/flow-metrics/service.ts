import { computeSortedPercentile } from '../../../core/flow/percentiles';
import {
  dayOfMs,
  formatIsoWeek,
  getDayNumber,
  isoWeekStart,
  MS_PER_DAY,
  parseTimestampMs,
} from '../../../core/flow/utc-days';
import type { Store } from '../../store/database';
import { findProjectIdByKey, listResolvedItems, type ResolvedItemRow } from './store';

/**
 * The flow metrics of `triad metrics flow` (docs/importing.md, "CLI contract"), over the items of
 * one project resolved in an inclusive range of UTC days:
 * - throughputPerWeek: resolved items per ISO 8601 week of the resolution instant (UTC); only
 *   weeks with at least one item are listed, in order;
 * - leadTimeDays: nearest-rank percentiles 50/70/85/95 of resolved − created in fractional days;
 * - cycleTimeDays: the same of resolved − first move into an in-progress category; null when no
 *   item in range has a start (no status history was imported, as with a CSV export);
 * - count: the items resolved in range.
 * Percentiles are null when no item qualifies. An item resolved before it was created (or
 * started) counts in `count` and throughput but is left out of that percentile, as core/flow does.
 */
export const FLOW_PERCENTILES = [50, 70, 85, 95] as const;

export type PercentileDays = Record<'50' | '70' | '85' | '95', number>;

export interface FlowMetricsReport {
  throughputPerWeek: Record<string, number>;
  leadTimeDays: PercentileDays | null;
  cycleTimeDays: PercentileDays | null;
  count: number;
}

export interface DayRangeOptions {
  /** YYYY-MM-DD, inclusive from 00:00 UTC. */
  from?: string | undefined;
  /** YYYY-MM-DD, inclusive through the end of the day UTC. */
  to?: string | undefined;
}

export class UnknownProjectError extends Error {
  override name = 'UnknownProjectError';
}

function percentiles(values: number[]): PercentileDays | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => computeSortedPercentile(sorted, p) as number;
  return { '50': at(50), '70': at(70), '85': at(85), '95': at(95) };
}

/** The report for items already selected (pure: no clock, no database). */
export function computeFlowMetricsReport(
  items: readonly ResolvedItemRow[],
  range: DayRangeOptions = {},
): FlowMetricsReport {
  const lo =
    range.from === undefined ? Number.NEGATIVE_INFINITY : getDayNumber(range.from, '--from') * MS_PER_DAY;
  const hi =
    range.to === undefined ? Number.POSITIVE_INFINITY : (getDayNumber(range.to, '--to') + 1) * MS_PER_DAY;
  const weeks = new Map<number, number>();
  const lead: number[] = [];
  const cycle: number[] = [];
  let count = 0;
  let anyStart = false;
  for (const item of items) {
    const done = parseTimestampMs(item.done_at, `${item.key} done_at`);
    if (done < lo || done >= hi) continue;
    count++;
    const monday = isoWeekStart(dayOfMs(done));
    weeks.set(monday, (weeks.get(monday) ?? 0) + 1);
    const leadDays = (done - parseTimestampMs(item.created_at, `${item.key} created_at`)) / MS_PER_DAY;
    if (leadDays >= 0) lead.push(leadDays);
    if (item.started_at !== null) {
      anyStart = true;
      const cycleDays = (done - parseTimestampMs(item.started_at, `${item.key} started_at`)) / MS_PER_DAY;
      if (cycleDays >= 0) cycle.push(cycleDays);
    }
  }
  const throughputPerWeek: Record<string, number> = {};
  for (const monday of [...weeks.keys()].sort((a, b) => a - b)) {
    throughputPerWeek[formatIsoWeek(monday)] = weeks.get(monday) as number;
  }
  return {
    throughputPerWeek,
    leadTimeDays: percentiles(lead),
    cycleTimeDays: anyStart ? percentiles(cycle) : null,
    count,
  };
}

/** Looks the project up by key (Jira or Triad) and reports on its items resolved in the range. */
export async function getProjectFlowMetrics(
  store: Store,
  organisationId: string,
  options: DayRangeOptions & { projectKey: string },
): Promise<FlowMetricsReport> {
  const projectId = await findProjectIdByKey(store.db, organisationId, options.projectKey);
  if (!projectId) throw new UnknownProjectError(`no project with key "${options.projectKey}"`);
  // A day of slack each side: stored stamps with another zone designator still sort near their
  // instant; the exact bounds are applied on the parsed instants.
  const pad = (date: string | undefined, days: number) =>
    date === undefined ? undefined : new Date((getDayNumber(date) + days) * MS_PER_DAY).toISOString();
  const rows = await listResolvedItems(store.db, projectId, {
    fromIso: pad(options.from, -1),
    toIso: pad(options.to, 2),
  });
  return computeFlowMetricsReport(rows, options);
}
