import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapsX, visibleLinks, visibleRows } from './gantt-culling';

describe('visible-range culling', () => {
  it('keeps only the rows in the window plus overscan', () => {
    const vp = { scrollTop: 2800, height: 560, scrollLeft: 0, width: 800 };
    // 28 px rows: rows 100…120 are in view; overscan 5 either side.
    expect(visibleRows(vp, 28, 5000, 5)).toEqual({ first: 95, last: 125 });
    expect(visibleRows({ ...vp, scrollTop: 0 }, 28, 3, 5)).toEqual({ first: 0, last: 2 });
    expect(visibleRows(vp, 28, 0)).toEqual({ first: 0, last: -1 });
  });

  it('draws a bar that overlaps the horizontal window and skips one far off', () => {
    const vp = { scrollTop: 0, height: 500, scrollLeft: 1000, width: 600 };
    expect(overlapsX(900, 150, vp, 0)).toBe(true);
    expect(overlapsX(1700, 10, vp, 0)).toBe(false);
    expect(overlapsX(0, 5000, vp, 0)).toBe(true);
  });

  it('keeps links with an end in view or crossing it, and every kept row is in range (fast-check)', () => {
    const link = fc.record({ fromRow: fc.nat(5000), toRow: fc.nat(5000), link: fc.constant(null) });
    fc.assert(
      fc.property(fc.array(link, { maxLength: 200 }), fc.nat(5000), fc.nat(60), (links, first, span) => {
        const last = first + span;
        const kept = new Set(visibleLinks(links, first, last));
        for (const l of links) {
          const touches =
            (l.fromRow >= first && l.fromRow <= last) ||
            (l.toRow >= first && l.toRow <= last) ||
            (Math.min(l.fromRow, l.toRow) < first && Math.max(l.fromRow, l.toRow) > last);
          expect(kept.has(l)).toBe(touches);
        }
      }),
    );
  });

  it('the row window of a 5,000-task plan stays small whatever the scroll (fast-check)', () => {
    fc.assert(
      fc.property(fc.nat(5000 * 28), (scrollTop) => {
        const { first, last } = visibleRows({ scrollTop, height: 700, scrollLeft: 0, width: 1000 }, 28, 5000);
        expect(last - first + 1).toBeLessThanOrEqual(Math.ceil(700 / 28) + 1 + 2 * 5 + 1);
      }),
    );
  });
});
