import { listPeriods, type Period } from '../../../core/capacity/periods';
import { computeCumulativePlan, type EvmSeries } from '../../../core/evm';
import { fieldProblem, ProblemError } from '../../http/problem';
import type { BudgetsTable, CostRatesTable, ProjectsTable } from '../../store/tables';
import type { ProjectActuals } from './actuals-store';
import { createRateFinder } from './labour-cost';
import type { BudgetLineValue } from './money-vocabulary';

export type EvMethod = 'progress-reports' | 'milestones' | 'story-points' | 'none';

export interface ProjectSeries {
  budget: BudgetsTable;
  /** Plan months (PV periods) and the months elapsed at the status date (may run past the plan). */
  planPeriods: Period[];
  elapsedPeriods: Period[];
  series: EvmSeries;
  evMethod: EvMethod;
  /** Hours of time entries with no rate (not costed). */
  uncostedHours: number;
  warnings: string[];
}

const ORDER = ['current', 'original', 'forecast'];

/**
 * The budget that plans the value: the chosen version if asked for, else the current one, else the
 * original, else a forecast; an approved budget before an unapproved one, the latest first.
 */
export function chooseBudget(budgets: readonly BudgetsTable[], version?: string): BudgetsTable | undefined {
  const candidates = budgets.filter((b) => version === undefined || b.budget_version === version);
  return [...candidates].sort(
    (a, b) =>
      ORDER.indexOf(a.budget_version) - ORDER.indexOf(b.budget_version) ||
      Number(b.status === 'approved') - Number(a.status === 'approved') ||
      b.updated_at.localeCompare(a.updated_at),
  )[0];
}

export const linesOf = (budget: BudgetsTable) => JSON.parse(budget.lines) as BudgetLineValue[];

/**
 * Cumulative PV, EV and AC per month for a project at a status date:
 * - PV from the budget's monthly lines (BAC = their total), months from the earlier of the
 *   project start and the first line to the last line;
 * - AC from cost entries plus time entries × the hourly rate in force, up to each month's end;
 * - EV = BAC × percent complete: the latest progress report, else the share of milestones
 *   completed, else (and always for agile projects) the share of story points done.
 * Status dates are month ends: the months elapsed are those that have ended by `asOf`.
 */
export function buildProjectSeries(
  project: ProjectsTable,
  actuals: ProjectActuals,
  rates: readonly CostRatesTable[],
  asOf: string,
  version?: string,
): ProjectSeries {
  const budget = chooseBudget(actuals.budgets, version);
  if (!budget)
    throw new ProblemError(
      'conflict',
      `budget: project ${project.key} has no ${version ?? ''} budget to plan value from`.replace('  ', ' '),
      [{ field: 'budget', message: 'the project has no budget' }],
    );
  const warnings: string[] = [];
  if (budget.status !== 'approved')
    warnings.push(`the ${budget.budget_version} budget "${budget.name}" is not approved`);
  const lines = linesOf(budget);
  if (lines.length === 0)
    throw new ProblemError('conflict', `budget: "${budget.name}" has no lines`, [
      { field: 'budget', message: 'the budget has no lines' },
    ]);
  const months = lines.map((l) => l.period).sort();
  const firstLine = `${months[0]}-01`;
  const start = project.start_date && project.start_date < firstLine ? project.start_date : firstLine;
  const planPeriods = listPeriods('month', start, `${months[months.length - 1]}-01`);
  const perMonth = planPeriods.map((p) =>
    lines.filter((l) => l.period === p.key.slice(0, 7)).reduce((s, l) => s + l.amount, 0),
  );
  const pv = computeCumulativePlan(perMonth);
  const bac = pv[pv.length - 1] ?? 0;

  const first = planPeriods[0] as Period;
  if (asOf < first.end)
    throw fieldProblem(
      'validation_failed',
      'asOf',
      `is before the end of the first plan month (${first.end})`,
    );
  const elapsedPeriods = listPeriods('month', first.start, asOf).filter((p) => p.end <= asOf);

  const rateOf = createRateFinder(rates);
  let uncostedHours = 0;
  const labour = actuals.time.map((t) => {
    const rate = rateOf(t.person_id, t.title, t.worked_on);
    if (rate === null) uncostedHours += t.hours;
    return { day: t.worked_on, amount: rate === null ? 0 : rate * t.hours };
  });
  if (uncostedHours > 0)
    warnings.push(`${uncostedHours} hours of time entries have no cost rate and are not costed`);
  const spent = [...actuals.costs.map((c) => ({ day: c.incurred_on, amount: c.amount })), ...labour];
  const ac = elapsedPeriods.map((p) => spent.reduce((s, x) => (x.day <= p.end ? s + x.amount : s), 0));

  const totalPoints = actuals.points.reduce((s, x) => s + x.estimate, 0);
  let evMethod: EvMethod;
  if (project.approach !== 'agile' && actuals.progress.length > 0) evMethod = 'progress-reports';
  else if (project.approach !== 'agile' && actuals.milestones.length > 0) evMethod = 'milestones';
  else if (totalPoints > 0) evMethod = 'story-points';
  else evMethod = 'none';
  if (evMethod === 'none') warnings.push('no progress reports, milestones or story points: EV is 0');
  const percentAt = (end: string): number => {
    if (evMethod === 'progress-reports') {
      const last = actuals.progress.filter((r) => r.reported_on <= end).at(-1);
      return last ? last.percent_complete / 100 : 0;
    }
    if (evMethod === 'milestones')
      return (
        actuals.milestones.filter((m) => m.completed_on !== null && m.completed_on <= end).length /
        actuals.milestones.length
      );
    if (evMethod === 'story-points')
      return (
        actuals.points.reduce((s, x) => (x.done_on !== null && x.done_on <= end ? s + x.estimate : s), 0) /
        totalPoints
      );
    return 0;
  };
  const ev = elapsedPeriods.map((p) => bac * percentAt(p.end));
  return {
    budget,
    planPeriods,
    elapsedPeriods,
    series: { bac, pv, ev, ac },
    evMethod,
    uncostedHours,
    warnings,
  };
}
