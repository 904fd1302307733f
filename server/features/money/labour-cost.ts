import type { CostRatesTable } from '../../store/tables';

/**
 * The hourly rate in force for a person on a day: their own rate, else their role's (title,
 * case-insensitive), else the `*` rate; each the latest whose validFrom is on or before the day
 * (no validFrom = always). Null when no rate applies: the hours are then not costed.
 */
export function createRateFinder(rates: readonly CostRatesTable[]) {
  const sorted = [...rates].sort((a, b) => (b.valid_from ?? '').localeCompare(a.valid_from ?? ''));
  const pick = (matches: (r: CostRatesTable) => boolean, day: string) =>
    sorted.find((r) => matches(r) && (r.valid_from === null || r.valid_from <= day))?.hourly_rate ?? null;
  return (personId: string, title: string | null, day: string): number | null =>
    pick((r) => r.person_id === personId, day) ??
    (title ? pick((r) => r.role !== null && r.role.toLowerCase() === title.toLowerCase(), day) : null) ??
    pick((r) => r.role === '*', day);
}
