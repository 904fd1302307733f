/**
 * The neutral input of every flow metric: work items with their status history, independent of
 * the tracker they came from (Jira, Azure Boards, Triad's own boards). Importers map a tracker's
 * statuses onto the three categories; the metrics never look at tracker-specific fields.
 *
 * All timestamps are ISO 8601 strings (`2024-03-01` or `2024-03-01T09:30:00Z`); a timestamp
 * without a zone is read as UTC.
 */

/** The three status categories of the Kanban Guide's workflow: not started, in progress, done. */
export type StatusCategory = 'todo' | 'in_progress' | 'done';

export interface StatusChange {
  /** When the item entered this status. */
  at: string;
  category: StatusCategory;
  /** The tracker's status name, used by the cumulative flow diagram and waiting statuses. */
  status?: string;
  /** The item was flagged as blocked while in this status. */
  blocked?: boolean;
}

export interface BlockedPeriod {
  from: string;
  /** Open-ended when the item is still blocked. */
  to?: string;
}

export interface FlowItem {
  id: string;
  createdAt: string;
  /**
   * The commitment point. When absent it is the first status change out of `todo`
   * (Kanban Guide: an item is in progress once it crosses the start point of the workflow).
   */
  startedAt?: string;
  /** When absent it is the start of the final run of `done` status changes (re-opened items are not done). */
  doneAt?: string;
  blockedPeriods?: readonly BlockedPeriod[];
  statusChanges: readonly StatusChange[];
}

/** A nearest-rank percentile table keyed by percentile, e.g. `{ 50: 4, 70: 6, 85: 9, 95: 14 }`. */
export type PercentileTable = Record<number, number>;

/** The percentiles flow charts show by default (ActionableAgile, Magennis): 85% is the usual planning level. */
export const DEFAULT_PERCENTILES = [50, 70, 85, 95] as const;

/** An inclusive range of calendar days, `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

/** How a duration is counted. */
export type DurationUnit =
  /** Fractional elapsed days between the two instants. */
  | 'elapsed'
  /**
   * Whole calendar days, end day − start day + 1, so an item started and finished on the same
   * day took 1 day (ActionableAgile's convention, 55degrees docs "Cycle Time Scatterplot").
   */
  | 'calendar';
