import { type FinishedItems, listFinishedItems } from './finished-items';
import { type FlowInput, type ItemTimeline, type TimelineChange, toTimelines } from './item-timeline';
import type { DayRange } from './types';
import { MS_PER_DAY } from './utc-days';

export interface FlowEfficiencyOptions {
  /** Tracker statuses that are queues (e.g. "Ready for review"): time there counts as waiting. */
  waitingStatuses?: readonly string[];
  /** Only items whose done day falls in this inclusive range. */
  doneWithin?: DayRange;
}

export interface ItemFlowEfficiency {
  id: string;
  activeDays: number;
  waitingDays: number;
  /** active / (active + waiting), in [0, 1]. */
  efficiency: number;
}

export interface FlowEfficiencyReport {
  items: ItemFlowEfficiency[];
  /** Time-weighted over all items: Σ active / Σ (active + waiting); undefined with no items. */
  efficiency: number | undefined;
  activeDays: number;
  waitingDays: number;
}

/** Merges intervals and sums their length inside [lo, hi]. */
function coveredMs(intervals: [number, number][], lo: number, hi: number): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curA = Number.NaN;
  let curB = Number.NaN;
  for (const [a0, b0] of intervals) {
    const a = Math.max(a0, lo);
    const b = Math.min(b0, hi);
    if (b <= a) continue;
    if (Number.isNaN(curA) || a > curB) {
      if (!Number.isNaN(curA)) total += curB - curA;
      curA = a;
      curB = b;
    } else if (b > curB) curB = b;
  }
  if (!Number.isNaN(curA)) total += curB - curA;
  return total;
}

function waitingIntervals(t: ItemTimeline, waiting: ReadonlySet<string>): [number, number][] {
  const out: [number, number][] = t.blockedPeriods.map((p) => [p.fromMs, p.toMs]);
  for (let i = 0; i < t.changes.length; i++) {
    const c = t.changes[i] as TimelineChange;
    // Blocked, moved back to the backlog, or parked in a queue status: the item waits.
    if (c.blocked || c.category === 'todo' || waiting.has(c.status)) {
      out.push([c.atMs, t.changes[i + 1]?.atMs ?? Number.POSITIVE_INFINITY]);
    }
  }
  return out;
}

/** Waiting time of one item inside [lo, hi]. */
function waitingMsOf(t: ItemTimeline, waiting: ReadonlySet<string>, lo: number, hi: number): number {
  if (t.blockedPeriods.length > 0) return coveredMs(waitingIntervals(t, waiting), lo, hi);
  // Without explicit blocked periods the waiting spells are consecutive status changes of a
  // sorted history: disjoint and in order, so their clipped lengths simply add up.
  let total = 0;
  for (let i = 0; i < t.changes.length; i++) {
    const c = t.changes[i] as TimelineChange;
    if (!(c.blocked || c.category === 'todo' || waiting.has(c.status))) continue;
    const a = Math.max(c.atMs, lo);
    const b = Math.min(t.changes[i + 1]?.atMs ?? Number.POSITIVE_INFINITY, hi);
    if (b > a) total += b - a;
  }
  return total;
}

/**
 * Flow efficiency: the share of a finished item's cycle time spent actively worked on rather
 * than waiting (blocked, back in the backlog, or in a queue status):
 * active / (active + waiting), where active + waiting = cycle time
 * (Kanban Pocket Guide ch. 6; Zheglov & Lei, "Flow Efficiency", 2013).
 * Items with a zero cycle time carry no information and are skipped.
 *
 * @example
 * computeFlowEfficiency(items, { waitingStatuses: ['Ready for QA'] }).efficiency; // e.g. 0.4
 */
export function computeFlowEfficiency(
  input: FlowInput,
  options: FlowEfficiencyOptions = {},
): FlowEfficiencyReport {
  return computeFlowEfficiencyOfFinished(listFinishedItems(toTimelines(input), options.doneWithin), options);
}

/** {@link computeFlowEfficiency} of items already found finished (in their input order). */
export function computeFlowEfficiencyOfFinished(
  finished: FinishedItems,
  options: Omit<FlowEfficiencyOptions, 'doneWithin'> = {},
): FlowEfficiencyReport {
  const waiting = new Set(options.waitingStatuses ?? []);
  const items: ItemFlowEfficiency[] = [];
  let activeMs = 0;
  let waitingMs = 0;
  for (const i of finished.inInputOrder) {
    const t = finished.timelines[i] as ItemTimeline;
    if (t.startedMs === undefined || t.doneMs === undefined || t.doneMs <= t.startedMs) continue;
    const total = t.doneMs - t.startedMs;
    const wait = waitingMsOf(t, waiting, t.startedMs, t.doneMs);
    activeMs += total - wait;
    waitingMs += wait;
    items.push({
      id: t.id,
      activeDays: (total - wait) / MS_PER_DAY,
      waitingDays: wait / MS_PER_DAY,
      efficiency: (total - wait) / total,
    });
  }
  return {
    items,
    efficiency: items.length === 0 ? undefined : activeMs / (activeMs + waitingMs),
    activeDays: activeMs / MS_PER_DAY,
    waitingDays: waitingMs / MS_PER_DAY,
  };
}
