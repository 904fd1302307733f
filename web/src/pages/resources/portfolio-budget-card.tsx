import type { PortfolioRollup } from '../../api/resources-money';
import { Badge, Card } from '../../design';
import { TableHead } from './table-head';
import { money } from './window';

/**
 * The budget a portfolio holds itself (no project): its envelope for all its projects, per
 * version, and what of the current one is not given to a project. Kept apart from the projects'.
 */
export function PortfolioBudgetCard({ rollup }: { rollup: PortfolioRollup }) {
  const held = rollup.portfolioBudgets;
  const t = rollup.totals;
  const any = held.budgets.some((b) => b.id !== null);
  return (
    <Card title="The portfolio’s own budget">
      {!any ? (
        <p className="muted">
          This portfolio holds no budget of its own; the figures above are its projects’ budgets.
        </p>
      ) : (
        <>
          <p>
            {t.unallocated === null ? (
              'No current version: nothing to compare with the projects’ current budgets.'
            ) : (
              <>
                Current {money(t.portfolioBudget.current.total)} against the projects’{' '}
                {money(t.budget.current.total)}:{' '}
                {t.unallocated >= 0 ? (
                  <>{money(t.unallocated)} not yet given to a project.</>
                ) : (
                  <>
                    the projects plan {money(-t.unallocated)} more than the portfolio holds{' '}
                    <Badge tone="red">over</Badge>
                  </>
                )}
              </>
            )}
          </p>
          <table className="t-table">
            <caption className="visually-hidden">Budgets the portfolio holds itself</caption>
            <TableHead columns={['Version', 'Budget', 'Status', { num: 'Total' }]} />
            <tbody>
              {held.budgets.map((b) => (
                <tr key={b.budgetVersion}>
                  <th scope="row">{b.budgetVersion}</th>
                  <td>{b.name ?? '—'}</td>
                  <td>{b.status ?? '—'}</td>
                  <td className="num">{b.id ? money(held.budget[b.budgetVersion]) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
