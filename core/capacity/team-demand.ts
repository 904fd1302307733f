import { getDayNumber } from '../flow/utc-days';
import type { WorkCalendar } from './calendar';
import { spreadDemand } from './demand';

export const TEAM_BOOKING_UNITS = ['share', 'fte', 'hours'] as const;
export type TeamBookingUnit = (typeof TEAM_BOOKING_UNITS)[number];

/** A team's capacity booked over a span (inclusive): a share of it, FTE per working day, or hours in total. */
export interface TeamBookingSpan {
  start: string;
  end: string;
  amount: number;
  unit: TeamBookingUnit;
}

export interface TeamDemandSplit {
  /** Hours per day each member carries, in the order of the members given (index 0 = `fromDay`). */
  members: Float64Array[];
  /** Hours per day no member could carry: the team had no capacity that day. */
  unassigned: Float64Array;
}

/**
 * Spreads a team booking over the team's members day by day. `share` takes that part of each
 * member's capacity for the team (their capacity × allocation); `fte` (× the calendar's hours per
 * working day) and `hours` (spread evenly over the span's working days) give the team's hours of a
 * day, divided among the members in proportion to what each can give the team that day, so
 * part-timers, leave and holidays take less. Hours of a day on which nobody can work stay
 * `unassigned`: they are still the team's demand, over its (zero) capacity.
 *
 * @example
 * // Ann gives the team 8 h a day, Bob (half-time) 4 h: half the team is 4 h of Ann's and 2 h of Bob's.
 * splitTeamBooking({ start: '2026-05-04', end: '2026-05-08', amount: 0.5, unit: 'share' }, cal, [ann, bob], d0, d0 + 4);
 * // 1 FTE for the same week: 8 h a day, split 2 : 1 → 5.33 h of Ann's and 2.67 h of Bob's each day.
 */
export function splitTeamBooking(
  span: TeamBookingSpan,
  calendar: WorkCalendar,
  memberCapacity: readonly Float64Array[],
  fromDay: number,
  toDay: number,
): TeamDemandSplit {
  const length = Math.max(0, toDay - fromDay + 1);
  const members = memberCapacity.map(() => new Float64Array(length));
  const unassigned = new Float64Array(length);
  if (span.unit === 'share') {
    const first = Math.max(fromDay, getDayNumber(span.start, 'start'));
    const last = Math.min(toDay, getDayNumber(span.end, 'end'));
    memberCapacity.forEach((capacity, m) => {
      const out = members[m] as Float64Array;
      for (let d = first; d <= last; d++) out[d - fromDay] = span.amount * (capacity[d - fromDay] ?? 0);
    });
    return { members, unassigned };
  }
  const team = spreadDemand(
    { start: span.start, end: span.end, amount: span.amount, unit: span.unit },
    calendar,
    fromDay,
    toDay,
  );
  for (let i = 0; i < length; i++) {
    const hours = team[i] ?? 0;
    if (hours <= 0) continue;
    let total = 0;
    for (const capacity of memberCapacity) total += capacity[i] ?? 0;
    if (total <= 1e-12) {
      unassigned[i] = hours;
      continue;
    }
    memberCapacity.forEach((capacity, m) => {
      (members[m] as Float64Array)[i] = (hours * (capacity[i] ?? 0)) / total;
    });
  }
  return { members, unassigned };
}
