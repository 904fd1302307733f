import { durationDays } from './cycle-time';
import { type FlowInput, toTimelines } from './item-timeline';
import type { DailyCount } from './throughput';
import type { DayRange, DurationUnit, PercentileTable } from './types';
import { dayOfMs, formatDayNumber, getDayNumber, parseTimestampMs } from './utc-days';

/**
 * WIP per day: items in progress at any time during each calendar day, i.e. started on or
 * before the day and not finished before it (Kanban Guide, "Work in Progress"). Counting the
 * done day too matches cycle time = end day − start day + 1, so the sum of daily WIP equals the
 * sum of calendar cycle times and Little's law balances exactly over a closed window
 * (Vacanti, ch. 3). The range defaults to the first start day through the last done or start day.
 */
export function computeWipPerDay(input: FlowInput, range?: DayRange): DailyCount[] {
  const spans: [number, number][] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const t of toTimelines(input)) {
    if (t.startedMs === undefined) continue;
    const start = dayOfMs(t.startedMs);
    const end = t.doneMs === undefined ? Number.POSITIVE_INFINITY : dayOfMs(t.doneMs);
    if (end < start) continue; // inconsistent data, excluded as in cycle times
    spans.push([start, end]);
    lo = Math.min(lo, start);
    hi = Math.max(hi, Number.isFinite(end) ? end : start);
  }
  const from = range ? getDayNumber(range.from, 'range.from') : lo;
  const to = range ? getDayNumber(range.to, 'range.to') : hi;
  if (!Number.isFinite(from) || to < from) return [];
  // Difference array: +1 on the start day, −1 the day after the done day; one prefix sum.
  const delta = new Int32Array(to - from + 2);
  for (const [start, end] of spans) {
    if (end < from || start > to) continue;
    const first = Math.max(start, from) - from;
    delta[first] = (delta[first] as number) + 1;
    if (end <= to) delta[end - from + 1] = (delta[end - from + 1] as number) - 1;
  }
  const out: DailyCount[] = [];
  let wip = 0;
  for (let i = 0; i <= to - from; i++) {
    wip += delta[i] ?? 0;
    out.push({ date: formatDayNumber(from + i), count: wip });
  }
  return out;
}

/** A service level expectation: "`percentile`% of items finish within `days` days" (Kanban Guide). */
export interface ServiceLevelExpectation {
  days: number;
  percentile: number;
}

export interface AgingItem {
  id: string;
  /** The tracker status the item is in now. */
  status: string;
  startedAt: string;
  ageDays: number;
  /** Days left before the SLE is breached (negative once breached). */
  remainingDays: number;
  breached: boolean;
  /** The highest historical cycle-time percentile the age already exceeds, null if none. */
  exceededPercentile: number | null;
}

export interface WipAgeReport {
  items: AgingItem[];
  /** One line per breaching item, oldest first. */
  warnings: string[];
}

export interface WipAgeOptions {
  /** The instant "now" (core/ never reads the clock); a bare date means 00:00 UTC. */
  asOf: string;
  sle: ServiceLevelExpectation;
  unit?: DurationUnit;
  /** Historical cycle-time percentiles (same unit) to place each item's age against. */
  historicalPercentiles?: PercentileTable;
}

/**
 * Work item age of unfinished items (elapsed time since the commitment point) against a service
 * level expectation, oldest first, with a warning for each breach (Kanban Guide, "Work Item Age";
 * Vacanti, "When Will It Be Done?", ch. 5, aging chart).
 *
 * @example
 * computeWipAge(items, { asOf: '2024-03-15T17:00:00Z', sle: { days: 10, percentile: 85 } });
 */
export function computeWipAge(input: FlowInput, options: WipAgeOptions): WipAgeReport {
  const now = parseTimestampMs(options.asOf, 'asOf');
  const unit = options.unit ?? 'elapsed';
  const { sle } = options;
  const history = Object.entries(options.historicalPercentiles ?? {})
    .map(([p, v]) => [Number(p), v] as const)
    .sort((a, b) => a[0] - b[0]);
  const items: AgingItem[] = [];
  for (const t of toTimelines(input)) {
    if (t.startedMs === undefined || t.startedMs > now) continue;
    if (t.doneMs !== undefined && t.doneMs <= now) continue;
    const ageDays = durationDays(t.startedMs, now, unit);
    let exceeded: number | null = null;
    for (const [p, v] of history) if (ageDays > v) exceeded = p;
    let status = 'in_progress';
    for (const c of t.changes) if (c.atMs <= now) status = c.status;
    items.push({
      id: t.id,
      status,
      startedAt: new Date(t.startedMs).toISOString(),
      ageDays,
      remainingDays: sle.days - ageDays,
      breached: ageDays > sle.days,
      exceededPercentile: exceeded,
    });
  }
  items.sort((a, b) => b.ageDays - a.ageDays);
  const warnings = items
    .filter((i) => i.breached)
    .map(
      (i) =>
        `${i.id} has aged ${round(i.ageDays)} days in progress, beyond the SLE of ${sle.percentile}% within ${sle.days} days`,
    );
  return { items, warnings };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
