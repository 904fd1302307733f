import { type FinishedItems, listFinishedItems } from './finished-items';
import { type FlowInput, toTimelines } from './item-timeline';
import type { DayRange } from './types';
import { formatDayNumber, formatIsoWeek, getDayNumber, isoWeekStart } from './utc-days';

export interface DailyCount {
  date: string;
  count: number;
}

export interface WeeklyCount {
  /** ISO week, `YYYY-Www`. */
  week: string;
  /** The Monday of that week, `YYYY-MM-DD`. */
  weekStart: string;
  count: number;
  /** Days of this week inside the range: fewer than 7 for a partial first or last week. */
  days: number;
}

function resolveRange(days: ArrayLike<number>, range: DayRange | undefined): [number, number] | undefined {
  if (range) return [getDayNumber(range.from, 'range.from'), getDayNumber(range.to, 'range.to')];
  if (days.length === 0) return undefined;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as number;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return [lo, hi];
}

/**
 * Counts per day over an inclusive day-number range, zero days included (Monte Carlo
 * forecasts must sample the idle days too: 55degrees docs, "Monte Carlo: How Many").
 */
export function computeDailyCounts(days: ArrayLike<number>, fromDay: number, toDay: number): Int32Array {
  const counts = new Int32Array(Math.max(0, toDay - fromDay + 1));
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as number;
    if (d >= fromDay && d <= toDay) counts[d - fromDay] = (counts[d - fromDay] as number) + 1;
  }
  return counts;
}

/**
 * Throughput per day: the number of items finished on each calendar day (Kanban Guide,
 * "Throughput"), every day of the range listed, zeros included. The range defaults to the
 * first through the last done day; an empty list when nothing is done and no range is given.
 *
 * @example
 * computeThroughputPerDay(items, { from: '2024-03-01', to: '2024-03-07' }); // 7 rows
 */
export function computeThroughputPerDay(input: FlowInput, range?: DayRange): DailyCount[] {
  return computeThroughputOfFinished(listFinishedItems(toTimelines(input), range, 'range'), range);
}

/** {@link computeThroughputPerDay} of items already found finished within `range`. */
export function computeThroughputOfFinished(finished: FinishedItems, range?: DayRange): DailyCount[] {
  const days = finished.doneDays;
  const bounds = resolveRange(days, range);
  if (!bounds) return [];
  const counts = computeDailyCounts(days, bounds[0], bounds[1]);
  return Array.from(counts, (count, i) => ({ date: finished.dateOfDay(bounds[0] + i), count }));
}

/**
 * Throughput per ISO 8601 week (Monday to Sunday) over the range, zeros included; the first and
 * last weeks may be partial and say how many of their days fall inside the range.
 */
export function computeThroughputPerWeek(input: FlowInput, range?: DayRange): WeeklyCount[] {
  const days = listFinishedItems(toTimelines(input), range, 'range').doneDays;
  const bounds = resolveRange(days, range);
  if (!bounds) return [];
  return groupDailyCountsByWeek(computeDailyCounts(days, bounds[0], bounds[1]), bounds[0], bounds[1]);
}

/**
 * Sums daily counts (index 0 = day `from`) into ISO weeks over the inclusive range [from, to];
 * used where the database has already counted per day.
 */
export function groupDailyCountsByWeek(counts: ArrayLike<number>, from: number, to: number): WeeklyCount[] {
  const weeks: WeeklyCount[] = [];
  for (let monday = isoWeekStart(from); monday <= to; monday += 7) {
    const lo = Math.max(monday, from);
    const hi = Math.min(monday + 6, to);
    let count = 0;
    for (let d = lo; d <= hi; d++) count += counts[d - from] ?? 0;
    weeks.push({ week: formatIsoWeek(monday), weekStart: formatDayNumber(monday), count, days: hi - lo + 1 });
  }
  return weeks;
}
