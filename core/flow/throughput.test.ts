import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeThroughputPerDay, computeThroughputPerWeek } from './throughput';
import type { FlowItem } from './types';

const done = (id: string, at: string): FlowItem => ({
  id,
  createdAt: '2024-01-01',
  statusChanges: [{ at, category: 'done' }],
});

describe('throughput', () => {
  const items = [
    done('a', '2024-03-01T10:00:00Z'),
    done('b', '2024-03-01T23:59:59Z'),
    done('c', '2024-03-04T08:00:00Z'),
    {
      id: 'open',
      createdAt: '2024-03-01',
      statusChanges: [{ at: '2024-03-02', category: 'in_progress' as const }],
    },
  ];

  it('counts items finished per UTC day, idle days included', () => {
    expect(computeThroughputPerDay(items)).toEqual([
      { date: '2024-03-01', count: 2 },
      { date: '2024-03-02', count: 0 },
      { date: '2024-03-03', count: 0 },
      { date: '2024-03-04', count: 1 },
    ]);
  });

  it('honours an explicit range, zeros beyond the data', () => {
    const days = computeThroughputPerDay(items, { from: '2024-02-28', to: '2024-03-01' });
    expect(days.map((d) => d.count)).toEqual([0, 0, 2]);
  });

  it('groups per ISO week with partial edge weeks marked', () => {
    // 2024-03-01 is a Friday (week 9), 2024-03-04 a Monday (week 10).
    expect(computeThroughputPerWeek(items)).toEqual([
      { week: '2024-W09', weekStart: '2024-02-26', count: 2, days: 3 },
      { week: '2024-W10', weekStart: '2024-03-04', count: 1, days: 1 },
    ]);
  });

  it('is empty when nothing is done and no range is given', () => {
    expect(computeThroughputPerDay([])).toEqual([]);
    expect(computeThroughputPerWeek([])).toEqual([]);
  });

  it('adds up to the number of finished items, per day and per week', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), (offsets) => {
        const its = offsets.map((o, i) =>
          done(String(i), new Date(Date.UTC(2023, 0, 1 + o, 12)).toISOString()),
        );
        const perDay = computeThroughputPerDay(its).reduce((s, d) => s + d.count, 0);
        const perWeek = computeThroughputPerWeek(its).reduce((s, d) => s + d.count, 0);
        return perDay === offsets.length && perWeek === offsets.length;
      }),
    );
  });
});
