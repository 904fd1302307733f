import { describe, expect, it } from 'vitest';
import { createRng } from '../random/prng';
import { computeBacktest } from './backtest';

describe('computeBacktest', () => {
  it('is perfectly calibrated with zero error on constant throughput', () => {
    const history = { firstDate: '2024-01-01', samples: new Array(120).fill(2) };
    const when = computeBacktest({ history, question: { kind: 'when', items: 9 }, trials: 200 });
    // 9 items at 2 a day take 5 days, forecast and actual alike.
    expect(when.points.every((p) => p.actual === 5 && p.forecast[50] === 5)).toBe(true);
    expect(when.calibration).toEqual({ 50: 1, 70: 1, 85: 1, 95: 1 });
    expect(when.meanAbsoluteErrorP50).toBe(0);
    const howMany = computeBacktest({ history, question: { kind: 'how-many', days: 14 }, trials: 200 });
    expect(howMany.points.every((p) => p.actual === 28 && p.withinP85)).toBe(true);
    // Origins every 7 days from day 28 while 14 days of outcome remain: days 28, 35, …, 105.
    expect(howMany.points.map((p) => p.origin).slice(0, 2)).toEqual(['2024-01-29', '2024-02-05']);
    expect(howMany.points).toHaveLength(12);
  });

  it('uses only the history before each origin', () => {
    // Throughput 1 a day, then 5 a day from day 60: the first forecast after the change still
    // expects 1 a day (error +4 per day ahead), a later one with a 7-day window has caught up.
    const samples = [...new Array(60).fill(1), ...new Array(60).fill(5)];
    const report = computeBacktest({
      history: { firstDate: '2024-01-01', samples },
      question: { kind: 'how-many', days: 7 },
      windowDays: 7,
      stepDays: 1,
      minHistoryDays: 60,
      trials: 100,
    });
    expect(report.points[0]).toMatchObject({
      origin: '2024-03-01',
      actual: 35,
      errorP50: 28,
      withinP85: true,
    });
    expect(report.points[7]).toMatchObject({ actual: 35, errorP50: 0 });
  });

  it('is roughly calibrated on a stationary random history', () => {
    // Daily throughput i.i.d. uniform on 0..4: the P85 forecast should hold about 85% of the time.
    const rng = createRng(2024);
    const samples = Array.from({ length: 2_000 }, () => rng.nextInt(5));
    const report = computeBacktest({
      history: { firstDate: '2019-01-01', samples },
      question: { kind: 'how-many', days: 10 },
      minHistoryDays: 200,
      stepDays: 5,
      trials: 1_000,
    });
    expect(report.points.length).toBeGreaterThan(300);
    expect(report.calibration[85]).toBeGreaterThan(0.8);
    expect(report.calibration[85]).toBeLessThan(0.95);
    expect(report.meanAbsoluteErrorP50).toBeLessThan(6);
  });

  it('skips origins with an all-zero past or an outcome beyond the data', () => {
    const samples = [...new Array(30).fill(0), 1, 0, 0, 0, 0, 0, 0, 1, 1, 1];
    const report = computeBacktest({
      history: { firstDate: '2024-01-01', samples },
      question: { kind: 'when', items: 2 },
      minHistoryDays: 7,
      trials: 50,
    });
    // Origins 7, 14, 21, 28 see only zeros; origin 35 sees the data through day 34.
    expect(report.skipped.allZeroHistory).toBe(4);
    expect(report.points.map((p) => p.origin)).toEqual(['2024-02-05']);
    expect(() =>
      computeBacktest({
        history: { firstDate: '2024-01-01', samples },
        question: { kind: 'when', items: 0 },
      }),
    ).toThrow(RangeError);
  });
});
