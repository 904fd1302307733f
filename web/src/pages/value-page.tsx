import { Link } from 'react-router';
import { useBacklog, usePortfolioRealisation, useStrategyTree, useValueList } from '../api/value';
import { formatMoney } from '../lib/format';
import { usePageTitle } from './record-name';
import {
  AreaCard,
  formatNumber,
  formatPercent,
  PageHeader,
  StatusBadge,
  usePortfolioChoice,
} from './value/value-common';
import './value/value.css';

/** The value office's overview: one card per area with its headline figure and a way in. */
export function ValuePage() {
  usePageTitle('Value');
  const { portfolioId } = usePortfolioChoice();
  const tree = useStrategyTree();
  const kpis = useValueList('kpis');
  const cases = useValueList('business-cases');
  const realisation = usePortfolioRealisation(portfolioId);
  const backlog = useBacklog(portfolioId, 'wsjf');
  const statusCounts = new Map<string, number>();
  for (const k of kpis.data ?? []) statusCounts.set(k.status, (statusCounts.get(k.status) ?? 0) + 1);
  return (
    <div className="stack">
      <PageHeader
        title="Value"
        intro="Whether the portfolio works on what matters, and the value it delivers: strategy and OKRs, KPIs, business cases, benefits and priorities."
      />
      <div className="grid-2">
        <AreaCard
          title="Strategy and OKRs"
          to="/value/strategy"
          action="Open strategy tree"
          query={tree}
          label="the strategy tree"
        >
          {(t) => (
            <p>
              {t.goals.length} goals, {t.goals.reduce((n, g) => n + g.keyResults.length, 0)} key results.{' '}
              <strong>{formatPercent(t.totals.spend ? t.totals.alignedSpend / t.totals.spend : null)}</strong>{' '}
              of spend aligned to a goal; {t.unaligned.projects.length} projects and{' '}
              {t.unaligned.epics.length} epics unaligned.
            </p>
          )}
        </AreaCard>
        <AreaCard
          title="KPIs and value streams"
          to="/value/kpis"
          action="Open KPIs"
          query={kpis}
          label="KPIs"
        >
          {(list) => (
            <>
              <p>{list.length} KPIs:</p>
              <p className="row">
                {[...statusCounts].map(([status, count]) => (
                  <span key={status}>
                    <StatusBadge status={status} /> {count}
                  </span>
                ))}
              </p>
              <Link to="/value/streams">Value streams and their dashboards</Link>
            </>
          )}
        </AreaCard>
        <AreaCard
          title="Business cases"
          to="/value/business-cases"
          action="Open business cases"
          query={cases}
          label="business cases"
        >
          {(list) => (
            <p>
              {list.length} business cases with a total expected NPV of{' '}
              <strong>{formatMoney(list.reduce((sum, c) => sum + c.figures.npv, 0))}</strong>.
            </p>
          )}
        </AreaCard>
        <AreaCard
          title="Benefits realisation"
          to="/value/benefits"
          action="Open benefits"
          query={realisation}
          label="benefits realisation"
        >
          {(r) => (
            <p>
              {formatMoney(r.realised)} realised of {formatMoney(r.planned)} planned to date (
              <strong>{formatPercent(r.ratio)}</strong>) in this portfolio.
            </p>
          )}
        </AreaCard>
        <AreaCard
          title="Prioritisation"
          to="/value/prioritisation"
          action="Open ranked backlog"
          query={backlog}
          label="the ranked backlog"
        >
          {(b) => (
            <>
              <p>Top of the backlog by WSJF:</p>
              <ol>
                {b.items.slice(0, 3).map((i) => (
                  <li key={i.workItem.id}>
                    {i.workItem.key} {i.workItem.title}{' '}
                    <span className="muted">— {formatNumber(i.score)}</span>
                  </li>
                ))}
              </ol>
              <Link to="/value/prioritisation/wsjf-session">Run a WSJF session</Link>
            </>
          )}
        </AreaCard>
      </div>
    </div>
  );
}
