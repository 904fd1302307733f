import type { PeriodKind } from '../../api/resources-money';

// Date windows for the capacity pages, in UTC calendar dates (the API's YYYY-MM-DD).

export const iso = (d: Date) => d.toISOString().slice(0, 10);

export function monthStart(offsetMonths = 0, from = new Date()): string {
  return iso(new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + offsetMonths, 1)));
}

/** The last day of the month `months` after the month of `start`, less nothing: a whole-month window. */
export function windowEnd(start: string, months: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 0)));
}

/** Months shown for each period kind: about 13 columns. */
export const MONTHS_FOR: Record<PeriodKind, number> = { week: 3, month: 12, quarter: 24 };

export const hours = (h: number) => `${Math.round(h).toLocaleString('en-GB')} h`;
export const money = (n: number | null | undefined) =>
  n === null || n === undefined || !Number.isFinite(n)
    ? '—'
    : n.toLocaleString('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
export const ratio = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits);
