import { describe, expect, it } from 'vitest';
import { computeSprintPredictability, computeVelocity } from './sprint-metrics';

const sprints = [
  { name: 'S1', committed: 30, completed: 21 },
  { name: 'S2', committed: 25, completed: 24 },
  { name: 'S3', committed: 20, completed: 20 },
  { name: 'S4', committed: 22, completed: 27 },
];

describe('sprint metrics', () => {
  it('averages velocity over all sprints and the last few', () => {
    const v = computeVelocity(sprints, { window: 2 });
    expect(v.average).toBe(23);
    expect(v.rollingAverage).toBe(23.5);
    expect([v.min, v.max]).toEqual([20, 27]);
    // Deviations −2, 1, −3, 4: population variance 30 / 4.
    expect(v.standardDeviation).toBeCloseTo(Math.sqrt(7.5), 12);
    expect(computeVelocity([]).average).toBeUndefined();
    expect(() => computeVelocity(sprints, { window: 0 })).toThrow(RangeError);
  });

  it('rates each sprint completed / committed against the 80–100% band', () => {
    const p = computeSprintPredictability([...sprints, { name: 'S5', committed: 0, completed: 3 }]);
    expect(p.perSprint.map((s) => [s.ratio, s.withinBand])).toEqual([
      [0.7, false],
      [0.96, true],
      [1, true],
      [27 / 22, false],
      [null, false],
    ]);
    expect(p.withinBandShare).toBe(0.5);
    expect(p.meanRatio).toBeCloseTo((0.7 + 0.96 + 1 + 27 / 22) / 4, 12);
  });
});
