/** Quarter labels of a scenario's periods, e.g. ['2026-Q3', '2026-Q4', …] from horizon start 2026-07-01. */
export function periodLabels(horizonStart: string, periods: number): string[] {
  const year = Number(horizonStart.slice(0, 4));
  const quarter = Math.floor((Number(horizonStart.slice(5, 7)) - 1) / 3);
  return Array.from({ length: periods }, (_, p) => {
    const q = quarter + p;
    return `${year + Math.floor(q / 4)}-Q${(q % 4) + 1}`;
  });
}

/**
 * The quarters a new scenario may start in: this quarter (the default, marked) and the next ones,
 * as the first day of each (the API's `horizonStart`) with its label.
 */
export function upcomingQuarters(today: string, count: number): { value: string; label: string }[] {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return periodLabels(today, count).map((label, p) => {
    const q = quarter + p;
    const month = String((q % 4) * 3 + 1).padStart(2, '0');
    return {
      value: `${year + Math.floor(q / 4)}-${month}-01`,
      label: p === 0 ? `${label} (this quarter)` : label,
    };
  });
}
