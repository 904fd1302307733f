import { useMemo, useState } from 'react';
import { type HeatCell, type HeatmapBy, type PeriodKind, useHeatmap } from '../../api/resources-money';
import { CapacityHeatmap, percent } from '../../charts/capacity-heatmap';
import { ChartFrame } from '../../charts/chart-frame';
import { Badge, ButtonLink, Card, EmptyState, ErrorState, Input, Select, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import { ResourceRequestCard } from './resource-request-card';
import { TableHead } from './table-head';
import { TeamBookingCard } from './team-booking-card';
import { hours, MONTHS_FOR, monthStart, windowEnd } from './window';

const BY = [
  { value: 'person', label: 'Person' },
  { value: 'team', label: 'Team' },
  { value: 'skill', label: 'Skill' },
  { value: 'role', label: 'Role' },
];
const PERIODS = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
];

/** Capacity against demand as a heat map, with the over-allocations and the projects causing them. */
export function CapacityPage() {
  usePageTitle('Capacity');
  const [by, setBy] = useState<HeatmapBy>('person');
  const [period, setPeriod] = useState<PeriodKind>('week');
  const [from, setFrom] = useState(monthStart(0));
  const to = windowEnd(from, MONTHS_FOR[period]);
  const heat = useHeatmap({ by, period, from, to });
  const [selected, setSelected] = useState<{ row: string; period: string; cell: HeatCell } | null>(null);
  const data = heat.data;
  const over = useMemo(
    () =>
      (data?.rows ?? [])
        .filter((r) => r.overAllocatedPeriods > 0)
        .sort((a, b) => b.overAllocatedPeriods - a.overAllocatedPeriods || a.label.localeCompare(b.label)),
    [data],
  );
  const label = data?.rows.find((r) => r.key === selected?.row)?.label;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Capacity</h1>
          <p className="muted">
            Demand (hard and soft bookings of people and teams, schedule tasks and open requests) against
            capacity from each person’s FTE, calendar, holidays and leave.
          </p>
        </div>
        <div className="row">
          <ButtonLink to="/people/availability">Find who is free</ButtonLink>
          <ButtonLink to="/people/suggestions">Suggested fixes</ButtonLink>
        </div>
      </div>
      <div className="stack">
        <form className="row" aria-label="Heat map settings" onSubmit={(e) => e.preventDefault()}>
          <Select
            label="Rows"
            options={BY}
            value={by}
            onChange={(e) => {
              setBy(e.target.value as HeatmapBy);
              setSelected(null);
            }}
          />
          <Select
            label="Period"
            options={PERIODS}
            value={period}
            onChange={(e) => {
              setPeriod(e.target.value as PeriodKind);
              setSelected(null);
            }}
          />
          <Input
            label="From"
            type="date"
            value={from}
            onChange={(e) => {
              if (!e.target.value) return;
              setFrom(e.target.value);
              setSelected(null);
            }}
            hint={`to ${to}`}
          />
        </form>
        {heat.isPending ? (
          <Skeleton lines={8} label="Loading the heat map" />
        ) : heat.isError ? (
          <ErrorState error={heat.error} onRetry={() => void heat.refetch()} />
        ) : !data || data.rows.length === 0 ? (
          <EmptyState title="No capacity in this window">
            Add people (with titles for roles), teams or skills first.
          </EmptyState>
        ) : (
          <ChartFrame
            title={`Capacity vs demand by ${by}`}
            summary={`${data.rows.length} ${by === 'person' ? 'people' : `${by}s`} over ${data.periods.length} ${period}s from ${from} to ${to}; ${over.length} over-allocated in at least one ${period}.`}
            fileName={`capacity-${by}-${period}-${from}.csv`}
            data={{
              columns: [by, ...data.periods.map((p) => `${p.key} utilisation`)],
              rows: data.rows.map((r) => [
                r.label,
                ...r.cells.map((c) =>
                  c.utilisation === null ? null : Math.round(c.utilisation * 100) / 100,
                ),
              ]),
            }}
          >
            <CapacityHeatmap
              data={data}
              selected={selected}
              onSelect={(row, p, cell) => setSelected({ row, period: p, cell })}
            />
          </ChartFrame>
        )}
        {selected && (
          <Card title={`${label ?? ''} · ${selected.period}`}>
            <p>
              {percent(selected.cell.utilisation)} utilised: {hours(selected.cell.demand)} of{' '}
              {hours(selected.cell.capacity)} (hard {hours(selected.cell.hard)}, soft{' '}
              {hours(selected.cell.soft)}, requested {hours(selected.cell.requested)}).
            </p>
            <CausesTable causes={selected.cell.causes} caption="Projects causing this load" />
          </Card>
        )}
        {data && (
          <Card title="Over-allocations">
            {over.length === 0 ? (
              <EmptyState title="Nobody is over-allocated in this window" />
            ) : (
              <ul className="link-list">
                {over.slice(0, 20).map((r) => {
                  const worst = [...r.cells].sort((a, b) => b.excess - a.excess)[0];
                  return (
                    <li key={r.key}>
                      <strong>{r.label}</strong>{' '}
                      <Badge tone="red">
                        {r.overAllocatedPeriods} {period}
                        {r.overAllocatedPeriods === 1 ? '' : 's'} over
                      </Badge>{' '}
                      {worst && (
                        <span className="muted">
                          worst {worst.period}: {hours(worst.excess)} over, from{' '}
                          {worst.causes
                            .map((c) => `${c.projectKey ?? c.projectName} (${hours(c.hours)})`)
                            .join(', ')}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
        )}
        <TeamBookingCard from={from} to={to} />
        <ResourceRequestCard from={from} to={to} />
      </div>
    </>
  );
}

function CausesTable({ causes, caption }: { causes: HeatCell['causes']; caption: string }) {
  if (causes.length === 0) return <p className="muted">No bookings or requests.</p>;
  return (
    <table className="t-table">
      <caption className="visually-hidden">{caption}</caption>
      <TableHead columns={['Project', { num: 'Hours' }]} />
      <tbody>
        {causes.map((c) => (
          <tr key={c.projectId ?? 'hidden'}>
            <td>{c.projectKey ? `${c.projectKey} · ${c.projectName}` : c.projectName}</td>
            <td className="num">{hours(c.hours)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
