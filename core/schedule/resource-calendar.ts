import { dateToOffset, isWorkingDay, type WorkCalendar } from './calendar';
import type { CapacityException } from './rcpsp';

/** A resource's own calendar exceptions: dates it does not work although the project does. */
export interface ResourceCalendar {
  nonWorkingDates: readonly string[];
}

/**
 * The periods (project work units) in which each resource is absent, as capacity exceptions of
 * the levelling model: a non-working date of resource `r` that is a project working day on or
 * after the start becomes `{ resource: r, period, capacity: 0 }`. Dates the project does not work
 * anyway, or before the start, have no period and are dropped.
 *
 * @example
 * // Start Mon 2025-01-06, standard calendar; resource 0 on leave Wed 2025-01-08 (work unit 2):
 * resourceCapacityExceptions(STANDARD_CALENDAR, '2025-01-06', [{ nonWorkingDates: ['2025-01-08'] }]);
 * // → [{ resource: 0, period: 2, capacity: 0 }]
 */
export function resourceCapacityExceptions(
  calendar: WorkCalendar,
  projectStart: string,
  resources: readonly ResourceCalendar[],
): CapacityException[] {
  const exceptions: CapacityException[] = [];
  resources.forEach((resource, r) => {
    for (const period of leaveUnits(calendar, projectStart, resource.nonWorkingDates)) {
      exceptions.push({ resource: r, period, capacity: 0 });
    }
  });
  return exceptions.sort((a, b) => a.resource - b.resource || a.period - b.period);
}

/**
 * A resource's non-working dates as the project work units it misses, ascending: dates the
 * project does not work anyway, or before the start, have no unit and are dropped. This is the
 * form CPM takes as an activity's `resourceLeave`.
 *
 * @example
 * leaveUnits(STANDARD_CALENDAR, '2025-01-06', ['2025-01-08', '2025-01-11']); // [2] (the 11th is a Saturday)
 */
export function leaveUnits(calendar: WorkCalendar, projectStart: string, dates: readonly string[]): number[] {
  const units: number[] = [];
  for (const date of new Set(dates)) {
    if (date < projectStart || !isWorkingDay(calendar, date)) continue;
    units.push(dateToOffset(calendar, projectStart, date));
  }
  return units.sort((a, b) => a - b);
}
