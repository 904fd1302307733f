import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCumulativeFlow } from './cumulative-flow';
import { computeCycleTimes, computeLeadTimes } from './cycle-time';
import { computeFlowEfficiency } from './flow-efficiency';
import { computeFlowReport, type FlowReportOptions } from './flow-report';
import { computeItemTimelines } from './item-timeline';
import { computeLittlesLawCheck } from './littles-law';
import { computeThroughputPerDay } from './throughput';
import type { FlowItem, StatusCategory } from './types';
import { formatDayNumber, MS_PER_DAY } from './utc-days';
import { computeWipPerDay } from './wip';

const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

/** A stamp within 60 days of 2024-01-01, written as a date, a UTC time or a zoneless time. */
const stamp = fc
  .tuple(fc.integer({ min: 0, max: 60 * 24 }), fc.constantFrom('date', 'utc', 'zoneless'))
  .map(([hours, shape]) => {
    const iso = new Date(T0 + hours * HOUR).toISOString();
    return shape === 'date' ? iso.slice(0, 10) : shape === 'utc' ? iso : iso.slice(0, 19);
  });

const change = fc.record({
  at: stamp,
  category: fc.constantFrom<StatusCategory>('todo', 'in_progress', 'done'),
  status: fc.constantFrom('Backlog', 'Doing', 'Review', 'Queue', 'Done', undefined),
  blocked: fc.boolean(),
});

/** Histories as trackers give them: unsorted, re-opened, skipped states, explicit start/done. */
const item = fc.record(
  {
    id: fc.uuid(),
    createdAt: stamp,
    startedAt: stamp,
    doneAt: stamp,
    blockedPeriods: fc.array(fc.record({ from: stamp, to: fc.option(stamp, { nil: undefined }) }), {
      maxLength: 2,
    }),
    statusChanges: fc.array(change, { maxLength: 6 }),
  },
  { requiredKeys: ['id', 'createdAt', 'statusChanges'] },
) as fc.Arbitrary<FlowItem>;

const options = fc.record(
  {
    range: fc
      .tuple(fc.integer({ min: -5, max: 70 }), fc.integer({ min: 0, max: 40 }))
      .map(([start, length]) => ({
        from: formatDayNumber(T0 / MS_PER_DAY + start),
        to: formatDayNumber(T0 / MS_PER_DAY + start + length),
      })),
    unit: fc.constantFrom('elapsed' as const, 'calendar' as const),
    percentiles: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
    cumulativeFlow: fc.record(
      {
        by: fc.constantFrom('status' as const, 'category' as const),
        statuses: fc.constant(['Review', 'Doing']),
      },
      { requiredKeys: [] },
    ),
    waitingStatuses: fc.constant(['Queue']),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<FlowReportOptions>;

describe('computeFlowReport', () => {
  it('equals every metric computed on its own, on random histories', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), options, (items, o) => {
        const report = computeFlowReport(items, o);
        const { range } = o;
        const durations = { unit: o.unit, percentiles: o.percentiles, doneWithin: range };
        expect(report.throughputPerDay).toEqual(computeThroughputPerDay(items, range));
        expect(report.cycleTime).toEqual(computeCycleTimes(items, durations));
        expect(report.leadTime).toEqual(computeLeadTimes(items, durations));
        expect(report.wipPerDay).toEqual(computeWipPerDay(items, range));
        expect(report.cumulativeFlow).toEqual(computeCumulativeFlow(items, { ...o.cumulativeFlow, range }));
        expect(report.flowEfficiency).toEqual(
          computeFlowEfficiency(items, { waitingStatuses: o.waitingStatuses, doneWithin: range }),
        );
        expect(report.littlesLaw).toEqual(range ? computeLittlesLawCheck(items, range) : undefined);
        // Timelines parsed once by the caller give the same report as raw items.
        expect(computeFlowReport(computeItemTimelines(items), o)).toEqual(report);
      }),
      { numRuns: 300 },
    );
  });

  it('orders items finished at the same instant as they came, in both cycle and lead time', () => {
    const done = '2024-01-05T10:00:00Z';
    const items: FlowItem[] = ['b', 'a', 'c'].map((id, i) => ({
      id,
      createdAt: '2024-01-01',
      statusChanges: [
        { at: `2024-01-0${2 + i}`, category: 'in_progress' },
        { at: id === 'c' ? '2024-01-04T09:00:00Z' : done, category: 'done' },
      ],
    }));
    const report = computeFlowReport(items);
    expect(report.cycleTime.samples.map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(report.leadTime.samples.map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(report.littlesLaw).toBeUndefined();
  });
});
