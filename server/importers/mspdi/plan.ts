/**
 * A project plan as MS Project's XML interchange format (MSPDI) carries it, reduced to what Triad
 * schedules: tasks with their outline, links and constraints, calendars, resources, assignments.
 * Durations are minutes of working time; dates stay as MSPDI writes them (`2025-01-06T08:00:00`).
 */
export interface MspdiPlan {
  name?: string;
  startDate?: string;
  /** Project calendar used for durations in days (MSPDI default 480 minutes = 8 h). */
  minutesPerDay: number;
  minutesPerWeek: number;
  daysPerMonth: number;
  calendarUid?: number;
  calendars: MspdiCalendar[];
  tasks: MspdiTask[];
  resources: MspdiResource[];
  assignments: MspdiAssignment[];
}

/** MSPDI link type codes: 0 = FF, 1 = FS, 2 = SF, 3 = SS. */
export type MspdiLinkType = 0 | 1 | 2 | 3;

export interface MspdiLink {
  predecessorUid: number;
  type: MspdiLinkType;
  /** Tenths of a minute, or a percentage of the predecessor's duration when lagFormat is 19/20. */
  linkLag: number;
  /** MSPDI duration-format code: 7 = days (the default), 4/6/8/10/12 elapsed, 19/20 percent, … */
  lagFormat: number;
}

export interface MspdiTask {
  uid: number;
  id?: number;
  name: string;
  outlineLevel: number;
  start?: string;
  finish?: string;
  durationMinutes: number;
  milestone: boolean;
  summary: boolean;
  /** MSPDI ConstraintType: 0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT. */
  constraintType?: number;
  constraintDate?: string;
  predecessors: MspdiLink[];
}

export interface MspdiWorkingTime {
  from: string;
  to: string;
}

export interface MspdiWeekDay {
  /** 1 = Sunday … 7 = Saturday. */
  dayType: number;
  working: boolean;
  workingTimes: MspdiWorkingTime[];
}

export interface MspdiException {
  name?: string;
  from: string;
  to: string;
  working: boolean;
  /**
   * Recurrence (as MPXJ reads it): none/0 = the plain range, 1 and 7 = daily, 6 = weekly on
   * `daysOfWeek`, 2–5 = yearly or monthly patterns (not expanded by Triad).
   */
  type?: number;
  /** Weekly recurrence: bit 0x01 = Sunday, 0x02 = Monday … 0x40 = Saturday. */
  daysOfWeek?: number;
  /** Daily or weekly recurrence: every `period` days or weeks (1 when absent). */
  period?: number;
}

export interface MspdiCalendar {
  uid: number;
  name: string;
  isBaseCalendar: boolean;
  baseCalendarUid?: number;
  weekDays: MspdiWeekDay[];
  exceptions: MspdiException[];
}

export interface MspdiResource {
  uid: number;
  id?: number;
  name: string;
  /** 0 = material, 1 = work, 2 = cost. */
  type: number;
  /** 1 = 100 %. */
  maxUnits: number;
  calendarUid?: number;
}

export interface MspdiAssignment {
  uid: number;
  taskUid: number;
  resourceUid: number;
  /** 1 = 100 %. */
  units: number;
  workMinutes?: number;
}

/** The file is not readable MSPDI, or it is unsafe (entity declarations). */
export class MspdiFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MspdiFormatError';
  }
}
