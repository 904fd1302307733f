// Weekly throughput: the number of work items finished in each ISO week (Monday to Sunday, UTC),
// as in Vacanti, "Actionable Agile Metrics for Predictability" (2015), ch. 3. Weeks with nothing
// finished count as zero so the chart shows the gaps.
export interface WeekCount {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  count: number;
}

const DAY_MS = 86_400_000;

export function startOfIsoWeek(date: Date): Date {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(day - weekday * DAY_MS);
}

/** Counts `doneAt` timestamps per week for the `weeks` weeks up to and including `today`'s week. */
export function computeWeeklyThroughput(
  doneAt: readonly (string | null | undefined)[],
  today: Date,
  weeks: number,
): WeekCount[] {
  const lastWeek = startOfIsoWeek(today).getTime();
  const firstWeek = lastWeek - (weeks - 1) * 7 * DAY_MS;
  const counts = new Array<number>(weeks).fill(0);
  for (const value of doneAt) {
    if (!value) continue;
    const week = startOfIsoWeek(new Date(value)).getTime();
    if (week < firstWeek || week > lastWeek) continue;
    const index = Math.round((week - firstWeek) / (7 * DAY_MS));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts.map((count, index) => ({
    week: new Date(firstWeek + index * 7 * DAY_MS).toISOString().slice(0, 10),
    count,
  }));
}
