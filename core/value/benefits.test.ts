import { describe, expect, it } from 'vitest';
import { computeBenefitRealisation, computePortfolioRealisation, interpolateTrajectory } from './benefits';
import { computeKpiStatus, computeTrend, findKpiThresholdErrors } from './kpi-status';

describe('benefits realisation', () => {
  const plan = {
    baseline: 0,
    target: 100,
    direction: 'increase' as const,
    trajectory: [
      { date: '2026-01-01', value: 0 },
      { date: '2026-12-31', value: 100 },
    ],
    actuals: [
      { date: '2026-03-31', value: 10 },
      { date: '2026-06-30', value: 40 },
    ],
  };

  it('interpolates the trajectory linearly by day, the baseline before it starts', () => {
    expect(interpolateTrajectory(0, plan.trajectory, '2025-12-01')).toBe(0);
    // 2026-07-02 is day 182 of 364 after 2026-01-01 → 50.
    expect(interpolateTrajectory(0, plan.trajectory, '2026-07-02')).toBeCloseTo(50, 12);
    expect(interpolateTrajectory(0, plan.trajectory, '2027-06-01')).toBe(100);
  });

  it('realised vs planned at the as-of date: 40 realised of 50 planned = 0.8', () => {
    const r = computeBenefitRealisation(plan, '2026-07-02');
    expect(r.toDate.realised).toBe(40);
    expect(r.toDate.plannedProgress).toBeCloseTo(0.5, 12);
    expect(r.realisedVsPlanned).toBeCloseTo(0.8, 12);
    expect(r.series.map((p) => p.date)).toEqual(['2026-01-01', '2026-03-31', '2026-06-30', '2026-07-02']);
  });

  it('decrease is better: call volume 1,000 → 600, realised 800 at the halfway point = on plan', () => {
    const r = computeBenefitRealisation(
      {
        baseline: 1000,
        target: 600,
        direction: 'decrease',
        trajectory: [
          { date: '2026-01-01', value: 1000 },
          { date: '2026-01-11', value: 600 },
        ],
        actuals: [{ date: '2026-01-06', value: 800 }],
      },
      '2026-01-06',
    );
    expect(r.toDate.plannedProgress).toBeCloseTo(0.5, 12);
    expect(r.toDate.realisedProgress).toBeCloseTo(0.5, 12);
    expect(r.realisedVsPlanned).toBeCloseTo(1, 12);
  });

  it('portfolio value: Σ financial value × progress', () => {
    expect(
      computePortfolioRealisation([
        { financialValue: 1000, plannedProgress: 0.5, realisedProgress: 0.4 },
        { financialValue: 500, plannedProgress: 1, realisedProgress: null },
        { financialValue: null, plannedProgress: 1, realisedProgress: 1 },
      ]),
    ).toEqual({ planned: 1000, realised: 400, fullValue: 1500, ratio: 0.4, unvalued: 1 });
  });
});

describe('KPI status and trend', () => {
  it('classifies against target and threshold in both directions', () => {
    const nps = { direction: 'increase' as const, target: 45, threshold: 35 };
    expect([50, 45, 38, 35, 30].map((v) => computeKpiStatus(nps, v))).toEqual([
      'on_target',
      'on_target',
      'at_risk',
      'at_risk',
      'off_target',
    ]);
    const incidents = { direction: 'decrease' as const, target: 2, threshold: 4 };
    expect([1, 3, 5].map((v) => computeKpiStatus(incidents, v))).toEqual([
      'on_target',
      'at_risk',
      'off_target',
    ]);
    expect(computeKpiStatus(incidents, null)).toBe('no_data');
    expect(computeKpiStatus({ direction: 'increase', target: null, threshold: null }, 3)).toBe('no_target');
    expect(findKpiThresholdErrors({ direction: 'increase', target: 45, threshold: 50 })).toHaveLength(1);
  });

  it('trend: least-squares slope, read by direction', () => {
    expect(
      computeTrend(
        [
          { day: 0, value: 10 },
          { day: 30, value: 13 },
        ],
        'increase',
      ),
    ).toEqual({
      slopePerDay: 0.1,
      trend: 'improving',
    });
    expect(
      computeTrend(
        [
          { day: 0, value: 10 },
          { day: 30, value: 13 },
        ],
        'decrease',
      )?.trend,
    ).toBe('worsening');
    expect(computeTrend([{ day: 0, value: 10 }], 'increase')).toBeNull();
  });
});
