import { describe, expect, it } from 'vitest';
import {
  type AssignmentProblem,
  buildAssignmentModel,
  computeGreedyAssignment,
  describeDemand,
  listEligible,
} from './assignment';

// Demand by role (a person's title), by skill, or a role with a skill.
describe('assignment suggestions by role', () => {
  const problem: AssignmentProblem = {
    periods: ['M1'],
    demands: [
      { id: 'role', kind: 'request', projectId: 'P', role: 'Developer', skill: null, hours: [100] },
      {
        id: 'both',
        kind: 'request',
        projectId: 'P',
        role: 'developer',
        skill: 'Java',
        minProficiency: 4,
        hours: [20],
      },
      { id: 'skill', kind: 'request', projectId: 'P', skill: 'Java', hours: [10] },
    ],
    candidates: [
      { personId: 'dee', name: 'Dee', role: 'Developer', skills: { java: 4 }, free: [60] },
      { personId: 'eve', name: 'Eve', role: 'DEVELOPER', skills: { java: 2 }, free: [40] },
      { personId: 'fay', name: 'Fay', role: 'Tester', skills: { java: 5 }, free: [80] },
      { personId: 'gil', name: 'Gil', skills: {}, free: [80] },
    ],
  };
  const [byRole, both, bySkill] = problem.demands;

  it('lets in only the role (case-insensitive), and the skill at its proficiency when one is named', () => {
    const names = (d: (typeof problem.demands)[number] | undefined) =>
      d ? listEligible(problem, d).map((i) => problem.candidates[i]?.personId) : [];
    expect(names(byRole)).toEqual(['dee', 'eve']);
    expect(names(both)).toEqual(['dee']);
    expect(names(bySkill)).toEqual(['dee', 'eve', 'fay']);
  });

  it('greedy: never overloads the role to cover it; leaves the rest unmet and says which role', () => {
    const [role, roleAndSkill] = computeGreedyAssignment(problem);
    // Largest demand first: Dee's 60 h and Eve's 40 h cover the 100 h asked of developers ...
    expect(role?.allocations.map((a) => [a.personId, a.hours, a.proficiency])).toEqual([
      ['dee', 60, null],
      ['eve', 40, null],
    ]);
    // ... so nobody in the role with Java 4 has room for the 20 h of the second.
    expect(roleAndSkill?.unmetHours).toBe(20);
    expect(roleAndSkill?.reason).toMatch(/developer with Java/);
    expect(describeDemand({ role: 'Developer', skill: null })).toBe('Developer');
  });

  it('builds no column for people outside the role', () => {
    const model = buildAssignmentModel(problem);
    expect(model.lp).toContain('cover0: x0_0 + x0_1 + u0 = 1');
    expect(model.lp).toContain('cover1: x1_0 + u1 = 1');
  });
});
