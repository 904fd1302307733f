import { computeQuantile } from '../evm/reference-class';

/** One finished piece of past work: its estimate and the effort it actually took. */
export interface EffortHistoryItem {
  type: string;
  teamId: string | null;
  /** In the unit of the query (hours, or story points when estimating hours per point). */
  estimate: number;
  /** Actual effort in hours (time entries booked to the item). */
  actualHours: number;
}

export interface EffortQuery {
  type: string;
  teamId: string | null;
  estimate: number;
  /** Fewest past items a reference class needs before a wider one is used (default 5). */
  minSample?: number;
}

/** Which past items formed the reference class, narrowest first. */
export type EstimateBasis = 'type-and-team' | 'type' | 'team' | 'organisation' | 'none';

export interface RatioSpread {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

export interface EffortEstimate {
  basis: EstimateBasis;
  sampleSize: number;
  /** Spread of actual ÷ estimate in the reference class. */
  ratio: RatioSpread | null;
  /** The estimate times each ratio quantile: effort not exceeded with 10 %, 50 %, 90 % probability. */
  effort: { p10: number; p50: number; p90: number } | null;
  warnings: string[];
}

/** Actual ÷ estimate of items with a positive, finite estimate and non-negative actual. */
export function computeRatios(items: readonly EffortHistoryItem[]): number[] {
  const ratios: number[] = [];
  for (const item of items) {
    if (!(item.estimate > 0) || !Number.isFinite(item.estimate)) continue;
    if (!(item.actualHours >= 0) || !Number.isFinite(item.actualHours)) continue;
    ratios.push(item.actualHours / item.estimate);
  }
  return ratios;
}

/** P10, P50, P90 (Hyndman & Fan type 7, as R and Excel's PERCENTILE.INC) and the mean of ratios. */
export function spreadOf(ratios: readonly number[]): RatioSpread | null {
  if (ratios.length === 0) return null;
  const sorted = [...ratios].sort((a, b) => a - b);
  const q = (p: number) => computeQuantile(sorted, p) ?? 0;
  return { p10: q(0.1), p50: q(0.5), p90: q(0.9), mean: sorted.reduce((s, r) => s + r, 0) / sorted.length };
}

/**
 * Effort of new work from the organisation's own history (reference-class forecasting after
 * Flyvbjerg, applied to effort as with the Kitchenham et al. 2002 actual/first-estimate ratios):
 * the class is past items of the same type and team; when it has fewer than `minSample` items the
 * class widens to the type, then the team, then the whole organisation. The answer is the spread
 * of estimate × (actual ÷ estimate), never a single number.
 */
export function estimateEffort(history: readonly EffortHistoryItem[], query: EffortQuery): EffortEstimate {
  const minSample = Math.max(1, Math.floor(query.minSample ?? 5));
  const warnings: string[] = [];
  if (!(query.estimate > 0) || !Number.isFinite(query.estimate)) {
    return {
      basis: 'none',
      sampleSize: 0,
      ratio: null,
      effort: null,
      warnings: ['estimate must be positive'],
    };
  }
  const classes: [EstimateBasis, (i: EffortHistoryItem) => boolean][] = [
    ['type-and-team', (i) => i.type === query.type && i.teamId === query.teamId],
    ['type', (i) => i.type === query.type],
    ['team', (i) => i.teamId === query.teamId],
    ['organisation', () => true],
  ];
  for (const [basis, member] of classes) {
    if (basis === 'team' && query.teamId === null) continue;
    const ratios = computeRatios(history.filter(member));
    if (ratios.length < minSample && basis !== 'organisation') continue;
    const ratio = spreadOf(ratios);
    if (!ratio) break;
    if (ratios.length < minSample)
      warnings.push(`only ${ratios.length} finished item(s) in the whole history; the spread is unreliable`);
    const e = query.estimate;
    return {
      basis,
      sampleSize: ratios.length,
      ratio,
      effort: { p10: e * ratio.p10, p50: e * ratio.p50, p90: e * ratio.p90 },
      warnings,
    };
  }
  return {
    basis: 'none',
    sampleSize: 0,
    ratio: null,
    effort: null,
    warnings: ['no finished, estimated work with time booked'],
  };
}

export interface RatioGroup extends RatioSpread {
  type: string;
  teamId: string | null;
  sampleSize: number;
}

/** The ratio spread of every type × team pair in the history, for the calibration table. */
export function summariseRatios(history: readonly EffortHistoryItem[]): RatioGroup[] {
  const groups = new Map<string, { type: string; teamId: string | null; items: EffortHistoryItem[] }>();
  for (const item of history) {
    const key = `${item.type}\u0000${item.teamId ?? ''}`;
    const group = groups.get(key) ?? { type: item.type, teamId: item.teamId, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const out: RatioGroup[] = [];
  for (const g of groups.values()) {
    const ratios = computeRatios(g.items);
    const spread = spreadOf(ratios);
    if (spread) out.push({ type: g.type, teamId: g.teamId, sampleSize: ratios.length, ...spread });
  }
  return out.sort((a, b) => a.type.localeCompare(b.type) || (a.teamId ?? '').localeCompare(b.teamId ?? ''));
}
