import type { Rng } from '../../core/random/prng';

/** Length of the demo's history: 18 months, ending at the anchor date. */
export const HISTORY_DAYS = 548;
const DAY_MS = 86_400_000;

/** Converts a day offset from the start of the history (fractional days allowed) to an ISO timestamp. */
export function dayToIso(anchorMs: number, day: number): string {
  return new Date(anchorMs - HISTORY_DAYS * DAY_MS + Math.round(day * DAY_MS)).toISOString();
}

export function dayToDate(anchorMs: number, day: number): string {
  return dayToIso(anchorMs, day).slice(0, 10);
}

/** Moves a moment that falls on a weekend to Monday morning: teams rarely finish work on Sundays. */
export function toWorkingTime(anchorMs: number, day: number, rng: Rng): number {
  const weekday = new Date(anchorMs - HISTORY_DAYS * DAY_MS + day * DAY_MS).getUTCDay();
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  if (shift === 0) return day;
  return Math.floor(day) + shift + (8 + rng.next() * 9) / 24;
}

/** Extra days a piece of work takes when it spans the year-end break or the August holidays. */
export function holidayDrag(anchorMs: number, startDay: number, endDay: number): number {
  let drag = 0;
  for (let d = Math.floor(startDay); d <= Math.ceil(endDay); d++) {
    const date = new Date(anchorMs - HISTORY_DAYS * DAY_MS + d * DAY_MS);
    const m = date.getUTCMonth();
    const dd = date.getUTCDate();
    if ((m === 11 && dd >= 20) || (m === 0 && dd <= 3)) drag += 0.8;
    else if (m === 7) drag += 0.25;
  }
  return drag;
}

/** A lognormal draw (Box–Muller): cycle times are right-skewed with a long tail, as in real teams. */
export function lognormal(rng: Rng, median: number, sigma: number): number {
  const u1 = Math.max(rng.next(), 1e-12);
  const u2 = rng.next();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return median * Math.exp(sigma * z);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.nextInt(items.length)] as T;
}

/** A deterministic id in UUID form, so the same seed gives byte-identical databases. */
export function demoId(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () =>
    (rng.nextInt(2 ** 31) * 2 + rng.nextInt(2)).toString(16).padStart(8, '0'),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
