import { describe, expect, it } from 'vitest';
import { parseProblem } from './parse-problem';
import { verifyPlan } from './verify-plan';

const problem = parseProblem({
  periods: 3,
  budget: [10, 10, 10],
  capacity: { dev: [1, 1, 1] },
  candidates: [
    { id: 'a', value: 1, duration: 2, cost: [6, 6], demand: { dev: [1, 1] } },
    { id: 'b', value: 1, duration: 1, cost: [6], dependsOn: ['a'] },
    { id: 'c', value: 1, duration: 1, cost: [1], excludes: ['a'], requires: ['d'] },
    { id: 'd', value: 1, duration: 1, cost: [0], demand: { dev: [1] }, latestStart: 1, mandatory: true },
  ],
});

describe('verifyPlan', () => {
  it('accepts a plan that keeps every rule and flags a capacity overrun', () => {
    const plan = {
      selected: [
        { id: 'a', start: 0 },
        { id: 'b', start: 2 },
        { id: 'd', start: 1 },
      ],
    };
    expect(verifyPlan(problem, plan).map((v) => v.message)).toEqual([
      "period 1 needs 2 'dev', over its capacity of 1",
    ]);
    expect(
      verifyPlan(problem, {
        selected: [
          { id: 'd', start: 0 },
          { id: 'a', start: 1 },
        ],
      }),
    ).toEqual([]);
  });

  it('names every broken rule', () => {
    const plan = {
      selected: [
        { id: 'a', start: 0 },
        { id: 'b', start: 1 },
        { id: 'c', start: 0 },
        { id: 'c', start: 1 },
        { id: 'zz', start: 0 },
      ],
    };
    const rules = verifyPlan(problem, plan).map((v) => v.rule);
    expect(rules.sort()).toEqual(
      ['budget', 'dependency', 'duplicate', 'exclusion', 'mandatory', 'requirement', 'unknown'].sort(),
    );
    expect(verifyPlan(problem, { selected: [{ id: 'd', start: 2 }] }).map((v) => v.rule)).toEqual(['window']);
  });
});
