/** Quarter labels of a scenario's periods, e.g. ['2026-Q3', '2026-Q4', …] from horizon start 2026-07-01. */
export function periodLabels(horizonStart: string, periods: number): string[] {
  const year = Number(horizonStart.slice(0, 4));
  const quarter = Math.floor((Number(horizonStart.slice(5, 7)) - 1) / 3);
  return Array.from({ length: periods }, (_, p) => {
    const q = quarter + p;
    return `${year + Math.floor(q / 4)}-Q${(q % 4) + 1}`;
  });
}
