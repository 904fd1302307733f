import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePlans } from './compare-plans';
import { generatePortfolioInstance } from './generate-instance';
import { computeGreedyPlan } from './greedy';
import { computePlanUsage } from './plan-usage';
import {
  buildScenarioProblem,
  findScenarioErrors,
  type ScenarioCandidate,
  type ScenarioConstraints,
} from './scenario';
import { verifyPlan } from './verify-plan';

const candidate = (id: string, over: Partial<ScenarioCandidate> = {}): ScenarioCandidate => ({
  id,
  key: id.toUpperCase(),
  name: id,
  values: { npv: 100, wsjf: 8, score: null },
  valueOverride: null,
  duration: 2,
  cost: [10, 10],
  demand: { data: [1, 1] },
  earliestStart: 0,
  latestStart: 2,
  included: true,
  mandatory: false,
  forcedStart: null,
  dependsOn: [],
  excludes: [],
  teamId: null,
  inFlight: false,
  ...over,
});

const constraints: ScenarioConstraints = {
  budget: [20, 20, 20, 20],
  budgetFactor: 0.8,
  capacity: { data: [3, 3, 3, 3] },
  teams: { t1: { name: 'Falcons', skills: { data: 2 } } },
  removedTeams: ['t1'],
};

describe('buildScenarioProblem', () => {
  it('applies the edits: value source, budget cut, team removal, forced start, left-out prerequisites', () => {
    const { problem, leftOut } = buildScenarioProblem({
      valueSource: 'wsjf',
      periods: 4,
      candidates: [
        candidate('a', { included: false }),
        candidate('b', { dependsOn: ['a'] }),
        candidate('c', { forcedStart: 1, values: { npv: -5, wsjf: null, score: null } }),
      ],
      constraints,
    });
    expect(problem.budget).toEqual([16, 16, 16, 16]);
    expect(problem.capacity.data).toEqual([1, 1, 1, 1]);
    expect(problem.candidates.map((c) => c.id)).toEqual(['c']);
    expect(problem.candidates[0]).toMatchObject({
      earliestStart: 1,
      latestStart: 1,
      mandatory: true,
      value: 0,
    });
    expect(leftOut).toEqual([
      { id: 'a', reason: 'removed from the scenario' },
      { id: 'b', reason: 'depends on a, which is not in the scenario' },
    ]);
  });
});

describe('findScenarioErrors', () => {
  it('names the field of each mistake', () => {
    const errors = findScenarioErrors(
      4,
      [candidate('a', { forcedStart: 3, cost: [1] }), candidate('b', { excludes: ['zzz'] })],
      { ...constraints, removedTeams: ['nope'] },
    );
    expect(errors.map((e) => e.field)).toEqual([
      'candidates[0].cost',
      'candidates[0].forcedStart',
      'candidates[1].excludes',
      'constraints.removedTeams',
    ]);
  });
});

describe('computePlanUsage and comparePlans', () => {
  it('a plan the verifier accepts never uses more than a limit, and usage sums the costs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const problem = generatePortfolioInstance({ candidates: 15, periods: 5, skills: 2 }, seed);
        const { plan } = computeGreedyPlan(problem);
        expect(verifyPlan(problem, plan)).toEqual([]);
        const usage = computePlanUsage(problem, plan);
        usage.budget.used.forEach((u, p) => {
          expect(u).toBeLessThanOrEqual((usage.budget.limit[p] ?? Number.POSITIVE_INFINITY) + 1e-6);
        });
        const byId = new Map(problem.candidates.map((c) => [c.id, c]));
        const spent = plan.selected.reduce(
          (s, x) => s + (byId.get(x.id)?.cost ?? []).reduce((a, b) => a + b, 0),
          0,
        );
        expect(usage.budget.used.reduce((a, b) => a + b, 0)).toBeCloseTo(spent, 6);
      }),
      { numRuns: 30 },
    );
  });

  it('splits two plans into selected, deselected, moved and unchanged', () => {
    expect(
      comparePlans(
        [
          { id: 'a', start: 0 },
          { id: 'b', start: 1 },
          { id: 'c', start: 2 },
        ],
        [
          { id: 'a', start: 2 },
          { id: 'c', start: 2 },
          { id: 'd', start: 0 },
        ],
      ),
    ).toEqual({
      selected: [{ id: 'd', start: 0 }],
      deselected: [{ id: 'b', start: 1 }],
      moved: [{ id: 'a', from: 0, to: 2 }],
      unchanged: ['c'],
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), start: fc.nat(3) }), {
          selector: (x) => x.id,
        }),
        fc.uniqueArray(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), start: fc.nat(3) }), {
          selector: (x) => x.id,
        }),
        (first, second) => {
          const c = comparePlans(first, second);
          expect(c.selected.length + c.moved.length + c.unchanged.length).toBe(second.length);
          expect(c.deselected.length + c.moved.length + c.unchanged.length).toBe(first.length);
        },
      ),
    );
  });
});
