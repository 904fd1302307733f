import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExhaustiveOptimum } from '../../core/portfolio/exhaustive-search';
import { generatePortfolioInstance } from '../../core/portfolio/generate-instance';
import { computeGreedyPlan } from '../../core/portfolio/greedy';
import { buildPortfolioModel } from '../../core/portfolio/mip-model';
import { mknapToProblem, parseMknapBestKnown, parseMknapFile } from '../../core/portfolio/mknap';
import { parseProblem } from '../../core/portfolio/parse-problem';
import { computePlanValue } from '../../core/portfolio/problem';
import { verifyPlan } from '../../core/portfolio/verify-plan';
import { loadHighsRuntime, runModel } from './highs-solver';
import { solvePortfolio } from './solve-portfolio';

const shared = new URL('../../../shared/data/', import.meta.url);

// REFERENCES.md §6.3 / data/fixtures/portfolio_selection.json: 8 projects over 3 periods, constructed,
// unique optimum {P1,P2,P4,P5,P6} = 128 by enumeration of all 256 subsets and by MILP. Every project
// runs all three periods, so the single FTE limit (≤ 12) is a per-period capacity of 12; "P5 requires
// P2" is a selection-only rule (`requires`), not a finish-to-start dependency.
function fixtureProblem() {
  const f = JSON.parse(readFileSync(new URL('fixtures/portfolio_selection.json', shared), 'utf8'));
  const ids: string[] = f.projects;
  const requires = new Map<string, string[]>(
    (f.dependencies_requires as [string, string][]).map(([j, i]) => [j, [i]]),
  );
  const excludes = new Map<string, string[]>();
  for (const [a, b] of f.mutually_exclusive as [string, string][]) excludes.set(a, [b]);
  return {
    fixture: f,
    problem: parseProblem({
      periods: 3,
      budget: f.budget_by_period,
      capacity: { fte: [f.fte_capacity, f.fte_capacity, f.fte_capacity] },
      candidates: ids.map((id, i) => ({
        id,
        value: f.value[i],
        duration: 3,
        cost: f.cost_by_period[i],
        demand: { fte: [f.fte[i], f.fte[i], f.fte[i]] },
        mandatory: f.mandatory.includes(id),
        requires: requires.get(id) ?? [],
        excludes: excludes.get(id) ?? [],
      })),
    }),
  };
}

describe('solvePortfolio', () => {
  it('finds the published optimum of the REFERENCES.md §6.3 portfolio', async () => {
    const { fixture, problem } = fixtureProblem();
    const result = await solvePortfolio(problem, { timeLimitMs: 10_000 });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBe(fixture.optimum_value);
    expect(result.gap).toBe(0);
    expect(result.plan.selected.map((s) => s.id).sort()).toEqual([...fixture.optimal_selections[0]].sort());
    expect(computeExhaustiveOptimum(problem).feasiblePlans).toBe(fixture.n_feasible);
  });

  it('schedules a dependant after its dependency finishes when that is worth more', async () => {
    const problem = parseProblem({
      periods: 3,
      budget: [10, 10, 10],
      candidates: [
        { id: 'a', value: 5, duration: 2, cost: [4, 4] },
        { id: 'b', value: 9, duration: 1, cost: [10], dependsOn: ['a'] },
        { id: 'c', value: 6, duration: 1, cost: [7], latestStart: 0 },
      ],
    });
    const result = await solvePortfolio(problem);
    expect(result.status).toBe('optimal');
    expect(result.plan.selected).toEqual([
      { id: 'a', start: 0 },
      { id: 'b', start: 2 },
    ]);
    expect(computeExhaustiveOptimum(problem).best).toBe(result.objective);
  });

  it('reports the conflicting mandatory candidates and budget periods of an infeasible problem', async () => {
    const problem = parseProblem({
      periods: 2,
      budget: [10, 100],
      candidates: [
        { id: 'm1', value: 1, duration: 1, cost: [8], latestStart: 0, mandatory: true },
        { id: 'm2', value: 1, duration: 1, cost: [5], latestStart: 0, mandatory: true },
        { id: 'm3', value: 1, duration: 1, cost: [5], mandatory: true },
        { id: 'x', value: 50, duration: 1, cost: [1] },
      ],
    });
    const result = await solvePortfolio(problem);
    expect(result.status).toBe('infeasible');
    expect(result.objective).toBeNull();
    const keys = (result.conflicts ?? [])
      .map((c) => `${c.kind}:${'candidate' in c ? c.candidate : ''}`)
      .sort();
    expect(keys).toEqual(['budget:', 'mandatory:m1', 'mandatory:m2', 'window:m1', 'window:m2'].sort());
    expect(result.conflicts?.find((c) => c.kind === 'budget')).toMatchObject({ period: 0 });
  });

  it('names a dependency or an exclusion when it makes mandatory work impossible', async () => {
    // b needs a finished first, but a (2 periods) then b (2 periods) do not fit in 3 periods.
    const chained = parseProblem({
      periods: 3,
      candidates: [
        { id: 'a', value: 1, duration: 2 },
        { id: 'b', value: 1, duration: 2, dependsOn: ['a'], mandatory: true },
      ],
    });
    const first = await solvePortfolio(chained);
    expect(first.status).toBe('infeasible');
    expect(first.conflicts?.map((c) => c.kind).sort()).toEqual(['dependency', 'mandatory']);
    const clash = parseProblem({
      periods: 1,
      candidates: [
        { id: 'c', value: 1, duration: 1, excludes: ['d'], mandatory: true },
        { id: 'd', value: 1, duration: 1, mandatory: true },
        { id: 'e', value: 1, duration: 1, mandatory: true },
      ],
    });
    const second = await solvePortfolio(clash);
    expect(second.status).toBe('infeasible');
    expect(second.conflicts?.map((c) => `${c.kind}:${'candidate' in c ? c.candidate : ''}`).sort()).toEqual([
      'exclusion:',
      'mandatory:c',
      'mandatory:d',
    ]);
  });

  // Property: on random small problems the MIP plan breaks no rule, is worth exactly the exhaustive
  // optimum, and is never worth less than a feasible greedy plan.
  it('matches exhaustive search and beats greedy on random small problems', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        async (seed, n, periods, skills) => {
          const problem = generatePortfolioInstance(
            {
              candidates: n,
              periods,
              skills,
              dependencyRate: 0.4,
              exclusionRate: 0.3,
              mandatoryRate: 0.2,
              tightness: 0.5,
              maxDuration: 3,
            },
            seed,
          );
          const exact = computeExhaustiveOptimum(problem);
          const result = await solvePortfolio(problem, { timeLimitMs: 10_000 });
          if (exact.best === undefined) {
            expect(result.status).toBe('infeasible');
            return;
          }
          expect(result.status).toBe('optimal');
          expect(verifyPlan(problem, result.plan)).toEqual([]);
          expect(result.objective).toBe(exact.best);
          expect(computePlanValue(problem, result.plan)).toBe(result.objective);
          const greedy = computeGreedyPlan(problem, 'value-per-cost');
          if (verifyPlan(problem, greedy.plan).length === 0)
            expect(result.objective).toBeGreaterThanOrEqual(greedy.objective);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  // A limit shorter than HiGHS's presolve leaves the MIP without a bound of its own; the gap then
  // comes from the LP relaxation, which bounds every plan, instead of being missing.
  it('reports a gap against the LP bound when the time limit ends the search before its root', async () => {
    const problem = generatePortfolioInstance(
      { candidates: 500, periods: 12, skills: 10, tightness: 0.35, capacityTightness: [0.5, 1] },
      11,
    );
    const result = await solvePortfolio(problem, { timeLimitMs: 1 });
    expect(result.status).toBe('feasible');
    expect(verifyPlan(problem, result.plan)).toEqual([]);
    const lp = runModel(await loadHighsRuntime(), buildPortfolioModel(problem, { relax: true })).bound;
    expect(lp).not.toBeNull();
    // Integer values: the bound is the LP optimum rounded down, or HiGHS's own if it got further.
    expect(result.bound).not.toBeNull();
    expect(result.bound ?? 0).toBeLessThanOrEqual(Math.floor(lp ?? 0));
    expect(result.bound ?? 0).toBeGreaterThanOrEqual(result.objective ?? Number.POSITIVE_INFINITY);
    const objective = result.objective ?? 1;
    expect(result.gap).toBeCloseTo(((result.bound ?? 0) - objective) / objective, 12);
  }, 60_000);

  // OR-Library mknapcb2 (Chu & Beasley 1998, J. Heuristics 4:63–86), best known values from
  // data/mknap/best-feasible-slns.txt; a relaxed time limit, so a small deviation is accepted.
  it.each([0, 20])(
    'comes within 0.5 percent of the best known value of mknapcb2 instance %i',
    async (k) => {
      const instances = parseMknapFile(readFileSync(new URL('mknap/mknapcb2.txt', shared), 'utf8'));
      const known = parseMknapBestKnown(
        readFileSync(new URL('mknap/best-feasible-slns.txt', shared), 'utf8'),
      );
      const name = `5.250-${String(k).padStart(2, '0')}`;
      const reference = known.get(name);
      const instance = instances[k];
      if (!reference || !instance) throw new Error(`missing ${name}`);
      const problem = mknapToProblem(instance);
      // 15 s, not the bench's 10 s: on a loaded 2-core CI machine 8 s fell short once.
      const result = await solvePortfolio(problem, { timeLimitMs: 15_000, mipRelGap: 0.001 });
      expect(verifyPlan(problem, result.plan)).toEqual([]);
      expect(result.objective ?? 0).toBeGreaterThanOrEqual(reference.best * 0.995);
      expect(result.objective ?? 0).toBeLessThanOrEqual(reference.lp ?? Number.POSITIVE_INFINITY);
    },
    60_000,
  );
});
