import { computeEarnedSchedule } from './earned-schedule';
import { computeEvmMetrics, type EvmMetrics } from './evm-metrics';

/**
 * A project's EVM series: cumulative PV for every plan period (reaching BAC in the last), and
 * cumulative EV and AC for every period elapsed up to the status date (equal lengths: AT).
 */
export interface EvmSeries {
  bac: number;
  pv: readonly number[];
  ev: readonly number[];
  ac: readonly number[];
  /** Bottom-up estimate to complete, if the team has one. */
  etc?: number;
}

export interface EvmStatus extends EvmMetrics {
  /** Periods elapsed (the length of ev and ac). */
  at: number;
  /** Planned duration (the length of pv). */
  pd: number;
  /** PV, EV and AC at the status date. */
  pvAtStatus: number;
  evAtStatus: number;
  acAtStatus: number;
  es: number;
  svT: number;
  spiT: number | null;
  ieacT: number | null;
}

function checkSeries(name: string, values: unknown, errors: string[], allowEmpty: boolean): void {
  if (!Array.isArray(values)) {
    errors.push(`${name} must be an array of numbers`);
    return;
  }
  if (values.length === 0 && !allowEmpty) errors.push(`${name} must not be empty`);
  values.forEach((v: unknown, t) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(`${name}[${t}] must be a finite number`);
    else if (v < 0) errors.push(`${name}[${t}] must not be negative, got ${v}`);
  });
}

/**
 * Everything wrong with an EVM series, as messages (empty when it is valid): BAC a number ≥ 0,
 * pv non-empty and non-decreasing (it is cumulative), ev and ac non-empty and of equal length,
 * no negative or non-finite amounts.
 *
 * @example
 * findEvmSeriesErrors({ bac: 100, pv: [50, 100], ev: [40], ac: [] }); // ['ac must not be empty', …]
 */
export function findEvmSeriesErrors(series: EvmSeries): string[] {
  const errors: string[] = [];
  if (typeof series.bac !== 'number' || !Number.isFinite(series.bac) || series.bac < 0) {
    errors.push('bac must be a finite number ≥ 0');
  }
  checkSeries('pv', series.pv, errors, false);
  checkSeries('ev', series.ev, errors, false);
  checkSeries('ac', series.ac, errors, false);
  if (series.etc !== undefined && !(Number.isFinite(series.etc) && series.etc >= 0)) {
    errors.push('etc must be a finite number ≥ 0');
  }
  if (Array.isArray(series.ev) && Array.isArray(series.ac) && series.ev.length !== series.ac.length) {
    errors.push(
      `ev and ac must cover the same periods, got ${series.ev.length} and ${series.ac.length} entries`,
    );
  }
  if (errors.length === 0) {
    const drop = series.pv.findIndex((v, t) => t > 0 && v < (series.pv[t - 1] ?? 0));
    if (drop > 0) errors.push(`pv is cumulative and must not decrease, but pv[${drop}] < pv[${drop - 1}]`);
  }
  return errors;
}

/**
 * EVM and earned-schedule figures at the status date of a series: AT = ev.length, PV = pv[AT−1]
 * (BAC once the plan's periods are over), EV and AC the last entries. See
 * {@link computeEvmMetrics} and {@link computeEarnedSchedule} for the formulas.
 *
 * @example
 * computeEvmStatus({ bac: 1000, pv: [200, 500, 1000], ev: [150, 400], ac: [180, 450] });
 * // at 2: PV 500, EV 400, AC 450 → SPI 0.8, CPI 0.889, ES = 1 + (400 − 200) / 300 = 1.667
 */
export function computeEvmStatus(series: EvmSeries): EvmStatus {
  const errors = findEvmSeriesErrors(series);
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  const { bac, pv } = series;
  const at = series.ev.length;
  const pd = pv.length;
  const ev = series.ev[at - 1] ?? 0;
  const ac = series.ac[at - 1] ?? 0;
  const pvAtStatus = at <= pd ? (pv[at - 1] ?? 0) : bac;
  const warnings: string[] = [];
  const last = pv[pd - 1] ?? 0;
  if (Math.abs(last - bac) > 1e-9 * Math.max(1, Math.abs(bac))) {
    warnings.push(`the plan's cumulative PV ends at ${last}, not at BAC ${bac}`);
  }
  if (at > pd)
    warnings.push(`the status date (period ${at}) is past the plan's last period (${pd}): PV = BAC`);
  if (ev > bac) warnings.push(`EV (${ev}) exceeds BAC (${bac})`);
  const metrics = computeEvmMetrics({
    bac,
    pv: pvAtStatus,
    ev,
    ac,
    ...(series.etc === undefined ? {} : { etc: series.etc }),
  });
  const schedule = computeEarnedSchedule({ pv, ev, at });
  return {
    ...metrics,
    at,
    pd,
    pvAtStatus,
    evAtStatus: ev,
    acAtStatus: ac,
    es: schedule.es,
    svT: schedule.svT,
    spiT: schedule.spiT,
    ieacT: schedule.ieacT,
    warnings: [...warnings, ...metrics.warnings, ...schedule.warnings],
  };
}
