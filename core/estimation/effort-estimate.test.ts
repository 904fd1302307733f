import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EffortHistoryItem, estimateEffort, spreadOf, summariseRatios } from './effort-estimate';

const ratios = [0.8, 0.9, 1.0, 1.0, 1.1, 1.2, 1.25, 1.5, 2.0, 3.0];
const history: EffortHistoryItem[] = ratios.map((r) => ({
  type: 'story',
  teamId: 'team-a',
  estimate: 10,
  actualHours: 10 * r,
}));

describe('estimateEffort', () => {
  it('gives type-7 quantiles of actual/estimate (Hyndman & Fan 1996; R quantile() default)', () => {
    // In R: quantile(c(0.8,0.9,1,1,1.1,1.2,1.25,1.5,2,3), c(.1,.5,.9)) → 0.89, 1.15, 2.10.
    const result = estimateEffort(history, { type: 'story', teamId: 'team-a', estimate: 20 });
    expect(result.basis).toBe('type-and-team');
    expect(result.sampleSize).toBe(10);
    expect(result.ratio?.p10).toBeCloseTo(0.89, 10);
    expect(result.ratio?.p50).toBeCloseTo(1.15, 10);
    expect(result.ratio?.p90).toBeCloseTo(2.1, 10);
    expect(result.ratio?.mean).toBeCloseTo(13.75 / 10, 10);
    expect(result.effort?.p10).toBeCloseTo(17.8, 10);
    expect(result.effort?.p50).toBeCloseTo(23, 10);
    expect(result.effort?.p90).toBeCloseTo(42, 10);
  });

  it('widens the reference class to the type, then the team, then the organisation', () => {
    const bugs: EffortHistoryItem[] = [1, 2, 3, 4, 5].map((h) => ({
      type: 'bug',
      teamId: 'team-b',
      estimate: 1,
      actualHours: h,
    }));
    const all = [...history, ...bugs];
    expect(estimateEffort(all, { type: 'story', teamId: 'team-b', estimate: 1 }).basis).toBe('type');
    expect(estimateEffort(all, { type: 'task', teamId: 'team-b', estimate: 1 }).basis).toBe('team');
    const wide = estimateEffort(all, { type: 'task', teamId: null, estimate: 1 });
    expect(wide.basis).toBe('organisation');
    expect(wide.sampleSize).toBe(15);
  });

  it('warns on a thin history and answers none on an empty one or a bad estimate', () => {
    const thin = estimateEffort(history.slice(0, 2), { type: 'story', teamId: 'team-a', estimate: 1 });
    expect(thin.basis).toBe('organisation');
    expect(thin.warnings[0]).toMatch(/only 2/);
    expect(estimateEffort([], { type: 'story', teamId: null, estimate: 1 }).effort).toBeNull();
    expect(estimateEffort(history, { type: 'story', teamId: null, estimate: 0 }).warnings).toEqual([
      'estimate must be positive',
    ]);
  });

  it('ignores items without a positive estimate', () => {
    const bad = [...history, { type: 'story', teamId: 'team-a', estimate: 0, actualHours: 99 }];
    expect(estimateEffort(bad, { type: 'story', teamId: 'team-a', estimate: 1 }).sampleSize).toBe(10);
  });

  it('summarises ratios per type and team', () => {
    const groups = summariseRatios([...history, { type: 'bug', teamId: null, estimate: 2, actualHours: 3 }]);
    expect(groups.map((g) => [g.type, g.teamId, g.sampleSize])).toEqual([
      ['bug', null, 1],
      ['story', 'team-a', 10],
    ]);
    expect(groups[0]?.p50).toBe(1.5);
  });
});

const item = fc.record({
  type: fc.constantFrom('story', 'bug'),
  teamId: fc.constantFrom('a', 'b', null),
  estimate: fc.double({ min: 0.5, max: 100, noNaN: true }),
  actualHours: fc.double({ min: 0, max: 500, noNaN: true }),
});

describe('estimateEffort properties', () => {
  it('orders P10 ≤ P50 ≤ P90 and keeps the mean within the sample', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 40 }), (items) => {
        const r = estimateEffort(items, { type: 'story', teamId: 'a', estimate: 3 });
        if (!r.effort || !r.ratio) return;
        expect(r.effort.p10).toBeLessThanOrEqual(r.effort.p50 + 1e-9);
        expect(r.effort.p50).toBeLessThanOrEqual(r.effort.p90 + 1e-9);
        expect(r.sampleSize).toBeGreaterThan(0);
      }),
    );
  });

  it('scales linearly with the estimate and ignores the unit of past items', () => {
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (items, estimate, k) => {
          const q = { type: 'bug', teamId: 'b', estimate };
          const base = estimateEffort(items, q);
          const scaled = estimateEffort(
            items.map((i) => ({ ...i, estimate: i.estimate * k, actualHours: i.actualHours * k })),
            { ...q, estimate: estimate * 2 },
          );
          expect(scaled.sampleSize).toBe(base.sampleSize);
          if (!base.effort || !scaled.effort) return;
          expect(scaled.effort.p50).toBeCloseTo(base.effort.p50 * 2, 6);
        },
      ),
    );
  });

  it('spreadOf stays within the smallest and largest ratio', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1 }), (xs) => {
        const s = spreadOf(xs);
        expect(s?.p10).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-12);
        expect(s?.p90).toBeLessThanOrEqual(Math.max(...xs) + 1e-12);
      }),
    );
  });
});
