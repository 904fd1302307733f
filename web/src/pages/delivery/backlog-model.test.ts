import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByEpic, pointsOf, type RankedItem, reorder } from './backlog-model';

const item = (id: string, extra: Partial<RankedItem> = {}): RankedItem => ({
  id,
  feature: null,
  epic: null,
  estimate: null,
  estimateUnit: null,
  ...extra,
});

describe('reorder', () => {
  const list = ['a', 'b', 'c', 'd'].map((id) => item(id));

  it('places an item moved up before its new successor', () => {
    const result = reorder(list, 3, 1);
    expect(result?.items.map((i) => i.id)).toEqual(['a', 'd', 'b', 'c']);
    expect(result?.placement).toEqual({ before: 'b' });
  });

  it('places an item moved to the bottom after the last one', () => {
    const result = reorder(list, 0, 3);
    expect(result?.items.map((i) => i.id)).toEqual(['b', 'c', 'd', 'a']);
    expect(result?.placement).toEqual({ after: 'd' });
  });

  it('does nothing for the same index or an index out of range', () => {
    expect(reorder(list, 1, 1)).toBeNull();
    expect(reorder(list, -1, 2)).toBeNull();
    expect(reorder(list, 1, 4)).toBeNull();
  });

  it('keeps every item once and puts the moved one where asked, next to its anchor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.nat(), (n, x, y) => {
        const items = Array.from({ length: n }, (_, i) => item(`i${i}`));
        const from = x % n;
        const to = y % n;
        const result = reorder(items, from, to);
        if (from === to) return result === null;
        if (!result) return false;
        const ids = result.items.map((i) => i.id);
        const moved = items[from]?.id as string;
        const anchor = 'before' in result.placement ? result.placement.before : result.placement.after;
        const offset = 'before' in result.placement ? 1 : -1;
        return new Set(ids).size === n && ids[to] === moved && ids[ids.indexOf(moved) + offset] === anchor;
      }),
    );
  });
});

describe('groupByEpic', () => {
  it('groups ranked items by epic and feature, keeping rank order and summing points', () => {
    const epic = { id: 'e1', key: 'E-1', title: 'Checkout' };
    const feature = { id: 'f1', key: 'F-1', title: 'Wallets' };
    const groups = groupByEpic([
      item('s1', { epic, feature, estimate: 3, estimateUnit: 'points' }),
      item('s2'),
      item('s3', { epic, estimate: 5, estimateUnit: 'points' }),
      item('s4', { epic, feature, estimate: 8, estimateUnit: 'hours' }),
    ]);
    expect(groups.map((g) => [g.title, g.count, g.points])).toEqual([
      ['Checkout', 3, 8],
      ['No epic', 1, 0],
    ]);
    expect(groups[0]?.features.map((f) => [f.title, f.items.map((i) => i.id)])).toEqual([
      ['Wallets', ['s1', 's4']],
      ['No feature', ['s3']],
    ]);
  });

  it('counts only story points', () => {
    expect(pointsOf({ estimate: 5, estimateUnit: 'points' })).toBe(5);
    expect(pointsOf({ estimate: 5, estimateUnit: 'hours' })).toBe(0);
    expect(pointsOf({ estimate: null, estimateUnit: 'points' })).toBe(0);
  });
});
