import { describe, expect, it } from 'vitest';
import { computeAgileEvm } from './agile-evm';
import { computeQuantile, computeReferenceClassForecast } from './reference-class';

describe('computeAgileEvm (Sulaiman, Barton & Blackburn 2006)', () => {
  // Constructed release, computed by hand with the paper's definitions: PPC = n / L,
  // APC = completed / planned points, PV = PPC × BAC, EV = APC × BAC.
  const release = {
    bac: 100000,
    plannedSprints: 10,
    sprintsCompleted: 4,
    plannedStoryPoints: 120,
    completedStoryPoints: 40,
    actualCost: 45000,
  };

  it('measures progress in accepted story points at the sprint boundary', () => {
    const r = computeAgileEvm(release);
    expect(r.ppc).toBe(0.4);
    expect(r.apc).toBeCloseTo(1 / 3, 12);
    expect(r.pvAtStatus).toBe(40000);
    expect(r.evAtStatus).toBeCloseTo(100000 / 3, 9);
    expect(r.spi).toBeCloseTo(5 / 6, 12); // (1/3) / 0.4
    expect(r.cpi).toBeCloseTo(100000 / 3 / 45000, 12);
    expect(r.eac.cpi).toBeCloseTo(135000, 6); // BAC / CPI = 100,000 × 45,000 / 33,333.33
    expect(r.forecastSprints).toBeCloseTo(12, 12); // L / SPI = 10 / (5/6)
  });

  it('re-baselines on added scope: more planned points lower APC and EV', () => {
    const r = computeAgileEvm({ ...release, plannedStoryPoints: 160 });
    expect(r.apc).toBe(0.25);
    expect(r.evAtStatus).toBe(25000);
  });

  it('leaves the forecast null with a warning before any points are accepted', () => {
    const r = computeAgileEvm({ ...release, completedStoryPoints: 0 });
    expect(r.forecastSprints).toBeNull();
    expect(r.warnings.some((w) => w.startsWith('forecast sprints'))).toBe(true);
    expect(() => computeAgileEvm({ ...release, plannedSprints: 0 })).toThrow(RangeError);
  });
});

describe('computeReferenceClassForecast', () => {
  it('interpolates quantiles as R quantile(type = 7) does', () => {
    // R: quantile(c(0.8, 1, 1.25, 2), c(0.5, 0.8)) → 1.125, 1.55 (h = (n − 1)p).
    expect(computeQuantile([0.8, 1, 1.25, 2], 0.5)).toBeCloseTo(1.125, 12);
    expect(computeQuantile([0.8, 1, 1.25, 2], 0.8)).toBeCloseTo(1.55, 12);
    expect(computeQuantile([3], 0.9)).toBe(3);
    expect(computeQuantile([], 0.5)).toBeNull();
  });

  it('turns past final CPI and SPI(t) into cost and duration ranges for the project', () => {
    // Cost ratios 1/CPI = 1, 1.25, 2, 0.8; duration ratios 1/SPI(t) = 1, 4/3.
    const f = computeReferenceClassForecast({
      bac: 1000,
      plannedDuration: 12,
      finalCpi: [1, 0.8, 0.5, 1.25],
      finalSpiT: [1, 0.75],
      percentiles: [50, 80],
    });
    expect(f.ranges[0]?.cost).toBeCloseTo(1125, 9);
    expect(f.ranges[0]?.costUplift).toBeCloseTo(0.125, 12);
    expect(f.ranges[0]?.duration).toBeCloseTo(12 * (1 + 1 / 6), 9);
    expect(f.ranges[1]?.cost).toBeCloseTo(1550, 9);
    expect(f.ranges[1]?.durationUplift).toBeCloseTo(0.8 / 3, 12);
    expect([f.costSample, f.durationSample]).toEqual([4, 2]);
  });

  it('ignores non-positive indices with a warning and gives null ranges without data', () => {
    const f = computeReferenceClassForecast({
      bac: 10,
      plannedDuration: 5,
      finalCpi: [0, -1, 1],
      finalSpiT: [],
    });
    expect(f.costSample).toBe(1);
    expect(f.ranges.map((r) => r.cost)).toEqual([10, 10, 10, 10]);
    expect(f.ranges.every((r) => r.duration === null)).toBe(true);
    expect(f.warnings).toHaveLength(2);
  });
});
