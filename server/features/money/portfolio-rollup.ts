import { accessFilter } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import type { Trx } from '../../resources/resource-spec';
import { projectSpec } from '../projects/spec';
import { computeBudgetVsActuals } from './budget-vs-actuals';
import { BUDGET_VERSIONS } from './money-vocabulary';
import { computePortfolioHeldBudgets } from './portfolio-budgets';

export type RollupPeriod = 'month' | 'quarter' | 'year';

type Split = Record<string, number>;
const KEYS = ['labour', 'nonLabour', 'capex', 'opex', 'total'] as const;
const empty = (): Split => Object.fromEntries(KEYS.map((k) => [k, 0]));
const emptyVersions = () => Object.fromEntries(BUDGET_VERSIONS.map((v) => [v, empty()]));

function addInto(target: Split, source: object | undefined): void {
  if (!source) return;
  for (const k of KEYS) target[k] = (target[k] ?? 0) + Number((source as Record<string, unknown>)[k] ?? 0);
}

/** 2026-05 → 2026-05, 2026-Q2 or 2026. */
export function periodOfMonth(month: string, period: RollupPeriod): string {
  if (period === 'month') return month;
  if (period === 'year') return month.slice(0, 4);
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * A portfolio's budgets against actuals: every project the caller may read, its budget versions
 * (original, current, forecast) and actual cost summed by period and by labour / non-labour and
 * capex / opex, with a row per project. Each project's figures are those of its own
 * budget-vs-actuals, so the two views always agree. A budget the portfolio holds itself (no
 * project) is its envelope, the money the portfolio has for all its projects (the optimiser's
 * limit too): it is shown beside the projects' budgets as `portfolioBudget`, never added to them,
 * with `unallocated` = the portfolio's current budget less its projects' current budgets.
 */
export async function computePortfolioRollup(
  trx: Trx,
  principal: Principal,
  portfolioId: string,
  period: RollupPeriod,
) {
  let query = trx
    .selectFrom('projects')
    .selectAll()
    .where('organisation_id', '=', principal.organisationId)
    .where('portfolio_id', '=', portfolioId);
  const restrict = accessFilter(projectSpec, principal);
  if (restrict) query = query.where(restrict);
  const projects = await query.orderBy('key').execute();
  type PeriodFigures = {
    budget: Record<string, Split>;
    portfolioBudget: Record<string, Split>;
    actual: Split;
  };
  const periods = new Map<string, PeriodFigures>();
  const periodOf = (month: string) => {
    const key = periodOfMonth(month, period);
    let p = periods.get(key);
    if (!p) {
      p = { budget: emptyVersions(), portfolioBudget: emptyVersions(), actual: empty() };
      periods.set(key, p);
    }
    return p;
  };
  const totals = { budget: emptyVersions(), portfolioBudget: emptyVersions(), actual: empty() };
  const rows = [];
  for (const project of projects) {
    const b = await computeBudgetVsActuals(trx, principal.organisationId, project);
    for (const m of b.months) {
      const p = periodOf(m.month);
      for (const v of BUDGET_VERSIONS) addInto(p.budget[v] as Split, m.budget[v]);
      addInto(p.actual, m.actual);
    }
    for (const v of BUDGET_VERSIONS) addInto(totals.budget[v] as Split, b.totals.budget[v]);
    addInto(totals.actual, b.totals.actual);
    const current = b.totals.budget.current?.total ?? 0;
    rows.push({
      projectId: project.id,
      projectKey: project.key,
      projectName: project.name,
      budget: Object.fromEntries(BUDGET_VERSIONS.map((v) => [v, b.totals.budget[v]?.total ?? 0])),
      approved: b.budgets.filter((x) => x.status === 'approved').map((x) => x.budgetVersion),
      actual: b.totals.actual.total,
      variance: current - b.totals.actual.total,
      uncostedHours: b.uncostedHours,
    });
  }
  const held = await computePortfolioHeldBudgets(trx, principal, portfolioId);
  for (const [month, byVersion] of held.months) {
    const p = periodOf(month);
    for (const v of BUDGET_VERSIONS) addInto(p.portfolioBudget[v] as Split, byVersion[v]);
  }
  for (const v of BUDGET_VERSIONS) addInto(totals.portfolioBudget[v] as Split, held.totals[v]);
  // Unallocated money only means something when the portfolio has a current budget of its own.
  const hasEnvelope = held.budgets.some((b) => b.budgetVersion === 'current' && b.id !== null);
  const unallocated = (x: PeriodFigures | typeof totals) =>
    hasEnvelope ? (x.portfolioBudget.current?.total ?? 0) - (x.budget.current?.total ?? 0) : null;
  const current = (totals.budget.current as Split).total ?? 0;
  return {
    portfolioId,
    period,
    periods: [...periods]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([key, p]) => ({
        period: key,
        budget: p.budget,
        portfolioBudget: p.portfolioBudget,
        actual: p.actual,
        variance: (p.budget.current?.total ?? 0) - (p.actual.total ?? 0),
        unallocated: unallocated(p),
      })),
    projects: rows,
    portfolioBudgets: {
      budget: Object.fromEntries(BUDGET_VERSIONS.map((v) => [v, held.totals[v]?.total ?? 0])),
      approved: held.budgets.filter((x) => x.status === 'approved').map((x) => x.budgetVersion),
      budgets: held.budgets,
    },
    totals: { ...totals, variance: current - (totals.actual.total ?? 0), unallocated: unallocated(totals) },
  };
}
