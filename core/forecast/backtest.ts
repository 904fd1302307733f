import { formatDayNumber, getDayNumber } from '../flow/utc-days';
import { computeForecastHowMany } from './forecast-how-many';
import { computeForecastWhen } from './forecast-when';
import { DEFAULT_SEED, FORECAST_PERCENTILES, type ForecastPercentile } from './simulation';
import type { ThroughputHistory } from './throughput-history';

export type BacktestQuestion =
  /** "When will the next `items` items be done?" */
  | { kind: 'when'; items: number }
  /** "How many items in the next `days` days?" */
  | { kind: 'how-many'; days: number };

export interface BacktestInput {
  history: Pick<ThroughputHistory, 'firstDate' | 'samples'>;
  question: BacktestQuestion;
  /** Days between forecast origins (default 7: weekly). */
  stepDays?: number;
  /** History a forecast needs before the first origin (default 28 days). */
  minHistoryDays?: number;
  /**
   * Finished items the sampled window before an origin must hold for its forecast to be scored
   * (default 1: only an all-zero window is skipped). A window with a handful of completions makes
   * the simulation resample a few days; scoring such forecasts would mix start-up noise into the
   * calibration of the forecasts a team actually gets. Origins below it are counted, not scored.
   */
  minHistoryItems?: number;
  /** Use only the last `windowDays` days before each origin (default: all of them). */
  windowDays?: number;
  /** Trials per forecast (default 2,000: many forecasts are made). */
  trials?: number;
  seed?: number;
}

export interface BacktestPoint {
  /** The forecast's start date: only history before it was used. */
  origin: string;
  historyDays: number;
  /** Items finished in the sampled window before the origin. */
  historyItems: number;
  /** What happened: days needed (when) or items finished (how-many). */
  actual: number;
  /** The forecast per percentile, in the same unit; null when beyond the simulation cap. */
  forecast: Record<ForecastPercentile, number | null>;
  /** Actual − P50 forecast (positive: later / more than the median forecast). */
  errorP50: number | null;
  /** Outcome within the P85 forecast: actual ≤ P85 days (when) or actual ≥ P85 count (how-many). */
  withinP85: boolean;
}

export interface BacktestReport {
  question: BacktestQuestion;
  /** 'days' for when, 'items' for how-many. */
  unit: 'days' | 'items';
  points: BacktestPoint[];
  /** Share of outcomes within each percentile's forecast; a calibrated forecast gives ≈ P/100. */
  calibration: Record<ForecastPercentile, number | undefined>;
  /** Mean absolute error of the P50 forecast, in `unit`. */
  meanAbsoluteErrorP50: number | undefined;
  /** Mean signed error of the P50 forecast (bias), in `unit`. */
  meanErrorP50: number | undefined;
  /** The rule an origin met to be scored. */
  scoring: { minHistoryDays: number; minHistoryItems: number };
  /**
   * Origins not scored: nothing finished before them, fewer than `minHistoryItems` finished in
   * their window (thin history, typically the first weeks of a team), or the outcome lies beyond
   * the data.
   */
  skipped: { allZeroHistory: number; thinHistory: number; unobservable: number };
}

function within(kind: BacktestQuestion['kind'], actual: number, forecast: number | null): boolean {
  if (forecast === null) return kind === 'when'; // beyond the cap: any observed finish is within it
  return kind === 'when' ? actual <= forecast : actual >= forecast;
}

/**
 * Backtest: replays the history, forecasting from each origin (every `stepDays` days) with only
 * the throughput before it, and compares with what then happened. Reports calibration (share of
 * outcomes within the P85 forecast, and likewise for each percentile) and the P50's mean absolute
 * error (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §5.10,
 * evaluation on a rolling forecasting origin).
 *
 * @example
 * computeBacktest({ history, question: { kind: 'when', items: 10 } }).calibration[85]; // ≈ 0.85 if calibrated
 */
export function computeBacktest(input: BacktestInput): BacktestReport {
  const { question } = input;
  const samples = input.history.samples;
  const first = getDayNumber(input.history.firstDate, 'history.firstDate');
  const step = input.stepDays ?? 7;
  const minHistory = input.minHistoryDays ?? 28;
  const minItems = input.minHistoryItems ?? 1;
  const window = input.windowDays ?? Number.POSITIVE_INFINITY;
  const trials = input.trials ?? 2_000;
  const seed = input.seed ?? DEFAULT_SEED;
  for (const [name, v] of [
    ['stepDays', step],
    ['minHistoryDays', minHistory],
    ['minHistoryItems', minItems],
  ] as const) {
    if (!(Number.isInteger(v) && v > 0)) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  }
  const target = question.kind === 'when' ? question.items : question.days;
  if (!(Number.isInteger(target) && target > 0))
    throw new RangeError(`the question needs a positive integer, got ${target}`);

  const points: BacktestPoint[] = [];
  const skipped = { allZeroHistory: 0, thinHistory: 0, unobservable: 0 };
  for (let o = minHistory, i = 0; o < samples.length; o += step, i++) {
    const history = samples.slice(Math.max(0, o - window), o);
    let actual: number | undefined;
    if (question.kind === 'when') {
      let done = 0;
      for (let d = o; d < samples.length && actual === undefined; d++) {
        done += samples[d] ?? 0;
        if (done >= question.items) actual = d - o + 1;
      }
    } else if (o + question.days <= samples.length) {
      actual = 0;
      for (let d = o; d < o + question.days; d++) actual += samples[d] ?? 0;
    } else break; // every later origin runs past the data too
    if (actual === undefined) {
      skipped.unobservable++;
      continue;
    }
    let historyItems = 0;
    for (const v of history) historyItems += v;
    if (historyItems === 0) {
      skipped.allZeroHistory++;
      continue;
    }
    if (historyItems < minItems) {
      skipped.thinHistory++;
      continue;
    }
    const origin = formatDayNumber(first + o);
    const forecast = {} as Record<ForecastPercentile, number | null>;
    if (question.kind === 'when') {
      const f = computeForecastWhen({
        samples: history,
        items: question.items,
        startDate: origin,
        trials,
        seed: seed + i,
      });
      for (const p of FORECAST_PERCENTILES) forecast[p] = f.percentileDays[p];
    } else {
      const end = formatDayNumber(first + o + question.days - 1);
      const f = computeForecastHowMany({
        samples: history,
        startDate: origin,
        endDate: end,
        trials,
        seed: seed + i,
      });
      for (const p of FORECAST_PERCENTILES) forecast[p] = f.percentiles[p];
    }
    points.push({
      origin,
      historyDays: history.length,
      historyItems,
      actual,
      forecast,
      errorP50: forecast[50] === null ? null : actual - forecast[50],
      withinP85: within(question.kind, actual, forecast[85]),
    });
  }

  const calibration = {} as Record<ForecastPercentile, number | undefined>;
  for (const p of FORECAST_PERCENTILES) {
    calibration[p] =
      points.length === 0
        ? undefined
        : points.filter((x) => within(question.kind, x.actual, x.forecast[p])).length / points.length;
  }
  const errors = points.flatMap((x) => (x.errorP50 === null ? [] : [x.errorP50]));
  return {
    question,
    unit: question.kind === 'when' ? 'days' : 'items',
    points,
    calibration,
    meanAbsoluteErrorP50:
      errors.length === 0 ? undefined : errors.reduce((s, e) => s + Math.abs(e), 0) / errors.length,
    meanErrorP50: errors.length === 0 ? undefined : errors.reduce((s, e) => s + e, 0) / errors.length,
    scoring: { minHistoryDays: minHistory, minHistoryItems: minItems },
    skipped,
  };
}
