import { Link } from 'react-router';
import type { KpiDashboard } from '../../api/value';
import { ChartFrame } from '../../charts/chart-frame';
import { ValueLineChart } from '../../charts/lazy-charts';
import { Badge, EmptyState, humanise } from '../../design';
import { formatNumber, StatusBadge } from './value-common';

/** A KPI dashboard (of a value stream or a portfolio): status counts, then each KPI's trend chart. */
export function KpiDashboardView({ dashboard }: { dashboard: KpiDashboard }) {
  if (dashboard.kpis.length === 0) return <EmptyState title="No KPIs measured here yet" />;
  return (
    <div className="stack">
      <p className="row">
        <span className="muted">KPIs by status:</span>
        {Object.entries(dashboard.summary)
          .filter(([, count]) => count > 0)
          .map(([status, count]) => (
            <span key={status}>
              <StatusBadge status={status} /> {count}
            </span>
          ))}
      </p>
      <div className="grid-2">
        {dashboard.kpis.map((k) => {
          const name = String(k.kpi.name);
          const unit = String(k.kpi.unit);
          return (
            <ChartFrame
              key={String(k.kpi.id)}
              title={name}
              summary={`${humanise(String(k.kpi.metricType))}${k.customerFacing ? ' (customer-facing)' : ''}: latest ${formatNumber(k.latest?.value)} ${unit}, ${humanise(k.status).toLowerCase()}, trend ${k.trend?.trend ?? 'unknown'}.`}
              fileName={`${name}.csv`}
              data={{
                columns: ['Date', 'Value', 'Target', 'Threshold'],
                rows: k.history.map((h) => [h.date, h.value, h.target, h.threshold]),
              }}
            >
              <p className="row">
                <Link to={`/value/kpis/${String(k.kpi.id)}`}>Open {name}</Link>
                <StatusBadge status={k.status} />
                {k.trend && <StatusBadge status={k.trend.trend} />}
                {k.customerFacing && <Badge>Customer-facing</Badge>}
              </p>
              <ValueLineChart
                rows={k.history}
                series={[
                  { key: 'value', name: `${name} (${unit})` },
                  { key: 'target', name: 'Target', step: true, dashed: true },
                  { key: 'threshold', name: 'Threshold', step: true, dashed: true },
                ]}
              />
            </ChartFrame>
          );
        })}
      </div>
    </div>
  );
}
