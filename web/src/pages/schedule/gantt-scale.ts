// The Gantt's time axis: calendar days ↔ pixels at a zoom level, and the ticks drawn on the axis.
// Dates are ISO `YYYY-MM-DD` handled as UTC day numbers so nothing depends on the browser's zone.

export type Zoom = 'days' | 'weeks' | 'months' | 'quarters';
export const ZOOMS: readonly Zoom[] = ['days', 'weeks', 'months', 'quarters'];

/** Pixels per calendar day at each zoom (a day is readable at 28 px; a quarter fits in ~140 px). */
export const DAY_WIDTH: Readonly<Record<Zoom, number>> = { days: 28, weeks: 8, months: 3, quarters: 1.5 };

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

export function isoDate(day: number): string {
  return new Date(Math.round(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(dayNumber(date) + days);
}

export interface TimeScale {
  /** First day drawn (x = 0 at its start). */
  origin: string;
  zoom: Zoom;
  dayWidth: number;
  /** Total width of the axis in pixels. */
  width: number;
}

/** A scale spanning `from`…`to` (inclusive) with a little room either side. */
export function createScale(from: string, to: string, zoom: Zoom, padDays = 7): TimeScale {
  const origin = addDays(from, -padDays);
  const days = dayNumber(to) - dayNumber(origin) + 1 + padDays;
  return { origin, zoom, dayWidth: DAY_WIDTH[zoom], width: Math.max(1, days) * DAY_WIDTH[zoom] };
}

/** x of the start of `date`. */
export function dateToX(scale: TimeScale, date: string): number {
  return (dayNumber(date) - dayNumber(scale.origin)) * scale.dayWidth;
}

/** The day under pixel x (the day whose cell contains x). */
export function xToDate(scale: TimeScale, x: number): string {
  return isoDate(dayNumber(scale.origin) + Math.floor(x / scale.dayWidth));
}

/** Whole days a horizontal drag of `dx` pixels moves a bar (rounded to the nearest day). */
export function dragDays(scale: TimeScale, dx: number): number {
  const days = Math.round(dx / scale.dayWidth);
  return days === 0 ? 0 : days; // avoid -0
}

/** A bar from the start of `start` to the end of `finish` (both inclusive days). */
export function barExtent(scale: TimeScale, start: string, finish: string): { x: number; width: number } {
  const x = dateToX(scale, start);
  const end = dateToX(scale, finish) + scale.dayWidth;
  return { x, width: Math.max(end - x, 2) };
}

/**
 * The scroll position on `next` that keeps the moment at the centre of a viewport `width` pixels
 * wide where it was on `previous` (zooming, or a re-plan that moves the origin), clamped to the
 * scrollable range.
 *
 * @example
 * // Centre on 1 March at week zoom (8 px/day) → the same day centred at day zoom (28 px/day).
 * keepCentre(weeks, days, dateToX(weeks, '2025-03-01') - 400, 800);
 */
export function keepCentre(previous: TimeScale, next: TimeScale, scrollLeft: number, width: number): number {
  const centreDay = dayNumber(previous.origin) + (scrollLeft + width / 2) / previous.dayWidth;
  const x = (centreDay - dayNumber(next.origin)) * next.dayWidth - width / 2;
  return Math.min(Math.max(0, next.width - width), Math.max(0, Math.round(x)));
}

export interface Tick {
  x: number;
  label: string;
  /** A major tick starts a larger unit (month at week zoom, year at quarter zoom). */
  major: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Axis ticks between pixels `x0` and `x1` only (the visible window), so a ten-year plan at day
 * zoom never builds thousands of labels: days (labelled by day of month), weeks (Mondays),
 * months, or quarters.
 */
export function ticks(scale: TimeScale, x0: number, x1: number): Tick[] {
  const first = dayNumber(scale.origin) + Math.max(0, Math.floor(x0 / scale.dayWidth));
  const last = dayNumber(scale.origin) + Math.ceil(x1 / scale.dayWidth);
  const out: Tick[] = [];
  for (let day = first; day <= last; day++) {
    const date = new Date(day * MS_PER_DAY);
    const d = date.getUTCDate();
    const month = date.getUTCMonth();
    const x = (day - dayNumber(scale.origin)) * scale.dayWidth;
    if (scale.zoom === 'days') {
      out.push({ x, label: String(d), major: d === 1 });
    } else if (scale.zoom === 'weeks') {
      if (date.getUTCDay() === 1) out.push({ x, label: `${d} ${MONTHS[month]}`, major: d <= 7 });
    } else if (d === 1 && (scale.zoom === 'months' || month % 3 === 0)) {
      const label =
        scale.zoom === 'months'
          ? `${MONTHS[month]} ${String(date.getUTCFullYear()).slice(2)}`
          : `Q${month / 3 + 1} ${date.getUTCFullYear()}`;
      out.push({ x, label, major: month === 0 });
    }
  }
  return out;
}
