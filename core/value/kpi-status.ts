import type { MetricDirection } from './okr';

export type KpiStatus = 'on_target' | 'at_risk' | 'off_target' | 'no_target' | 'no_data';

export interface KpiThresholds {
  direction: MetricDirection;
  /** The value to reach (or hold); null when none is set. */
  target: number | null;
  /**
   * The alarm line on the bad side of the target: between it and the target the KPI is at risk,
   * beyond it off target. Null: anything short of the target is off target.
   */
  threshold: number | null;
}

/** Everything wrong with a KPI's target and threshold, as messages. */
export function findKpiThresholdErrors(t: KpiThresholds): string[] {
  if (t.threshold === null) return [];
  if (t.target === null) return ['a threshold needs a target'];
  if (t.direction === 'increase' && t.threshold > t.target)
    return [`threshold ${t.threshold} must not be above the target ${t.target} when higher is better`];
  if (t.direction === 'decrease' && t.threshold < t.target)
    return [`threshold ${t.threshold} must not be below the target ${t.target} when lower is better`];
  return [];
}

/**
 * A KPI's status from its latest value: on target when the value is at or beyond the target in
 * the good direction, at risk when it is between the target and the threshold (inclusive of the
 * threshold), off target beyond it.
 *
 * @example
 * computeKpiStatus({ direction: 'increase', target: 45, threshold: 35 }, 38); // 'at_risk'
 * computeKpiStatus({ direction: 'decrease', target: 2, threshold: 4 }, 5);    // 'off_target'
 */
export function computeKpiStatus(t: KpiThresholds, value: number | null): KpiStatus {
  if (value === null) return 'no_data';
  if (t.target === null) return 'no_target';
  const sign = t.direction === 'increase' ? 1 : -1;
  if (sign * (value - t.target) >= 0) return 'on_target';
  if (t.threshold !== null && sign * (value - t.threshold) >= 0) return 'at_risk';
  return 'off_target';
}

export interface Trend {
  /** Least-squares change per day. */
  slopePerDay: number;
  /** 'improving' / 'worsening' by the direction, or 'flat' when |slope| × span < 1% of the mean level. */
  trend: 'improving' | 'worsening' | 'flat';
}

/**
 * Least-squares trend of measurements given as (day number, value); null with fewer than two
 * distinct days.
 *
 * @example
 * computeTrend([{ day: 0, value: 10 }, { day: 30, value: 13 }], 'increase'); // slope 0.1, 'improving'
 */
export function computeTrend(
  points: readonly { day: number; value: number }[],
  direction: MetricDirection,
): Trend | null {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((s, p) => s + p.day, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.day - meanX) ** 2;
    sxy += (p.day - meanX) * (p.value - meanY);
  }
  if (sxx === 0) return null;
  const slopePerDay = sxy / sxx;
  const span = Math.max(...points.map((p) => p.day)) - Math.min(...points.map((p) => p.day));
  const change = slopePerDay * span;
  const scale = Math.max(Math.abs(meanY), 1e-12);
  if (Math.abs(change) < 0.01 * scale) return { slopePerDay, trend: 'flat' };
  const good = direction === 'increase' ? change > 0 : change < 0;
  return { slopePerDay, trend: good ? 'improving' : 'worsening' };
}
