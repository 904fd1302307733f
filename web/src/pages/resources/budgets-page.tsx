import { useState } from 'react';
import { Link } from 'react-router';
import { useEverything } from '../../api/resources';
import { usePortfolioRollup } from '../../api/resources-money';
import { ChartFrame } from '../../charts/chart-frame';
import { BudgetBars } from '../../charts/lazy-charts';
import { Badge, Card, EmptyState, ErrorState, recordOptions, Select, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import { BudgetFormCard } from './budget-form-card';
import { PortfolioBudgetCard } from './portfolio-budget-card';
import { TableHead } from './table-head';
import { money } from './window';

const PERIODS = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
];

/** A portfolio's budgets against actuals, rolled up from its projects, beside the portfolio's own budget. */
export function BudgetsPage() {
  usePageTitle('Budgets');
  const portfolios = useEverything('portfolios');
  const [chosen, setChosen] = useState('');
  const [period, setPeriod] = useState('quarter');
  const portfolioId = chosen || portfolios.data?.[0]?.id || '';
  const rollup = usePortfolioRollup(portfolioId, period);
  const r = rollup.data;
  const t = r?.totals;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Budgets</h1>
          <p className="muted">
            Each project’s budget versions (original, current, forecast) against actual cost from cost entries
            and costed time, summed per portfolio, beside the budget the portfolio holds itself.
          </p>
        </div>
      </div>
      <div className="stack">
        <form className="row" aria-label="Roll-up settings" onSubmit={(e) => e.preventDefault()}>
          <Select
            label="Portfolio"
            options={recordOptions(portfolios.data)}
            value={portfolioId}
            onChange={(e) => setChosen(e.target.value)}
          />
          <Select
            label="Period"
            options={PERIODS}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
          />
        </form>
        {portfolios.isPending || (portfolioId && rollup.isPending) ? (
          <Skeleton lines={8} label="Loading the roll-up" />
        ) : portfolios.isError ? (
          <ErrorState error={portfolios.error} />
        ) : rollup.isError ? (
          <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} />
        ) : !r || !t || r.periods.length === 0 ? (
          <EmptyState title="No budgets or actuals in this portfolio" />
        ) : (
          <>
            <ChartFrame
              title="Portfolio budget vs actual"
              summary={`Projects' current budget ${money(t.budget.current.total)} (original ${money(t.budget.original.total)}, forecast ${money(t.budget.forecast.total)}); actual so far ${money(t.actual.total)}, ${r.projects.length} projects.${t.unallocated === null ? '' : ` The portfolio's own current budget is ${money(t.portfolioBudget.current.total)}, ${money(t.unallocated)} of it not given to projects.`}`}
              fileName={`portfolio-budget-${period}.csv`}
              data={{
                columns: [
                  'Period',
                  'Original',
                  'Current',
                  'Forecast',
                  'Actual',
                  'Capex actual',
                  'Opex actual',
                  'Labour actual',
                  'Non-labour actual',
                  'Variance (current − actual)',
                  'Portfolio budget (current)',
                  'Unallocated (portfolio − projects)',
                ],
                rows: r.periods.map((p) => [
                  p.period,
                  p.budget.original.total,
                  p.budget.current.total,
                  p.budget.forecast.total,
                  p.actual.total,
                  p.actual.capex,
                  p.actual.opex,
                  p.actual.labour,
                  p.actual.nonLabour,
                  p.variance,
                  p.portfolioBudget.current.total,
                  p.unallocated,
                ]),
              }}
            >
              <BudgetBars
                formatValue={(v) => money(v)}
                data={r.periods.map((p) => ({
                  period: p.period,
                  original: p.budget.original.total,
                  current: p.budget.current.total,
                  forecast: p.budget.forecast.total,
                  actual: p.actual.total,
                }))}
              />
            </ChartFrame>
            <PortfolioBudgetCard rollup={r} />
            <Card title="By category">
              <table className="t-table">
                <caption className="visually-hidden">Budget and actual by category</caption>
                <TableHead
                  columns={['Category', { num: 'Current budget' }, { num: 'Actual' }, { num: 'Remaining' }]}
                />
                <tbody>
                  {(
                    [
                      ['capex', 'Capex'],
                      ['opex', 'Opex'],
                      ['labour', 'Labour'],
                      ['nonLabour', 'Non-labour'],
                      ['total', 'Total'],
                    ] as const
                  ).map(([k, label]) => (
                    <tr key={k}>
                      <th scope="row">{label}</th>
                      <td className="num">{money(t.budget.current[k])}</td>
                      <td className="num">{money(t.actual[k])}</td>
                      <td className="num">{money(t.budget.current[k] - t.actual[k])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
            <Card title="Projects">
              <table className="t-table">
                <caption className="visually-hidden">Budget and actual per project</caption>
                <TableHead
                  columns={[
                    'Project',
                    { num: 'Original' },
                    { num: 'Current' },
                    { num: 'Forecast' },
                    { num: 'Actual' },
                    { num: 'Variance' },
                    'Approved',
                    'Earned value',
                  ]}
                />
                <tbody>
                  {r.projects.map((p) => (
                    <tr key={p.projectId}>
                      <th scope="row">
                        <Link to={`/portfolio/projects/${p.projectId}/budget`}>
                          {p.projectKey} · {p.projectName}
                        </Link>
                      </th>
                      <td className="num">{money(p.budget.original)}</td>
                      <td className="num">{money(p.budget.current)}</td>
                      <td className="num">{money(p.budget.forecast)}</td>
                      <td className="num">{money(p.actual)}</td>
                      <td className="num">
                        {money(p.variance)} {p.variance < 0 && <Badge tone="red">over</Badge>}
                      </td>
                      <td>{p.approved.join(', ') || '—'}</td>
                      <td>
                        <Link to={`/portfolio/projects/${p.projectId}/evm`}>
                          EVM<span className="visually-hidden"> of {p.projectKey}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          </>
        )}
        {portfolioId && <BudgetFormCard key={portfolioId} portfolioId={portfolioId} />}
      </div>
    </>
  );
}
