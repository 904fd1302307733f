import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEvmMetrics } from './evm-metrics';

// Worked examples of REFERENCES.md §1.2, recomputed in fixtures/evm_finance_prioritisation.json.
const examples = [
  {
    source: 'R package PRA, vignettes/evm.Rmd (paulgovan/PRA)',
    input: { bac: 100000, pv: 40000, ev: 35000, ac: 63000 },
    expected: {
      sv: -5000,
      cv: -28000,
      spi: 0.875,
      cpi: 0.5555555555555556,
      eacCpi: 180000,
      atypical: 128000,
    },
    more: { cpiSpi: 196714.2857142857, etc: 117000, vac: -80000, tcpiBac: 1.7567567567567568 },
  },
  {
    source: 'R package PRA, tests/testthat/test-evm.R (AC = 36,000)',
    input: { bac: 100000, pv: 40000, ev: 35000, ac: 36000 },
    expected: {
      sv: -5000,
      cv: -1000,
      spi: 0.875,
      cpi: 0.9722222222222222,
      eacCpi: 102857.14285714286,
      atypical: 101000,
    },
    more: { cpiSpi: 112408.16326530612, etc: 66857.14285714286, vac: -2857.142857142855, tcpiBac: 1.015625 },
  },
  {
    source: 'HossamElwahsh/sprints-automotive PM/S_PM_10_Monitoring_via_EVM (5 tasks, month 7, in k)',
    input: { bac: 3700, pv: 3000, ev: 2400, ac: 2700 },
    expected: { sv: -600, cv: -300, spi: 0.8, cpi: 0.8888888888888888, eacCpi: 4162.5, atypical: 4000 },
    more: { cpiSpi: 4528.125, etc: 1462.5, vac: -462.5, tcpiBac: 1.3 },
  },
  {
    source: 'wikislate.com "EVM forecasting" poster (BAC 100, EV 40, AC 45, SPI 0.8)',
    input: { bac: 100, pv: 50, ev: 40, ac: 45 },
    expected: { sv: -10, cv: -5, spi: 0.8, cpi: 0.8888888888888888, eacCpi: 112.5, atypical: 105 },
    more: { cpiSpi: 129.375, etc: 67.5, vac: -12.5, tcpiBac: 1.0909090909090908 },
  },
  {
    // The page prints SPI = 0.6; 1.6 / 2.4 is 0.6667 (source error noted in REFERENCES.md).
    source: 'geocities "bread" example (400 breads at $0.02, hour 3)',
    input: { bac: 8, pv: 2.4, ev: 1.6, ac: 3 },
    expected: {
      sv: -0.8,
      cv: -1.4,
      spi: 0.6666666666666667,
      cpi: 0.5333333333333333,
      eacCpi: 15,
      atypical: 9.4,
    },
    more: { cpiSpi: 21, etc: 12, vac: -7, tcpiBac: 1.28 },
  },
];

describe('computeEvmMetrics: published examples', () => {
  for (const { source, input, expected, more } of examples) {
    it(source, () => {
      const m = computeEvmMetrics(input);
      expect(m.sv).toBeCloseTo(expected.sv, 9);
      expect(m.cv).toBeCloseTo(expected.cv, 9);
      expect(m.spi).toBeCloseTo(expected.spi, 12);
      expect(m.cpi).toBeCloseTo(expected.cpi, 12);
      expect(m.eac.cpi).toBeCloseTo(expected.eacCpi, 6);
      expect(m.eac.atypical).toBeCloseTo(expected.atypical, 9);
      expect(m.eac.cpiSpi).toBeCloseTo(more.cpiSpi, 6);
      expect(m.etc).toBeCloseTo(more.etc, 6);
      expect(m.vac).toBeCloseTo(more.vac, 6);
      expect(m.tcpi.bac).toBeCloseTo(more.tcpiBac, 12);
      expect(m.warnings).toEqual([]);
    });
  }

  it('pmzilla.com/tcpi: AC 200,000, EV 225,000, BAC 350,000 → EAC 311,111.11, TCPI (EAC) 1.125', () => {
    const m = computeEvmMetrics({ bac: 350000, pv: 225000, ev: 225000, ac: 200000 });
    expect(m.cpi).toBe(1.125);
    expect(m.eac.cpi).toBeCloseTo(311111.11, 2);
    expect(m.tcpi.eac).toBeCloseTo(1.125, 12);
    // With EAC = AC + BAC − EV = 325,000 the page's TCPI is 1.0: (BAC − EV) / (EAC_atypical − AC).
    expect((350000 - 225000) / (m.eac.atypical - 200000)).toBe(1);
  });

  it('adds a bottom-up EAC and the percentages of the DAU Gold Card', () => {
    const m = computeEvmMetrics({ bac: 100000, pv: 40000, ev: 35000, ac: 63000, etc: 50000 });
    expect(m.eac.bottomUp).toBe(113000);
    expect(m.percentComplete).toBe(0.35);
    expect(m.percentSpent).toBe(0.63);
    expect(m.cvPercent).toBeCloseTo(-0.8, 12);
    expect(m.svPercent).toBeCloseTo(-0.125, 12);
  });
});

describe('computeEvmMetrics: zero denominators', () => {
  it('gives null with warnings, never Infinity or NaN', () => {
    const m = computeEvmMetrics({ bac: 1000, pv: 0, ev: 0, ac: 0 });
    expect([m.spi, m.cpi, m.eac.cpi, m.eac.cpiSpi, m.etc, m.vac, m.tcpi.eac]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(m.tcpi.bac).toBe(1);
    expect(m.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^SPI/), expect.stringMatching(/^CPI/)]),
    );
    expect(JSON.stringify(m)).not.toMatch(/Infinity|NaN/);
  });

  it('CPI of 0 (spent, nothing earned) leaves EAC (CPI) undefined', () => {
    const m = computeEvmMetrics({ bac: 1000, pv: 100, ev: 0, ac: 50 });
    expect(m.cpi).toBe(0);
    expect(m.eac.cpi).toBeNull();
    expect(m.warnings.some((w) => w.startsWith('EAC (CPI)'))).toBe(true);
  });

  it('TCPI (BAC) is undefined when AC = BAC and warns when AC > BAC', () => {
    expect(computeEvmMetrics({ bac: 100, pv: 100, ev: 80, ac: 100 }).tcpi.bac).toBeNull();
    const over = computeEvmMetrics({ bac: 100, pv: 100, ev: 80, ac: 120 });
    expect(over.tcpi.bac).toBe(-1);
    expect(over.warnings.some((w) => /AC exceeds BAC/.test(w))).toBe(true);
    // All earned at a cost above BAC: nothing is left to perform, so TCPI (BAC) is 0, not negative.
    const done = computeEvmMetrics({ bac: 500, pv: 500, ev: 500, ac: 600 });
    expect(done.tcpi.bac).toBe(0);
    expect(done.warnings.filter((w) => /AC exceeds BAC/.test(w))).toEqual([
      'AC exceeds BAC: the work is earned at a cost above BAC (TCPI (BAC) = 0, no work left)',
    ]);
  });

  it('TCPI (EAC) is undefined once all the work is earned (EAC − AC = 0 up to rounding)', () => {
    const m = computeEvmMetrics({ bac: 0.3, pv: 0.3, ev: 0.3, ac: 0.7 });
    expect(m.tcpi.eac).toBeNull();
    expect(m.etc).toBeCloseTo(0, 12);
  });
});

describe('computeEvmMetrics: identities (REFERENCES.md §1.2 test notes)', () => {
  const positive = fc.double({ min: 1, max: 1e7, noNaN: true });
  it('EAC (CPI) − AC = (BAC − EV) / CPI, VAC = BAC − EAC, TCPI (EAC) = CPI', () => {
    fc.assert(
      fc.property(positive, positive, positive, positive, (bac, pv, ev, ac) => {
        fc.pre(Math.abs(bac - ev) > 1e-6 * bac);
        const m = computeEvmMetrics({ bac, pv, ev, ac });
        const cpi = ev / ac;
        const close = (a: number | null, b: number) =>
          expect(Math.abs((a ?? Number.NaN) - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b) + 1e-9 * bac);
        close(m.etc, (bac - ev) / cpi);
        close(m.vac, bac - (m.eac.cpi ?? Number.NaN));
        close(m.tcpi.eac, cpi);
        close(m.eac.cpiSpi, ac + (bac - ev) / (cpi * (ev / pv)));
      }),
    );
  });
});
