import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRanking } from './ranking';
import { type Criterion, computeWeightedScore, findScoringModelErrors } from './weighted-scoring';

const model: Criterion[] = [
  { id: 'value', weight: 3, min: 1, max: 5 },
  { id: 'risk', weight: 1, min: 1, max: 5, direction: 'lower-is-better' },
];

describe('computeWeightedScore', () => {
  it('normalises scores and weights and reports each contribution', () => {
    // Constructed: value 4 on 1..5 → 0.75; risk 2 on 1..5, lower better → 0.75; weights 3:1 → 0.75, 0.25.
    const result = computeWeightedScore(model, { value: 4, risk: 2 });
    expect(result.score).toBeCloseTo(0.75, 12);
    expect(result.breakdown).toEqual([
      { criterion: 'value', raw: 4, normalised: 0.75, weight: 0.75, contribution: 0.5625 },
      { criterion: 'risk', raw: 2, normalised: 0.75, weight: 0.25, contribution: 0.1875 },
    ]);
  });

  it('rejects invalid models, missing scores and scores off the scale', () => {
    expect(findScoringModelErrors([])).toHaveLength(1);
    expect(findScoringModelErrors([{ id: 'x', weight: 0, min: 5, max: 1 }])).toHaveLength(2);
    expect(() => computeWeightedScore(model, { value: 4 })).toThrow(/missing score/);
    expect(() => computeWeightedScore(model, { value: 6, risk: 1 })).toThrow(/outside/);
  });

  it('stays in [0, 1] and equals the sum of its contributions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ w: fc.integer({ min: 1, max: 10 }), v: fc.double({ min: 0, max: 1, noNaN: true }) }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (rows) => {
          const criteria = rows.map((r, i) => ({ id: `c${i}`, weight: r.w, min: 0, max: 10 }));
          const scores = Object.fromEntries(rows.map((r, i) => [`c${i}`, r.v * 10]));
          const { score, breakdown } = computeWeightedScore(criteria, scores);
          expect(score).toBeGreaterThanOrEqual(-1e-12);
          expect(score).toBeLessThanOrEqual(1 + 1e-12);
          expect(breakdown.reduce((s, b) => s + b.weight, 0)).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});

describe('computeRanking', () => {
  it('ranks by score with stable ties and competition ranks', () => {
    const ranked = computeRanking(['a', 'b', 'c', 'd'], (id) => ({
      score: { a: 1, b: 3, c: 1, d: 0 }[id] ?? 0,
      breakdown: { id },
    }));
    expect(ranked.map((r) => [r.item, r.rank, r.position])).toEqual([
      ['b', 1, 1],
      ['a', 2, 2],
      ['c', 2, 3],
      ['d', 4, 4],
    ]);
    expect(ranked[0]?.breakdown).toEqual({ id: 'b' });
    expect(() => computeRanking([1], () => ({ score: Number.NaN, breakdown: null }))).toThrow(RangeError);
  });

  it('ranks weighted scores, keeping each breakdown', () => {
    const items = [
      { id: 'x', scores: { value: 5, risk: 5 } },
      { id: 'y', scores: { value: 4, risk: 1 } },
    ];
    const ranked = computeRanking(items, (item) => computeWeightedScore(model, item.scores));
    // x: 0.75 × 1 + 0.25 × 0 = 0.75; y: 0.75 × 0.75 + 0.25 × 1 = 0.8125.
    expect(ranked.map((r) => r.item.id)).toEqual(['y', 'x']);
    expect(ranked[0]?.score).toBeCloseTo(0.75 * 0.75 + 0.25 * 1, 12);
    expect(ranked[1]?.breakdown[1]?.contribution).toBe(0);
  });
});
