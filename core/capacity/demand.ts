import { getDayNumber } from '../flow/utc-days';
import { compileCalendar, type WorkCalendar } from './calendar';

export const DEMAND_UNITS = ['hours', 'fte'] as const;
export type DemandUnit = (typeof DEMAND_UNITS)[number];

/** Demand or a booking over a span of days (inclusive), in hours in total or as a share of a full-time week. */
export interface DemandSpan {
  start: string;
  end: string;
  amount: number;
  unit: DemandUnit;
}

/**
 * Hours per day of a span from `fromDay` to `toDay` (index 0 = `fromDay`): `fte` is that share of
 * the calendar's full-time day on every working day; `hours` are spread evenly over the span's
 * working days (over all its days when it has none), so a window only counts its share.
 *
 * @example
 * // 0.5 FTE for a Mon–Fri week on an 8-hour calendar: 4 h a day, 20 h in total
 * spreadDemand({ start: '2026-05-04', end: '2026-05-10', amount: 0.5, unit: 'fte' }, STANDARD_CALENDAR, d0, d0 + 6);
 */
export function spreadDemand(
  span: DemandSpan,
  calendar: WorkCalendar,
  fromDay: number,
  toDay: number,
): Float64Array {
  const compiled = compileCalendar(calendar);
  const out = new Float64Array(Math.max(0, toDay - fromDay + 1));
  const start = getDayNumber(span.start, 'start');
  const end = getDayNumber(span.end, 'end');
  if (end < start) return out;
  let perDay: number;
  let allDays = false;
  if (span.unit === 'fte') {
    perDay = span.amount * compiled.hoursPerDay;
  } else {
    let working = 0;
    for (let d = start; d <= end; d++) if (compiled.isWorkingDay(d)) working++;
    allDays = working === 0;
    perDay = span.amount / (allDays ? end - start + 1 : working);
  }
  for (let d = Math.max(start, fromDay); d <= Math.min(end, toDay); d++) {
    if (allDays || compiled.isWorkingDay(d)) out[d - fromDay] = perDay;
  }
  return out;
}
