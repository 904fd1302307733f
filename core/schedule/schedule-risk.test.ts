import { describe, expect, it } from 'vitest';
import fixtures from '../../../shared/data/fixtures/cpm_pert.json' with { type: 'json' };
import { createRng } from '../random/prng';
import { pertMean, pertVariance, sampleDuration } from './pert';
import { computeScheduleRisk, type RiskActivity } from './schedule-risk';

// Hillier & Lieberman "Reliable Construction Co." three-point estimates (REFERENCES §2.2).
const f = fixtures.reliable_construction;
const preds = f.predecessors as Record<string, string>;
const estimates = f.pert_omp as Record<string, number[]> as Record<string, [number, number, number]>;
const network: RiskActivity[] = Object.entries(estimates).map(([id, [min, mostLikely, max]]) => ({
  id,
  estimate: { min, mostLikely, max },
  predecessors: (preds[id]?.split(',') ?? []).map((p) => ({ id: p, type: 'FS' as const, lag: 0 })),
}));

describe('PERT estimates', () => {
  it('reproduces the textbook te and σ² for every activity', () => {
    for (const [id, [min, mostLikely, max]] of Object.entries(estimates)) {
      const e = { min, mostLikely, max };
      expect(pertMean(e)).toBeCloseTo((f.pert_te as Record<string, number>)[id]!, 12);
      expect(pertVariance(e)).toBeCloseTo((f.pert_var as Record<string, number>)[id]!, 12);
    }
    // Mean critical path A-B-C-E-F-J-L-N: 44 weeks, variance 9.
    const path = f.critical_path.map((id) => estimates[id]!);
    const sum = (g: (e: { min: number; mostLikely: number; max: number }) => number) =>
      path.reduce((acc, [min, mostLikely, max]) => acc + g({ min, mostLikely, max }), 0);
    expect(sum(pertMean)).toBeCloseTo(44, 12);
    expect(sum(pertVariance)).toBeCloseTo(9, 12);
  });

  it('samples PERT-Beta with mean te and triangular with mean (a+m+b)/3', () => {
    const e = { min: 2, mostLikely: 3.5, max: 8 };
    const rng = createRng(11);
    const draws = 100_000;
    let pert = 0;
    let tri = 0;
    for (let k = 0; k < draws; k++) {
      const x = sampleDuration(e, 'pert', rng);
      const y = sampleDuration(e, 'triangular', rng);
      expect(x).toBeGreaterThanOrEqual(2);
      expect(y).toBeLessThanOrEqual(8);
      pert += x;
      tri += y;
    }
    expect(pert / draws).toBeCloseTo(pertMean(e), 1);
    expect(tri / draws).toBeCloseTo((2 + 3.5 + 8) / 3, 1);
  });
});

describe('computeScheduleRisk', () => {
  const result = computeScheduleRisk(network, { iterations: 4000, seed: 5 });

  it('puts the P50 at or above the deterministic 44 weeks (merge bias) and orders P50 ≤ P80 ≤ P95', () => {
    expect(result.p50).toBeGreaterThanOrEqual(43.5);
    expect(result.p50).toBeLessThan(48);
    expect(result.p80).toBeGreaterThanOrEqual(result.p50);
    expect(result.p95).toBeGreaterThanOrEqual(result.p80);
    // The textbook's normal approximation gives P(T ≤ 47) = 0.84; merge bias makes the simulated P80 close to 47.
    expect(result.p80).toBeGreaterThan(45);
    expect(result.p80).toBeLessThan(49.5);
  });

  it('gives the deterministic critical chain a high criticality index and K (fixed duration) no correlation', () => {
    expect(result.criticalityIndex.A).toBe(1);
    expect(result.criticalityIndex.C).toBe(1);
    expect(result.criticalityIndex.J).toBeGreaterThan(0.5);
    expect(result.criticalityIndex.M).toBeLessThan(0.5);
    expect(result.tornado.find((b) => b.id === 'K')?.correlation).toBe(0);
    expect(result.tornado[0]?.id).toBe('C'); // σ = 2 on the always-critical chain
  });

  it('is reproducible for a seed', () => {
    expect(computeScheduleRisk(network, { iterations: 500, seed: 9 })).toEqual(
      computeScheduleRisk(network, { iterations: 500, seed: 9 }),
    );
  });
});
