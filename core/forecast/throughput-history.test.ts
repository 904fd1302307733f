import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeThroughputHistory, summarizeSamples } from './throughput-history';

describe('computeThroughputHistory', () => {
  it('lists every calendar day from the first to the last completion, idle days as zero', () => {
    expect(computeThroughputHistory(['2024-03-03', '2024-02-28', '2024-03-03', '2024-03-01'])).toEqual({
      firstDate: '2024-02-28',
      lastDate: '2024-03-03',
      samples: [1, 0, 1, 0, 2], // 2024 is a leap year: 02-29 is an idle day
    });
    expect(computeThroughputHistory([])).toBeUndefined();
    expect(() => computeThroughputHistory(['2024-13-01'])).toThrow(RangeError);
  });

  it('keeps every completion and starts and ends on a day with one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 100 }),
        (offsets) => {
          const dates = offsets.map((o) => new Date(Date.UTC(2015, 0, 1 + o)).toISOString().slice(0, 10));
          const h = computeThroughputHistory(dates);
          const s = summarizeSamples(h?.samples ?? []);
          return s.total === offsets.length && (h?.samples[0] ?? 0) > 0 && (h?.samples.at(-1) ?? 0) > 0;
        },
      ),
    );
  });

  it('summarises samples', () => {
    expect(summarizeSamples([0, 2, 0, 4])).toEqual({ days: 4, total: 6, mean: 1.5, zeroDays: 2, max: 4 });
  });
});
