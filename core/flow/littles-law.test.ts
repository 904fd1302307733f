import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLittlesLaw, computeLittlesLawCheck } from './littles-law';
import type { FlowItem } from './types';

const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString();
const item = (id: string, start: number, done?: number): FlowItem => ({
  id,
  createdAt: day(start),
  statusChanges: [
    { at: day(start), category: 'in_progress' },
    ...(done === undefined ? [] : [{ at: day(done), category: 'done' as const }]),
  ],
});

describe("Little's law", () => {
  it('reproduces the rueedlinger project 1, 2018 figures', () => {
    // REFERENCES.md §4.4: average WIP 3.282, throughput 0.1945/day → cycle time 16.87 days.
    expect(computeLittlesLaw(3.282, 0.1945)).toBeCloseTo(16.87, 2);
    expect(computeLittlesLaw(3, 0)).toBeUndefined();
  });

  it('balances exactly (ratio 1) when every item starts and finishes inside the window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 15 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (spans) => {
          const items = spans.map(([s, len], i) => item(String(i), s, Math.min(s + len, 29)));
          const check = computeLittlesLawCheck(items, {
            from: day(0).slice(0, 10),
            to: day(29).slice(0, 10),
          });
          return Math.abs((check.ratio ?? 0) - 1) < 1e-12;
        },
      ),
    );
  });

  it('flags a window whose WIP only grows', () => {
    // Vacanti, ch. 3: the law needs WIP at the start ≈ WIP at the end; here 8 items age unfinished.
    const items = [
      item('done1', 0, 4),
      item('done2', 2, 6),
      ...Array.from({ length: 8 }, (_, i) => item(`open${i}`, i)),
    ];
    const check = computeLittlesLawCheck(items, { from: '2024-01-01', to: '2024-01-10' });
    expect(check.throughputPerDay).toBe(0.2);
    expect(check.averageCycleTime).toBe(5);
    // WIP-days: 5 + 5 for the finished items, 10 + 9 + … + 3 = 52 for the open ones → 62 / 10.
    expect(check.averageWip).toBeCloseTo(6.2, 12);
    expect(check.ratio).toBeCloseTo(6.2, 12);
    expect(check.impliedCycleTime).toBeCloseTo(31, 12);
  });
});
