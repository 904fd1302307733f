import { divideOrNull } from './ratio';

/** Cumulative figures at the status date, in money. `etc` is a bottom-up estimate to complete, if any. */
export interface EvmInput {
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  etc?: number;
}

export interface EvmMetrics {
  /** EV − PV: > 0 ahead of plan (in money). */
  sv: number;
  /** EV − AC: > 0 under budget. */
  cv: number;
  spi: number | null;
  cpi: number | null;
  /** SV / PV and CV / EV (DAU Gold Card). */
  svPercent: number | null;
  cvPercent: number | null;
  /** EV / BAC, AC / BAC, PV / BAC. */
  percentComplete: number | null;
  percentSpent: number | null;
  percentScheduled: number | null;
  eac: {
    /** BAC / CPI: current cost performance continues. */
    cpi: number | null;
    /** AC + (BAC − EV): the variance so far was a one-off; the rest goes to plan. */
    atypical: number;
    /** AC + (BAC − EV) / (CPI × SPI): cost and schedule performance both weigh on the rest. */
    cpiSpi: number | null;
    /** AC + ETC, when a bottom-up ETC is given. */
    bottomUp: number | null;
  };
  /** EAC (CPI) − AC = (BAC − EV) / CPI. */
  etc: number | null;
  /** BAC − EAC (CPI). */
  vac: number | null;
  tcpi: {
    /** (BAC − EV) / (BAC − AC): efficiency needed on the rest of the work to finish on budget. */
    bac: number | null;
    /** (BAC − EV) / (EAC − AC) with EAC = BAC / CPI; equals CPI by construction. */
    eac: number | null;
  };
  warnings: string[];
}

/**
 * Earned value figures at a status date. Formulas: PMI, "Practice Standard for Earned Value
 * Management" 2nd ed. and PMBOK Guide 6th ed. §7.4.2.2 (SV, CV, SPI, CPI, EAC, ETC, VAC, TCPI);
 * DAU "Gold Card" (SV%, CV%). Zero denominators give null and a warning.
 *
 * @example
 * // PRA vignette (paulgovan/PRA, vignettes/evm.Rmd): CPI 0.5556, SPI 0.875, EAC 180,000
 * computeEvmMetrics({ bac: 100000, pv: 40000, ev: 35000, ac: 63000 });
 */
export function computeEvmMetrics(input: EvmInput): EvmMetrics {
  const { bac, pv, ev, ac } = input;
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined && !Number.isFinite(value)) {
      throw new RangeError(`${name} must be a finite number, got ${value}`);
    }
  }
  const w: string[] = [];
  const spi = divideOrNull(ev, pv, 'SPI', 'PV is 0', w);
  const cpi = divideOrNull(ev, ac, 'CPI', 'AC is 0', w);
  // PMBOK 6th ed. §7.4.2.2: EAC = BAC / CPI
  const eacCpi = divideOrNull(bac, cpi, 'EAC (CPI)', 'CPI is 0 (nothing earned yet)', w);
  const cpiTimesSpi = cpi === null || spi === null ? null : cpi * spi;
  // PMBOK 6th ed. §7.4.2.2: EAC = AC + (BAC − EV) / (CPI × SPI)
  const remainingByBoth = divideOrNull(bac - ev, cpiTimesSpi, 'EAC (CPI × SPI)', 'CPI × SPI is 0', w);
  // PMBOK 6th ed. §7.4.2.2: TCPI = (BAC − EV) / (BAC − AC) or (BAC − EV) / (EAC − AC)
  const tcpiBac = divideOrNull(bac - ev, bac - ac, 'TCPI (BAC)', 'AC equals BAC, no budget is left', w);
  // With work left, the TCPI turns negative; with none left (EV = BAC) it is 0, the overrun already made.
  if (tcpiBac !== null && bac - ac < 0)
    w.push(
      bac - ev > 0
        ? 'AC exceeds BAC: the BAC can no longer be met (TCPI (BAC) < 0)'
        : 'AC exceeds BAC: the work is earned at a cost above BAC (TCPI (BAC) = 0, no work left)',
    );
  const etc = eacCpi === null ? null : eacCpi - ac;
  if (eacCpi === null) w.push('ETC and VAC are undefined: EAC (CPI) is undefined');
  const tcpiEac = divideOrNull(
    bac - ev,
    etc,
    'TCPI (EAC)',
    'EAC equals AC, no work is left',
    w,
    Math.max(Math.abs(ac), Math.abs(bac)),
  );
  return {
    sv: ev - pv,
    cv: ev - ac,
    spi,
    cpi,
    svPercent: divideOrNull(ev - pv, pv, 'SV%', 'PV is 0', []),
    cvPercent: divideOrNull(ev - ac, ev, 'CV%', 'EV is 0', []),
    percentComplete: divideOrNull(ev, bac, '% complete', 'BAC is 0', []),
    percentSpent: divideOrNull(ac, bac, '% spent', 'BAC is 0', []),
    percentScheduled: divideOrNull(pv, bac, '% scheduled', 'BAC is 0', []),
    eac: {
      cpi: eacCpi,
      // PMBOK 6th ed. §7.4.2.2: EAC = AC + (BAC − EV)
      atypical: ac + (bac - ev),
      cpiSpi: remainingByBoth === null ? null : ac + remainingByBoth,
      // PMBOK 6th ed. §7.4.2.2: EAC = AC + bottom-up ETC
      bottomUp: input.etc === undefined ? null : ac + input.etc,
    },
    etc,
    vac: eacCpi === null ? null : bac - eacCpi,
    tcpi: { bac: tcpiBac, eac: tcpiEac },
    warnings: w,
  };
}
