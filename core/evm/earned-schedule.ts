import { divideOrNull } from './ratio';

export interface EarnedScheduleInput {
  /** Cumulative planned value at the end of periods 1..PD (non-decreasing; PV_0 = 0 is implied). */
  pv: readonly number[];
  /** Cumulative earned value at the status date. */
  ev: number;
  /** Actual time: periods elapsed at the status date. */
  at: number;
}

export interface EarnedSchedule {
  /** Whole plan periods whose cumulative PV ≤ EV. */
  c: number;
  /** Earned schedule: the time at which the plan expected the EV earned so far. */
  es: number;
  /** ES − AT (periods; < 0 behind schedule). */
  svT: number;
  /** ES / AT. */
  spiT: number | null;
  /** PD / SPI(t): the forecast duration. */
  ieacT: number | null;
  /** Planned duration: the number of plan periods. */
  pd: number;
  warnings: string[];
}

/**
 * Earned schedule (Lipke, "Schedule is Different", The Measurable News, March 2003; PMI
 * Practice Standard for EVM 2nd ed., App. D; ISO 21508:2018):
 * ES = C + (EV − PV_C) / (PV_{C+1} − PV_C), with C the number of plan periods whose cumulative
 * PV ≤ EV and PV_0 = 0; when EV ≥ PV of the last period (C = PD) there is no PV_{C+1} and
 * ES = PD. SV(t) = ES − AT, SPI(t) = ES / AT, IEAC(t) = PD / SPI(t).
 *
 * @example
 * // REFERENCES.md §1.2 example F: C = 3, ES = 3.6, SPI(t) = 0.6, IEAC(t) = 16.67 months
 * computeEarnedSchedule({ pv: [100, 250, 450, 700, 950, 1150, 1300, 1400, 1450, 1500], ev: 600, at: 6 });
 */
export function computeEarnedSchedule(input: EarnedScheduleInput): EarnedSchedule {
  const { pv, ev, at } = input;
  const pd = pv.length;
  if (pd === 0) throw new RangeError('earned schedule needs at least one plan period');
  if (!Number.isFinite(ev) || ev < 0 || !Number.isFinite(at) || at < 0) {
    throw new RangeError(`EV and AT must be finite and ≥ 0, got EV ${ev}, AT ${at}`);
  }
  pv.forEach((v, t) => {
    const before = t === 0 ? 0 : (pv[t - 1] ?? 0);
    if (!Number.isFinite(v) || v < before) {
      throw new RangeError(`cumulative PV must be finite, ≥ 0 and non-decreasing; pv[${t}] = ${v}`);
    }
  });
  const warnings: string[] = [];
  let c = 0;
  while (c < pd && (pv[c] ?? 0) <= ev) c++;
  let es: number;
  if (c === pd) {
    es = pd;
  } else {
    const pvC = c === 0 ? 0 : (pv[c - 1] ?? 0);
    const pvNext = pv[c] ?? 0;
    // pvNext > ev ≥ pvC, so the denominator is positive.
    es = c + (ev - pvC) / (pvNext - pvC);
  }
  const spiT = divideOrNull(es, at, 'SPI(t)', 'AT is 0', warnings);
  const ieacT = divideOrNull(pd, spiT, 'IEAC(t)', 'SPI(t) is 0 (no schedule earned yet)', warnings);
  return { c, es, svT: es - at, spiT, ieacT, pd, warnings };
}
