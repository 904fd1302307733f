import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCompare, useValueList } from '../../api/value';
import { Button, Card, humanise, QueryView } from '../../design';
import { formatMoney } from '../../lib/format';
import { ListExport } from '../list-export';
import { usePageTitle } from '../record-name';
import { FIGURE_ROWS } from './business-case-figures';
import { BusinessCaseFormDialog } from './business-case-form';
import { formatPercent, formatPeriods, PageHeader, ScrollTable } from './value-common';

/** Every business case with its headline figures; tick several to compare them side by side. */
export function BusinessCasesPage() {
  usePageTitle('Business cases');
  const cases = useValueList('business-cases');
  const [params, setParams] = useSearchParams();
  const chosen = (params.get('compare') ?? '').split(',').filter(Boolean);
  const [creating, setCreating] = useState(false);
  const toggle = (id: string) => {
    const next = chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id].slice(-20);
    setParams(next.length ? { compare: next.join(',') } : {}, { replace: true });
  };
  return (
    <div className="stack">
      <PageHeader
        title="Business cases"
        intro="Cost and benefit cash flows of each initiative, discounted to NPV, IRR, payback, ROI and benefit-cost ratio. Tick initiatives to compare them."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            New business case
          </Button>
        }
      />
      {creating && <BusinessCaseFormDialog onClose={() => setCreating(false)} />}
      <Card
        title="Initiatives"
        actions={
          <ListExport
            title="Business cases"
            fileStem="business-cases"
            rows={cases.data ?? []}
            disabled={!cases.data?.length}
            columns={[
              { header: 'Business case', value: (bc) => bc.name },
              { header: 'NPV', value: (bc) => bc.figures.npv },
              { header: 'IRR', value: (bc) => bc.figures.irr },
              { header: `Payback`, value: (bc) => formatPeriods(bc.figures.payback, bc.periodUnit) },
              { header: 'ROI', value: (bc) => bc.figures.roi },
              { header: 'BCR', value: (bc) => bc.figures.bcr },
            ]}
          />
        }
      >
        <QueryView query={cases} label="business cases" isEmpty={(c) => c.length === 0}>
          {(list) => (
            <ScrollTable label="Business cases table">
              <table className="t-table">
                <caption className="visually-hidden">Business cases</caption>
                <thead>
                  <tr>
                    <th scope="col">Compare</th>
                    <th scope="col">Business case</th>
                    <th scope="col" className="num">
                      NPV
                    </th>
                    <th scope="col" className="num">
                      IRR
                    </th>
                    <th scope="col" className="num">
                      Payback
                    </th>
                    <th scope="col" className="num">
                      ROI
                    </th>
                    <th scope="col" className="num">
                      BCR
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((bc) => (
                    <tr key={bc.id}>
                      <td>
                        <input
                          type="checkbox"
                          checked={chosen.includes(bc.id)}
                          onChange={() => toggle(bc.id)}
                          aria-label={`Compare ${bc.name}`}
                        />
                      </td>
                      <td>
                        <Link to={`/value/business-cases/${bc.id}`}>{bc.name}</Link>
                      </td>
                      <td className="num">{formatMoney(bc.figures.npv)}</td>
                      <td className="num">{formatPercent(bc.figures.irr)}</td>
                      <td className="num">{formatPeriods(bc.figures.payback, bc.periodUnit)}</td>
                      <td className="num">{formatPercent(bc.figures.roi)}</td>
                      <td className="num">{bc.figures.bcr?.toFixed(2) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </QueryView>
      </Card>
      {chosen.length > 0 && <Comparison ids={chosen} />}
    </div>
  );
}

function Comparison({ ids }: { ids: string[] }) {
  const compare = useCompare(ids);
  return (
    <Card title="Side by side">
      <QueryView query={compare} label="the comparison">
        {({ items }) => (
          <ScrollTable label="Comparison table">
            <table className="t-table">
              <caption className="visually-hidden">
                Business cases side by side, highest expected NPV first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  {items.map((a) => (
                    <th key={a.id} scope="col" className="num">
                      {a.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {FIGURE_ROWS.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {items.map((a) => (
                      <td key={a.id} className="num">
                        {row.value(a.expected, a.periodUnit)}
                      </td>
                    ))}
                  </tr>
                ))}
                {(['pessimistic', 'optimistic'] as const).map((s) => (
                  <tr key={s}>
                    <th scope="row">NPV, {humanise(s).toLowerCase()}</th>
                    {items.map((a) => (
                      <td key={a.id} className="num">
                        {formatMoney(a.scenarios[s].npv)}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">Weighted NPV</th>
                  {items.map((a) => (
                    <td key={a.id} className="num">
                      {formatMoney(a.scenarios.weightedNpv)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </ScrollTable>
        )}
      </QueryView>
    </Card>
  );
}
