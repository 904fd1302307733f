import { useState } from 'react';
import { Link } from 'react-router';
import { useValueList } from '../../api/value';
import { Badge, Button, Card, humanise, QueryView } from '../../design';
import { ListExport } from '../list-export';
import { usePageTitle, usePeopleNames } from '../record-name';
import { KpiFormDialog } from './kpi-form';
import { formatNumber, PageHeader, StatusBadge } from './value-common';

// Customer-facing metric types (docs/value.md): benefits and key results can point at them.
export const CUSTOMER_FACING = new Set(['nps', 'customer_satisfaction', 'retention', 'churn', 'adoption']);

/** Every KPI the user can see, customer-facing ones marked, with latest value and status. */
export function KpisPage() {
  usePageTitle('KPIs');
  const kpis = useValueList('kpis');
  const people = usePeopleNames();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title="KPIs"
        intro="Value metrics with their targets, thresholds and latest measurement. Customer-facing metrics (NPS, satisfaction, retention, churn, adoption) are marked."
        actions={
          <Button variant="primary" onClick={() => setAdding(true)}>
            New KPI
          </Button>
        }
      />
      {adding && <KpiFormDialog onClose={() => setAdding(false)} />}
      <Card
        title="All KPIs"
        actions={
          <ListExport
            title="KPIs"
            fileStem="kpis"
            rows={kpis.data ?? []}
            disabled={!kpis.data?.length}
            columns={[
              { header: 'KPI', value: (k) => k.name },
              { header: 'Type', value: (k) => humanise(k.metricType) },
              { header: 'Customer-facing', value: (k) => (CUSTOMER_FACING.has(k.metricType) ? 'yes' : 'no') },
              { header: 'Latest', value: (k) => k.latest?.value },
              { header: 'Unit', value: (k) => k.unit },
              { header: 'Target', value: (k) => k.target },
              { header: 'Threshold', value: (k) => k.threshold },
              { header: 'Status', value: (k) => k.status },
              { header: 'Frequency', value: (k) => humanise(k.frequency) },
              { header: 'Owner', value: (k) => (k.ownerId ? (people.get(k.ownerId) ?? k.ownerId) : null) },
            ]}
          />
        }
      >
        <QueryView query={kpis} label="KPIs" isEmpty={(k) => k.length === 0}>
          {(list) => (
            <div className="t-table-wrap">
              <table className="t-table">
                <caption className="visually-hidden">KPIs</caption>
                <thead>
                  <tr>
                    <th scope="col">KPI</th>
                    <th scope="col">Type</th>
                    <th scope="col" className="num">
                      Latest
                    </th>
                    <th scope="col" className="num">
                      Target
                    </th>
                    <th scope="col" className="num">
                      Threshold
                    </th>
                    <th scope="col">Status</th>
                    <th scope="col">Frequency</th>
                    <th scope="col">Owner</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((k) => (
                    <tr key={k.id}>
                      <td>
                        <Link to={`/value/kpis/${k.id}`}>{k.name}</Link>
                      </td>
                      <td>
                        {humanise(k.metricType)}{' '}
                        {CUSTOMER_FACING.has(k.metricType) && <Badge>Customer-facing</Badge>}
                      </td>
                      <td className="num">
                        {formatNumber(k.latest?.value)} {k.unit}
                      </td>
                      <td className="num">{formatNumber(k.target)}</td>
                      <td className="num">{formatNumber(k.threshold)}</td>
                      <td>
                        <StatusBadge status={k.status} />
                      </td>
                      <td>{humanise(k.frequency)}</td>
                      <td>{k.ownerId ? (people.get(k.ownerId) ?? '…') : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </Card>
    </>
  );
}
