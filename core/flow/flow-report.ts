import { type CumulativeFlow, type CumulativeFlowOptions, computeCumulativeFlow } from './cumulative-flow';
import { computeDurationStats, type DurationStats } from './cycle-time';
import { listFinishedItems } from './finished-items';
import {
  computeFlowEfficiencyOfFinished,
  type FlowEfficiencyOptions,
  type FlowEfficiencyReport,
} from './flow-efficiency';
import { type FlowInput, toTimelines } from './item-timeline';
import { computeLittlesLawOfFinished, type LittlesLawCheck } from './littles-law';
import { computeThroughputOfFinished, type DailyCount } from './throughput';
import type { DayRange, DurationUnit } from './types';
import { computeWipPerDay } from './wip';

export interface FlowReportOptions {
  /**
   * One inclusive day range for every metric: throughput and WIP per day over it, cycle time,
   * lead time and flow efficiency of the items done within it, the CFD over it, and Little's law.
   * Without it each metric takes its own default range and Little's law is left out.
   */
  range?: DayRange;
  /** Unit of cycle and lead times (default 'elapsed'). */
  unit?: DurationUnit;
  percentiles?: readonly number[];
  cumulativeFlow?: Omit<CumulativeFlowOptions, 'range'>;
  waitingStatuses?: FlowEfficiencyOptions['waitingStatuses'];
}

export interface FlowReport {
  throughputPerDay: DailyCount[];
  cycleTime: DurationStats;
  leadTime: DurationStats;
  wipPerDay: DailyCount[];
  cumulativeFlow: CumulativeFlow;
  flowEfficiency: FlowEfficiencyReport;
  /** Only with a range: the law is checked over a closed window. */
  littlesLaw?: LittlesLawCheck;
}

/**
 * Every flow metric of a team in one go. Timestamps are parsed once, and the finished items are
 * found, sorted by done instant and given their done dates once for throughput, cycle time, lead
 * time, flow efficiency and Little's law alike. The result equals calling each metric's own
 * function with the same options (a property test checks it); each part keeps its definition.
 *
 * @example
 * computeFlowReport(items, { range: { from: '2024-01-01', to: '2024-03-31' } }).cycleTime.percentiles[85];
 */
export function computeFlowReport(input: FlowInput, options: FlowReportOptions = {}): FlowReport {
  const timelines = toTimelines(input);
  const { range } = options;
  const finished = listFinishedItems(timelines, range, 'range');
  const durations = {
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.percentiles ? { percentiles: options.percentiles } : {}),
  };
  const wipPerDay = computeWipPerDay(timelines, range);
  const report: FlowReport = {
    throughputPerDay: computeThroughputOfFinished(finished, range),
    cycleTime: computeDurationStats(finished, 'cycle', durations),
    leadTime: computeDurationStats(finished, 'lead', durations),
    wipPerDay,
    cumulativeFlow: computeCumulativeFlow(timelines, {
      ...options.cumulativeFlow,
      ...(range ? { range } : {}),
    }),
    flowEfficiency: computeFlowEfficiencyOfFinished(
      finished,
      options.waitingStatuses ? { waitingStatuses: options.waitingStatuses } : {},
    ),
  };
  if (range) report.littlesLaw = computeLittlesLawOfFinished(finished, wipPerDay, range);
  return report;
}
