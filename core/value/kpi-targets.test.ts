import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpiTargetAt, findKpiTargetHistoryErrors, type KpiTargetStep } from './kpi-targets';

const current = { direction: 'increase' as const, target: 45, threshold: 35 };
// Digital NPS: 30 (alarm 20) during 2025 H1, 40 (alarm 30) in 2025 H2, 45 (alarm 35) from 2026.
const steps: KpiTargetStep[] = [
  { until: '2025-07-01', target: 30, threshold: 20 },
  { until: '2026-01-01', target: 40, threshold: 30 },
];

describe('computeKpiTargetAt', () => {
  it('takes the step whose period holds the date, its end exclusive', () => {
    expect(computeKpiTargetAt(current, steps, '2025-03-31')).toMatchObject({ target: 30, threshold: 20 });
    expect(computeKpiTargetAt(current, steps, '2025-07-01')).toMatchObject({ target: 40, threshold: 30 });
    expect(computeKpiTargetAt(current, steps, '2025-12-31')).toMatchObject({ target: 40, threshold: 30 });
  });

  it('uses the current target on and after the last step and without history', () => {
    expect(computeKpiTargetAt(current, steps, '2026-01-01')).toEqual(current);
    expect(computeKpiTargetAt(current, [], '2020-01-01')).toEqual(current);
  });

  it('property: the result is always the current target or one of the steps', () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.uniqueArray(day, { maxLength: 6 }), day, (untils, date) => {
        const sorted = [...untils].sort().map((until, i) => ({ until, target: i, threshold: null }));
        const got = computeKpiTargetAt(current, sorted, date);
        const expected = sorted.find((s) => s.until > date);
        expect(got.target).toBe(expected ? expected.target : current.target);
      }),
    );
  });
});

describe('findKpiTargetHistoryErrors', () => {
  it('accepts sorted steps with thresholds on the bad side', () => {
    expect(findKpiTargetHistoryErrors('increase', steps)).toEqual([]);
  });

  it('names unsorted steps and a threshold on the wrong side', () => {
    const bad = [steps[1], { until: '2025-01-01', target: 30, threshold: 35 }] as KpiTargetStep[];
    const errors = findKpiTargetHistoryErrors('increase', bad);
    expect(errors.map(([i]) => i)).toEqual([1, 1]);
    expect(errors[0]?.[1]).toMatch(/after the previous/);
    expect(errors[1]?.[1]).toMatch(/must not be above the target/);
  });
});
