// Routing of dependency arrows between bars. A link leaves the predecessor's finish (FS, FF) or
// start (SS, SF) and enters the successor's start (FS, SS) or finish (FF, SF), as in MS Project.

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export interface BarBox {
  /** Left and right x of the bar. */
  x0: number;
  x1: number;
  /** Vertical centre of the row. */
  y: number;
}

/** Horizontal stub before turning (px). */
const STUB = 8;

export interface LinkPath {
  /** SVG path data of the line; the arrow head sits at (endX, endY). */
  d: string;
  endX: number;
  endY: number;
  /** +1 when the arrow points right (into a start), −1 when left (into a finish). */
  direction: 1 | -1;
}

/**
 * An orthogonal route from `from` to `to`. Leaving an end goes right, leaving a start goes left;
 * entering a start arrives from the left, entering a finish from the right. When the straight
 * elbow would run backwards through a bar, the route drops to the gap between the rows first.
 */
export function routeLink(type: LinkType, from: BarBox, to: BarBox, rowHeight: number): LinkPath {
  const leavesFinish = type === 'FS' || type === 'FF';
  const entersStart = type === 'FS' || type === 'SS';
  const sx = leavesFinish ? from.x1 : from.x0;
  const ex = entersStart ? to.x0 : to.x1;
  const outX = sx + (leavesFinish ? STUB : -STUB);
  const inX = ex + (entersStart ? -STUB : STUB);
  const direction: 1 | -1 = entersStart ? 1 : -1;
  // The vertical leg must stay right of a finish it leaves (left of a start) and left of a start
  // it enters (right of a finish). FS and SF need the two sides to agree; SS and FF always fit.
  const low = Math.max(
    leavesFinish ? outX : Number.NEGATIVE_INFINITY,
    entersStart ? Number.NEGATIVE_INFINITY : inX,
  );
  const high = Math.min(
    leavesFinish ? Number.POSITIVE_INFINITY : outX,
    entersStart ? inX : Number.POSITIVE_INFINITY,
  );
  let d: string;
  if (low <= high && from.y !== to.y) {
    // Turn as close to the predecessor's stub as the constraints allow.
    const turnX = Math.min(Math.max(outX, low), high);
    d = `M${sx},${from.y} H${turnX} V${to.y} H${ex}`;
  } else {
    // Turn back in the gap between the rows, below (or above) the predecessor.
    const midY = from.y + ((to.y >= from.y ? 1 : -1) * rowHeight) / 2;
    d = `M${sx},${from.y} H${outX} V${midY} H${inX} V${to.y} H${ex}`;
  }
  return { d, endX: ex, endY: to.y, direction };
}

/** A small arrow head at the end of a link, pointing in `direction`. */
export function arrowHead(path: LinkPath, size = 4): string {
  const { endX: x, endY: y, direction } = path;
  const back = x - direction * size;
  return `M${x},${y} L${back},${y - size} L${back},${y + size} Z`;
}
