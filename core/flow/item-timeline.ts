import type { FlowItem, StatusCategory } from './types';
import { findTimestampMs } from './utc-days';

/** One status change with its instant parsed; `status` falls back to the category name. */
export interface TimelineChange {
  atMs: number;
  category: StatusCategory;
  status: string;
  blocked: boolean;
}

/** A flow item with parsed instants, sorted history and its derived commitment and done points. */
export interface ItemTimeline {
  id: string;
  createdMs: number;
  /** Undefined while the item has not left `todo`. */
  startedMs: number | undefined;
  /** Undefined while the item is not done (including re-opened items). */
  doneMs: number | undefined;
  /** Status changes sorted by time (stable for equal instants). */
  changes: readonly TimelineChange[];
  /** Explicit blocked periods; an open period ends at +Infinity. */
  blockedPeriods: readonly { fromMs: number; toMs: number }[];
}

// The error message is built only on failure: a report parses hundreds of thousands of stamps.
function parseField(stamp: string, item: FlowItem, field: string): number {
  const ms = findTimestampMs(stamp);
  if (ms === undefined)
    throw new RangeError(`item ${item.id} ${field} must be an ISO 8601 date or timestamp, got "${stamp}"`);
  return ms;
}

/**
 * Derives the commitment point (start) and the done point of one item from its history.
 * Start = `startedAt`, else the first change out of `todo`; done = `doneAt`, else the start of
 * the final run of `done` changes. An item that reached done without an in-progress status is
 * taken to have started when it finished: like ActionableAgile, a skipped earlier state takes
 * the date of the next state reached (55degrees docs, "Data Loading").
 *
 * @example
 * computeItemTimeline({ id: 'A', createdAt: '2024-01-01', statusChanges: [
 *   { at: '2024-01-02', category: 'in_progress' }, { at: '2024-01-05', category: 'done' }] });
 * // startedMs = Date.UTC(2024, 0, 2), doneMs = Date.UTC(2024, 0, 5)
 */
export function computeItemTimeline(item: FlowItem): ItemTimeline {
  const raw = item.statusChanges;
  const changes = new Array<TimelineChange>(raw.length);
  let sorted = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as FlowItem['statusChanges'][number];
    const atMs = parseField(c.at, item, 'status change');
    if (i > 0 && atMs < (changes[i - 1] as TimelineChange).atMs) sorted = false;
    changes[i] = { atMs, category: c.category, status: c.status ?? c.category, blocked: c.blocked === true };
  }
  // Array.prototype.sort is stable (ES2019), so changes at the same instant keep their order.
  if (!sorted) changes.sort((a, b) => a.atMs - b.atMs);

  let doneMs = item.doneAt === undefined ? undefined : parseField(item.doneAt, item, 'doneAt');
  const last = changes.length - 1;
  if (doneMs === undefined && changes[last]?.category === 'done') {
    let i = last;
    while (i > 0 && changes[i - 1]?.category === 'done') i--;
    doneMs = changes[i]?.atMs;
  }

  let startedMs = item.startedAt === undefined ? undefined : parseField(item.startedAt, item, 'startedAt');
  if (startedMs === undefined) {
    for (const c of changes)
      if (c.category !== 'todo') {
        startedMs = c.atMs;
        break;
      }
    startedMs ??= doneMs;
  }

  const blockedPeriods =
    item.blockedPeriods === undefined || item.blockedPeriods.length === 0
      ? NO_PERIODS
      : item.blockedPeriods.map((p) => ({
          fromMs: parseField(p.from, item, 'blocked period'),
          toMs: p.to === undefined ? Number.POSITIVE_INFINITY : parseField(p.to, item, 'blocked period'),
        }));

  return {
    id: item.id,
    createdMs: parseField(item.createdAt, item, 'createdAt'),
    startedMs,
    doneMs,
    changes,
    blockedPeriods,
  };
}

const NO_PERIODS: ItemTimeline['blockedPeriods'] = Object.freeze([]);

/** {@link computeItemTimeline} for every item; metrics that run several passes call this once. */
export function computeItemTimelines(items: readonly FlowItem[]): ItemTimeline[] {
  return items.map(computeItemTimeline);
}

/** Accepts either raw items or timelines computed once by the caller, so reports parse only once. */
export type FlowInput = readonly FlowItem[] | readonly ItemTimeline[];

export function toTimelines(input: FlowInput): readonly ItemTimeline[] {
  const first = input[0];
  if (first === undefined || 'createdMs' in first) return input as readonly ItemTimeline[];
  return computeItemTimelines(input as readonly FlowItem[]);
}
