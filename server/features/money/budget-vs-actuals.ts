import type { Trx } from '../../resources/resource-spec';
import type { BudgetsTable, ProjectsTable } from '../../store/tables';
import { listCostRates, listProjectActuals } from './actuals-store';
import { chooseBudget, linesOf } from './evm-series';
import { createRateFinder } from './labour-cost';
import { BUDGET_VERSIONS } from './money-vocabulary';

export interface Split {
  labour: number;
  nonLabour: number;
  capex: number;
  opex: number;
  total: number;
}

export const empty = (): Split => ({ labour: 0, nonLabour: 0, capex: 0, opex: 0, total: 0 });

/** Adds an amount to a split: labour or non-labour by cost type, capex or opex by category. */
export function add(split: Split, amount: number, costType: string, category: string): void {
  if (costType === 'labour') split.labour += amount;
  else split.nonLabour += amount;
  if (category === 'capex') split.capex += amount;
  else split.opex += amount;
  split.total += amount;
}

/** The budget standing for a version, as the API shows it (nulls when the version has none). */
export function presentChosenBudget({
  version,
  budget,
}: {
  version: string;
  budget: BudgetsTable | undefined;
}) {
  return budget
    ? {
        budgetVersion: version,
        id: budget.id,
        name: budget.name,
        status: budget.status,
        approvedAt: budget.approved_at,
      }
    : { budgetVersion: version, id: null, name: null, status: null, approvedAt: null };
}

/**
 * A project's budget against its actuals per month: for each version (original, current,
 * forecast) the budget that stands for it, and the actual cost from cost entries and costed time,
 * split by labour / non-labour and capex / opex, with the variance of the current budget.
 */
export async function computeBudgetVsActuals(trx: Trx, organisationId: string, project: ProjectsTable) {
  const actuals = await listProjectActuals(trx, organisationId, project.id);
  const rateOf = createRateFinder(await listCostRates(trx, organisationId));
  const months = new Map<string, { budget: Record<string, Split>; actual: Split }>();
  const month = (key: string) => {
    let m = months.get(key);
    if (!m) {
      m = { budget: Object.fromEntries(BUDGET_VERSIONS.map((v) => [v, empty()])), actual: empty() };
      months.set(key, m);
    }
    return m;
  };
  const budgets = BUDGET_VERSIONS.map((version) => ({
    version,
    budget: chooseBudget(actuals.budgets, version),
  }));
  for (const { version, budget } of budgets) {
    if (!budget) continue;
    for (const line of linesOf(budget)) {
      const split = month(line.period).budget[version];
      if (split) add(split, line.amount, line.costType, line.category);
    }
  }
  for (const c of actuals.costs)
    add(month(c.incurred_on.slice(0, 7)).actual, c.amount, c.cost_type, c.category);
  let uncostedHours = 0;
  for (const t of actuals.time) {
    const rate = rateOf(t.person_id, t.title, t.worked_on);
    if (rate === null) uncostedHours += t.hours;
    else add(month(t.worked_on.slice(0, 7)).actual, rate * t.hours, 'labour', t.category);
  }
  const rows = [...months].sort((a, b) => a[0].localeCompare(b[0]));
  const totals = { budget: Object.fromEntries(BUDGET_VERSIONS.map((v) => [v, empty()])), actual: empty() };
  for (const [, m] of rows) {
    for (const v of BUDGET_VERSIONS)
      for (const k of Object.keys(empty()) as (keyof Split)[])
        (totals.budget[v] as Split)[k] += (m.budget[v] as Split)[k];
    for (const k of Object.keys(empty()) as (keyof Split)[]) totals.actual[k] += m.actual[k];
  }
  return {
    projectId: project.id,
    budgets: budgets.map(presentChosenBudget),
    months: rows.map(([key, m]) => ({
      month: key,
      budget: m.budget,
      actual: m.actual,
      variance: (m.budget.current?.total ?? 0) - m.actual.total,
    })),
    totals: { ...totals, variance: (totals.budget.current?.total ?? 0) - totals.actual.total },
    uncostedHours,
  };
}
