import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './prng';

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs across seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('stays within [0, n) for nextInt', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const rng = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const v = rng.nextInt(n);
          if (!(Number.isInteger(v) && v >= 0 && v < n)) return false;
        }
        return true;
      }),
    );
  });

  it('is roughly uniform (chi-square over 10 buckets, 100k draws)', () => {
    const rng = createRng(12345);
    const buckets = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) buckets[rng.nextInt(10)]! += 1;
    const expected = n / 10;
    const chi = buckets.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: the 99.9th percentile of chi-square is 27.88.
    expect(chi).toBeLessThan(27.88);
  });

  it('rejects a non-positive bound', () => {
    expect(() => createRng(1).nextInt(0)).toThrow(RangeError);
  });
});
