import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEarnedSchedule } from './earned-schedule';
import { computeCumulativePlan } from './s-curve';

// REFERENCES.md §1.2 example F (constructed there; formula of Lipke 2003 and the PMI Practice
// Standard for EVM 2nd ed., App. D): PV_cum by month 1..10, PD 10, AT 6, EV 600.
const examplePv = [100, 250, 450, 700, 950, 1150, 1300, 1400, 1450, 1500];

describe('computeEarnedSchedule', () => {
  it('reproduces example F: C = 3, ES = 3.6, SV(t) = −2.4, SPI(t) = 0.6, IEAC(t) = 16.67', () => {
    const es = computeEarnedSchedule({ pv: examplePv, ev: 600, at: 6 });
    expect(es.c).toBe(3);
    expect(es.es).toBeCloseTo(3.6, 12);
    expect(es.svT).toBeCloseTo(-2.4, 12);
    expect(es.spiT).toBeCloseTo(0.6, 12);
    expect(es.ieacT).toBeCloseTo(16.666666666666668, 9);
    expect(es.pd).toBe(10);
  });

  it("ES = PD once EV reaches the last period's PV (no PV_{C+1})", () => {
    expect(computeEarnedSchedule({ pv: examplePv, ev: 1500, at: 12 }).es).toBe(10);
    expect(computeEarnedSchedule({ pv: examplePv, ev: 1600, at: 12 }).es).toBe(10);
    expect(computeEarnedSchedule({ pv: examplePv, ev: 1500, at: 12 }).spiT).toBeCloseTo(10 / 12, 12);
  });

  it('interpolates inside the first period from PV_0 = 0', () => {
    expect(computeEarnedSchedule({ pv: examplePv, ev: 25, at: 1 }).es).toBe(0.25);
  });

  it('counts plan periods with PV ≤ EV, so a flat plan period is fully earned', () => {
    // PV 100, 100, 200: EV 100 has earned both periods whose PV is 100.
    const es = computeEarnedSchedule({ pv: [100, 100, 200], ev: 100, at: 3 });
    expect(es.c).toBe(2);
    expect(es.es).toBe(2);
  });

  it('leaves IEAC(t) null with a warning when nothing is earned', () => {
    const es = computeEarnedSchedule({ pv: examplePv, ev: 0, at: 2 });
    expect(es.es).toBe(0);
    expect(es.spiT).toBe(0);
    expect(es.ieacT).toBeNull();
    expect(es.warnings[0]).toMatch(/IEAC\(t\)/);
  });

  it('rejects a decreasing cumulative PV and negative EV', () => {
    expect(() => computeEarnedSchedule({ pv: [100, 90], ev: 50, at: 1 })).toThrow(RangeError);
    expect(() => computeEarnedSchedule({ pv: [100], ev: -1, at: 1 })).toThrow(RangeError);
    expect(() => computeEarnedSchedule({ pv: [], ev: 1, at: 1 })).toThrow(RangeError);
  });

  const planArb = fc
    .array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 24 })
    .map(computeCumulativePlan);

  it('the plan reaches EV at time ES: interpolated PV(ES) = EV (Lipke 2003)', () => {
    fc.assert(
      fc.property(planArb, fc.double({ min: 0, max: 1, noNaN: true }), (pv, share) => {
        const bac = pv[pv.length - 1] ?? 0;
        const ev = share * bac;
        const { es } = computeEarnedSchedule({ pv, ev, at: 1 });
        const k = Math.min(Math.floor(es), pv.length - 1);
        const before = k === 0 ? 0 : (pv[k - 1] ?? 0);
        const pvAtEs = before + (es - k) * ((pv[k] ?? 0) - before);
        expect(es).toBeGreaterThanOrEqual(0);
        expect(es).toBeLessThanOrEqual(pv.length);
        expect(pvAtEs).toBeCloseTo(ev, 6);
      }),
    );
  });

  it('IEAC(t) = AT + (PD − ES) / SPI(t), and ES grows with EV', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (pv, share, at) => {
          const bac = pv[pv.length - 1] ?? 0;
          const a = computeEarnedSchedule({ pv, ev: share * bac, at });
          const b = computeEarnedSchedule({ pv, ev: share * bac * 0.9, at });
          expect(b.es).toBeLessThanOrEqual(a.es + 1e-12);
          const spiT = a.spiT ?? Number.NaN;
          expect(a.ieacT ?? Number.NaN).toBeCloseTo(at + (pv.length - a.es) / spiT, 6);
        },
      ),
    );
  });
});
