import { getDayNumber } from '../flow/utc-days';
import { computeKeyResultProgress, type MetricDirection } from './okr';

/** A value of a benefit's measure on a date (YYYY-MM-DD). */
export interface DatedValue {
  date: string;
  value: number;
}

export interface BenefitPlan {
  baseline: number;
  target: number;
  direction: MetricDirection;
  /** The expected trajectory: the measure's planned level on given dates (any order). */
  trajectory: readonly DatedValue[];
  /** Measured levels (from the linked KPI or entered by the owner). */
  actuals: readonly DatedValue[];
}

export interface RealisationPoint {
  date: string;
  /** The planned level, interpolated linearly along the trajectory (the baseline before it starts). */
  planned: number;
  /** The last measured level on or before the date; null before the first measurement. */
  realised: number | null;
  /** Share of the baseline → target distance planned / realised by then, clamped to [0, 1]. */
  plannedProgress: number;
  realisedProgress: number | null;
}

export interface BenefitRealisation {
  series: RealisationPoint[];
  /** The point at `asOf`. */
  toDate: RealisationPoint;
  /** realisedProgress / plannedProgress at `asOf`; null when nothing was planned yet or nothing measured. */
  realisedVsPlanned: number | null;
}

/** The planned level on `date`: the baseline before the first trajectory point, the last after the last. */
export function interpolateTrajectory(
  baseline: number,
  trajectory: readonly DatedValue[],
  date: string,
): number {
  const points = [...trajectory].sort((a, b) => a.date.localeCompare(b.date));
  const first = points[0];
  if (!first || date < first.date) return baseline;
  const day = getDayNumber(date);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as DatedValue;
    const b = points[i] as DatedValue;
    if (date <= b.date) {
      const da = getDayNumber(a.date);
      const span = getDayNumber(b.date) - da;
      return span === 0 ? b.value : a.value + ((b.value - a.value) * (day - da)) / span;
    }
  }
  return (points.at(-1) as DatedValue).value;
}

/** The last value on or before `date`, or null. */
export function valueAsOf(values: readonly DatedValue[], date: string): number | null {
  let best: DatedValue | null = null;
  for (const v of values) if (v.date <= date && (best === null || v.date >= best.date)) best = v;
  return best === null ? null : best.value;
}

/**
 * Realised versus planned for one benefit: at every trajectory date and measurement date up to
 * `asOf` (and at `asOf`), the planned level, the realised level and both as progress from the
 * baseline to the target (computeKeyResultProgress, so "decrease is better" works the same way).
 * Benefits realisation management after Bradley, "Benefit Realisation Management" (2nd ed., 2010).
 *
 * @example
 * computeBenefitRealisation({ baseline: 0, target: 100, direction: 'increase',
 *   trajectory: [{ date: '2026-01-01', value: 0 }, { date: '2026-12-31', value: 100 }],
 *   actuals: [{ date: '2026-06-30', value: 40 }] }, '2026-07-01').realisedVsPlanned; // ≈ 0.8
 */
export function computeBenefitRealisation(plan: BenefitPlan, asOf: string): BenefitRealisation {
  getDayNumber(asOf, 'asOf');
  for (const p of [...plan.trajectory, ...plan.actuals]) getDayNumber(p.date);
  const progressOf = (value: number | null) =>
    value === null
      ? null
      : computeKeyResultProgress({
          baseline: plan.baseline,
          target: plan.target,
          direction: plan.direction,
          current: value,
        }).progress;
  const pointAt = (date: string): RealisationPoint => {
    const planned = interpolateTrajectory(plan.baseline, plan.trajectory, date);
    const realised = valueAsOf(plan.actuals, date);
    return {
      date,
      planned,
      realised,
      plannedProgress: progressOf(planned) ?? 0,
      realisedProgress: progressOf(realised),
    };
  };
  const dates = new Set<string>([asOf]);
  for (const p of [...plan.trajectory, ...plan.actuals]) if (p.date <= asOf) dates.add(p.date);
  const series = [...dates].sort().map(pointAt);
  const toDate = pointAt(asOf);
  const realisedVsPlanned =
    toDate.realisedProgress === null || toDate.plannedProgress === 0
      ? null
      : toDate.realisedProgress / toDate.plannedProgress;
  return { series, toDate, realisedVsPlanned };
}

export interface BenefitValue {
  /** Money the benefit is worth once fully realised; null for benefits not valued in money. */
  financialValue: number | null;
  plannedProgress: number;
  realisedProgress: number | null;
}

/**
 * Value realised to date versus planned across benefits: Σ financial value × progress, for the
 * benefits valued in money (the others are counted in `unvalued`).
 *
 * @example
 * computePortfolioRealisation([{ financialValue: 1000, plannedProgress: 0.5, realisedProgress: 0.4 }]);
 * // { planned: 500, realised: 400, fullValue: 1000, ratio: 0.8, unvalued: 0 }
 */
export function computePortfolioRealisation(benefits: readonly BenefitValue[]): {
  planned: number;
  realised: number;
  fullValue: number;
  ratio: number | null;
  unvalued: number;
} {
  let planned = 0;
  let realised = 0;
  let fullValue = 0;
  let unvalued = 0;
  for (const b of benefits) {
    if (b.financialValue === null) {
      unvalued++;
      continue;
    }
    fullValue += b.financialValue;
    planned += b.financialValue * b.plannedProgress;
    realised += b.financialValue * (b.realisedProgress ?? 0);
  }
  return { planned, realised, fullValue, ratio: planned > 0 ? realised / planned : null, unvalued };
}
