import { useState } from 'react';
import { Link } from 'react-router';
import { usePortfolioRaid, useRaciWarnings } from '../../api/playbook';
import { useEverything } from '../../api/resources';
import { type HeatMapCell, RiskHeatMap } from '../../charts/risk-heat-map';
import { Badge, Card, EmptyState, humanise, QueryView, recordOptions, Select } from '../../design';
import { formatMoney } from '../../lib/format';
import { usePortfolioScope } from '../../shell/portfolio-scope';
import { ListExport } from '../list-export';
import { usePageTitle } from '../record-name';
import { TableWrap } from './table-wrap';

/** The portfolio RAID roll-up: the risk heat map (click a cell to filter), flagged risks, issues and RACI warnings. */
export function PortfolioRaidPage() {
  usePageTitle('RAID roll-up');
  const { portfolioId: scoped } = usePortfolioScope();
  const portfolios = useEverything('portfolios');
  const [chosen, setChosen] = useState('');
  const portfolioId = chosen || scoped || portfolios.data?.[0]?.id || '';
  const raid = usePortfolioRaid(portfolioId);
  const raci = useRaciWarnings(portfolioId);
  const projects = useEverything('projects', { portfolioId });
  const [cell, setCell] = useState<HeatMapCell | null>(null);
  const projectOf = (id: string) => projects.data?.find((p) => p.id === id);
  const matrix = raid.data?.matrix as
    | {
        thresholds: { medium: number; high: number };
        probabilities: { label: string }[];
        impacts: { label: string }[];
      }
    | undefined;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>RAID roll-up</h1>
          <p className="muted">
            Open risks of every project in the portfolio, flagged when overdue for review or escalating.
          </p>
        </div>
        <Select
          label="Portfolio"
          value={portfolioId}
          onChange={(e) => setChosen(e.target.value)}
          options={recordOptions(portfolios.data)}
        />
      </div>
      <QueryView query={raid} label="the RAID roll-up" lines={8}>
        {(raidData) => (
          <>
            <div className="grid-2">
              <RiskHeatMap
                title="Portfolio risk heat map"
                cells={raidData.heatMap.cells}
                {...(matrix ? { thresholds: matrix.thresholds } : {})}
                selected={cell}
                onSelect={setCell}
                fileName="portfolio-risk-heat-map.csv"
              />
              <Card title="Counts">
                <dl className="facts">
                  <dt>Open risks</dt>
                  <dd>{raidData.risks.open}</dd>
                  <dt>By rating</dt>
                  <dd>
                    <Badge tone="red">High {raidData.risks.byRating.high}</Badge>{' '}
                    <Badge tone="amber">Medium {raidData.risks.byRating.medium}</Badge>{' '}
                    <Badge tone="green">Low {raidData.risks.byRating.low}</Badge>
                  </dd>
                  <dt>Expected monetary value</dt>
                  <dd>{formatMoney(raidData.risks.expectedMonetaryValue)}</dd>
                  <dt>Open issues</dt>
                  <dd>
                    {raidData.issues.open} ({raidData.issues.overdue} overdue, {raidData.issues.escalated}{' '}
                    escalated)
                  </dd>
                  <dt>Assumptions</dt>
                  <dd>
                    {raidData.assumptions.open} open, {raidData.assumptions.overdue} overdue
                  </dd>
                  <dt>Decisions</dt>
                  <dd>
                    {raidData.decisions.total} ({raidData.decisions.proposed} proposed)
                  </dd>
                </dl>
              </Card>
            </div>
            <FlaggedList flagged={raidData.flagged} cell={cell} projectOf={projectOf} />
          </>
        )}
      </QueryView>
      <Card title="RACI warnings">
        <QueryView query={raci} label="RACI warnings">
          {(raciData) => <RaciWarningList data={raciData} projectOf={projectOf} />}
        </QueryView>
      </Card>
    </>
  );
}

type Flagged = NonNullable<ReturnType<typeof usePortfolioRaid>['data']>['flagged'];

function FlaggedList({
  flagged,
  cell,
  projectOf,
}: {
  flagged: Flagged;
  cell: HeatMapCell | null;
  projectOf: (id: string) => { key: string; name: string } | undefined;
}) {
  const rows = cell
    ? flagged.filter((f) => f.probability === cell.probability && f.impact === cell.impact)
    : flagged;
  return (
    <Card
      title={`Flagged risks (${rows.length})${cell ? ` at probability ${cell.probability} × impact ${cell.impact}` : ''}`}
      actions={
        <ListExport<Flagged[number]>
          title="Flagged risks"
          fileStem="flagged-risks"
          rows={rows}
          disabled={rows.length === 0}
          columns={[
            { header: 'Risk', value: (f) => f.title },
            { header: 'Project', value: (f) => projectOf(f.projectId)?.name ?? f.projectId },
            { header: 'Probability', value: (f) => f.probability },
            { header: 'Impact', value: (f) => f.impact },
            { header: 'Score', value: (f) => f.score },
            { header: 'Rating', value: (f) => humanise(f.rating) },
            { header: 'Trend', value: (f) => humanise(f.trend) },
            { header: 'Flags', value: (f) => f.flags.map(humanise).join('; ') },
          ]}
        />
      }
    >
      {rows.length === 0 ? (
        <EmptyState title="No flagged risks" />
      ) : (
        <TableWrap label="Flagged risks">
          <table className="t-table">
            <caption className="visually-hidden">Flagged risks</caption>
            <thead>
              <tr>
                <th scope="col">Risk</th>
                <th scope="col">Project</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Trend</th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.riskId}>
                  <td>{f.title}</td>
                  <td>
                    <Link to={`/portfolio/projects/${f.projectId}/raid`}>
                      {projectOf(f.projectId)?.name ?? 'Project'}
                    </Link>
                  </td>
                  <td className="num">
                    {f.score} ({humanise(f.rating)})
                  </td>
                  <td>{humanise(f.trend)}</td>
                  <td>
                    {f.flags.map((flag) => (
                      <Badge key={flag} tone={flag === 'escalating' ? 'red' : 'amber'}>
                        {humanise(flag)}
                      </Badge>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Card>
  );
}

function RaciWarningList({
  data,
  projectOf,
}: {
  data: NonNullable<ReturnType<typeof useRaciWarnings>['data']>;
  projectOf: (id: string) => { key: string; name: string } | undefined;
}) {
  const perProject = data.projects.filter((p) => p.warnings.length > 0);
  if (perProject.length === 0 && data.concentration.length === 0)
    return <p className="muted">No RACI warnings in this portfolio.</p>;
  return (
    <ul>
      {data.concentration.map((c) => (
        <li key={c.personId}>
          <Badge tone="red">Role overlap</Badge> {c.name ?? 'Someone'} is Accountable for {c.accountables} of{' '}
          {c.total} activities ({Math.round(c.share * 100)} %, above {Math.round(data.threshold * 100)} %).
        </li>
      ))}
      {perProject.flatMap((p) =>
        (p.warnings as { code: string; activity: string; message: string }[]).map((w) => (
          <li key={`${p.projectId}${w.code}${w.activity}`}>
            <Badge tone="amber">Warning</Badge>{' '}
            <Link to={`/portfolio/projects/${p.projectId}/raci`}>
              {projectOf(p.projectId)?.name ?? 'Project'}
            </Link>
            : {w.message}
          </li>
        )),
      )}
    </ul>
  );
}
