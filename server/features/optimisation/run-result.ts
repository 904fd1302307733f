import type { FrontierPoint } from '../../../core/portfolio/frontier';
import { computePlanUsage, type PlanUsage } from '../../../core/portfolio/plan-usage';
import type { PortfolioProblem } from '../../../core/portfolio/problem';
import type { LeftOut, ScenarioCandidate, ValueSource } from '../../../core/portfolio/scenario';
import { describeShadowPrice } from '../../../core/portfolio/shadow-prices';
import type { PortfolioAnalysis } from '../../optimisation/analyse-portfolio';
import { quarterIndex, quarterLabel } from './quarters';

/** A funded initiative of a run, with names and dates for the timeline. */
export interface SelectedInitiative {
  id: string;
  key: string;
  name: string;
  start: number;
  duration: number;
  value: number;
  cost: number;
}

/** What a finished run stores and the API returns (docs/optimisation.md, "Runs"). */
export interface RunResultValue {
  status: string;
  valueSource: ValueSource;
  periodLabels: string[];
  objective: number | null;
  bound: number | null;
  gap: number | null;
  totalCost: number;
  selected: SelectedInitiative[];
  greedy: { objective: number; totalCost: number; selected: SelectedInitiative[] };
  /** Value the optimiser found on top of the cut line (objective − greedy objective). */
  uplift: number | null;
  leftOut: LeftOut[];
  conflicts: string[];
  frontier: FrontierPoint[];
  shadowPrices: {
    kind: 'budget' | 'capacity';
    skill: string | null;
    period: number;
    price: number;
    limit: number;
    used: number;
    sentence: string;
  }[];
  usage: PlanUsage;
}

const VALUE_NAMES: Record<ValueSource, string> = {
  npv: 'NPV',
  wsjf: 'WSJF cost of delay',
  score: 'weighted score',
};

/** 1_234_567 → "1.23 M", 12_300 → "12.3 k", 0.046 → "0.046". */
export function formatAmount(x: number): string {
  const abs = Math.abs(x);
  const three = (v: number) => String(Number(v.toPrecision(3)));
  if (abs >= 1e9) return `${three(x / 1e9)} bn`;
  if (abs >= 1e6) return `${three(x / 1e6)} M`;
  if (abs >= 1e4) return `${three(x / 1e3)} k`;
  return three(x);
}

/** Budget shadow prices are quoted per a round step near a tenth of an average period's budget. */
function budgetStep(problem: PortfolioProblem): number {
  const budget = problem.budget ?? [];
  const mean = budget.reduce((a, b) => a + b, 0) / Math.max(1, budget.length);
  return mean > 10 ? 10 ** Math.floor(Math.log10(mean) - 1) : 1;
}

/** Turns the worker's analysis into the stored result: names, quarter labels, usage and sentences. */
export function presentRunResult(
  scenario: {
    valueSource: ValueSource;
    horizonStart: string;
    periods: number;
    candidates: ScenarioCandidate[];
  },
  problem: PortfolioProblem,
  leftOut: LeftOut[],
  analysis: PortfolioAnalysis,
): RunResultValue {
  const first = quarterIndex(scenario.horizonStart);
  const periodLabels = Array.from({ length: scenario.periods }, (_, p) => quarterLabel(first + p));
  const info = new Map(scenario.candidates.map((c) => [c.id, c]));
  const byId = new Map(problem.candidates.map((c) => [c.id, c]));
  const describe = (plan: { id: string; start: number }[]) =>
    plan
      .map((s) => {
        const c = byId.get(s.id);
        const named = info.get(s.id);
        return {
          id: s.id,
          key: named?.key ?? s.id,
          name: named?.name ?? s.id,
          start: s.start,
          duration: c?.duration ?? 1,
          value: c?.value ?? 0,
          cost: (c?.cost ?? []).reduce((a, b) => a + b, 0),
        };
      })
      .sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
  const { solution, greedy } = analysis;
  const selected = describe(solution.plan.selected);
  const greedySelected = describe(greedy.plan.selected);
  const words = {
    periodLabel: (p: number) => periodLabels[p] ?? `period ${p}`,
    valueName: VALUE_NAMES[scenario.valueSource],
    formatAmount,
    budgetStep: budgetStep(problem),
    capacityUnit: 'FTE',
  };
  // Conflicts and left-out reasons name candidates by id (a project's UUID); people know its key.
  const withKeys = (text: string) =>
    scenario.candidates.reduce((t, c) => t.replaceAll(c.id, c.key || c.id), text);
  const total = (xs: SelectedInitiative[]) => xs.reduce((a, s) => a + s.cost, 0);
  return {
    status: solution.status,
    valueSource: scenario.valueSource,
    periodLabels,
    objective: solution.objective,
    bound: solution.bound,
    gap: solution.gap,
    totalCost: total(selected),
    selected,
    greedy: { objective: greedy.objective, totalCost: total(greedySelected), selected: greedySelected },
    uplift: solution.objective === null ? null : solution.objective - greedy.objective,
    leftOut: leftOut.map((l) => ({ id: withKeys(l.id), reason: withKeys(l.reason) })),
    conflicts: (solution.conflicts ?? []).map((c) => withKeys(c.description)),
    frontier: analysis.frontier,
    shadowPrices: analysis.shadowPrices.map((sp) => ({
      kind: sp.kind,
      skill: sp.skill ?? null,
      period: sp.period,
      price: sp.price,
      limit: sp.limit,
      used: sp.used,
      sentence: describeShadowPrice(sp, words),
    })),
    usage: computePlanUsage(problem, solution.plan),
  };
}
