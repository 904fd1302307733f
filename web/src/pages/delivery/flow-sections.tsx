import { useState } from 'react';
import { Link } from 'react-router';
import type {
  CumulativeFlow,
  CycleScatter,
  FlowEfficiency,
  FlowOverview,
  FlowScope,
  LittlesLaw,
  Velocity,
  WipAging,
  WipPerDay,
} from '../../api/delivery';
import { useFlowMetric } from '../../api/delivery';
import { ChartFrame } from '../../charts/chart-frame';
import { ScatterPlot, SeriesChart, SimpleBarChart } from '../../charts/lazy-charts';
import { Badge, Card, ErrorState, Skeleton } from '../../design';
import {
  cfdRows,
  dayNumber,
  formatDays,
  formatShare,
  littlesLawVerdict,
  PERCENTILES,
  percentileReferences,
  predictabilitySentence,
} from './flow-format';

type Query<T> = ReturnType<typeof useFlowMetric<T>>;

/** Loading and error states of one metric; the body renders only with data. */
function Loaded<T>({
  query,
  label,
  children,
}: {
  query: Query<T>;
  label: string;
  children: (data: T) => React.ReactNode;
}) {
  if (query.isPending) return <Skeleton lines={5} label={`Loading ${label}`} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

const withDefinition = (summary: string, definition: string) => `${summary} Definition: ${definition}`;

export function OverviewTiles({ scope }: { scope: FlowScope }) {
  const overview = useFlowMetric<FlowOverview>('overview', scope);
  const efficiency = useFlowMetric<FlowEfficiency>('efficiency', scope);
  const littles = useFlowMetric<LittlesLaw>('littles-law', scope);
  return (
    <Loaded query={overview} label="flow overview">
      {(o) => (
        <Card title={`Flow at a glance, ${o.from} to ${o.to}`}>
          <div className="metric-grid">
            <Tile
              label="Throughput"
              value={`${o.throughput.total} items`}
              definition={o.throughput.definition}
            />
            <Tile
              label="Cycle time P50 / P85"
              value={`${formatDays(o.cycleTime.percentiles['50'])} / ${formatDays(o.cycleTime.percentiles['85'])}`}
              definition={o.cycleTime.definition}
            />
            <Tile
              label="Lead time P50 / P85"
              value={`${formatDays(o.leadTime.percentiles['50'])} / ${formatDays(o.leadTime.percentiles['85'])}`}
              definition={o.leadTime.definition}
            />
            <Tile
              label="Average WIP"
              value={o.wip.average === null ? '—' : (Math.round(o.wip.average * 10) / 10).toString()}
              definition={o.wip.definition}
            />
            {efficiency.data && (
              <Tile
                label="Flow efficiency"
                value={formatShare(efficiency.data.efficiency)}
                definition={`${efficiency.data.definition} Active ${formatDays(efficiency.data.activeDays)}, waiting ${formatDays(efficiency.data.waitingDays)} over ${efficiency.data.items} items.`}
              />
            )}
            {littles.data && (
              <Tile
                label="Little's law ratio"
                value={littles.data.ratio === null ? '—' : littles.data.ratio.toFixed(2)}
                definition={`${littles.data.definition} ${littlesLawVerdict(littles.data.ratio)} Average WIP ${littles.data.averageWip.toFixed(1)}, throughput ${littles.data.throughputPerDay.toFixed(2)}/day, average cycle time ${formatDays(littles.data.averageCycleTime)} vs implied ${formatDays(littles.data.impliedCycleTime)}.`}
              />
            )}
          </div>
          <PercentileTable cycle={o.cycleTime.percentiles} lead={o.leadTime.percentiles} />
        </Card>
      )}
    </Loaded>
  );
}

function Tile({ label, value, definition }: { label: string; value: string; definition: string }) {
  return (
    <div className="metric-tile">
      <span className="muted">{label}</span>
      <strong>{value}</strong>
      <p className="definition">{definition}</p>
    </div>
  );
}

function PercentileTable({ cycle, lead }: { cycle: Record<string, number>; lead: Record<string, number> }) {
  return (
    <table className="t-table" style={{ marginTop: 'var(--space-3)' }}>
      <caption className="visually-hidden">Cycle and lead time percentiles (nearest rank)</caption>
      <thead>
        <tr>
          <th scope="col">Percentile (nearest rank)</th>
          {PERCENTILES.map((p) => (
            <th key={p} scope="col">
              P{p}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Cycle time</th>
          {PERCENTILES.map((p) => (
            <td key={p} className="num">
              {formatDays(cycle[p])}
            </td>
          ))}
        </tr>
        <tr>
          <th scope="row">Lead time</th>
          {PERCENTILES.map((p) => (
            <td key={p} className="num">
              {formatDays(lead[p])}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

export function ThroughputChart({ scope, fileStem }: { scope: FlowScope; fileStem: string }) {
  const overview = useFlowMetric<FlowOverview>('overview', scope);
  const [unit, setUnit] = useState<'week' | 'day'>('week');
  return (
    <Loaded query={overview} label="throughput">
      {(o) => {
        const rows =
          unit === 'week'
            ? o.throughput.perWeek.map((w) => ({ label: w.weekStart, value: w.count }))
            : o.throughput.perDay.map((d) => ({ label: d.date, value: d.count }));
        return (
          <div>
            <fieldset className="t-segmented" style={{ marginBottom: 'var(--space-2)' }}>
              <legend className="visually-hidden">Throughput per</legend>
              <button type="button" aria-pressed={unit === 'week'} onClick={() => setUnit('week')}>
                Per week
              </button>
              <button type="button" aria-pressed={unit === 'day'} onClick={() => setUnit('day')}>
                Per day
              </button>
            </fieldset>
            <ChartFrame
              title={`Throughput per ${unit}`}
              summary={withDefinition(
                `${o.throughput.total} items finished from ${o.from} to ${o.to}.`,
                o.throughput.definition,
              )}
              fileName={`${fileStem}-throughput-${unit}.csv`}
              data={{
                columns: [unit === 'week' ? 'Week starting' : 'Day', 'Items finished'],
                rows: rows.map((r) => [r.label, r.value]),
              }}
            >
              <SimpleBarChart
                data={rows.map((r) => ({ label: r.label.slice(5), value: r.value }))}
                valueName="Items finished"
              />
            </ChartFrame>
          </div>
        );
      }}
    </Loaded>
  );
}

export function CycleTimeScatter({ scope, fileStem }: { scope: FlowScope; fileStem: string }) {
  const scatter = useFlowMetric<CycleScatter>('cycle-time-scatter', scope);
  return (
    <Loaded query={scatter} label="cycle-time scatterplot">
      {(s) => (
        <ChartFrame
          title="Cycle-time scatterplot"
          summary={withDefinition(
            `${s.points.length} finished items; 85% took ${formatDays(s.percentiles['85'])} or less (${s.unit} days).`,
            s.definition,
          )}
          fileName={`${fileStem}-cycle-time.csv`}
          data={{
            columns: ['Item', 'Done', 'Cycle time (days)'],
            rows: s.points.map((p) => [p.id, p.doneDate, p.days]),
          }}
        >
          <ScatterPlot
            points={s.points.map((p) => ({ x: dayNumber(p.doneDate), y: p.days, label: p.id }))}
            references={percentileReferences(s.percentiles)}
            yUnit="Cycle time (days)"
          />
        </ChartFrame>
      )}
    </Loaded>
  );
}

export function WipAgingCard({ scope, fileStem }: { scope: FlowScope; fileStem: string }) {
  const aging = useFlowMetric<WipAging>('aging', scope);
  return (
    <Loaded query={aging} label="work item age">
      {(a) => (
        <>
          <ChartFrame
            title="Work item age against the SLE"
            summary={withDefinition(
              `${a.items.length} items in progress; ${a.breaches} older than the SLE of ${a.sle.percentile}% within ${formatDays(a.sle.days)} (${a.sle.source}).`,
              a.definition,
            )}
            fileName={`${fileStem}-wip-age.csv`}
            data={{
              columns: ['Item', 'Title', 'Status', 'Age (days)', 'Breached'],
              rows: a.items.map((i) => [
                i.key,
                i.title,
                i.status,
                Math.round(i.ageDays * 10) / 10,
                i.breached ? 'yes' : 'no',
              ]),
            }}
          >
            <SeriesChart
              data={a.items.map((i) => ({ item: i.key, age: Math.round(i.ageDays * 10) / 10 }))}
              xKey="item"
              series={[{ key: 'age', name: 'Age (days)', kind: 'bar' }]}
              references={[{ y: a.sle.days, label: `SLE ${a.sle.percentile}% ≤ ${formatDays(a.sle.days)}` }]}
              yUnit="days"
            />
          </ChartFrame>
          {a.breaches > 0 && (
            <Card title={`SLE breaches (${a.breaches})`}>
              <ul>
                {a.items
                  .filter((i) => i.breached)
                  .slice(0, 12)
                  .map((i) => (
                    <li key={i.id}>
                      <Badge tone="red">Breach</Badge>{' '}
                      <Link to={`/delivery/work-items/${i.id}`} className="mono">
                        {i.key}
                      </Link>{' '}
                      {i.title}: {formatDays(i.ageDays)} in progress ({i.status}), beyond the SLE of{' '}
                      {a.sle.percentile}% within {formatDays(a.sle.days)}
                      {i.exceededPercentile !== null &&
                        `, older than ${i.exceededPercentile}% of finished items`}
                      .
                    </li>
                  ))}
              </ul>
              {a.breaches > 12 && <p className="muted">…and {a.breaches - 12} more (see the table view).</p>}
            </Card>
          )}
        </>
      )}
    </Loaded>
  );
}

export function WipOverTime({ scope, fileStem }: { scope: FlowScope; fileStem: string }) {
  const wip = useFlowMetric<WipPerDay>('wip', scope);
  return (
    <Loaded query={wip} label="WIP over time">
      {(w) => (
        <ChartFrame
          title="Work in progress over time"
          summary={withDefinition(
            `Average WIP ${w.average === null ? '—' : w.average.toFixed(1)} items from ${w.from} to ${w.to}.`,
            w.definition,
          )}
          fileName={`${fileStem}-wip.csv`}
          data={{ columns: ['Day', 'WIP'], rows: w.perDay.map((d) => [d.date, d.count]) }}
        >
          <SeriesChart
            data={w.perDay}
            xKey="date"
            series={[{ key: 'count', name: 'Items in progress', kind: 'line' }]}
          />
        </ChartFrame>
      )}
    </Loaded>
  );
}

export function CumulativeFlowChart({ scope, fileStem }: { scope: FlowScope; fileStem: string }) {
  const cfd = useFlowMetric<CumulativeFlow>('cfd', scope);
  return (
    <Loaded query={cfd} label="cumulative flow">
      {(c) => {
        const { rows, keys } = cfdRows(c);
        const last = c.days.at(-1);
        return (
          <ChartFrame
            title="Cumulative flow diagram"
            summary={withDefinition(
              `On ${last?.date ?? c.to}: ${c.states.map((s, i) => `${last?.inState[i] ?? 0} ${s}`).join(', ')}.`,
              c.definition,
            )}
            fileName={`${fileStem}-cfd.csv`}
            data={{ columns: ['Day', ...c.states], rows: c.days.map((d) => [d.date, ...d.inState]) }}
          >
            <SeriesChart
              data={rows}
              xKey="date"
              series={keys.map((k) => ({ ...k, kind: 'area' as const, stack: 'cfd' }))}
            />
          </ChartFrame>
        );
      }}
    </Loaded>
  );
}

export function VelocityChart({ teamId, fileStem }: { teamId: string; fileStem: string }) {
  const velocity = useFlowMetric<Velocity>('velocity', { kind: 'team', id: teamId });
  return (
    <Loaded query={velocity} label="velocity">
      {(v) =>
        v.velocity.perSprint.length === 0 ? (
          <Card title="Velocity and predictability">
            <p className="muted">No completed sprints yet.</p>
          </Card>
        ) : (
          <ChartFrame
            title="Velocity and predictability"
            summary={withDefinition(
              `Average velocity ${Math.round(v.velocity.average ?? 0)} ${v.unit}, last three ${Math.round(v.velocity.rollingAverage ?? 0)}. ${predictabilitySentence(v.predictability)}`,
              `${v.velocity.definition} ${v.predictability.definition}`,
            )}
            fileName={`${fileStem}-velocity.csv`}
            data={{
              columns: ['Sprint', 'Committed', 'Completed', 'Completed ÷ committed'],
              rows: v.velocity.perSprint.map((s, i) => [
                s.name,
                s.committed,
                s.completed,
                formatShare(v.predictability.perSprint[i]?.ratio),
              ]),
            }}
          >
            <SeriesChart
              data={v.velocity.perSprint}
              xKey="name"
              series={[
                { key: 'committed', name: `Committed (${v.unit})`, kind: 'bar' },
                { key: 'completed', name: `Completed (${v.unit})`, kind: 'bar' },
              ]}
              references={
                v.velocity.average === null ? [] : [{ y: v.velocity.average, label: 'Average velocity' }]
              }
            />
          </ChartFrame>
        )
      }
    </Loaded>
  );
}
