import { useState } from 'react';
import { Link } from 'react-router';
import { type Backlog, type BacklogItem, useBacklog, useValueList } from '../../api/value';
import { Button, ButtonLink, Card, humanise, QueryView, Select } from '../../design';
import { usePageTitle } from '../record-name';
import { ScoreDialog } from './score-dialog';
import { formatNumber, PageHeader, PortfolioPicker, usePortfolioChoice } from './value-common';

const BUILT_IN = [
  { value: 'wsjf', label: 'WSJF (SAFe)' },
  { value: 'rice', label: 'RICE (Intercom)' },
  { value: 'cd3', label: 'Cost of delay ÷ duration (CD3)' },
];

/** The portfolio's open epics ranked by a chosen model, with every score's breakdown. */
export function PrioritisationPage() {
  usePageTitle('Prioritisation');
  const choice = usePortfolioChoice();
  const [picked, setPicked] = useState<string>();
  const portfolioId = picked ?? choice.portfolioId;
  const [model, setModel] = useState('wsjf');
  const models = useValueList('scoring-models');
  const options = [
    ...BUILT_IN,
    ...(models.data ?? [])
      .filter((m) => !m.portfolioId || m.portfolioId === portfolioId)
      .map((m) => ({ value: m.id, label: `${m.name} (weighted)` })),
  ];
  const backlog = useBacklog(portfolioId, model);
  const [scoring, setScoring] = useState<Backlog['items'][number]['workItem']>();
  const criteria = models.data?.find((m) => m.id === backlog.data?.model.id)?.criteria ?? [];
  const scoreButton = (workItem: Backlog['items'][number]['workItem']) => (
    <Button size="sm" onClick={() => setScoring(workItem)}>
      Score<span className="visually-hidden"> {workItem.key}</span>
    </Button>
  );
  return (
    <div className="stack">
      <PageHeader
        title="Prioritisation"
        intro="The portfolio backlog ranked by WSJF, RICE, cost of delay or a weighted-scoring model; ties share a rank."
        actions={
          <>
            <ButtonLink to="/value/prioritisation/wsjf-session" variant="primary">
              Run a WSJF session
            </ButtonLink>
            <ButtonLink to="/value/prioritisation/models">Scoring models</ButtonLink>
          </>
        }
      />
      <div className="row">
        <PortfolioPicker value={portfolioId} options={choice.options} onChange={setPicked} />
        <Select label="Model" value={model} options={options} onChange={(e) => setModel(e.target.value)} />
      </div>
      <QueryView query={backlog} label="the ranked backlog">
        {(b) => (
          <>
            <Card title={`Ranked by ${b.model.name}`}>
              {b.items.length === 0 ? (
                <p className="muted">No open epic has inputs for this model yet.</p>
              ) : (
                <div className="t-table-wrap">
                  <table className="t-table">
                    <caption className="visually-hidden">Backlog ranked by {b.model.name}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          Rank
                        </th>
                        <th scope="col">Epic</th>
                        <th scope="col" className="num">
                          Score
                        </th>
                        <th scope="col">Breakdown</th>
                        <th scope="col">
                          <span className="visually-hidden">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {b.items.map((item) => (
                        <tr key={item.workItem.id}>
                          <td className="num">{item.rank}</td>
                          <td>
                            <Link to={`/delivery/work-items/${item.workItem.id}`}>{item.workItem.key}</Link>{' '}
                            {item.workItem.title}
                          </td>
                          <td className="num">
                            <strong>{formatNumber(item.score)}</strong>
                          </td>
                          <td>
                            <Breakdown item={item} />
                          </td>
                          <td>{scoreButton(item.workItem)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Card>
            {scoring && (
              <ScoreDialog
                workItem={scoring}
                model={b.model}
                criteria={criteria}
                onClose={() => setScoring(undefined)}
              />
            )}
            {b.unscored.length > 0 && (
              <Card title="Not scored under this model">
                <ul>
                  {b.unscored.map((u) => (
                    <li key={u.workItem.id}>
                      <Link to={`/delivery/work-items/${u.workItem.id}`}>{u.workItem.key}</Link>{' '}
                      {u.workItem.title} <span className="muted">— {u.reason}</span> {scoreButton(u.workItem)}
                    </li>
                  ))}
                </ul>
              </Card>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}

type WeightedRow = {
  criterion: string;
  name?: string;
  raw: number;
  normalised: number;
  weight: number;
  contribution: number;
};

/** The terms of a score: WSJF's three cost-of-delay terms and job size, RICE's factors, weighted criteria. */
function Breakdown({ item }: { item: BacklogItem }) {
  const criteria = item.breakdown.criteria as WeightedRow[] | undefined;
  if (Array.isArray(criteria))
    return (
      <ul className="muted">
        {criteria.map((c) => (
          <li key={c.criterion}>
            {c.name ?? c.criterion}: {formatNumber(c.raw)} → {formatNumber(c.normalised)} × weight{' '}
            {formatNumber(c.weight)} = {formatNumber(c.contribution)}
          </li>
        ))}
      </ul>
    );
  return (
    <span className="muted">
      {Object.entries(item.breakdown)
        .map(([k, v]) => `${humanise(k.replace(/([A-Z])/g, '_$1').toLowerCase())} ${formatNumber(Number(v))}`)
        .join(' · ')}
    </span>
  );
}
