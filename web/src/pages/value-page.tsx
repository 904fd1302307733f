import { useMemo } from 'react';
import { useEverything } from '../api/resources';
import type { Goal } from '../api/types';
import { ChartFrame } from '../charts/chart-frame';
import { SimpleBarChart } from '../charts/lazy-bar-chart';
import { Badge, Card, EmptyState, ErrorState, humanise, Skeleton } from '../design';
import { formatMoney } from '../lib/format';
import { usePortfolioScope } from '../shell/portfolio-scope';
import { usePageTitle, usePeopleNames } from './record-name';

export function ValuePage() {
  usePageTitle('Value');
  const { portfolioId } = usePortfolioScope();
  const goals = useEverything('goals');
  const people = usePeopleNames();
  const portfolios = useEverything('portfolios');
  const projects = useEverything('projects');

  const investment = useMemo(() => {
    const totals = new Map<string, number>();
    for (const p of projects.data ?? [])
      totals.set(p.portfolioId, (totals.get(p.portfolioId) ?? 0) + (p.budget ?? 0));
    return (portfolios.data ?? []).map((p) => ({ label: p.name, value: totals.get(p.id) ?? 0 }));
  }, [projects.data, portfolios.data]);

  // Goals of the chosen portfolio plus organisation goals (which belong to no portfolio).
  const visible = (goals.data ?? []).filter(
    (g) => !portfolioId || g.portfolioId === portfolioId || g.level === 'organisation',
  );
  const children = new Map<string | null, Goal[]>();
  for (const g of visible) {
    const parent = g.parentId && visible.some((p) => p.id === g.parentId) ? g.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), g]);
  }
  const renderTree = (parent: string | null) => {
    const list = children.get(parent);
    if (!list) return null;
    return (
      <ul className="goal-tree">
        {list.map((g) => (
          <li key={g.id} id={`goal-${g.id}`}>
            <Badge>{humanise(g.level)}</Badge> <strong>{g.name}</strong>
            {g.ownerId && <span className="muted"> · {people.get(g.ownerId) ?? '…'}</span>}
            {g.description && <p className="muted">{g.description}</p>}
            {renderTree(g.id)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Value</h1>
          <p className="muted">
            Goals and where the money goes. Benefits and key results arrive with the VMO features.
          </p>
        </div>
      </div>
      <Card title="Goals">
        {goals.isPending ? (
          <Skeleton label="Loading goals" />
        ) : goals.isError ? (
          <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />
        ) : visible.length === 0 ? (
          <EmptyState title="No goals yet" />
        ) : (
          renderTree(null)
        )}
      </Card>
      {projects.isPending || portfolios.isPending ? (
        <Skeleton label="Loading investment" />
      ) : (
        <ChartFrame
          title="Budget by portfolio"
          summary={investment.map((i) => `${i.label}: ${formatMoney(i.value)}`).join('; ')}
          fileName="budget-by-portfolio.csv"
          data={{
            columns: ['Portfolio', 'Total project budget'],
            rows: investment.map((i) => [i.label, i.value]),
          }}
        >
          <SimpleBarChart data={investment} valueName="Budget" formatValue={formatMoney} />
        </ChartFrame>
      )}
    </>
  );
}
