import { describe, expect, it } from 'vitest';
import { computeEvmStatus, findEvmSeriesErrors } from './evm-status';
import { computeSCurve } from './s-curve';

// PRA vignette (paulgovan/PRA, vignettes/evm.Rmd): BAC 100,000, planned 10/20/40/70/100%, status
// period 3, EV 35,000, AC 9,000 + 18,000 + 36,000 = 63,000.
const pra = {
  bac: 100000,
  pv: [10000, 20000, 40000, 70000, 100000],
  ev: [8000, 20000, 35000],
  ac: [9000, 27000, 63000],
};

describe('computeEvmStatus', () => {
  it('takes PV at period AT and EV, AC at the last entry (PRA vignette figures)', () => {
    const s = computeEvmStatus(pra);
    expect([s.at, s.pd, s.pvAtStatus, s.evAtStatus, s.acAtStatus]).toEqual([3, 5, 40000, 35000, 63000]);
    expect(s.spi).toBe(0.875);
    expect(s.eac.cpi).toBeCloseTo(180000, 6);
    expect(s.tcpi.bac).toBeCloseTo(1.7567567567567568, 12);
    // ES: C = 2 (PV 20,000 ≤ 35,000 < 40,000), ES = 2 + 15,000 / 20,000 = 2.75.
    expect(s.es).toBe(2.75);
    expect(s.spiT).toBeCloseTo(2.75 / 3, 12);
    expect(s.ieacT).toBeCloseTo(5 / (2.75 / 3), 12);
    expect(s.warnings).toEqual([]);
  });

  it('uses PV = BAC once the status date is past the plan', () => {
    const s = computeEvmStatus({
      bac: 300,
      pv: [100, 200, 300],
      ev: [50, 150, 250, 290],
      ac: [60, 160, 270, 320],
    });
    expect(s.pvAtStatus).toBe(300);
    expect(s.at).toBe(4);
    expect(s.es).toBeCloseTo(2.9, 12);
    expect(s.warnings.some((w) => /past the plan/.test(w))).toBe(true);
  });

  it('finds every error in a malformed series', () => {
    expect(findEvmSeriesErrors({ bac: 100, pv: [50, 100], ev: [], ac: [] })).toEqual([
      'ev must not be empty',
      'ac must not be empty',
    ]);
    expect(findEvmSeriesErrors({ bac: 100, pv: [50, 100], ev: [10, 20], ac: [10] })[0]).toMatch(
      /same periods/,
    );
    expect(findEvmSeriesErrors({ bac: -1, pv: [50, -100], ev: [10], ac: [10] })).toHaveLength(2);
    expect(findEvmSeriesErrors({ bac: 100, pv: [60, 50], ev: [10], ac: [10] })[0]).toMatch(
      /must not decrease/,
    );
    expect(() => computeEvmStatus({ bac: 100, pv: [100], ev: [1, 2], ac: [1] })).toThrow(RangeError);
  });

  it('warns when the plan does not end at BAC', () => {
    const s = computeEvmStatus({ bac: 100, pv: [40, 90], ev: [30], ac: [30] });
    expect(s.warnings[0]).toMatch(/ends at 90, not at BAC 100/);
  });
});

describe('computeSCurve', () => {
  it('lists cumulative PV, EV and AC per period with indices, EV and AC null after the status date', () => {
    const curve = computeSCurve(pra);
    expect(curve).toHaveLength(5);
    expect(curve[0]).toMatchObject({ period: 1, pv: 10000, ev: 8000, ac: 9000, spi: 0.8, es: 0.8 });
    expect(curve[2]?.cpi).toBeCloseTo(35000 / 63000, 12);
    expect(curve[4]).toMatchObject({
      period: 5,
      pv: 100000,
      ev: null,
      ac: null,
      spi: null,
      cpi: null,
      es: null,
    });
  });
});
