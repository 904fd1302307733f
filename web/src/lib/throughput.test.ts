import { describe, expect, it } from 'vitest';
import { computeWeeklyThroughput, startOfIsoWeek } from './throughput';

describe('computeWeeklyThroughput', () => {
  it('finds the Monday of a week', () => {
    expect(startOfIsoWeek(new Date('2025-06-01T23:00:00Z')).toISOString().slice(0, 10)).toBe('2025-05-26');
    expect(startOfIsoWeek(new Date('2025-06-02T00:00:00Z')).toISOString().slice(0, 10)).toBe('2025-06-02');
  });

  it('counts per week, with empty weeks as zero and items outside the window ignored', () => {
    const result = computeWeeklyThroughput(
      ['2025-06-02T10:00:00Z', '2025-06-08T23:59:59Z', '2025-06-16T09:00:00Z', '2025-01-01T00:00:00Z', null],
      new Date('2025-06-18T12:00:00Z'),
      3,
    );
    expect(result).toEqual([
      { week: '2025-06-02', count: 2 },
      { week: '2025-06-09', count: 0 },
      { week: '2025-06-16', count: 1 },
    ]);
  });
});
