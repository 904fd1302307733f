import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useRecord } from '../../api/resources';
import { useEvm } from '../../api/resources-money';
import { ChartFrame } from '../../charts/chart-frame';
import { EvmSCurve } from '../../charts/lazy-charts';
import { Card, EmptyState, ErrorState, Select, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import { eacMethods, evmFigures, FigureTable } from './evm-figures';
import { TableHead } from './table-head';
import { money, ratio } from './window';

const VERSIONS = [
  { value: 'current', label: 'Current budget' },
  { value: 'original', label: 'Original budget' },
  { value: 'forecast', label: 'Forecast budget' },
];

/** Earned value of a project: S-curves, EVM and earned schedule, EAC methods, AgileEVM, ranges. */
export function EvmPage() {
  const { projectId = '' } = useParams();
  const project = useRecord('projects', projectId);
  const [version, setVersion] = useState('current');
  const evm = useEvm(projectId, version);
  usePageTitle(`Earned value · ${project.data?.key ?? ''}`);
  const e = evm.data;
  const curve = useMemo(() => {
    if (!e) return [];
    const byMonth = new Map(
      e.sCurve.map((p) => [
        p.month,
        { month: p.month, pv: p.pv, ev: p.ev, ac: p.ac, forecast: null as number | null },
      ]),
    );
    for (const f of e.forecast?.points ?? []) {
      const row = byMonth.get(f.month) ?? {
        month: f.month,
        pv: null as unknown as number,
        ev: null,
        ac: null,
        forecast: null,
      };
      row.forecast = f.ac;
      byMonth.set(f.month, row);
    }
    return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  }, [e]);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Earned value{project.data ? ` · ${project.data.key} ${project.data.name}` : ''}</h1>
          <p className="muted">
            <Link to={`/portfolio/projects/${projectId}/budget`}>Budget and actuals</Link> · status date{' '}
            {e?.statusDate ?? '…'}
          </p>
        </div>
        <Select
          label="Plan from"
          options={VERSIONS}
          value={version}
          onChange={(ev) => setVersion(ev.target.value)}
        />
      </div>
      {evm.isPending ? (
        <Skeleton lines={10} label="Computing earned value" />
      ) : evm.isError ? (
        <ErrorState error={evm.error} onRetry={() => void evm.refetch()} />
      ) : !e ? (
        <EmptyState title="No earned value" />
      ) : (
        <div className="stack">
          {e.warnings.map((w) => (
            <p key={w} className="t-notice">
              {w}
            </p>
          ))}
          <ChartFrame
            title="S-curve: planned value, earned value, actual cost"
            summary={`BAC ${money(e.series.bac)}; at ${e.statusDate} PV ${money(e.status.pvAtStatus)}, EV ${money(e.status.evAtStatus)}, AC ${money(e.status.acAtStatus)}; forecast cost ${money(e.forecast?.eac)} (EAC by CPI). EV measured by ${e.evMethod.replace('-', ' ')}.`}
            fileName={`evm-${project.data?.key ?? projectId}.csv`}
            data={{
              columns: ['Month', 'PV', 'EV', 'AC', 'Forecast AC'],
              rows: curve.map((p) => [p.month, p.pv, p.ev, p.ac, p.forecast]),
            }}
          >
            <EvmSCurve
              data={curve}
              bac={e.series.bac}
              statusMonth={e.statusDate.slice(0, 7)}
              formatValue={(v) => money(v)}
            />
          </ChartFrame>
          <Card title="Estimate at completion: methods compared">
            <FigureTable
              caption="EAC methods"
              rows={eacMethods(e.status, e.etcBasis).map((m) => ({ ...m, value: money(m.value) }))}
            />
          </Card>
          <Card title={`Earned value and earned schedule at ${e.statusDate}`}>
            <FigureTable caption="EVM figures" rows={evmFigures(e.status, e.series.bac)} />
          </Card>
          {e.agile && (
            <Card title="Release-level AgileEVM (story points)">
              <p className="muted">
                Sprint {e.agile.input.sprintsCompleted} of {e.agile.input.plannedSprints};{' '}
                {e.agile.input.completedStoryPoints} of {e.agile.input.plannedStoryPoints} points done. PPC =
                sprints done ÷ planned = {ratio(e.agile.ppc)}; APC = points done ÷ planned ={' '}
                {ratio(e.agile.apc)}; PV = PPC × BAC, EV = APC × BAC (Sulaiman, Barton &amp; Blackburn 2006).
              </p>
              <FigureTable
                caption="AgileEVM figures"
                rows={[
                  ...evmFigures(e.agile, e.series.bac, 'sprints'),
                  {
                    name: 'Forecast sprints',
                    formula: 'planned sprints ÷ SPI',
                    value: ratio(e.agile.forecastSprints, 1),
                    meaning: 'Sprints the release takes if the pace holds.',
                  },
                ]}
              />
            </Card>
          )}
          <Card title="Final cost and finish as ranges (reference class)">
            <p className="muted">
              From the final CPI and SPI(t) of {e.referenceClass.projects} {e.referenceClass.basis}: cost =
              BAC ÷ CPI quantile, duration = planned duration ÷ SPI(t) quantile.
            </p>
            <table className="t-table">
              <caption className="visually-hidden">Reference-class ranges</caption>
              <TableHead columns={['Probability not exceeded', { num: 'Final cost' }, 'Finish by']} />
              <tbody>
                {e.referenceClass.ranges.map((r) => (
                  <tr key={r.percentile}>
                    <th scope="row">P{r.percentile}</th>
                    <td className="num">{money(r.cost)}</td>
                    <td>{r.finishMonth ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </div>
      )}
    </>
  );
}
