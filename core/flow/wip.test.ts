import { describe, expect, it } from 'vitest';
import type { FlowItem } from './types';
import { computeWipAge, computeWipPerDay } from './wip';

const item = (id: string, started: string, done?: string, status = 'Doing'): FlowItem => ({
  id,
  createdAt: '2024-01-01',
  statusChanges: [
    { at: started, category: 'in_progress', status },
    ...(done ? [{ at: done, category: 'done' as const }] : []),
  ],
});

describe('computeWipPerDay', () => {
  it('counts items in progress at any time during each day, done day included', () => {
    const items = [
      item('a', '2024-03-01T09:00:00Z', '2024-03-03T10:00:00Z'),
      item('b', '2024-03-02T09:00:00Z'),
      item('c', '2024-03-02T09:00:00Z', '2024-03-02T15:00:00Z'),
    ];
    expect(computeWipPerDay(items, { from: '2024-02-29', to: '2024-03-05' }).map((d) => d.count)).toEqual([
      0, 1, 3, 2, 1, 1,
    ]);
  });

  it('defaults to the span of the data and skips never-started items', () => {
    const items = [
      item('a', '2024-03-01', '2024-03-02'),
      { id: 'todo', createdAt: '2024-02-01', statusChanges: [] },
    ];
    expect(computeWipPerDay(items)).toEqual([
      { date: '2024-03-01', count: 1 },
      { date: '2024-03-02', count: 1 },
    ]);
    expect(computeWipPerDay([])).toEqual([]);
  });
});

describe('computeWipAge', () => {
  const items = [
    item('old', '2024-03-01T00:00:00Z', undefined, 'Review'),
    item('young', '2024-03-10T00:00:00Z'),
    item('finished', '2024-03-01T00:00:00Z', '2024-03-05T00:00:00Z'),
    item('future', '2024-03-20T00:00:00Z'),
  ];

  it('ages unfinished items against the SLE and warns on breaches, oldest first', () => {
    // SLE "85% of items finish within 10 days" (Kanban Guide: service level expectation).
    const report = computeWipAge(items, { asOf: '2024-03-12T12:00:00Z', sle: { days: 10, percentile: 85 } });
    expect(report.items.map((i) => [i.id, i.status, i.ageDays, i.breached])).toEqual([
      ['old', 'Review', 11.5, true],
      ['young', 'Doing', 2.5, false],
    ]);
    expect(report.items[1]?.remainingDays).toBe(7.5);
    expect(report.warnings).toEqual([
      'old has aged 11.5 days in progress, beyond the SLE of 85% within 10 days',
    ]);
  });

  it('places each age against historical percentiles, in calendar days on request', () => {
    const report = computeWipAge(items, {
      asOf: '2024-03-12',
      unit: 'calendar',
      sle: { days: 12, percentile: 85 },
      historicalPercentiles: { 50: 3, 70: 6, 85: 12, 95: 20 },
    });
    expect(report.items.map((i) => [i.id, i.ageDays, i.exceededPercentile, i.breached])).toEqual([
      ['old', 12, 70, false],
      ['young', 3, null, false],
    ]);
  });
});
