import { formatDayNumber, formatIsoWeek, getDayNumber, isoWeekStart } from '../flow/utc-days';

export const PERIOD_KINDS = ['week', 'month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A planning period: ISO week (`2026-W05`), month (`2026-03`) or quarter (`2026-Q1`). */
export interface Period {
  key: string;
  /** First and last day, inclusive (YYYY-MM-DD). */
  start: string;
  end: string;
  startDay: number;
  endDay: number;
}

function monthStart(year: number, month: number): number {
  return Date.UTC(year, month, 1) / 86_400_000;
}

/**
 * The whole periods of a kind that cover `from`…`to`: the first starts on or before `from`, the
 * last ends on or after `to`. Weeks are ISO weeks (Monday to Sunday).
 *
 * @example
 * listPeriods('month', '2026-01-15', '2026-03-02').map((p) => p.key); // ['2026-01', '2026-02', '2026-03']
 */
export function listPeriods(kind: PeriodKind, from: string, to: string): Period[] {
  const fromDay = getDayNumber(from, 'from');
  const toDay = getDayNumber(to, 'to');
  const periods: Period[] = [];
  if (kind === 'week') {
    for (let s = isoWeekStart(fromDay); s <= toDay; s += 7) periods.push(period(formatIsoWeek(s), s, s + 6));
    return periods;
  }
  const step = kind === 'month' ? 1 : 3;
  const first = new Date(fromDay * 86_400_000);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth() - (first.getUTCMonth() % step);
  for (;;) {
    const s = monthStart(year, month);
    if (s > toDay) break;
    const e = monthStart(year, month + step) - 1;
    const key =
      kind === 'month'
        ? `${year}-${String(month + 1).padStart(2, '0')}`
        : `${year}-Q${Math.floor(month / 3) + 1}`;
    periods.push(period(key, s, e));
    month += step;
    if (month >= 12) {
      month -= 12;
      year++;
    }
  }
  return periods;
}

function period(key: string, startDay: number, endDay: number): Period {
  return { key, start: formatDayNumber(startDay), end: formatDayNumber(endDay), startDay, endDay };
}

/** Sums daily values (index 0 = `fromDay`) into periods; days outside the array count 0. */
export function sumByPeriod(daily: ArrayLike<number>, fromDay: number, periods: readonly Period[]): number[] {
  return periods.map((p) => {
    let sum = 0;
    const start = Math.max(p.startDay, fromDay);
    const end = Math.min(p.endDay, fromDay + daily.length - 1);
    for (let d = start; d <= end; d++) sum += daily[d - fromDay] ?? 0;
    return sum;
  });
}
