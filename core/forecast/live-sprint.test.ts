import { describe, expect, it } from 'vitest';
import { computeLiveSprintForecast } from './live-sprint';

describe('computeLiveSprintForecast', () => {
  it('is certain or hopeless under constant throughput', () => {
    const base = { samples: [2], fromDate: '2024-03-11', sprintEnd: '2024-03-15', trials: 500 };
    expect(computeLiveSprintForecast({ ...base, remainingItems: 10 }).probability).toBe(1);
    expect(computeLiveSprintForecast({ ...base, remainingItems: 11 }).probability).toBe(0);
    expect(computeLiveSprintForecast({ ...base, remainingItems: 10 }).likelyCompleted[85]).toBe(10);
  });

  it('gives the exact probability for a two-point distribution', () => {
    // Samples {0, 1} over 2 days: P(total ≥ 1) = 1 − 1/4.
    const f = computeLiveSprintForecast({
      samples: [0, 1],
      remainingItems: 1,
      fromDate: '2024-03-14',
      sprintEnd: '2024-03-15',
      trials: 100_000,
    });
    expect(f.days).toBe(2);
    expect(f.probability).toBeCloseTo(0.75, 2);
  });

  it('handles a sprint that is over and nothing left to do', () => {
    const over = { samples: [3], fromDate: '2024-03-16', sprintEnd: '2024-03-15', trials: 10 };
    expect(computeLiveSprintForecast({ ...over, remainingItems: 2 })).toMatchObject({
      days: 0,
      probability: 0,
    });
    expect(computeLiveSprintForecast({ ...over, remainingItems: 0 }).probability).toBe(1);
    expect(() => computeLiveSprintForecast({ ...over, remainingItems: -1 })).toThrow(RangeError);
  });
});
