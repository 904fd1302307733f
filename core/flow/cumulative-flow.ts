import { type FlowInput, type ItemTimeline, toTimelines } from './item-timeline';
import type { DayRange, StatusCategory } from './types';
import { dayOfMs, formatDayNumber, getDayNumber } from './utc-days';

export interface CumulativeFlowOptions {
  /** Bands per status category (default) or per tracker status name. */
  by?: 'category' | 'status';
  /**
   * Workflow order of the status names, first to last, for `by: 'status'`. Statuses not listed
   * are appended in category order, then in order of first appearance.
   */
  statuses?: readonly string[];
  range?: DayRange;
}

export interface CumulativeFlowDay {
  date: string;
  /** Items in each state at the end of the day (the band heights), in `states` order. */
  inState: number[];
  /** Items in that state or a later one: the cumulative lines of the diagram. */
  reachedOrLater: number[];
}

export interface CumulativeFlow {
  states: string[];
  days: CumulativeFlowDay[];
}

const CATEGORY_RANK: Record<StatusCategory, number> = { todo: 0, in_progress: 1, done: 2 };

/** The ordered states and, per item, its (day, state) steps. */
function orderStates(timelines: readonly ItemTimeline[], options: CumulativeFlowOptions): string[] {
  if ((options.by ?? 'category') === 'category') return ['todo', 'in_progress', 'done'];
  const seen = new Map<string, number>();
  for (const t of timelines)
    for (const c of t.changes) if (!seen.has(c.status)) seen.set(c.status, CATEGORY_RANK[c.category]);
  const listed = options.statuses ?? [];
  const rest = [...seen.entries()]
    .filter(([s]) => !listed.includes(s))
    .map(([s, rank], i) => ({ s, rank, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.s);
  return [...listed, ...rest];
}

/**
 * Cumulative flow diagram: for each day and each workflow state, how many items were in that
 * state at the end of the day, and how many had reached it or a later one (the CFD's lines:
 * vertical distance = WIP, slope of the bottom line = throughput; Vacanti, ch. 4–5).
 * An item counts from its creation day, in the first state until its first status change.
 * With backward moves the cumulative lines follow each item's current state.
 */
export function computeCumulativeFlow(input: FlowInput, options: CumulativeFlowOptions = {}): CumulativeFlow {
  const timelines = toTimelines(input);
  const byStatus = (options.by ?? 'category') === 'status';
  const states = orderStates(timelines, options);
  const index = new Map(states.map((s, i) => [s, i]));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const t of timelines) {
    lo = Math.min(lo, dayOfMs(t.createdMs));
    hi = Math.max(hi, dayOfMs(t.changes.at(-1)?.atMs ?? t.doneMs ?? t.startedMs ?? t.createdMs));
  }
  const from = options.range ? getDayNumber(options.range.from, 'range.from') : lo;
  const to = options.range ? getDayNumber(options.range.to, 'range.to') : hi;
  if (!Number.isFinite(from) || to < from) return { states, days: [] };
  const nDays = to - from + 1;
  const nStates = states.length;
  // One difference array per state: +1 when an item enters the state at a day, −1 when it leaves.
  const delta = new Int32Array(nStates * (nDays + 1));
  const add = (state: number, fromDay: number, toDay: number) => {
    const a = Math.max(fromDay, from);
    const b = Math.min(toDay, to);
    if (b < a) return;
    const row = state * (nDays + 1) - from;
    delta[row + a] = (delta[row + a] as number) + 1;
    delta[row + b + 1] = (delta[row + b + 1] as number) - 1;
  };
  for (const t of timelines) {
    // Steps (day, state): the creation day in the first state, then each change. The state at
    // the end of day d is that of the last step on or before d, so each step holds until the day
    // before the next later step.
    let day = dayOfMs(t.createdMs);
    let state = 0;
    if (t.changes.length > 0) {
      for (const c of t.changes) {
        const next = dayOfMs(c.atMs);
        if (next > day) add(state, day, next - 1);
        day = next;
        state = index.get(byStatus ? c.status : c.category) ?? 0;
      }
    } else {
      if (t.startedMs !== undefined) {
        const next = dayOfMs(t.startedMs);
        if (next > day) add(state, day, next - 1);
        day = next;
        state = byStatus ? 0 : 1;
      }
      if (t.doneMs !== undefined) {
        const next = dayOfMs(t.doneMs);
        if (next > day) add(state, day, next - 1);
        day = next;
        state = byStatus ? 0 : 2;
      }
    }
    add(state, day, Number.POSITIVE_INFINITY);
  }
  const running = new Int32Array(nStates);
  const days: CumulativeFlowDay[] = [];
  for (let d = 0; d < nDays; d++) {
    for (let s = 0; s < nStates; s++)
      running[s] = (running[s] as number) + (delta[s * (nDays + 1) + d] as number);
    const inState = Array.from(running);
    const reachedOrLater = new Array<number>(nStates);
    let acc = 0;
    for (let s = nStates - 1; s >= 0; s--) {
      acc += inState[s] ?? 0;
      reachedOrLater[s] = acc;
    }
    days.push({ date: formatDayNumber(from + d), inState, reachedOrLater });
  }
  return { states, days };
}
