import { useState } from 'react';
import { Link } from 'react-router';
import { useEverything } from '../../api/resources';
import { type PortfolioRealisation, usePortfolioRealisation, useValueList } from '../../api/value';
import { ChartFrame } from '../../charts/chart-frame';
import { ValueLineChart } from '../../charts/lazy-charts';
import { Button, Card, humanise, QueryView } from '../../design';
import { formatDate, formatMoney } from '../../lib/format';
import { usePageTitle, usePeopleNames } from '../record-name';
import { BenefitFormDialog } from './benefit-form';
import {
  formatNumber,
  formatPercent,
  PageHeader,
  PortfolioPicker,
  StatusBadge,
  usePortfolioChoice,
} from './value-common';
import './value.css';

type BenefitRealisation = PortfolioRealisation['benefits'][number];

/** Benefits realisation: the portfolio's value realised to date against plan, and each benefit's trajectory. */
export function BenefitsPage() {
  usePageTitle('Benefits realisation');
  const choice = usePortfolioChoice();
  const [picked, setPicked] = useState<string>();
  const portfolioId = picked ?? choice.portfolioId;
  const realisation = usePortfolioRealisation(portfolioId);
  const projects = useEverything('projects', { portfolioId }, 5000);
  const [creating, setCreating] = useState(false);
  return (
    <div className="stack">
      <PageHeader
        title="Benefits realisation"
        intro="Planned benefits with their expected trajectory, what has been realised so far, owners, status and post-implementation reviews."
        actions={
          <>
            <PortfolioPicker value={portfolioId} options={choice.options} onChange={setPicked} />
            <Button variant="primary" onClick={() => setCreating(true)}>
              New benefit
            </Button>
          </>
        }
      />
      {creating && (
        <BenefitFormDialog
          projectIds={(projects.data ?? []).map((p) => p.id)}
          onClose={() => setCreating(false)}
        />
      )}
      <QueryView
        query={realisation}
        label="benefits"
        isEmpty={(r) => r.benefits.length === 0}
        empty="No benefits planned in this portfolio"
      >
        {(r) => <RealisationView realisation={r} />}
      </QueryView>
    </div>
  );
}

function RealisationView({ realisation: r }: { realisation: PortfolioRealisation }) {
  const [openId, setOpenId] = useState(r.benefits[0]?.benefitId);
  const [editId, setEditId] = useState<string>();
  const records = useValueList('benefits');
  const editing = records.data?.find((b) => b.id === editId);
  const people = usePeopleNames();
  const open = r.benefits.find((b) => b.benefitId === openId);
  return (
    <>
      <Card title={`Value realised to ${formatDate(r.asOf)}`}>
        <div className="value-stats">
          <div>
            <span className="muted">Realised to date</span>
            <strong>{formatMoney(r.realised)}</strong>
          </div>
          <div>
            <span className="muted">Planned to date</span>
            <strong>{formatMoney(r.planned)}</strong>
          </div>
          <div>
            <span className="muted">Realised ÷ planned</span>
            <strong>{formatPercent(r.ratio)}</strong>
          </div>
          <div>
            <span className="muted">Full value when all realised</span>
            <strong>{formatMoney(r.fullValue)}</strong>
            {r.unvalued > 0 && <span className="muted">{r.unvalued} benefits carry no money value</span>}
          </div>
        </div>
      </Card>
      <Card title="Benefits">
        <div className="t-table-wrap">
          <table className="t-table">
            <caption className="visually-hidden">Benefits of the portfolio</caption>
            <thead>
              <tr>
                <th scope="col">Benefit</th>
                <th scope="col">Owner</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Realised vs planned
                </th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col">Review</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {r.benefits.map((b) => (
                <tr key={b.benefitId}>
                  <td>
                    {b.name}{' '}
                    <Link to={`/portfolio/projects/${b.projectId}`} className="muted">
                      (project)
                    </Link>
                  </td>
                  <td>{b.ownerId ? (people.get(b.ownerId) ?? '…') : '—'}</td>
                  <td>
                    <StatusBadge status={b.status} />
                  </td>
                  <td className="num">{formatPercent(b.realisedVsPlanned)}</td>
                  <td className="num">{formatMoney(b.financialValue)}</td>
                  <td>
                    {b.review.outcome
                      ? `${humanise(b.review.outcome)} (${formatDate(b.review.date)})`
                      : 'Not yet'}
                  </td>
                  <td className="row">
                    <Button
                      size="sm"
                      aria-pressed={b.benefitId === openId}
                      onClick={() => setOpenId(b.benefitId)}
                    >
                      Trajectory<span className="visually-hidden"> of {b.name}</span>
                    </Button>
                    <Button size="sm" disabled={!records.data} onClick={() => setEditId(b.benefitId)}>
                      Edit<span className="visually-hidden"> {b.name}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {open && <Trajectory benefit={open} />}
      {editing && <BenefitFormDialog record={editing} onClose={() => setEditId(undefined)} />}
    </>
  );
}

function Trajectory({ benefit: b }: { benefit: BenefitRealisation }) {
  const last = b.series.at(-1);
  return (
    <div className="stack">
      <ChartFrame
        title={`Planned versus realised: ${b.name}`}
        summary={`Measured by ${b.measuredBy === 'kpi' ? 'its KPI' : 'recorded actuals'}; at ${last?.date ?? 'no date'} planned ${formatNumber(last?.planned)}, realised ${formatNumber(last?.realised)} (${formatPercent(b.realisedVsPlanned)} of plan).`}
        fileName={`${b.name} realisation.csv`}
        data={{
          columns: ['Date', 'Planned', 'Realised', 'Planned progress', 'Realised progress'],
          rows: b.series.map((p) => [p.date, p.planned, p.realised, p.plannedProgress, p.realisedProgress]),
        }}
      >
        <ValueLineChart
          rows={b.series.map((p) => ({ date: p.date, planned: p.planned, realised: p.realised }))}
          series={[
            { key: 'planned', name: 'Planned', dashed: true },
            { key: 'realised', name: 'Realised' },
          ]}
        />
      </ChartFrame>
      <Card title="Post-implementation review">
        {b.review.outcome ? (
          <dl className="facts">
            <dt>Date</dt>
            <dd>{formatDate(b.review.date)}</dd>
            <dt>Outcome</dt>
            <dd>{humanise(b.review.outcome)}</dd>
            <dt>Notes</dt>
            <dd>{b.review.notes ?? '—'}</dd>
          </dl>
        ) : (
          <p className="muted">
            {b.review.date ? `Review planned for ${formatDate(b.review.date)}.` : 'No review recorded yet.'}
          </p>
        )}
      </Card>
    </div>
  );
}
