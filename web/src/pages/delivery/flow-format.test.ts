import { describe, expect, it } from 'vitest';
import {
  cfdRows,
  dayNumber,
  describeBacktestScoring,
  formatDays,
  formatShare,
  littlesLawVerdict,
  percentileReferences,
} from './flow-format';

describe('flow formatting', () => {
  it('formats days and shares, with a dash for missing values', () => {
    expect(formatDays(3.456)).toBe('3.5 d');
    expect(formatDays(null)).toBe('—');
    expect(formatShare(0.854)).toBe('85%');
    expect(formatShare(undefined)).toBe('—');
  });

  it('draws the percentile lines that exist, lowest percentile first', () => {
    expect(percentileReferences({ '85': 9, '50': 4, '95': 14 })).toEqual([
      { y: 4, label: 'P50 4 d' },
      { y: 9, label: 'P85 9 d' },
      { y: 14, label: 'P95 14 d' },
    ]);
  });

  it('counts days from the epoch', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-03-01T17:00:00Z')).toBe(19783);
  });

  it('stacks the CFD with done at the bottom', () => {
    const { rows, keys } = cfdRows({
      states: ['To Do', 'Doing', 'Done'],
      days: [{ date: '2026-01-01', inState: [5, 2, 1] }],
    });
    expect(keys.map((k) => k.name)).toEqual(['Done', 'Doing', 'To Do']);
    expect(rows[0]).toEqual({ date: '2026-01-01', s2: 1, s1: 2, s0: 5 });
  });

  it("reads Little's law ratios", () => {
    expect(littlesLawVerdict(1.05)).toMatch(/^Consistent/);
    expect(littlesLawVerdict(1.6)).toMatch(/piling up/);
    expect(littlesLawVerdict(0.5)).toMatch(/lower/);
    expect(littlesLawVerdict(null)).toMatch(/Not enough/);
  });

  it('states which past dates the backtest scored and how many it left out', () => {
    const scoring = { minHistoryDays: 90, minHistoryItems: 10 };
    expect(
      describeBacktestScoring({ scoring, skipped: { allZeroHistory: 0, thinHistory: 0, unobservable: 2 } }),
    ).toBe('Only dates with 90 days of history holding at least 10 finished items are scored.');
    expect(
      describeBacktestScoring({ scoring, skipped: { allZeroHistory: 1, thinHistory: 3, unobservable: 0 } }),
    ).toBe(
      'Only dates with 90 days of history holding at least 10 finished items are scored. 4 past dates with fewer finished items before them were not scored.',
    );
    expect(
      describeBacktestScoring({ scoring, skipped: { allZeroHistory: 0, thinHistory: 1, unobservable: 0 } }),
    ).toContain('1 past date with fewer finished items before it was not scored.');
  });
});
