// Budget lines typed in the web app: a total spread evenly over a span of months.

/** YYYY-MM of every month from `from` to `to` (both YYYY-MM), at most 120. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  while (out.length < 120) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > to) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** An amount spread evenly over months in whole units, the last month taking the rounding. */
export function spreadEvenly(total: number, months: readonly string[]): { period: string; amount: number }[] {
  if (months.length === 0) return [];
  const each = Math.floor(total / months.length);
  return months.map((period, i) => ({
    period,
    amount: i === months.length - 1 ? total - each * (months.length - 1) : each,
  }));
}
