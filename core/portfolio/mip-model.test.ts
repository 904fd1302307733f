import { describe, expect, it } from 'vitest';
import { buildPortfolioModel, decodePlan, encodePlan } from './mip-model';
import { parseProblem } from './parse-problem';

const problem = parseProblem({
  periods: 3,
  budget: [10, 10, 10],
  candidates: [
    { id: 'a', value: 5, duration: 2, cost: [4, 6] },
    { id: 'b', value: 7, duration: 1, cost: [3], dependsOn: ['a'], excludes: ['c'] },
    { id: 'c', value: 2, duration: 1, cost: [1], mandatory: true, earliestStart: 1 },
  ],
});

describe('buildPortfolioModel', () => {
  it('has one binary per candidate and allowed start, and the rows of the formulation', () => {
    const model = buildPortfolioModel(problem);
    expect(model.columns.map((c) => c.name)).toEqual([
      'x0_0',
      'x0_1',
      'x1_0',
      'x1_1',
      'x1_2',
      'x2_1',
      'x2_2',
    ]);
    expect(model.lp).toContain(' assign_2: + 1 x2_1 + 1 x2_2 = 1');
    // Period 1 pays a's second period if it started in 0, its first if it started in 1, b and c there.
    expect(model.lp).toContain(' bud_1: + 6 x0_0 + 4 x0_1 + 3 x1_1 + 1 x2_1 <= 10');
    // b started by period 2 needs a started by period 0 (2 − duration of a).
    expect(model.lp).toContain(' dep_1_0_2: + 1 x1_0 + 1 x1_1 + 1 x1_2 - 1 x0_0 <= 0');
    expect(model.lp).toContain(' excl_1_2: + 1 x1_0 + 1 x1_1 + 1 x1_2 + 1 x2_1 + 1 x2_2 <= 1');
    expect(model.lp).toMatch(/\nBinary\n/);
  });

  it('leaves out dropped groups, relaxes integrality and zeroes the objective on request', () => {
    const model = buildPortfolioModel(problem, {
      relax: true,
      feasibilityOnly: true,
      dropped: new Set(['mandatory:c', 'window:c', 'budget:1']),
    });
    expect(model.columns.map((c) => c.name)).toContain('x2_0');
    expect(model.lp).toContain(' assign_2: + 1 x2_0 + 1 x2_1 + 1 x2_2 <= 1');
    expect(model.lp).not.toContain('bud_1');
    expect(model.lp).not.toContain('Binary');
    expect(model.lp).toContain(' obj: 0 x0_0');
  });

  it('round-trips a plan through column values', () => {
    const model = buildPortfolioModel(problem);
    const plan = {
      selected: [
        { id: 'a', start: 0 },
        { id: 'c', start: 2 },
      ],
    };
    const values = encodePlan(problem, model, plan);
    expect(decodePlan(problem, model, (_, k) => values[k] ?? 0)).toEqual(plan);
  });
});
