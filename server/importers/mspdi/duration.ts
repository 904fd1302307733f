import { MspdiFormatError } from './plan';

/** Unit lengths for the calendar-dependent parts of an ISO 8601 duration (days, weeks, months). */
export interface DurationUnits {
  minutesPerDay: number;
  minutesPerWeek: number;
  daysPerMonth: number;
}

const ISO_DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Minutes of working time in an MSPDI duration such as `PT8H0M0S`. MS Project writes work
 * durations in hours; days, weeks and months (rare in files) count as working days of the project.
 *
 * @example
 * parseIsoDurationMinutes('PT16H30M0S', units); // 990
 */
export function parseIsoDurationMinutes(text: string, units: DurationUnits): number {
  const match = ISO_DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) {
    throw new MspdiFormatError(`not an ISO 8601 duration: ${text}`);
  }
  const n = (k: number) => Number(match[k] ?? 0);
  const day = units.minutesPerDay;
  const minutes =
    n(2) * 12 * units.daysPerMonth * day +
    n(3) * units.daysPerMonth * day +
    n(4) * units.minutesPerWeek +
    n(5) * day +
    n(6) * 60 +
    n(7) +
    n(8) / 60;
  return match[1] ? -minutes : minutes;
}

/** MSPDI's own spelling of a duration: hours, minutes and seconds (`PT8H0M0S`). */
export function formatIsoDurationMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const totalSeconds = Math.round(Math.abs(minutes) * 60);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${sign}PT${h}H${m}M${s}S`;
}
