import { useState } from 'react';
import { Link } from 'react-router';
import { computeHealthScore } from '../../../../core/playbook/health';
import { type StatusRollup, useStatusRollup } from '../../api/playbook';
import { useEverything } from '../../api/resources';
import { ChartFrame } from '../../charts/chart-frame';
import { SimpleBarChart } from '../../charts/lazy-charts';
import { Card, EmptyState, ErrorState, HealthBadge, recordOptions, Select, Skeleton } from '../../design';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePortfolioScope } from '../../shell/portfolio-scope';
import { usePageTitle } from '../record-name';
import { TableWrap } from './table-wrap';

type Rag = 'green' | 'amber' | 'red';
type Row = StatusRollup['projects'][number];
const DIMENSIONS = ['schedule', 'cost', 'scope', 'risk', 'overall'] as const;
const ragOf = (row: Row, d: (typeof DIMENSIONS)[number]) => (row.latest?.[`${d}Rag`] ?? null) as Rag | null;
// The rule without any project's numbers (each project's worked formula is on its health cell).
const HEALTH_RULE = computeHealthScore({ schedule: null, cost: null, scope: null, risk: null }).formula;
const COUNT_LABELS = [
  ['green', 'Green'],
  ['amber', 'Amber'],
  ['red', 'Red'],
  ['none', 'No published report'],
] as const;

/**
 * The portfolio status roll-up: each project's latest published status report (RAG per
 * dimension, health), the portfolio's overall RAG counts as a chart, and the average health.
 */
export function StatusRollupPage() {
  usePageTitle('Status roll-up');
  const { portfolioId: scoped } = usePortfolioScope();
  const portfolios = useEverything('portfolios');
  const [chosen, setChosen] = useState('');
  const portfolioId = chosen || scoped || portfolios.data?.[0]?.id || '';
  const rollup = useStatusRollup(portfolioId);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Status roll-up</h1>
          <p className="muted">
            The latest published status report of every project in the portfolio, with its RAG per dimension
            and health score.
          </p>
        </div>
        <Select
          label="Portfolio"
          value={portfolioId}
          onChange={(e) => setChosen(e.target.value)}
          options={recordOptions(portfolios.data)}
        />
      </div>
      {portfolios.isError ? (
        <ErrorState error={portfolios.error} onRetry={() => void portfolios.refetch()} />
      ) : portfolios.data?.length === 0 ? (
        <EmptyState title="No portfolios yet">Create a portfolio and its projects first.</EmptyState>
      ) : portfolioId === '' || rollup.isPending ? (
        <Skeleton lines={8} label="Loading the status roll-up" />
      ) : rollup.isError ? (
        <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : rollup.data.projects.length === 0 ? (
        <EmptyState title="No projects in this portfolio">
          Projects appear here once they are added to the portfolio.
        </EmptyState>
      ) : (
        <RollupView data={rollup.data} />
      )}
    </>
  );
}

function RollupView({ data }: { data: StatusRollup }) {
  const total = data.projects.length;
  const chart = COUNT_LABELS.map(([k, label]) => ({ label, value: data.counts[k], tone: k }));
  const scored = data.projects.filter((p) => p.latest && p.latest.health.score !== null).length;
  return (
    <>
      <div className="grid-2">
        <ChartFrame
          title="Overall RAG of the latest reports"
          summary={`${total} project${total === 1 ? '' : 's'}: ${data.counts.green} green, ${data.counts.amber} amber, ${data.counts.red} red, ${data.counts.none} without a published report.`}
          fileName="portfolio-status-rag.csv"
          data={{ columns: ['Overall RAG', 'Projects'], rows: chart.map((c) => [c.label, c.value]) }}
        >
          <SimpleBarChart data={chart} valueName="Projects" />
        </ChartFrame>
        <Card title="Portfolio health">
          <dl className="facts">
            <dt>Average health</dt>
            <dd>{data.averageHealth === null ? 'No scored report yet' : `${data.averageHealth} / 100`}</dd>
            <dt>Projects reporting</dt>
            <dd>
              {total - data.counts.none} of {total}
            </dd>
          </dl>
          <p className="muted">
            Average health = mean of the health scores of the latest published reports ({scored} scored). Each
            report's {HEALTH_RULE}.
          </p>
        </Card>
      </div>
      <Card title={`Projects (${total})`}>
        <TableWrap label="Latest status per project">
          <table className="t-table">
            <caption className="visually-hidden">Latest status per project</caption>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Period end</th>
                {DIMENSIONS.map((d) => (
                  <th scope="col" key={d}>
                    {d.charAt(0).toUpperCase() + d.slice(1)}
                  </th>
                ))}
                <th scope="col" className="num">
                  Health
                </th>
                <th scope="col">Published</th>
                <th scope="col" className="num">
                  Reports
                </th>
              </tr>
            </thead>
            <tbody>
              {data.projects.map((p) => (
                <tr key={p.projectId}>
                  <td>
                    <Link to={`/portfolio/projects/${p.projectId}/status`}>
                      <span className="mono">{p.key}</span> {p.name}
                    </Link>
                  </td>
                  {p.latest ? (
                    <>
                      <td>{formatDate(p.latest.periodEnd)}</td>
                      {DIMENSIONS.map((d) => (
                        <td key={d}>
                          <HealthBadge health={ragOf(p, d)} />
                        </td>
                      ))}
                      <td className="num" title={p.latest.health.formula}>
                        {p.latest.health.score === null ? '—' : Math.round(p.latest.health.score)}
                      </td>
                      <td>{formatDateTime(p.latest.publishedAt)}</td>
                    </>
                  ) : (
                    <td colSpan={DIMENSIONS.length + 3} className="muted">
                      No published report yet
                    </td>
                  )}
                  <td className="num">{p.reports}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Card>
    </>
  );
}
