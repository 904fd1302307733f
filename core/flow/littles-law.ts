import { computeDurationStats } from './cycle-time';
import { type FinishedItems, listFinishedItems } from './finished-items';
import { type FlowInput, toTimelines } from './item-timeline';
import type { DailyCount } from './throughput';
import type { DayRange } from './types';
import { getDayNumber } from './utc-days';
import { computeWipPerDay } from './wip';

export interface LittlesLawCheck {
  days: number;
  /** Mean of daily WIP over the window. */
  averageWip: number;
  /** Items finished in the window per day. */
  throughputPerDay: number;
  /** Mean calendar cycle time (end day − start day + 1) of the items finished in the window. */
  averageCycleTime: number | undefined;
  /** averageWip / throughputPerDay: the cycle time Little's law implies. */
  impliedCycleTime: number | undefined;
  /**
   * averageWip / (throughputPerDay × averageCycleTime). 1 means the law's assumptions hold over
   * the window; far from 1 means WIP grew or shrank, or items aged without finishing.
   */
  ratio: number | undefined;
}

/**
 * Little's law: average cycle time = average WIP / average throughput (Little, 1961; stated for
 * flow by Vacanti, "Actionable Agile Metrics for Predictability", ch. 3).
 *
 * @example
 * computeLittlesLaw(3.282, 0.1945); // 16.87 days
 */
export function computeLittlesLaw(averageWip: number, throughputPerDay: number): number | undefined {
  return throughputPerDay > 0 ? averageWip / throughputPerDay : undefined;
}

/**
 * Little's law consistency check over a window: compares average WIP with throughput × average
 * cycle time and reports their ratio. Used descriptively (are the law's assumptions met?),
 * never to forecast (Vacanti, ch. 3: arrivals ≈ departures, all started work finishes, WIP at
 * the start ≈ WIP at the end, stable age of WIP, consistent units). Cycle times and WIP use
 * calendar days with the done day counted, so for a window in which every item both starts and
 * finishes the ratio is exactly 1.
 */
export function computeLittlesLawCheck(input: FlowInput, window: DayRange): LittlesLawCheck {
  const timelines = toTimelines(input);
  const finished = listFinishedItems(timelines, window, 'window');
  return computeLittlesLawOfFinished(finished, computeWipPerDay(timelines, window), window);
}

/** {@link computeLittlesLawCheck} from the finished items and the daily WIP of the window, already computed. */
export function computeLittlesLawOfFinished(
  finished: FinishedItems,
  wipPerDay: readonly DailyCount[],
  window: DayRange,
): LittlesLawCheck {
  const from = getDayNumber(window.from, 'window.from');
  const to = getDayNumber(window.to, 'window.to');
  if (to < from) throw new RangeError(`window ends (${window.to}) before it starts (${window.from})`);
  const days = to - from + 1;
  let wipSum = 0;
  for (const d of wipPerDay) wipSum += d.count;
  const averageWip = wipSum / days;
  const throughputPerDay = finished.inInputOrder.length / days;
  const averageCycleTime = computeDurationStats(finished, 'cycle', { unit: 'calendar' }).mean;
  const predicted = averageCycleTime === undefined ? undefined : throughputPerDay * averageCycleTime;
  return {
    days,
    averageWip,
    throughputPerDay,
    averageCycleTime,
    impliedCycleTime: computeLittlesLaw(averageWip, throughputPerDay),
    ratio: predicted === undefined || predicted === 0 ? undefined : averageWip / predicted,
  };
}
