import { describe, expect, it } from 'vitest';
import { listUnlimitedSkills, ProblemFormatError, parseProblem } from './parse-problem';

function issuesOf(raw: unknown): string[] {
  try {
    parseProblem(raw);
  } catch (error) {
    if (error instanceof ProblemFormatError) return error.issues;
    throw error;
  }
  return [];
}

describe('parseProblem', () => {
  it('fills the documented defaults', () => {
    const p = parseProblem({ periods: 4, candidates: [{ id: 'a', value: 2, duration: 3 }] });
    expect(p.budget).toBeUndefined();
    expect(p.capacity).toEqual({});
    expect(p.candidates[0]).toMatchObject({
      earliestStart: 0,
      latestStart: 1,
      mandatory: false,
      cost: [0, 0, 0],
      demand: {},
      dependsOn: [],
      requires: [],
      excludes: [],
    });
  });

  it('treats a demanded skill without capacity as unlimited and lists it', () => {
    const p = parseProblem({
      periods: 1,
      capacity: { dev: [1] },
      candidates: [{ id: 'a', value: 1, duration: 1, demand: { dev: [1], ops: [9] } }],
    });
    expect(listUnlimitedSkills(p)).toEqual(['ops']);
  });

  it.each([
    [{ periods: 0, candidates: [] }, 'periods must be'],
    [{ periods: 2 }, 'candidates must be an array'],
    [{ periods: 2, candidates: [{ id: 'a', duration: 1 }] }, 'value must be'],
    [{ periods: 2, candidates: [{ id: 'a', value: 1 }] }, 'duration must be'],
    [{ periods: 2, candidates: [{ id: 'a', value: 1, duration: 1.5 }] }, 'duration must be'],
    [{ periods: 2, candidates: [{ id: 'a', value: 1, duration: 3 }] }, 'exceeds the 2 periods'],
    [
      { periods: 2, candidates: [{ id: 'a', value: 1, duration: 2, cost: [1] }] },
      'cost has 1 entries, expected 2',
    ],
    [{ periods: 2, candidates: [{ id: 'a', value: 1, duration: 1, cost: [-1] }] }, 'non-negative'],
    [{ periods: 2, budget: [1], candidates: [] }, 'budget has 1 entries'],
    [{ periods: 1, capacity: { d: [-2] }, candidates: [] }, 'non-negative'],
    [
      { periods: 1, candidates: [{ id: 'a', value: 1, duration: 1, demand: { d: [1, 1] } }] },
      "demand of 'd' has 2",
    ],
    [{ periods: 1, budget: [1], candidates: [{ id: 'a', value: 1, duration: 1 }] }, 'cost is missing'],
    [
      { periods: 3, candidates: [{ id: 'a', value: 1, duration: 1, earliestStart: 2, latestStart: 1 }] },
      'after',
    ],
    [
      { periods: 3, candidates: [{ id: 'a', value: 1, duration: 2, latestStart: 2 }] },
      'run past the last period',
    ],
    [{ periods: 1, candidates: [{ id: 'a', value: 1, duration: 1, mandatory: 'yes' }] }, 'mandatory must be'],
    [{ periods: 1, candidates: [{ id: 'a', value: 1, duration: 1, excludes: ['zz'] }] }, 'unknown candidate'],
    [{ periods: 1, candidates: [{ id: 'a', value: 1, duration: 1, requires: ['a'] }] }, 'names itself'],
    [
      {
        periods: 1,
        candidates: [
          { id: 'a', value: 1, duration: 1 },
          { id: 'a', value: 1, duration: 1 },
        ],
      },
      "duplicate candidate id 'a'",
    ],
    [
      {
        periods: 3,
        candidates: [
          { id: 'a', value: 1, duration: 1, dependsOn: ['b'] },
          { id: 'b', value: 1, duration: 1, dependsOn: ['a'] },
        ],
      },
      'dependency cycle',
    ],
  ])('rejects %j', (raw, message) => {
    expect(issuesOf(raw).join('\n')).toContain(message);
  });

  it('reports every issue at once', () => {
    const issues = issuesOf({
      periods: 2,
      budget: [1, 2, 3],
      candidates: [{ id: 'a', value: -1, duration: 1, cost: [1], dependsOn: ['x'] }],
    });
    expect(issues.length).toBeGreaterThanOrEqual(3);
  });
});
