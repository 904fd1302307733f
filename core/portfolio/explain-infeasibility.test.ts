import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConflictingGroups, listConflictScope } from './explain-infeasibility';
import { parseProblem } from './parse-problem';
import { type ConstraintGroup, groupKey } from './problem';

const budget = (period: number): ConstraintGroup => ({ kind: 'budget', period });

describe('findConflictingGroups (deletion filter)', () => {
  it('returns an irreducible conflict for any monotone oracle', async () => {
    // Infeasible exactly when every group of some hidden "core" set is kept: the filter must return it.
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1 }), async (core) => {
        const groups = Array.from({ length: 10 }, (_, p) => budget(p));
        const isFeasible = (dropped: ReadonlySet<string>) =>
          core.some((p) => dropped.has(groupKey(budget(p))));
        const conflict = await findConflictingGroups(groups, isFeasible);
        expect(conflict.map((g) => (g.kind === 'budget' ? g.period : -1)).sort()).toEqual([...core].sort());
      }),
    );
  });
});

describe('listConflictScope', () => {
  it('keeps mandatory candidates, what they depend on or require, and the rules touching them', () => {
    const problem = parseProblem({
      periods: 3,
      budget: [5, 5, 5],
      capacity: { dev: [1, 1, 1] },
      candidates: [
        { id: 'm', value: 1, duration: 1, cost: [3], dependsOn: ['d'], mandatory: true, latestStart: 1 },
        { id: 'd', value: 1, duration: 1, cost: [0], demand: { dev: [1] }, requires: ['r'] },
        { id: 'r', value: 1, duration: 1, cost: [0] },
        { id: 'free', value: 1, duration: 1, cost: [9], excludes: ['m'] },
      ],
    });
    const scope = listConflictScope(problem);
    expect([...scope.only].sort()).toEqual([0, 1, 2]);
    expect(scope.groups.map(groupKey)).toEqual([
      'mandatory:m',
      'window:m',
      'dependency:m:d',
      'requirement:d:r',
      'budget:0',
      'capacity:dev:0',
      'budget:1',
      'capacity:dev:1',
      'budget:2',
      'capacity:dev:2',
    ]);
  });
});
