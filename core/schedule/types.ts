/**
 * Domain types of the precedence network (PDM). Time is counted in whole work units from time 0
 * (no calendar); `calendar.ts` maps offsets to dates.
 */

/** PDM relation types; see REFERENCES §2.1 for the inequality each one stands for. */
export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export interface Link {
  /** Id of the predecessor activity. */
  id: string;
  type: LinkType;
  /** Lag in work units; negative values are leads. */
  lag: number;
}

export interface Activity {
  id: string;
  name?: string;
  /** Work units; 0 makes a milestone. Ignored for summary activities (they roll up). */
  duration: number;
  predecessors: readonly Link[];
  /** Id of the summary activity this one sits under (outline parent). */
  parent?: string;
  /** Start-no-earlier-than constraint, as an offset from time 0. */
  startNoEarlierThan?: number;
  /** Finish-no-later-than constraint, as an offset from time 0. */
  finishNoLaterThan?: number;
  /**
   * One entry per assigned resource: the work units (project-calendar offsets) on which that
   * resource does not work (leave). Absent, or no entry with units, schedules the task on the
   * project calendar; otherwise each resource works the duration on its own working units
   * (rule and source in assignment-calendar.ts).
   */
  resourceLeave?: readonly (readonly number[])[];
}

export interface ActivityTimes {
  es: number;
  ef: number;
  ls: number;
  lf: number;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
  /** True for a summary activity whose dates are rolled up from its children. */
  summary?: boolean;
}

export interface CpmResult {
  makespan: number;
  activities: Record<string, ActivityTimes>;
  /** Every critical chain from a start to an end activity, each in time order. */
  criticalPaths: string[][];
  /** All critical leaf activities ordered by early start (equals the chain when it is unique). */
  criticalActivities: string[];
}
