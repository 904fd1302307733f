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

  it('scores an origin only once its window holds the minimum of finished items', () => {
    // A team starting up: 1 item a week for 8 weeks, then 3 a day. With a 28-day window the
    // first origins see 4 items; with minHistoryItems 10 they are counted as thin history, not
    // scored, so their large errors do not enter the calibration.
    const startUp = Array.from({ length: 56 }, (_, d) => (d % 7 === 6 ? 1 : 0));
    const samples = [...startUp, ...new Array(84).fill(3)];
    const base = {
      history: { firstDate: '2024-01-01', samples },
      question: { kind: 'how-many' as const, days: 7 },
      minHistoryDays: 28,
      windowDays: 28,
      trials: 200,
    };
    const all = computeBacktest(base);
    const honest = computeBacktest({ ...base, minHistoryItems: 10 });
    // Origins at days 28, 35, …, 133 with a full week of outcome after them: 16 in all.
    expect(all.points).toHaveLength(16);
    expect(all.points[0]).toMatchObject({ origin: '2024-01-29', historyItems: 4 });
    // Windows ending by day 56 hold 4 items; the origin at day 63 already sees 7 days × 3 = 21.
    expect(honest.skipped.thinHistory).toBe(5);
    expect(honest.points).toHaveLength(11);
    expect(honest.points.every((p) => p.historyItems >= 10)).toBe(true);
    expect(honest.points[0]?.origin).toBe('2024-03-04');
    expect(honest.scoring).toEqual({ minHistoryDays: 28, minHistoryItems: 10 });
    // The start-up forecasts were the wild ones: leaving them out shrinks the error.
    expect(honest.meanAbsoluteErrorP50 as number).toBeLessThan(all.meanAbsoluteErrorP50 as number);
    expect(() => computeBacktest({ ...base, minHistoryItems: 0 })).toThrow(/minHistoryItems/);
  });
});
