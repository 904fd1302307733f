import { useState } from 'react';
import type { RunResult } from '../../api/optimisation';
import { ChartFrame } from '../../charts/chart-frame';
import { OptimisationFrontierChart, OptimisationUsageChart } from '../../charts/lazy-charts';
import { Badge, Card, Select } from '../../design';
import { describeGap, formatAmount, formatGap, valueName } from './optimisation-format';
import { PlanTimeline } from './plan-timeline';

/** A finished run: the optimum beside the cut line, the timeline, resource use, frontier and prices. */
export function RunResultView({ result }: { result: RunResult }) {
  const value = valueName(result.valueSource);
  const skills = Object.keys(result.usage.capacity);
  const [resource, setResource] = useState('budget');
  const use = resource === 'budget' ? result.usage.budget : result.usage.capacity[resource];
  const usage = (use?.used ?? []).map((used, p) => ({
    label: result.periodLabels[p] ?? String(p),
    used,
    limit: use?.limit[p] ?? null,
  }));
  const resourceName = resource === 'budget' ? 'Budget' : `${resource} (FTE)`;
  const frontier = result.frontier.map((f) => ({ budget: f.totalBudget, value: f.value }));
  const feasible = result.status === 'optimal' || result.status === 'feasible';
  const gapSentence = describeGap(result.status, result.bound, result.gap);
  return (
    <div className="stack">
      <Card title="Result">
        {!feasible ? (
          <div className="stack">
            <p>
              <Badge tone="red">{result.status === 'infeasible' ? 'Infeasible' : 'No plan found'}</Badge> The
              mandatory work cannot fit. These rules conflict:
            </p>
            <ul>
              {result.conflicts.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </div>
        ) : (
          <dl className="opt-figures">
            <div>
              <dt>Optimised {value}</dt>
              <dd>{formatAmount(result.objective)}</dd>
            </div>
            <div>
              <dt>Cut line (rank by value)</dt>
              <dd>{formatAmount(result.greedy.objective)}</dd>
            </div>
            <div>
              <dt>Found on top of the cut line</dt>
              <dd>{formatAmount(result.uplift)}</dd>
            </div>
            <div>
              <dt>Cost of the plan</dt>
              <dd>{formatAmount(result.totalCost)}</dd>
            </div>
            <div>
              <dt>Status · gap</dt>
              <dd>
                {result.status === 'optimal' ? 'Proven optimal' : 'Best found in the time limit'} ·{' '}
                {formatGap(result.gap)}
              </dd>
            </div>
          </dl>
        )}
        {gapSentence && <p className="muted">{gapSentence}</p>}
        {result.leftOut.length > 0 && (
          <p className="muted">
            Left out of this scenario: {result.leftOut.map((l) => `${l.id} (${l.reason})`).join('; ')}.
          </p>
        )}
      </Card>
      {feasible && <PlanTimeline result={result} />}
      {feasible && (
        <form className="row" aria-label="Resource shown in the chart" onSubmit={(e) => e.preventDefault()}>
          <Select
            label="Resource"
            options={[
              { value: 'budget', label: 'Budget' },
              ...skills.map((s) => ({ value: s, label: `${s} capacity` })),
            ]}
            value={resource}
            onChange={(e) => setResource(e.target.value)}
          />
        </form>
      )}
      {feasible && (
        <ChartFrame
          title="Capacity and budget use per quarter"
          summary={`${resourceName}: the plan uses at most ${formatAmount(Math.max(0, ...usage.map((u) => u.used)))} in a quarter, ${formatAmount(usage.reduce((a, u) => a + u.used, 0))} in all${usage.some((u) => u.limit !== null) ? ` of ${formatAmount(usage.reduce((a, u) => a + (u.limit ?? 0), 0))} available` : ''}.`}
          fileName={`plan-use-${resource}.csv`}
          data={{ columns: ['Quarter', 'Used', 'Limit'], rows: usage.map((u) => [u.label, u.used, u.limit]) }}
        >
          <div className="opt-chart-fill">
            <OptimisationUsageChart data={usage} usedName={resourceName} formatValue={formatAmount} />
          </div>
        </ChartFrame>
      )}
      {frontier.length > 1 && (
        <ChartFrame
          title="Efficient frontier"
          summary={`Best ${value} at each budget level: from ${formatAmount(frontier[0]?.value)} at ${formatAmount(frontier[0]?.budget)} to ${formatAmount(frontier.at(-1)?.value)} at ${formatAmount(frontier.at(-1)?.budget)}.`}
          fileName="efficient-frontier.csv"
          data={{
            columns: ['Budget level', 'Total budget', `Best ${value}`],
            rows: result.frontier.map((f) => [`${Math.round(f.factor * 100)} %`, f.totalBudget, f.value]),
          }}
        >
          <div className="opt-chart-fill">
            <OptimisationFrontierChart data={frontier} formatValue={formatAmount} />
          </div>
        </ChartFrame>
      )}
      <Card title="What one more unit would be worth">
        {result.shadowPrices.length === 0 ? (
          <p className="muted">No budget or capacity limit binds: more of either would add nothing.</p>
        ) : (
          <ul className="opt-sentences">
            {result.shadowPrices.slice(0, 8).map((sp) => (
              <li key={`${sp.kind}-${sp.skill}-${sp.period}`}>{sp.sentence}</li>
            ))}
          </ul>
        )}
        <p className="muted">Marginal values of the linear relaxation: estimates, hence “about”.</p>
      </Card>
    </div>
  );
}
