import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGoalProgress, computeKeyResultProgress, findKeyResultErrors } from './okr';

// Worked examples of key-result grading on the 0.0–1.0 scale (Doerr, "Measure What Matters",
// 2018; Google re:Work, "Set goals with OKRs": a key result is scored by how far the metric moved
// from where it started towards the target). Each figure is worked by hand in the comment.
describe('computeKeyResultProgress', () => {
  it('increase: NPS from 31 to 45, now 38 → (38 − 31) / (45 − 31) = 0.5', () => {
    const p = computeKeyResultProgress({ baseline: 31, target: 45, direction: 'increase', current: 38 });
    expect(p.progress).toBeCloseTo(0.5, 12);
    expect(p.achieved).toBe(false);
  });

  it('decrease is better: churn from 8% to 5%, now 6.5% → (6.5 − 8) / (5 − 8) = 0.5', () => {
    const p = computeKeyResultProgress({ baseline: 8, target: 5, direction: 'decrease', current: 6.5 });
    expect(p.progress).toBeCloseTo(0.5, 12);
  });

  it('decrease is better: cost to serve from £12.00 to £10.20 (−15%), now £11.10 → 0.9 / 1.8 = 0.5', () => {
    expect(
      computeKeyResultProgress({ baseline: 12, target: 10.2, direction: 'decrease', current: 11.1 }).progress,
    ).toBeCloseTo(0.5, 12);
  });

  it('decrease is better: lead time from 10 days to 1 day, now 3.25 days → 6.75 / 9 = 0.75', () => {
    expect(
      computeKeyResultProgress({ baseline: 10, target: 1, direction: 'decrease', current: 3.25 }).progress,
    ).toBeCloseTo(0.75, 12);
  });

  it('clamps: a decrease KR whose metric went up scores 0 (raw −1/3); one past its target scores 1', () => {
    const worse = computeKeyResultProgress({ baseline: 8, target: 5, direction: 'decrease', current: 9 });
    expect(worse.progress).toBe(0);
    expect(worse.rawProgress).toBeCloseTo(-1 / 3, 12);
    const beyond = computeKeyResultProgress({ baseline: 8, target: 5, direction: 'decrease', current: 4 });
    expect(beyond).toEqual({ progress: 1, rawProgress: 4 / 3, achieved: true });
  });

  it('no check-in yet → 0; a hold-the-line KR (target = baseline) is 1 while on the good side', () => {
    expect(
      computeKeyResultProgress({ baseline: 1, target: 2, direction: 'increase', current: null }),
    ).toEqual({
      progress: 0,
      rawProgress: null,
      achieved: false,
    });
    expect(
      computeKeyResultProgress({ baseline: 99.9, target: 99.9, direction: 'increase', current: 99.95 })
        .progress,
    ).toBe(1);
    expect(
      computeKeyResultProgress({ baseline: 2, target: 2, direction: 'decrease', current: 2.1 }).progress,
    ).toBe(0);
  });

  it('refuses a target on the wrong side of the baseline for the direction', () => {
    expect(findKeyResultErrors({ baseline: 5, target: 8, direction: 'decrease' })).toHaveLength(1);
    expect(findKeyResultErrors({ baseline: 8, target: 5, direction: 'increase' })).toHaveLength(1);
    expect(() =>
      computeKeyResultProgress({ baseline: 5, target: 8, direction: 'decrease', current: 6 }),
    ).toThrow(RangeError);
  });

  it('property: progress is in [0, 1] and mirrors exactly between the two directions', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(n, n, n, (a, b, c) => {
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const up = computeKeyResultProgress({ baseline: lo, target: hi, direction: 'increase', current: c });
        const down = computeKeyResultProgress({
          baseline: -lo,
          target: -hi,
          direction: 'decrease',
          current: -c,
        });
        expect(up.progress).toBeGreaterThanOrEqual(0);
        expect(up.progress).toBeLessThanOrEqual(1);
        expect(down.progress).toBeCloseTo(up.progress, 9);
      }),
    );
  });
});

describe('computeGoalProgress', () => {
  it('averages own key results and child goals, each child once', () => {
    const progress = computeGoalProgress([
      { id: 'org', parentId: null, keyResultProgress: [] },
      { id: 'a', parentId: 'org', keyResultProgress: [1, 0.5] },
      { id: 'b', parentId: 'org', keyResultProgress: [0.25] },
      { id: 'c', parentId: 'org', keyResultProgress: [] },
      { id: 'd', parentId: 'b', keyResultProgress: [0.75] },
    ]);
    expect(progress.get('a')).toBe(0.75);
    expect(progress.get('b')).toBe(0.5);
    expect(progress.get('c')).toBeNull();
    expect(progress.get('org')).toBeCloseTo((0.75 + 0.5) / 2, 12);
  });

  it('survives a cycle in the parent links', () => {
    const progress = computeGoalProgress([
      { id: 'x', parentId: 'y', keyResultProgress: [1] },
      { id: 'y', parentId: 'x', keyResultProgress: [0] },
    ]);
    expect(progress.get('x')).not.toBeUndefined();
  });
});
