import type { CSSProperties } from 'react';
import type { Initiative, RunResult } from '../../api/optimisation';
import { Card } from '../../design';
import { formatAmount } from './optimisation-format';

// A Gantt-like view of a plan: one row per funded initiative, a bar over the quarters it runs.
// The cut-line plan is listed beside it so the difference is visible. A table underneath holds
// the same facts for screen readers.

function Bars({ plan, labels, label }: { plan: Initiative[]; labels: string[]; label: string }) {
  return (
    <div
      className="opt-gantt"
      role="img"
      aria-label={label}
      style={{ ['--opt-periods' as string]: labels.length } as CSSProperties}
    >
      <div className="opt-gantt__head" aria-hidden="true">
        <span />
        {labels.map((l) => (
          <span key={l}>{l}</span>
        ))}
      </div>
      {plan.map((s) => (
        <div key={s.id} className="opt-gantt__row" aria-hidden="true">
          <span className="opt-gantt__name">{s.key}</span>
          <span
            className="opt-gantt__bar"
            style={{ gridColumn: `${s.start + 2} / span ${Math.min(s.duration, labels.length - s.start)}` }}
          >
            {formatAmount(s.value)}
          </span>
        </div>
      ))}
    </div>
  );
}

export function PlanTimeline({ result }: { result: RunResult }) {
  const labels = result.periodLabels;
  const greedyIds = new Set(result.greedy.selected.map((s) => s.id));
  const when = (s: Initiative) => `${labels[s.start] ?? s.start} – ${labels[s.start + s.duration - 1] ?? ''}`;
  return (
    <Card title="Timeline of the funded initiatives">
      <div className="stack">
        <Bars
          plan={result.selected}
          labels={labels}
          label={`Optimised plan: ${result.selected.length} initiatives`}
        />
        <div className="t-table-wrap">
          <table className="t-table">
            <caption>Optimised plan beside the cut line</caption>
            <thead>
              <tr>
                <th scope="col">Initiative</th>
                <th scope="col">Runs</th>
                <th scope="col">Value</th>
                <th scope="col">Cost</th>
                <th scope="col">Cut line</th>
              </tr>
            </thead>
            <tbody>
              {result.selected.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.key} {s.name}
                  </th>
                  <td>{when(s)}</td>
                  <td>{formatAmount(s.value)}</td>
                  <td>{formatAmount(s.cost)}</td>
                  <td>{greedyIds.has(s.id) ? 'Also funded' : 'Below the cut line'}</td>
                </tr>
              ))}
              {result.greedy.selected
                .filter((g) => !result.selected.some((s) => s.id === g.id))
                .map((g) => (
                  <tr key={g.id}>
                    <th scope="row">
                      {g.key} {g.name}
                    </th>
                    <td>Not funded by the optimiser</td>
                    <td>{formatAmount(g.value)}</td>
                    <td>{formatAmount(g.cost)}</td>
                    <td>Funded by the cut line ({when(g)})</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </div>
    </Card>
  );
}
