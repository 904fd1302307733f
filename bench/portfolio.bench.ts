import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generatePortfolioInstance, type InstanceShape } from '../core/portfolio/generate-instance';
import { computeGreedyPlan } from '../core/portfolio/greedy';
import { mknapToProblem, parseMknapBestKnown, parseMknapFile } from '../core/portfolio/mknap';
import type { PortfolioProblem } from '../core/portfolio/problem';
import { solvePortfolio } from '../server/optimisation/solve-portfolio';
import { type BenchRow, type BenchSuite, formatMs } from './harness';

// Issue 9 target: 500 candidates × 12 periods × 10 skills (seeded), at most 0.5 % gap within 10 s,
// shown against the greedy "rank and cut" baseline of the same run; plus OR-Library mknapcb2
// (Chu & Beasley 1998) against its best known values (data/mknap/best-feasible-slns.txt).
const TIME_LIMIT_MS = 10_000;
const TARGET_GAP = 0.005;
const shared = new URL('../../shared/data/mknap/', import.meta.url);

async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await fn();
  return [out, performance.now() - start];
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

async function portfolioRows(label: string, problem: PortfolioProblem): Promise<BenchRow[]> {
  const [greedy, greedyMs] = await timed(() => {
    const byValue = computeGreedyPlan(problem, 'value');
    const byRatio = computeGreedyPlan(problem, 'value-per-cost');
    return byValue.objective >= byRatio.objective ? byValue : byRatio;
  });
  const [result, ms] = await timed(() =>
    solvePortfolio(problem, { timeLimitMs: TIME_LIMIT_MS, mipRelGap: TARGET_GAP }),
  );
  const value = result.objective ?? 0;
  return [
    {
      name: `${label}: value`,
      value: `${value} (${result.status})`,
      baseline: `${greedy.objective} (greedy)`,
      note: `optimiser adds ${pct(value / Math.max(greedy.objective, 1) - 1)}`,
    },
    {
      name: `${label}: gap to HiGHS bound`,
      value: result.gap === null ? 'n/a' : pct(result.gap),
      baseline: pct(TARGET_GAP),
      note: (result.gap ?? 1) <= TARGET_GAP ? 'target met' : 'target missed',
    },
    { name: `${label}: time`, value: formatMs(ms), baseline: formatMs(greedyMs), ratio: ms / greedyMs },
  ];
}

/** The same shape from five more seeds, so one lucky instance cannot carry the target. */
async function otherSeedsRow(shape: InstanceShape): Promise<BenchRow> {
  const gaps: number[] = [];
  const times: number[] = [];
  let greedyMs = 0;
  for (const seed of [1, 2, 3, 4, 5]) {
    const problem = generatePortfolioInstance(
      { ...shape, mandatoryRate: 0.01, tightness: 0.35, capacityTightness: [0.5, 1] },
      seed,
    );
    greedyMs += (await timed(() => computeGreedyPlan(problem, 'value')))[1];
    const [result, ms] = await timed(() =>
      solvePortfolio(problem, { timeLimitMs: TIME_LIMIT_MS, mipRelGap: TARGET_GAP }),
    );
    gaps.push(result.gap ?? 1);
    times.push(ms);
  }
  const worst = Math.max(...gaps);
  const slowest = Math.max(...times);
  return {
    name: '500×12×10, seeds 1–5: worst gap, slowest solve',
    value: `${pct(worst)} in ${formatMs(slowest)}`,
    baseline: `${pct(TARGET_GAP)}; greedy ${formatMs(greedyMs / 5)} each`,
    ratio: slowest / (greedyMs / 5),
    note: `${gaps.filter((g) => g <= TARGET_GAP).length} of 5 within target; gaps ${gaps.map(pct).join(', ')}`,
  };
}

const suite: BenchSuite = {
  name: 'portfolio optimisation (HiGHS MIP vs greedy cut line)',
  async run() {
    const shape = { candidates: 500, periods: 12, skills: 10, dependencyRate: 0.1, exclusionRate: 0.05 };
    // Budget at 35 % of what every candidate together would spend per period; each skill's capacity
    // 50–100 % of its average demand, so the budget binds everywhere and skills bind in their peaks.
    const flexible = generatePortfolioInstance(
      { ...shape, mandatoryRate: 0.01, tightness: 0.35, capacityTightness: [0.5, 1] },
      2026,
    );
    // Stress: the same candidates with every skill as tight as the budget (132 binding rows).
    const stress = generatePortfolioInstance({ ...shape, mandatoryRate: 0.01, tightness: 0.35 }, 2026);
    // The stress candidates with fixed start dates: selection only (a 132-row multidimensional knapsack).
    const fixed = {
      ...stress,
      candidates: stress.candidates.map((c) => ({ ...c, latestStart: c.earliestStart })),
    };
    const rows = [
      ...(await portfolioRows('500×12×10, flexible starts', flexible)),
      await otherSeedsRow(shape),
      ...(await portfolioRows('stress: every skill at 35 %, flexible starts', stress)),
      ...(await portfolioRows('stress: every skill at 35 %, fixed starts', fixed)),
    ];
    const instances = parseMknapFile(readFileSync(new URL('mknapcb2.txt', shared), 'utf8'));
    const known = parseMknapBestKnown(readFileSync(new URL('best-feasible-slns.txt', shared), 'utf8'));
    for (const k of [0, 10, 20]) {
      const name = `5.250-${String(k).padStart(2, '0')}`;
      const instance = instances[k];
      const best = known.get(name)?.best;
      if (!instance || best === undefined) continue;
      const problem = mknapToProblem(instance);
      const [result, ms] = await timed(() =>
        solvePortfolio(problem, { timeLimitMs: TIME_LIMIT_MS, mipRelGap: 0.001 }),
      );
      const value = result.objective ?? 0;
      rows.push({
        name: `mknapcb2 ${name}: value`,
        value: String(value),
        baseline: `${best} (best known)`,
        note: `deviation ${pct(1 - value / best)} in ${formatMs(ms)}`,
      });
    }
    return rows;
  },
};

export default suite;
