import { describe, expect, it } from 'vitest';
import { monthsBetween, spreadEvenly } from './budget-lines';

describe('budget lines from a total', () => {
  it('lists the months of a span across a year end, and none when it ends before it starts', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-05', '2026-04')).toEqual([]);
  });

  it('spreads a total in whole units, the last month taking the rounding, so the lines add up', () => {
    const lines = spreadEvenly(1000, ['2026-01', '2026-02', '2026-03']);
    expect(lines.map((l) => l.amount)).toEqual([333, 333, 334]);
    expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(1000);
  });
});
