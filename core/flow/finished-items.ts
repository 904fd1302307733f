import type { ItemTimeline } from './item-timeline';
import type { DayRange } from './types';
import { dayOfMs, formatDayNumber, getDayNumber } from './utc-days';

/**
 * The finished items of a set of timelines, found once and shared by every metric that looks at
 * finished work (throughput, cycle and lead time, the scatterplot, flow efficiency, Little's law):
 * a full report sorts them by done instant and formats their done dates only once.
 */
export interface FinishedItems {
  timelines: readonly ItemTimeline[];
  /** Indexes into `timelines` of the items done within the range, in input order. */
  inInputOrder: Int32Array;
  /** Done day number of each entry of `inInputOrder`. */
  doneDays: Int32Array;
  /** Item id of each entry of `inInputOrder`. */
  ids: string[];
  /**
   * Positions in `inInputOrder` (0 … n − 1) ordered by done instant; equal instants keep input
   * order. Sorted on first use.
   */
  doneOrder: Int32Array;
  /** `YYYY-MM-DD` of a done day number, formatted once per day. */
  dateOfDay(day: number): string;
}

/**
 * Items with a done instant whose done day falls in `doneWithin` (every done item without it).
 *
 * @example
 * listFinishedItems(timelines, { from: '2024-03-01', to: '2024-03-31' }).inInputOrder.length; // done in March
 */
export function listFinishedItems(
  timelines: readonly ItemTimeline[],
  doneWithin?: DayRange,
  /** How error messages name the range. */
  name = 'doneWithin',
): FinishedItems {
  const lo = doneWithin ? getDayNumber(doneWithin.from, `${name}.from`) : Number.NEGATIVE_INFINITY;
  const hi = doneWithin ? getDayNumber(doneWithin.to, `${name}.to`) : Number.POSITIVE_INFINITY;
  const picked = new Int32Array(timelines.length);
  const days = new Int32Array(timelines.length);
  const ids: string[] = [];
  let n = 0;
  for (let i = 0; i < timelines.length; i++) {
    const t = timelines[i] as ItemTimeline;
    if (t.doneMs === undefined) continue;
    const day = dayOfMs(t.doneMs);
    if (day < lo || day > hi) continue;
    picked[n] = i;
    days[n++] = day;
    ids.push(t.id);
  }
  const inInputOrder = picked.slice(0, n);
  let doneOrder: Int32Array | undefined;
  // Sorted on first use: throughput and flow efficiency never need the order.
  function sortByDone(): Int32Array {
    const doneMs = new Float64Array(n);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < n; k++) {
      const ms = (timelines[inInputOrder[k] as number] as ItemTimeline).doneMs as number;
      doneMs[k] = ms;
      if (ms < min) min = ms;
      if (ms > max) max = ms;
    }
    const positions = new Int32Array(n);
    if ((max - min + 1) * n < Number.MAX_SAFE_INTEGER) {
      // Key (done − min) · n + position is an exact integer, unique, ordered by instant then by
      // position: the engine's native numeric sort is then stable by construction (and ~5× faster
      // than a comparator).
      const keys = new Float64Array(n);
      for (let k = 0; k < n; k++) keys[k] = ((doneMs[k] as number) - min) * n + k;
      keys.sort();
      for (let k = 0; k < n; k++) positions[k] = (keys[k] as number) % n;
      return positions;
    }
    for (let k = 0; k < n; k++) positions[k] = k;
    return positions.sort((a, b) => (doneMs[a] as number) - (doneMs[b] as number) || a - b);
  }

  // Done dates repeat (many items finish each day): format each day once, in an array indexed
  // from the earliest day (a Map keyed by day numbers held as doubles hashes slowly).
  const doneDays = days.slice(0, n);
  let first = 0;
  let last = -1;
  if (n > 0) {
    first = doneDays[0] as number;
    last = first;
    for (let k = 1; k < n; k++) {
      first = Math.min(first, doneDays[k] as number);
      last = Math.max(last, doneDays[k] as number);
    }
  }
  // Filled up front so the array stays dense (a sparse one falls back to a slow dictionary).
  const dates = new Array<string | undefined>(Math.min(last - first + 1, 100_000)).fill(undefined);
  return {
    timelines,
    inInputOrder,
    doneDays,
    ids,
    get doneOrder() {
      doneOrder ??= sortByDone();
      return doneOrder;
    },
    dateOfDay(day) {
      const i = day - first;
      if (!(i >= 0 && i < dates.length)) return formatDayNumber(day);
      let date = dates[i];
      if (date === undefined) {
        date = formatDayNumber(day);
        dates[i] = date;
      }
      return date;
    },
  };
}
