import { accessFilter } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import type { Trx } from '../../resources/resource-spec';
import { budgetSpec } from './budget-spec';
import { add, empty, presentChosenBudget, type Split } from './budget-vs-actuals';
import { chooseBudget, linesOf } from './evm-series';
import { BUDGET_VERSIONS } from './money-vocabulary';

/**
 * The budgets a portfolio holds itself (no project named: its envelope for all its projects), the
 * one standing for each version by the rule projects use, and their lines per month split by
 * labour / non-labour and capex / opex. Only budgets the caller may read count.
 */
export async function computePortfolioHeldBudgets(trx: Trx, principal: Principal, portfolioId: string) {
  let query = trx
    .selectFrom('budgets')
    .selectAll()
    .where('organisation_id', '=', principal.organisationId)
    .where('portfolio_id', '=', portfolioId)
    .where('project_id', 'is', null);
  const restrict = accessFilter(budgetSpec, principal);
  if (restrict) query = query.where(restrict);
  const budgets = await query.execute();
  const months = new Map<string, Record<string, Split>>();
  const totals: Record<string, Split> = Object.fromEntries(BUDGET_VERSIONS.map((v) => [v, empty()]));
  const chosen = BUDGET_VERSIONS.map((version) => ({ version, budget: chooseBudget(budgets, version) }));
  for (const { version, budget } of chosen) {
    if (!budget) continue;
    for (const line of linesOf(budget)) {
      let m = months.get(line.period);
      if (!m) {
        m = Object.fromEntries(BUDGET_VERSIONS.map((v) => [v, empty()]));
        months.set(line.period, m);
      }
      add(m[version] as Split, line.amount, line.costType, line.category);
      add(totals[version] as Split, line.amount, line.costType, line.category);
    }
  }
  return {
    budgets: chosen.map(presentChosenBudget),
    months,
    totals,
  };
}
