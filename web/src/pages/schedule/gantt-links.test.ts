import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrowHead, type LinkType, routeLink } from './gantt-links';

const ROW = 28;
/** The points of an M/H/V path, in order. */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([MHV])(-?[\d.]+)(?:,(-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Number(b)];
    if (cmd === 'H') x = Number(a);
    if (cmd === 'V') y = Number(a);
    out.push([x, y]);
  }
  return out;
}

describe('routeLink', () => {
  const pred = { x0: 100, x1: 200, y: 14 };
  const succ = { x0: 260, x1: 300, y: 42 };

  it('FS runs from the predecessor’s finish to the successor’s start with one elbow', () => {
    const path = routeLink('FS', pred, succ, ROW);
    expect(path.d).toBe('M200,14 H208 V42 H260');
    expect(path.direction).toBe(1);
  });

  it('SS leaves the start and FF enters the finish; SF points left into the finish', () => {
    expect(routeLink('SS', pred, succ, ROW).d).toBe('M100,14 H92 V42 H260');
    expect(routeLink('FF', pred, succ, ROW).d).toBe('M200,14 H308 V42 H300');
    const sf = routeLink('SF', { x0: 300, x1: 400, y: 14 }, { x0: 100, x1: 200, y: 42 }, ROW);
    expect(sf.d).toBe('M300,14 H292 V42 H200');
    expect(sf.direction).toBe(-1);
  });

  it('detours through the gap between rows when the successor starts before the predecessor ends', () => {
    const path = routeLink('FS', pred, { x0: 150, x1: 180, y: 42 }, ROW);
    expect(path.d).toBe('M200,14 H208 V28 H142 V42 H150');
  });

  it('always starts on the right end, ends on the right end and uses only right angles (fast-check)', () => {
    const bar = fc
      .tuple(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 2, max: 400 }),
        fc.integer({ min: 0, max: 50 }),
      )
      .map(([x0, w, row]) => ({ x0, x1: x0 + w, y: row * ROW + ROW / 2 }));
    fc.assert(
      fc.property(fc.constantFrom<LinkType>('FS', 'SS', 'FF', 'SF'), bar, bar, (type, from, to) => {
        const path = routeLink(type, from, to, ROW);
        const pts = points(path.d);
        const first = pts[0]!;
        const last = pts.at(-1)!;
        expect(first).toEqual([type[0] === 'F' ? from.x1 : from.x0, from.y]);
        expect(last).toEqual([type[1] === 'S' ? to.x0 : to.x1, to.y]);
        // The last leg arrives horizontally from the side the arrow points away from.
        const beforeLast = pts.at(-2)!;
        expect(beforeLast[1]).toBe(to.y);
        expect(Math.sign(last[0] - beforeLast[0])).toBe(path.direction);
        expect(arrowHead(path)).toMatch(/^M/);
      }),
    );
  });
});
