// Small pieces every value page uses: number formats, status words and the portfolio a
// portfolio-level page shows.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useEverything } from '../../api/resources';
import {
  Badge,
  type BadgeTone,
  ButtonLink,
  Card,
  humanise,
  QueryView,
  recordOptions,
  Select,
} from '../../design';
import { usePortfolioScope } from '../../shell/portfolio-scope';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

export const formatNumber = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : number.format(v);
export const formatPercent = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : percent.format(v);
export const formatPeriods = (v: number | null | undefined, unit: string) =>
  v === null || v === undefined ? 'never' : `${number.format(v)} ${unit}${v === 1 ? '' : 's'}`;

const STATUS_TONE: Record<string, BadgeTone> = {
  on_target: 'green',
  at_risk: 'amber',
  off_target: 'red',
  realised: 'green',
  partially_realised: 'amber',
  not_realised: 'red',
  in_progress: 'neutral',
  improving: 'green',
  worsening: 'red',
};

/** A status as a word with a colour (never colour alone). */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <Badge>None</Badge>;
  return <Badge tone={STATUS_TONE[status] ?? 'neutral'}>{humanise(status)}</Badge>;
}

/** Progress 0–1 as a bar with its percentage in words. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const pct = value === null ? 0 : Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <span className="value-progress">
      <progress max={100} value={pct} aria-label={label} />
      <span>{value === null ? '—' : `${pct}%`}</span>
    </span>
  );
}

/**
 * The portfolio a portfolio-level page shows: the switcher's, or the first one when the switcher
 * says "all portfolios"; the page may pick another with `PortfolioPicker`.
 */
export function usePortfolioChoice(): {
  portfolioId: string | undefined;
  options: { value: string; label: string }[];
} {
  const { portfolioId } = usePortfolioScope();
  const portfolios = useEverything('portfolios');
  const options = recordOptions(portfolios.data);
  return { portfolioId: portfolioId || options[0]?.value, options };
}

export function PortfolioPicker({
  value,
  options,
  onChange,
}: {
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (id: string) => void;
}) {
  return (
    <Select
      label="Portfolio"
      value={value ?? ''}
      options={options}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function PageHeader({
  title,
  intro,
  actions,
}: {
  title: string;
  intro: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        <p className="muted">{intro}</p>
      </div>
      {actions && <div className="row">{actions}</div>}
    </div>
  );
}

/** A wide table's scrolling box, reachable by keyboard so it can be scrolled without a mouse. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="t-table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

/** An area of the office on its overview: a headline from one query and the way into the area. */
export function AreaCard<T>({
  title,
  to,
  action,
  query,
  label,
  children,
}: {
  title: string;
  to: string;
  action: string;
  query: UseQueryResult<T>;
  label: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <Card
      title={title}
      actions={
        <ButtonLink size="sm" to={to}>
          {action}
        </ButtonLink>
      }
    >
      <QueryView query={query} label={label}>
        {children}
      </QueryView>
    </Card>
  );
}
