import { useState } from 'react';
import { Link } from 'react-router';
import { useEverything } from '../../api/resources';
import { useKpiDashboard, useValueList, type ValueStream } from '../../api/value';
import { Badge, Button, Card, humanise, QueryView } from '../../design';
import { usePageTitle, usePeopleNames, useTeamNames } from '../record-name';
import { KpiDashboardView } from './kpi-dashboard';
import { PageHeader, PortfolioPicker, usePortfolioChoice } from './value-common';
import { ValueStreamFormDialog } from './value-stream-form';
import './value.css';

/** Value streams with the products and teams serving them, and KPI dashboards per stream and portfolio. */
export function ValueStreamsPage() {
  usePageTitle('Value streams');
  const streams = useValueList('value-streams');
  const [streamId, setStreamId] = useState<string>();
  const choice = usePortfolioChoice();
  const [picked, setPicked] = useState<string>();
  const portfolioId = picked ?? choice.portfolioId;
  // The chosen stream while it exists (it may just have been deleted), else the first.
  const selected = streams.data?.find((s) => s.id === streamId)?.id ?? streams.data?.[0]?.id;
  const streamDashboard = useKpiDashboard('value-streams', selected);
  const portfolioDashboard = useKpiDashboard('portfolios', portfolioId);
  const [editing, setEditing] = useState<ValueStream | 'new'>();
  return (
    <div className="stack">
      <PageHeader
        title="Value streams"
        intro="The operational and development value streams, the products and teams that serve them, and their KPIs."
        actions={
          <Button variant="primary" onClick={() => setEditing('new')}>
            New value stream
          </Button>
        }
      />
      {editing && (
        <ValueStreamFormDialog
          record={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      <QueryView query={streams} label="value streams" isEmpty={(s) => s.length === 0}>
        {(list) => (
          <div className="grid-2">
            {list.map((s) => (
              <StreamCard
                key={s.id}
                stream={s}
                selected={s.id === selected}
                onSelect={() => setStreamId(s.id)}
                onEdit={() => setEditing(s)}
              />
            ))}
          </div>
        )}
      </QueryView>
      {selected && (
        <Card title={`KPI dashboard: ${streams.data?.find((s) => s.id === selected)?.name ?? ''}`}>
          <QueryView query={streamDashboard} label="the value stream's KPIs">
            {(d) => <KpiDashboardView dashboard={d} />}
          </QueryView>
        </Card>
      )}
      <Card
        title="KPI dashboard of the portfolio"
        actions={<PortfolioPicker value={portfolioId} options={choice.options} onChange={setPicked} />}
      >
        <QueryView query={portfolioDashboard} label="the portfolio's KPIs">
          {(d) => <KpiDashboardView dashboard={d} />}
        </QueryView>
      </Card>
    </div>
  );
}

function StreamCard({
  stream,
  selected,
  onSelect,
  onEdit,
}: {
  stream: ValueStream;
  selected: boolean;
  onSelect: () => void;
  onEdit: () => void;
}) {
  const projects = useEverything('projects');
  const teams = useTeamNames();
  const people = usePeopleNames();
  const projectName = new Map((projects.data ?? []).map((p) => [p.id, `${p.key} ${p.name}`]));
  return (
    <Card
      title={stream.name}
      actions={
        <>
          <Button size="sm" aria-pressed={selected} onClick={onSelect}>
            {selected ? 'Showing KPIs' : 'Show KPIs'}
          </Button>
          <Button size="sm" onClick={onEdit}>
            Edit<span className="visually-hidden"> {stream.name}</span>
          </Button>
        </>
      }
    >
      <p>
        <Badge>{humanise(stream.kind)}</Badge>{' '}
        <span className="muted">Owner: {stream.ownerId ? (people.get(stream.ownerId) ?? '…') : 'none'}</span>
      </p>
      {stream.description && <p className="muted">{stream.description}</p>}
      <dl className="facts">
        <dt>Products</dt>
        <dd>
          {stream.projectIds.length === 0
            ? 'None'
            : stream.projectIds.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Link to={`/portfolio/projects/${id}`}>{projectName.get(id) ?? '…'}</Link>
                </span>
              ))}
        </dd>
        <dt>Teams</dt>
        <dd>
          {stream.teamIds.length === 0
            ? 'None'
            : stream.teamIds.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Link to={`/delivery/teams/${id}`}>{teams.get(id) ?? '…'}</Link>
                </span>
              ))}
        </dd>
      </dl>
    </Card>
  );
}
