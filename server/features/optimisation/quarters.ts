// Quarters as whole numbers (year × 4 + quarter − 1), the scenario's planning periods.

/** The quarter a YYYY-MM-DD date falls in, as year × 4 + (quarter − 1). */
export function quarterIndex(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return year * 4 + Math.floor((month - 1) / 3);
}

/** A quarter's label, e.g. `2026-Q3`. */
export function quarterLabel(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** First day of a quarter (YYYY-MM-DD). */
export function quarterStart(index: number): string {
  const month = (index % 4) * 3 + 1;
  return `${Math.floor(index / 4)}-${String(month).padStart(2, '0')}-01`;
}

const DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/**
 * The quarters a date range touches, with the share of the range's days in each (`share`, summing
 * to 1) and the share of each quarter's days the range covers (`coverage`, to average a rate over
 * the quarter), plus the range's working days (Monday–Friday), to turn an hours request into FTE.
 */
export function quarterSpan(from: string, to: string) {
  const first = dayOf(from);
  const last = Math.max(first, dayOf(to));
  const total = last - first + 1;
  const quarters: { quarter: number; share: number; coverage: number }[] = [];
  for (let q = quarterIndex(from); q <= quarterIndex(to); q++) {
    const qs = Math.max(first, dayOf(quarterStart(q)));
    const qe = Math.min(last, dayOf(quarterStart(q + 1)) - 1);
    const length = dayOf(quarterStart(q + 1)) - dayOf(quarterStart(q));
    if (qe >= qs)
      quarters.push({ quarter: q, share: (qe - qs + 1) / total, coverage: (qe - qs + 1) / length });
  }
  let workingDays = 0;
  for (let d = first; d <= last; d++) {
    const weekday = new Date(d * DAY).getUTCDay();
    if (weekday !== 0 && weekday !== 6) workingDays += 1;
  }
  return { quarters, workingDays };
}
