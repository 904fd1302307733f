import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byField, computeInvolvement, describeInvolvement, proficiencyLabel } from './person-links';

describe('computeInvolvement', () => {
  it('counts work items and assignments per project, most involved first', () => {
    const work = [
      { projectId: 'p2', teamId: 't1' },
      { projectId: 'p1', teamId: 't1' },
      { projectId: 'p2', teamId: null },
    ];
    const assignments = [
      { projectId: 'p3', teamId: null },
      { projectId: 'p1', teamId: 't2' },
    ];
    expect(computeInvolvement(work, assignments, byField('projectId'))).toEqual([
      { id: 'p1', workItems: 1, assignments: 1 },
      { id: 'p2', workItems: 2, assignments: 0 },
      { id: 'p3', workItems: 0, assignments: 1 },
    ]);
    expect(computeInvolvement(work, assignments, byField('teamId'))).toEqual([
      { id: 't1', workItems: 2, assignments: 0 },
      { id: 't2', workItems: 0, assignments: 1 },
    ]);
  });

  it('takes different keys from work items and assignments (assignee and person)', () => {
    const work = [{ assigneeId: 'ann' }, { assigneeId: null }, { assigneeId: 'bob' }, { assigneeId: 'ann' }];
    const booked = [{ personId: 'cy' }, { personId: 'bob' }];
    expect(
      computeInvolvement(work, booked, { work: (w) => w.assigneeId, assignment: (a) => a.personId }),
    ).toEqual([
      { id: 'ann', workItems: 2, assignments: 0 },
      { id: 'bob', workItems: 1, assignments: 1 },
      { id: 'cy', workItems: 0, assignments: 1 },
    ]);
  });

  it('loses no record and never invents an id', () => {
    const row = fc.record({
      projectId: fc.constantFrom('a', 'b', 'c'),
      teamId: fc.option(fc.constantFrom('x', 'y'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row), fc.array(row), (work, assignments) => {
        const out = computeInvolvement(work, assignments, byField('teamId'));
        const total = out.reduce((sum, e) => sum + e.workItems + e.assignments, 0);
        const withTeam = [...work, ...assignments].filter((r) => r.teamId !== null);
        expect(total).toBe(withTeam.length);
        expect(new Set(out.map((e) => e.id))).toEqual(new Set(withTeam.map((r) => r.teamId)));
      }),
    );
  });
});

describe('describeInvolvement', () => {
  it('puts the counts in words with plurals', () => {
    expect(describeInvolvement({ id: 'x', workItems: 1, assignments: 2 })).toBe('1 work item, 2 assignments');
    expect(describeInvolvement({ id: 'x', workItems: 0, assignments: 1 })).toBe('1 assignment');
  });
});

describe('proficiencyLabel', () => {
  it('maps 1–5 and clamps out-of-range values', () => {
    expect([1, 2, 3, 4, 5].map(proficiencyLabel)).toEqual([
      'Learning',
      'Basic',
      'Competent',
      'Advanced',
      'Expert',
    ]);
    expect(proficiencyLabel(9)).toBe('Expert');
    expect(proficiencyLabel(0)).toBe('Learning');
  });
});
