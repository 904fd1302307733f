import { formatDayNumber, getDayNumber } from './utc-days';

/** Work completed or scope added on one day of a sprint or release, in points or items. */
export interface BurnEvent {
  date: string;
  completed?: number;
  /** Scope added (negative when removed) after the start. */
  added?: number;
}

export interface BurnInput {
  start: string;
  end: string;
  /** Scope at the start. */
  committed: number;
  events: readonly BurnEvent[];
  /** Days after this date are future: their actual values are null. Defaults to `end`. */
  asOf?: string;
}

export interface BurnDownDay {
  date: string;
  /** Scope minus completed at the end of the day; null for future days. */
  remaining: number | null;
  /** The straight line from the committed scope on the first day to zero on the last. */
  ideal: number;
}

export interface BurnUpDay {
  date: string;
  /** Cumulative completed at the end of the day; null for future days. */
  completed: number | null;
  /** Total scope at the end of the day; null for future days. */
  scope: number | null;
}

function walk(
  input: BurnInput,
): { date: string; completed: number; scope: number; future: boolean; i: number; n: number }[] {
  const from = getDayNumber(input.start, 'start');
  const to = getDayNumber(input.end, 'end');
  if (to < from) throw new RangeError(`end ${input.end} is before start ${input.start}`);
  const asOf = input.asOf === undefined ? to : getDayNumber(input.asOf, 'asOf');
  const doneBy = new Float64Array(to - from + 1);
  const addedBy = new Float64Array(to - from + 1);
  for (const e of input.events) {
    // Work logged before the start counts on day 1, after the end is outside the chart.
    const d = Math.max(getDayNumber(e.date, 'event date'), from) - from;
    if (d > to - from) continue;
    doneBy[d] = (doneBy[d] as number) + (e.completed ?? 0);
    addedBy[d] = (addedBy[d] as number) + (e.added ?? 0);
  }
  const out = [];
  let completed = 0;
  let scope = input.committed;
  for (let i = 0; i <= to - from; i++) {
    completed += doneBy[i] ?? 0;
    scope += addedBy[i] ?? 0;
    out.push({ date: formatDayNumber(from + i), completed, scope, future: from + i > asOf, i, n: to - from });
  }
  return out;
}

/**
 * Burn-down: remaining work (scope − completed) at the end of each day of the sprint, beside the
 * ideal straight line from the committed scope to zero (Scrum.org glossary, "Burn-down Chart").
 *
 * @example
 * computeBurnDown({ start: '2024-03-04', end: '2024-03-15', committed: 40,
 *   events: [{ date: '2024-03-05', completed: 5 }], asOf: '2024-03-06' });
 */
export function computeBurnDown(input: BurnInput): BurnDownDay[] {
  return walk(input).map((d) => ({
    date: d.date,
    remaining: d.future ? null : d.scope - d.completed,
    ideal: d.n === 0 ? 0 : input.committed * (1 - d.i / d.n),
  }));
}

/**
 * Burn-up: cumulative completed work and total scope at the end of each day; unlike the
 * burn-down it shows scope changes separately from progress (Scrum.org glossary, "Burn-up Chart").
 */
export function computeBurnUp(input: BurnInput): BurnUpDay[] {
  return walk(input).map((d) => ({
    date: d.date,
    completed: d.future ? null : d.completed,
    scope: d.future ? null : d.scope,
  }));
}
