import { computeEarnedSchedule } from './earned-schedule';
import type { EvmSeries } from './evm-status';

/** One period of an S-curve chart. EV and AC are null after the status date. */
export interface SCurvePoint {
  period: number;
  /** Cumulative PV; BAC after the plan's last period. */
  pv: number;
  ev: number | null;
  ac: number | null;
  spi: number | null;
  cpi: number | null;
  /** Earned schedule at this period (null after the status date). */
  es: number | null;
}

/**
 * Cumulative PV from planned value per period.
 *
 * @example
 * computeCumulativePlan([100, 150, 200]); // [100, 250, 450]
 */
export function computeCumulativePlan(perPeriod: readonly number[]): number[] {
  let sum = 0;
  return perPeriod.map((v) => {
    sum += v;
    return sum;
  });
}

/**
 * The S-curve series of a project (the cumulative PV, EV and AC chart of PMBOK 6th ed.
 * §7.4.2.2): for every period up to the later of the plan's end and the status date, the
 * cumulative PV, EV and AC, with SPI, CPI and earned schedule where they exist.
 *
 * @example
 * computeSCurve({ bac: 300, pv: [100, 200, 300], ev: [80], ac: [90] });
 * // [{ period: 1, pv: 100, ev: 80, ac: 90, spi: 0.8, cpi: 0.889, es: 0.8 }, { period: 2, pv: 200, ev: null, … }, …]
 */
export function computeSCurve(series: EvmSeries): SCurvePoint[] {
  const at = series.ev.length;
  const periods = Math.max(series.pv.length, at);
  const points: SCurvePoint[] = [];
  for (let t = 1; t <= periods; t++) {
    const pv = t <= series.pv.length ? (series.pv[t - 1] ?? 0) : series.bac;
    const ev = t <= at ? (series.ev[t - 1] ?? 0) : null;
    const ac = t <= at ? (series.ac[t - 1] ?? null) : null;
    points.push({
      period: t,
      pv,
      ev,
      ac,
      spi: ev !== null && pv !== 0 ? ev / pv : null,
      cpi: ev !== null && ac !== null && ac !== 0 ? ev / ac : null,
      es: ev !== null && series.pv.length > 0 ? computeEarnedSchedule({ pv: series.pv, ev, at: t }).es : null,
    });
  }
  return points;
}
