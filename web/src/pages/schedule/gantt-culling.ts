// Only what is on screen gets drawn: the rows in the vertical window, the bars that overlap the
// horizontal window, and the links with at least one end in view (or crossing it).

export interface Viewport {
  scrollTop: number;
  height: number;
  scrollLeft: number;
  width: number;
}

/** First and last (inclusive) row index in view, widened by `overscan` rows either side. */
export function visibleRows(
  viewport: Viewport,
  rowHeight: number,
  rowCount: number,
  overscan = 5,
): { first: number; last: number } {
  if (rowCount === 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(viewport.scrollTop / rowHeight) - overscan);
  const last = Math.min(
    rowCount - 1,
    Math.ceil((viewport.scrollTop + viewport.height) / rowHeight) + overscan,
  );
  return { first, last: Math.max(first - 1, last) };
}

/** True when [x, x + width] overlaps the horizontal window (with `margin` pixels of slack). */
export function overlapsX(x: number, width: number, viewport: Viewport, margin = 40): boolean {
  return x + width >= viewport.scrollLeft - margin && x <= viewport.scrollLeft + viewport.width + margin;
}

export interface RowLink<L> {
  fromRow: number;
  toRow: number;
  link: L;
}

/**
 * Links worth drawing for rows first…last: either end in the window, or spanning it (a long link
 * from above to below the window still crosses the screen). Links must be sorted by nothing in
 * particular; cost is linear in the number of links.
 */
export function visibleLinks<L>(links: readonly RowLink<L>[], first: number, last: number): RowLink<L>[] {
  return links.filter((l) => {
    const lo = Math.min(l.fromRow, l.toRow);
    const hi = Math.max(l.fromRow, l.toRow);
    return hi >= first && lo <= last;
  });
}
