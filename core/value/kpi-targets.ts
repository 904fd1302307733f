import { findKpiThresholdErrors, type KpiThresholds } from './kpi-status';
import type { MetricDirection } from './okr';

/**
 * An earlier target of a KPI: it applied to dates before `until` (and on or after the previous
 * step's `until`). Dates on or after the last step's `until` use the KPI's current target, so the
 * current target stays the one field to edit and the history only records what came before.
 */
export interface KpiTargetStep {
  /** ISO date (YYYY-MM-DD), exclusive end of the period this target applied to. */
  until: string;
  target: number | null;
  threshold: number | null;
}

/** Everything wrong with a KPI's target history, as `[index, message]` pairs. */
export function findKpiTargetHistoryErrors(
  direction: MetricDirection,
  steps: readonly KpiTargetStep[],
): [number, string][] {
  const errors: [number, string][] = [];
  steps.forEach((step, index) => {
    const previous = steps[index - 1];
    if (previous && previous.until >= step.until)
      errors.push([index, `until ${step.until} must be after the previous step's ${previous.until}`]);
    for (const message of findKpiThresholdErrors({ direction, ...step })) errors.push([index, message]);
  });
  return errors;
}

/**
 * The target and threshold in effect on `date`: the first step whose `until` is after the date,
 * else the current ones. Steps must be sorted by `until` (as `findKpiTargetHistoryErrors` demands).
 *
 * @example
 * computeKpiTargetAt({ direction: 'increase', target: 45, threshold: 35 },
 *   [{ until: '2026-01-01', target: 40, threshold: 30 }], '2025-06-30'); // target 40, threshold 30
 */
export function computeKpiTargetAt(
  current: KpiThresholds,
  steps: readonly KpiTargetStep[],
  date: string,
): KpiThresholds {
  const step = steps.find((s) => date < s.until);
  return step ? { direction: current.direction, target: step.target, threshold: step.threshold } : current;
}
