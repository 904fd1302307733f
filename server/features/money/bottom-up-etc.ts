import type { BudgetsTable } from '../../store/tables';
import { chooseBudget, linesOf } from './evm-series';

/**
 * The bottom-up estimate to complete at a status month: what the project's forecast budget (the
 * team's re-estimate of its cost, month by month) still plans after that month. PMBOK 6th ed.
 * §7.4.2.2 then gives EAC = AC + bottom-up ETC. Null without a forecast budget.
 *
 * @example
 * // Forecast lines 2026-03: 10, 2026-04: 20, 2026-05: 30 at status month 2026-03 → ETC 50.
 */
export function findBottomUpEtc(
  budgets: readonly BudgetsTable[],
  statusMonth: string,
): { etc: number; basis: string } | null {
  const forecast = chooseBudget(budgets, 'forecast');
  if (!forecast) return null;
  const etc = linesOf(forecast)
    .filter((l) => l.period > statusMonth)
    .reduce((sum, l) => sum + l.amount, 0);
  return { etc, basis: `forecast budget "${forecast.name}" after ${statusMonth}` };
}
