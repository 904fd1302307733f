import { describe, expect, it } from 'vitest';
import { computeBurnDown, computeBurnUp } from './burn-charts';

const sprint = {
  start: '2024-03-04',
  end: '2024-03-08',
  committed: 20,
  events: [
    { date: '2024-03-04', completed: 3 },
    { date: '2024-03-05', completed: 5, added: 4 },
    { date: '2024-03-06', completed: 2 },
  ],
  asOf: '2024-03-06',
};

describe('burn charts', () => {
  it('burns down remaining work beside the ideal line, future days left null', () => {
    expect(computeBurnDown(sprint)).toEqual([
      { date: '2024-03-04', remaining: 17, ideal: 20 },
      { date: '2024-03-05', remaining: 16, ideal: 15 },
      { date: '2024-03-06', remaining: 14, ideal: 10 },
      { date: '2024-03-07', remaining: null, ideal: 5 },
      { date: '2024-03-08', remaining: null, ideal: 0 },
    ]);
  });

  it('burns up completed work against the moving scope', () => {
    expect(computeBurnUp(sprint).map((d) => [d.completed, d.scope])).toEqual([
      [3, 20],
      [8, 24],
      [10, 24],
      [null, null],
      [null, null],
    ]);
  });

  it('rejects an end before the start', () => {
    expect(() => computeBurnDown({ ...sprint, end: '2024-03-01' })).toThrow(RangeError);
  });
});
