import { useSearchParams } from 'react-router';
import { type Comparison, useComparison } from '../../api/optimisation';
import { ChartFrame } from '../../charts/chart-frame';
import { OptimisationUsageChart } from '../../charts/lazy-charts';
import { Card, EmptyState, ErrorState, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import { formatAmount, valueName } from './optimisation-format';
import './optimisation.css';

function SideFigures({ side }: { side: Comparison['first'] }) {
  return (
    <Card title={side.name}>
      {side.runId === null ? (
        <p className="muted">No finished run yet: run the optimiser on this scenario first.</p>
      ) : (
        <dl className="opt-figures">
          <div>
            <dt>{valueName(side.valueSource)}</dt>
            <dd>{formatAmount(side.objective)}</dd>
          </div>
          <div>
            <dt>Cost</dt>
            <dd>{formatAmount(side.totalCost)}</dd>
          </div>
          <div>
            <dt>Initiatives funded</dt>
            <dd>{side.selectedCount}</dd>
          </div>
        </dl>
      )}
    </Card>
  );
}

/** Two scenarios side by side: value, cost, budget use per quarter and what changed between them. */
export function ComparePage() {
  usePageTitle('Compare scenarios');
  const [params] = useSearchParams();
  const comparison = useComparison(params.get('first') ?? '', params.get('second') ?? '');
  if (!params.get('first') || !params.get('second'))
    return <EmptyState title="Choose two scenarios on the optimisation page to compare them" />;
  if (comparison.isPending) return <Skeleton lines={10} label="Loading the comparison" />;
  if (comparison.isError)
    return <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />;
  const c = comparison.data;
  const label = (p: number) => c.periodLabels[p] ?? String(p);
  const budget = c.periodLabels.map((l, p) => ({
    label: l,
    first: c.first.budgetUsed[p] ?? 0,
    second: c.second.budgetUsed[p] ?? 0,
  }));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            {c.first.name} vs {c.second.name}
          </h1>
          <p className="muted">
            {c.valueDifference === null
              ? 'Run the optimiser on both scenarios to compare their value.'
              : `${c.second.name} is worth ${formatAmount(Math.abs(c.valueDifference))} ${c.valueDifference >= 0 ? 'more' : 'less'} than ${c.first.name}.`}
          </p>
        </div>
      </div>
      <div className="stack">
        <div className="opt-compare">
          <SideFigures side={c.first} />
          <SideFigures side={c.second} />
        </div>
        <Card title="What changed">
          <div className="stack">
            {c.inputChanges.length > 0 && (
              <ul>
                {c.inputChanges.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            )}
            <div className="t-table-wrap">
              <table className="t-table">
                <caption>
                  Plan changes from {c.first.name} to {c.second.name}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Initiative</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {c.selected.map((x) => (
                    <tr key={x.id}>
                      <th scope="row">
                        {x.key} {x.name}
                      </th>
                      <td>Selected, starts {label(x.start)}</td>
                    </tr>
                  ))}
                  {c.deselected.map((x) => (
                    <tr key={x.id}>
                      <th scope="row">
                        {x.key} {x.name}
                      </th>
                      <td>Deselected (started {label(x.start)})</td>
                    </tr>
                  ))}
                  {c.moved.map((x) => (
                    <tr key={x.id}>
                      <th scope="row">
                        {x.key} {x.name}
                      </th>
                      <td>
                        Moved from {label(x.from)} to {label(x.to)}
                      </td>
                    </tr>
                  ))}
                  {c.selected.length + c.deselected.length + c.moved.length === 0 && (
                    <tr>
                      <td colSpan={2}>The same initiatives start in the same quarters.</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </div>
        </Card>
        {[c.first, c.second].map((side) => (
          <ChartFrame
            key={side.id}
            title={`Budget use per quarter: ${side.name}`}
            summary={`${side.name} spends ${formatAmount(side.totalCost)} in all, at most ${formatAmount(Math.max(0, ...side.budgetUsed))} in a quarter.`}
            fileName={`budget-use-${side.name}.csv`}
            data={{
              columns: ['Quarter', 'Used', 'Limit'],
              rows: c.periodLabels.map((l, p) => [l, side.budgetUsed[p] ?? 0, side.budgetLimit[p] ?? null]),
            }}
          >
            <div className="opt-chart-fill">
              <OptimisationUsageChart
                data={budget.map((b, p) => ({
                  label: b.label,
                  used: side === c.first ? b.first : b.second,
                  limit: side.budgetLimit[p] ?? null,
                }))}
                usedName="Budget used"
                formatValue={formatAmount}
              />
            </div>
          </ChartFrame>
        ))}
        <Card title="Capacity use per quarter">
          <div className="t-table-wrap">
            <table className="t-table">
              <caption>Skill capacity used (FTE) in each scenario</caption>
              <thead>
                <tr>
                  <th scope="col">Skill</th>
                  <th scope="col">Scenario</th>
                  {c.periodLabels.map((l) => (
                    <th scope="col" key={l}>
                      {l}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[c.first, c.second].flatMap((side) =>
                  side.capacity.map((cap) => (
                    <tr key={`${side.id}-${cap.skill}`}>
                      <th scope="row">{cap.skill}</th>
                      <td>{side.name}</td>
                      {cap.used.map((u, p) => (
                        <td key={c.periodLabels[p] ?? p}>
                          {u === null
                            ? '—'
                            : `${formatAmount(u)} / ${cap.limit[p] === null ? '∞' : formatAmount(cap.limit[p])}`}
                        </td>
                      ))}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
