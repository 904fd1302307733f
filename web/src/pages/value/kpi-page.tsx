import { useState } from 'react';
import { useParams } from 'react-router';
import { type Kpi, useMeasurements, useValueRecord } from '../../api/value';
import { ChartFrame } from '../../charts/chart-frame';
import { ValueLineChart } from '../../charts/lazy-charts';
import { Badge, Button, Card, humanise, QueryView } from '../../design';
import { formatDate } from '../../lib/format';
import { usePageTitle, usePeopleNames } from '../record-name';
import { CsvImport, MeasurementForm, TargetChange } from './kpi-entry';
import { KpiFormDialog } from './kpi-form';
import { CUSTOMER_FACING } from './kpis-page';
import { formatNumber, PageHeader, StatusBadge } from './value-common';
import './value.css';

/** One KPI: its definition, history with the targets and thresholds of each date, manual entry and CSV import. */
export function KpiPage() {
  const { kpiId = '' } = useParams();
  const kpi = useValueRecord('kpis', kpiId);
  usePageTitle(kpi.data?.name ?? 'KPI');
  return (
    <QueryView query={kpi} label="the KPI">
      {(k) => <KpiView kpi={k} />}
    </QueryView>
  );
}

function KpiView({ kpi }: { kpi: Kpi }) {
  const history = useMeasurements(kpi.id);
  const people = usePeopleNames();
  const [editing, setEditing] = useState(false);
  return (
    <div className="stack">
      <PageHeader
        title={kpi.name}
        intro={kpi.description ?? `${humanise(kpi.metricType)} measured ${kpi.frequency} in ${kpi.unit}.`}
        actions={
          <>
            <StatusBadge status={kpi.status} />
            {CUSTOMER_FACING.has(kpi.metricType) && <Badge>Customer-facing</Badge>}
            <Button onClick={() => setEditing(true)}>Edit KPI</Button>
          </>
        }
      />
      {editing && <KpiFormDialog record={kpi} onClose={() => setEditing(false)} />}
      <Card title="Definition">
        <dl className="facts">
          <dt>Type</dt>
          <dd>{humanise(kpi.metricType)}</dd>
          <dt>Unit and direction</dt>
          <dd>
            {kpi.unit}, {kpi.direction === 'decrease' ? 'lower is better' : 'higher is better'}
          </dd>
          <dt>Frequency</dt>
          <dd>{humanise(kpi.frequency)}</dd>
          <dt>Source</dt>
          <dd>{kpi.source ?? '—'}</dd>
          <dt>Owner</dt>
          <dd>{kpi.ownerId ? (people.get(kpi.ownerId) ?? '…') : '—'}</dd>
          <dt>Target now</dt>
          <dd>
            {formatNumber(kpi.target)} (threshold {formatNumber(kpi.threshold)})
          </dd>
          <dt>Earlier targets</dt>
          <dd>
            {(kpi.targetHistory ?? []).length === 0
              ? 'None'
              : (kpi.targetHistory ?? []).map((s) => (
                  <div key={s.until}>
                    {formatNumber(s.target)} (threshold {formatNumber(s.threshold)}) until{' '}
                    {formatDate(s.until)}
                  </div>
                ))}
          </dd>
          <dt>Latest</dt>
          <dd>
            {formatNumber(kpi.latest?.value)} {kpi.unit} on {formatDate(kpi.latest?.date)}
          </dd>
        </dl>
      </Card>
      <QueryView query={history} label="measurements">
        {(items) => (
          <ChartFrame
            title="Measurement history"
            summary={
              items.length === 0
                ? 'No measurements yet.'
                : `${items.length} measurements from ${items[0]?.date} to ${items.at(-1)?.date}; the dashed steps are the target and threshold in effect on each date.`
            }
            fileName={`${kpi.name} history.csv`}
            data={{
              columns: ['Date', 'Value', 'Target', 'Threshold', 'Origin', 'Note'],
              rows: items.map((m) => [
                m.date,
                m.value,
                m.target ?? null,
                m.threshold ?? null,
                m.origin,
                m.note ?? '',
              ]),
            }}
          >
            <ValueLineChart
              rows={items.map((m) => ({
                date: m.date,
                value: m.value,
                target: m.target ?? null,
                threshold: m.threshold ?? null,
              }))}
              series={[
                { key: 'value', name: `${kpi.name} (${kpi.unit})` },
                { key: 'target', name: 'Target', step: true, dashed: true },
                { key: 'threshold', name: 'Threshold', step: true, dashed: true },
              ]}
            />
          </ChartFrame>
        )}
      </QueryView>
      <div className="grid-2">
        <Card title="Record a measurement">
          <MeasurementForm kpi={kpi} />
        </Card>
        <Card title="Import from CSV">
          <CsvImport kpi={kpi} />
        </Card>
      </div>
      <Card title="Change the target">
        <TargetChange kpi={kpi} />
      </Card>
    </div>
  );
}
