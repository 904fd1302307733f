import { describe, expect, it } from 'vitest';
import { computeCycleTimeScatter, computeCycleTimes, computeLeadTimes } from './cycle-time';
import type { FlowItem } from './types';

const item = (id: string, created: string, started: string, done: string): FlowItem => ({
  id,
  createdAt: created,
  statusChanges: [
    { at: started, category: 'in_progress' },
    { at: done, category: 'done' },
  ],
});

describe('cycle time and lead time', () => {
  it('measures fractional elapsed days by default and whole calendar days on request', () => {
    const items = [item('a', '2024-01-01T00:00:00Z', '2024-01-02T12:00:00Z', '2024-01-04T00:00:00Z')];
    expect(computeCycleTimes(items).samples[0]?.days).toBe(1.5);
    // ActionableAgile: end date − start date + 1 (55degrees docs, "Cycle Time Scatterplot").
    expect(computeCycleTimes(items, { unit: 'calendar' }).samples[0]?.days).toBe(3);
    expect(computeLeadTimes(items).samples[0]?.days).toBe(3);
  });

  it('counts an item started and finished the same day as 1 calendar day', () => {
    const items = [item('a', '2024-01-01', '2024-01-02T08:00:00Z', '2024-01-02T17:00:00Z')];
    expect(computeCycleTimes(items, { unit: 'calendar' }).samples[0]?.days).toBe(1);
  });

  // Rows from the rueedlinger/agile-project-dataset jira.csv (MIT; /work/shared/data/flow): its
  // cycle_time_days is finished − created, and −1 marks migration artefacts finished before creation.
  it('reproduces the data set lead times and excludes rows finished before they were created', () => {
    const rows = [
      { id: 'P0-T5052', created: '2015-02-05', finished: '2015-02-04' }, // −1 in the data set
      { id: 'P0-T326', created: '2013-12-25', finished: '2013-12-24' }, // −1
      { id: 'P0-T324', created: '2013-08-13', finished: '2013-08-31' }, // 18
    ];
    const items: FlowItem[] = rows.map((r) => ({
      id: r.id,
      createdAt: r.created,
      doneAt: r.finished,
      statusChanges: [],
    }));
    const stats = computeLeadTimes(items);
    expect(stats.samples).toEqual([{ id: 'P0-T324', doneDate: '2013-08-31', days: 18 }]);
    expect(stats.excluded).toEqual([
      { id: 'P0-T5052', reason: 'done-before-created' },
      { id: 'P0-T326', reason: 'done-before-created' },
    ]);
  });

  it('gives nearest-rank percentiles of cycle times', () => {
    // Cycle times 1..20 days: P50 = 10, P70 = 14, P85 = 17, P95 = 19 (rank ⌈p·20/100⌉).
    const items = Array.from({ length: 20 }, (_, i) =>
      item(`i${i}`, '2024-01-01', '2024-01-01', new Date(Date.UTC(2024, 0, 2 + i)).toISOString()),
    );
    const stats = computeCycleTimes(items);
    expect(stats.percentiles).toEqual({ 50: 10, 70: 14, 85: 17, 95: 19 });
    expect(stats.mean).toBe(10.5);
  });

  it('filters by done day and leaves unfinished items out', () => {
    const items = [
      item('a', '2024-01-01', '2024-01-02', '2024-01-05'),
      item('b', '2024-01-01', '2024-01-02', '2024-02-05'),
      {
        id: 'open',
        createdAt: '2024-01-01',
        statusChanges: [{ at: '2024-01-02', category: 'in_progress' as const }],
      },
    ];
    const stats = computeCycleTimes(items, { doneWithin: { from: '2024-01-01', to: '2024-01-31' } });
    expect(stats.samples.map((s) => s.id)).toEqual(['a']);
  });

  it('plots the scatter in done order with percentile lines', () => {
    const items = [
      item('late', '2024-01-01', '2024-01-02', '2024-01-09'),
      item('early', '2024-01-01', '2024-01-02', '2024-01-04'),
    ];
    const plot = computeCycleTimeScatter(items);
    expect(plot.points.map((p) => [p.id, p.doneDate, p.days])).toEqual([
      ['early', '2024-01-04', 2],
      ['late', '2024-01-09', 7],
    ]);
    expect(plot.percentiles[50]).toBe(2);
    expect(plot.percentiles[95]).toBe(7);
  });
});
