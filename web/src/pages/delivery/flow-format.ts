// Pure helpers that turn flow-metric responses into chart rows, reference lines and sentences.
import type { Backtest } from '../../api/delivery';
import type { ReferenceSpec, SeriesRow } from '../../charts/lazy-charts';

export const PERCENTILES = ['50', '70', '85', '95'] as const;

/** "3.4 d": days with one decimal, or a dash. */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined || Number.isNaN(days)) return '—';
  return `${Math.round(days * 10) / 10} d`;
}

/** "72%": a share as a whole percentage, or a dash. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

/** Percentile lines of a scatterplot or aging chart, lowest first: "P85 9 d". */
export function percentileReferences(percentiles: Record<string, number | undefined>): ReferenceSpec[] {
  return PERCENTILES.flatMap((p) => {
    const y = percentiles[p];
    return y === undefined ? [] : [{ y, label: `P${p} ${formatDays(y)}` }];
  });
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (for a true time axis). */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/**
 * Rows of a cumulative flow diagram: per day, the items in each state, keyed `s0`, `s1`, … in
 * reverse workflow order so that, stacked, done lies at the bottom and the backlog on top (the
 * usual CFD reading: band thickness = items in that state).
 */
export function cfdRows(cfd: { states: string[]; days: { date: string; inState: number[] }[] }): {
  rows: SeriesRow[];
  keys: { key: string; name: string }[];
} {
  const order = cfd.states.map((name, index) => ({ name, index })).reverse();
  const keys = order.map(({ name, index }) => ({ key: `s${index}`, name }));
  const rows = cfd.days.map((day) => {
    const row: SeriesRow = { date: day.date };
    for (const { index } of order) row[`s${index}`] = day.inState[index] ?? 0;
    return row;
  });
  return { rows, keys };
}

/**
 * What a Little's-law ratio (average WIP ÷ (throughput × average cycle time)) says. Within 20%
 * of 1 the figures are consistent; further off, one of Vacanti's assumptions fails.
 */
export function littlesLawVerdict(ratio: number | null): string {
  if (ratio === null) return 'Not enough finished work in the window to check.';
  if (Math.abs(ratio - 1) <= 0.2)
    return 'Consistent: WIP, throughput and cycle time agree, so the flow is stable enough to forecast from.';
  return ratio > 1
    ? 'WIP is higher than throughput and cycle time imply: work is piling up or ageing (arrivals exceed departures).'
    : 'WIP is lower than throughput and cycle time imply: the window holds work started before it or WIP is falling.';
}

/** The share of sprints within the predictability band, as a sentence. */
export function predictabilitySentence(p: {
  meanRatio: number | null;
  withinBandShare: number | null;
  band: number[];
}) {
  const [lo = 0.8, hi = 1] = p.band;
  return `On average ${formatShare(p.meanRatio)} of the commitment was completed; ${formatShare(p.withinBandShare)} of sprints landed within ${formatShare(lo)}–${formatShare(hi)}.`;
}

/**
 * Which past dates a backtest scored: a forecast made from a window with too few finished items
 * (a team's first weeks) misses by far and says little about forecasts made from a full window.
 */
export function describeBacktestScoring(b: Pick<Backtest, 'scoring' | 'skipped'>): string {
  const { minHistoryDays, minHistoryItems } = b.scoring;
  const thin = b.skipped.thinHistory + b.skipped.allZeroHistory;
  const rule = `Only dates with ${minHistoryDays} days of history holding at least ${minHistoryItems} finished items are scored.`;
  if (thin === 0) return rule;
  return `${rule} ${thin} past ${thin === 1 ? 'date' : 'dates'} with fewer finished items before ${thin === 1 ? 'it was' : 'them were'} not scored.`;
}
