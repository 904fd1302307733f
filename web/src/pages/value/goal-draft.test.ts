import { describe, expect, it } from 'vitest';
import type { Goal, KeyResult } from '../../api/value';
import {
  findGoalDraftErrors,
  findKeyResultDraftErrors,
  newGoalDraft,
  newKeyResultDraft,
  toGoalBody,
  toGoalDraft,
  toKeyResultBody,
  toKeyResultDraft,
} from './goal-draft';

describe('goal form', () => {
  it('asks for the scope its level needs and refuses a goal as its own parent', () => {
    expect(findGoalDraftErrors(newGoalDraft())).toEqual({
      name: 'Name the goal',
      portfolioId: 'Choose the portfolio the goal is for',
    });
    expect(findGoalDraftErrors({ ...newGoalDraft(), name: 'G', level: 'team' })).toEqual({
      teamId: 'Choose the team the goal is for',
    });
    expect(
      findGoalDraftErrors({ ...newGoalDraft(), name: 'G', level: 'organisation', parentId: 'g1' }, 'g1'),
    ).toEqual({ parentId: 'A goal cannot be its own parent' });
  });

  it('keeps only the scope of the level, and reads a record back to the same body', () => {
    const draft = { ...newGoalDraft(), name: ' Grow ', level: 'organisation' as const, portfolioId: 'p1' };
    expect(toGoalBody(draft)).toMatchObject({
      name: 'Grow',
      portfolioId: null,
      teamId: null,
      parentId: null,
    });
    const goal = {
      id: 'g1',
      version: 2,
      name: 'Grow',
      level: 'team',
      parentId: 'g0',
      portfolioId: null,
      teamId: 't1',
      ownerId: null,
      description: null,
    } as unknown as Goal;
    expect(toGoalBody(toGoalDraft(goal))).toEqual({
      name: 'Grow',
      level: 'team',
      parentId: 'g0',
      portfolioId: null,
      teamId: 't1',
      ownerId: null,
      description: null,
    });
  });
});

describe('key-result form', () => {
  const kr = {
    ...newKeyResultDraft(),
    goalId: 'g1',
    name: 'Churn down',
    metric: 'monthly churn',
    unit: '%',
    direction: 'decrease' as const,
    baseline: '8',
    target: '5',
  };

  it('refuses a target on the wrong side of the baseline for "decrease is better"', () => {
    expect(findKeyResultDraftErrors(kr)).toEqual({});
    expect(findKeyResultDraftErrors({ ...kr, target: '9' }).target).toMatch(/above the baseline/);
    expect(findKeyResultDraftErrors({ ...kr, baseline: 'x' })).toEqual({
      baseline: 'Enter the level at the start',
    });
  });

  it('sends numbers and nulls, and reads a record back to the same body', () => {
    expect(toKeyResultBody(kr)).toMatchObject({ baseline: 8, target: 5, kpiId: null, dueDate: null });
    const record = { id: 'k1', version: 1, ...toKeyResultBody(kr) } as unknown as KeyResult;
    expect(toKeyResultBody(toKeyResultDraft(record))).toEqual(toKeyResultBody(kr));
  });
});
