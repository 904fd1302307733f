import { describe, expect, it } from 'vitest';
import type { GoalAlignment } from '../../api/value';
import {
  findAlignmentDraftErrors,
  newAlignmentDraft,
  toAlignmentBody,
  toAlignmentDraft,
} from './alignment-draft';
import { changedFields } from './versioned-save';

describe('goal alignment draft', () => {
  it('sends exactly one of projectId and workItemId, the weight as a share', () => {
    const project = { ...newAlignmentDraft('g1'), projectId: 'p1', weightPercent: '40', note: ' ' };
    expect(toAlignmentBody(project)).toEqual({ goalId: 'g1', projectId: 'p1', weight: 0.4, note: null });
    const epic = { ...project, work: 'item' as const, workItemId: 'e1', note: 'Half of it' };
    expect(toAlignmentBody(epic)).toEqual({
      goalId: 'g1',
      workItemId: 'e1',
      weight: 0.4,
      note: 'Half of it',
    });
  });

  it('reads a link to an epic back with the epic’s project', () => {
    const link = {
      goalId: 'g1',
      projectId: null,
      workItemId: 'e1',
      weight: 0.35,
      note: null,
    } as GoalAlignment;
    expect(toAlignmentDraft(link, 'p9')).toMatchObject({
      work: 'item',
      projectId: 'p9',
      weightPercent: '35',
    });
  });

  it('names the missing goal, work and an out-of-range weight', () => {
    expect(findAlignmentDraftErrors({ ...newAlignmentDraft(), work: 'item', weightPercent: '0' })).toEqual({
      goalId: expect.any(String),
      projectId: expect.any(String),
      workItemId: expect.any(String),
      weight: expect.any(String),
    });
    expect(
      findAlignmentDraftErrors({ ...newAlignmentDraft('g'), projectId: 'p', weightPercent: '101' }),
    ).toHaveProperty('weight');
  });

  it('an edit sends only what changed, arrays and objects compared by value', () => {
    const before = { weight: 0.4, note: null, lines: [{ a: 1 }] };
    expect(changedFields({ weight: 0.5, note: null, lines: [{ a: 1 }] }, before)).toEqual({ weight: 0.5 });
    expect(changedFields({ ...before }, before)).toEqual({});
  });
});
