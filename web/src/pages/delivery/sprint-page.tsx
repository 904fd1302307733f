import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiRequest } from '../../api/client';
import {
  type Sprint,
  useDeliveryMutation,
  useSprint,
  useSprintBurn,
  useSprintForecast,
  useSprintItems,
} from '../../api/delivery';
import { ChartFrame } from '../../charts/chart-frame';
import { SeriesChart } from '../../charts/lazy-charts';
import { Badge, Button, Card, ErrorState, humanise, QueryView, Skeleton } from '../../design';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../record-name';
import { BacktestCard } from './backtest-card';
import { FieldErrors } from './field-errors';
import { formatShare } from './flow-format';
import { SprintPlan } from './sprint-plan';
import { SprintStateBadge } from './sprints-page';
import './delivery.css';

export function SprintPage() {
  const { sprintId = '' } = useParams();
  const sprint = useSprint(sprintId);
  usePageTitle(sprint.data?.name ?? 'Sprint');
  if (sprint.isPending) return <Skeleton lines={8} label="Loading sprint" />;
  if (sprint.isError) return <ErrorState error={sprint.error} onRetry={() => void sprint.refetch()} />;
  const s = sprint.data;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            {s.name} <SprintStateBadge state={s.state} />
          </h1>
          <p className="muted">
            {formatDate(s.startDate)} – {formatDate(s.endDate)} ·{' '}
            <Link to={`/delivery/teams/${s.teamId}/sprints`}>All sprints of the team</Link>
          </p>
        </div>
        <SprintActions sprint={s} />
      </div>
      <Card title="Sprint goal">
        <p style={{ margin: 0 }}>{s.goal ?? 'No goal set.'}</p>
        <dl className="facts" style={{ marginTop: 'var(--space-3)' }}>
          <dt>Capacity</dt>
          <dd>{s.capacity === null ? '—' : `${s.capacity} points`}</dd>
          <dt>Committed</dt>
          <dd>
            {s.committedItems === null
              ? 'Not started'
              : `${s.committedItems} items, ${s.committedPoints ?? 0} points`}
          </dd>
          <dt>Completed</dt>
          <dd>
            {s.completedItems === null ? '—' : `${s.completedItems} items, ${s.completedPoints ?? 0} points`}
          </dd>
        </dl>
      </Card>
      {s.state === 'active' && <LiveChance sprintId={s.id} />}
      {s.state !== 'planned' && <BurnCharts sprint={s} />}
      {s.state === 'planned' ? <SprintPlan sprint={s} /> : <SprintItems sprintId={s.id} />}
    </>
  );
}

function SprintActions({ sprint }: { sprint: Sprint }) {
  const start = useDeliveryMutation(() => apiRequest('POST', `/sprints/${sprint.id}/start`));
  const complete = useDeliveryMutation(() =>
    apiRequest<{ carriedOver: string[] }>('POST', `/sprints/${sprint.id}/complete`, { body: {} }),
  );
  return (
    <div className="stack" style={{ gap: 'var(--space-2)' }}>
      {sprint.state === 'planned' && (
        <Button variant="primary" onClick={() => start.mutate(undefined)} disabled={start.isPending}>
          Start sprint
        </Button>
      )}
      {sprint.state === 'active' && (
        <Button variant="primary" onClick={() => complete.mutate(undefined)} disabled={complete.isPending}>
          Complete sprint (carry over unfinished items)
        </Button>
      )}
      <FieldErrors error={start.error ?? complete.error} />
      {complete.data && (
        <p role="status">
          {complete.data.carriedOver.length} unfinished items carried over to the next sprint.
        </p>
      )}
    </div>
  );
}

function LiveChance({ sprintId }: { sprintId: string }) {
  const forecast = useSprintForecast(sprintId, true);
  if (forecast.isPending) return <Skeleton lines={2} label="Loading the sprint forecast" />;
  if (forecast.isError) return <ErrorState error={forecast.error} />;
  const f = forecast.data;
  const likely = f.forecast.likelyCompleted;
  return (
    <>
      <Card title="Chance of finishing the commitment">
        <p style={{ fontSize: '1.25rem', margin: 0 }}>
          <strong>{formatShare(f.forecast.probability)}</strong> chance that the {f.remainingItems} committed
          items still open are done by the sprint's last day ({f.forecast.days} days left, from {f.asOf}).
        </p>
        <p className="muted">
          Likely done by then: {likely['85']} items or more (85% sure), {likely['50']} or more (50%). From the
          team's daily throughput over {f.history.days} days (mean {f.history.mean.toFixed(1)} a day),{' '}
          {f.forecast.trials} trials.
        </p>
        <p className="definition">{f.definition}</p>
      </Card>
      {f.backtest && (
        <BacktestCard
          backtest={f.backtest}
          unit="items"
          stem={`sprint-${sprintId.slice(0, 8)}`}
          historyItems={f.history.total}
        />
      )}
    </>
  );
}

function BurnCharts({ sprint }: { sprint: Sprint }) {
  const [unit, setUnit] = useState<'points' | 'items'>('points');
  const burn = useSprintBurn(sprint.id, unit);
  return (
    <section aria-label="Burn charts" className="stack">
      <fieldset className="t-segmented">
        <legend className="visually-hidden">Burn charts in</legend>
        <button type="button" aria-pressed={unit === 'points'} onClick={() => setUnit('points')}>
          Story points
        </button>
        <button type="button" aria-pressed={unit === 'items'} onClick={() => setUnit('items')}>
          Items
        </button>
      </fieldset>
      <QueryView query={burn} label="burn charts" lines={5}>
        {(burnData) => (
          <div className="grid-2">
            <ChartFrame
              title="Burn-down"
              summary={`${burnData.committed} ${unit} committed; ${lastValue(burnData.burnDown.days, 'remaining')} remaining. Definition: ${burnData.burnDown.definition}`}
              fileName={`${sprint.name}-burn-down.csv`}
              data={{
                columns: ['Day', `Remaining (${unit})`, 'Ideal'],
                rows: burnData.burnDown.days.map((d) => [d.date, d.remaining, Math.round(d.ideal * 10) / 10]),
              }}
            >
              <SeriesChart
                data={burnData.burnDown.days}
                xKey="date"
                series={[
                  { key: 'remaining', name: `Remaining ${unit}`, kind: 'line' },
                  { key: 'ideal', name: 'Ideal', kind: 'line', dashed: true },
                ]}
              />
            </ChartFrame>
            <ChartFrame
              title="Burn-up"
              summary={`${lastValue(burnData.burnUp.days, 'completed')} of ${lastValue(burnData.burnUp.days, 'scope')} ${unit} completed. Definition: ${burnData.burnUp.definition}`}
              fileName={`${sprint.name}-burn-up.csv`}
              data={{
                columns: ['Day', `Completed (${unit})`, 'Scope'],
                rows: burnData.burnUp.days.map((d) => [d.date, d.completed, d.scope]),
              }}
            >
              <SeriesChart
                data={burnData.burnUp.days}
                xKey="date"
                series={[
                  { key: 'completed', name: `Completed ${unit}`, kind: 'line' },
                  { key: 'scope', name: 'Scope', kind: 'line', dashed: true },
                ]}
              />
            </ChartFrame>
          </div>
        )}
      </QueryView>
    </section>
  );
}

/** The last non-null value of a burn series (days after today are null). */
function lastValue<T extends Record<string, unknown>>(days: T[], key: keyof T): string {
  for (let i = days.length - 1; i >= 0; i--) {
    const v = days[i]?.[key];
    if (typeof v === 'number') return String(Math.round(v * 10) / 10);
  }
  return '—';
}

function SprintItems({ sprintId }: { sprintId: string }) {
  const items = useSprintItems(sprintId);
  if (items.isPending) return <Skeleton lines={5} label="Loading sprint items" />;
  if (items.isError) return <ErrorState error={items.error} />;
  return (
    <Card title={`Items (${items.data.length})`}>
      <div className="t-table-wrap">
        <table className="t-table">
          <caption className="visually-hidden">Sprint items</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Estimate</th>
              <th scope="col">Commitment</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {items.data.map((i) => (
              <tr key={i.workItemId}>
                <td className="mono">
                  <Link to={`/delivery/work-items/${i.workItemId}`}>{i.key}</Link>
                </td>
                <td>{i.title}</td>
                <td>{i.status}</td>
                <td className="num">{i.estimate === null ? '—' : `${i.estimate} ${i.estimateUnit ?? ''}`}</td>
                <td>{i.committed ? 'Committed' : <Badge tone="amber">Added scope</Badge>}</td>
                <td>
                  {i.outcome ? humanise(i.outcome) : '—'}
                  {i.carriedFromSprintId && <span className="muted"> (carried over)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
