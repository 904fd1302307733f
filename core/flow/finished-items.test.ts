import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFinishedItems } from './finished-items';
import type { ItemTimeline } from './item-timeline';

const timeline = (id: string, doneMs: number | undefined): ItemTimeline => ({
  id,
  createdMs: 0,
  startedMs: 0,
  doneMs,
  changes: [],
  blockedPeriods: [],
});

describe('listFinishedItems', () => {
  it('orders by done instant, ties in input order, over narrow and very wide spans alike', () => {
    // Narrow spans take the packed-key native sort; a span too wide for an exact key (1e17 ms)
    // and take the comparator sort. Both must give the stable order.
    const span = fc.constantFrom(10_000, 86_400_000 * 90, 1e17);
    fc.assert(
      fc.property(
        span.chain((s) => fc.array(fc.option(fc.integer({ min: 0, max: 40 }).map((x) => (x * s) / 40)))),
        (dones) => {
          const timelines = dones.map((d, i) => timeline(`t${i}`, d === null ? undefined : Math.round(d)));
          const finished = listFinishedItems(timelines);
          const expected = timelines
            .map((t, i) => ({ t, i }))
            .filter(({ t }) => t.doneMs !== undefined)
            .sort((a, b) => (a.t.doneMs as number) - (b.t.doneMs as number) || a.i - b.i)
            .map(({ t }) => t.id);
          expect(Array.from(finished.doneOrder, (k) => finished.ids[k])).toEqual(expected);
          expect(Array.from(finished.inInputOrder, (i) => timelines[i]?.id)).toEqual(finished.ids);
        },
      ),
    );
  });

  it('keeps only items done within the range and formats their days', () => {
    const day = 86_400_000;
    const timelines = [
      timeline('a', 19_800 * day + 5),
      timeline('b', undefined),
      timeline('c', 19_830 * day),
    ];
    const finished = listFinishedItems(timelines, { from: '2024-03-18', to: '2024-03-31' });
    expect(finished.ids).toEqual(['a']);
    expect(finished.dateOfDay(finished.doneDays[0] as number)).toBe('2024-03-18');
    expect(() => listFinishedItems(timelines, { from: 'March', to: '2024-03-31' }, 'range')).toThrow(
      /range.from/,
    );
  });
});
