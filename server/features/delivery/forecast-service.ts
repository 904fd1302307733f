import { computeDailyCounts } from '../../../core/flow/throughput';
import { addDays, getDayNumber } from '../../../core/flow/utc-days';
import {
  type BacktestQuestion,
  computeBacktest,
  computeThroughputHistory,
  summarizeSamples,
} from '../../../core/forecast';
import type { Principal } from '../../auth/principal';
import { fieldProblem } from '../../http/problem';
import type { Trx } from '../../resources/resource-spec';
import { listDoneDates } from './flow-data';
import type { FlowScope } from './flow-scope';
import { DEFINITIONS } from './metric-definitions';

export const DEFAULT_HISTORY_DAYS = 90;
/** How far back the backtest replays: a year of origins, each using `historyDays` before it. */
const BACKTEST_SPAN_DAYS = 365;
const BACKTEST_TRIALS = 1_000;
/**
 * Finished items a past origin's history window must hold before its forecast is scored. Below
 * it (a team's first weeks, a new epic) the simulation resamples a handful of days and misses by
 * far; those forecasts say little about the ones the page makes from a filled window, so they are
 * counted and shown as not scored instead of dragging the calibration.
 */
export const BACKTEST_MIN_HISTORY_ITEMS = 10;

export interface SampleWindow {
  firstDate: string;
  lastDate: string;
  samples: number[];
}

/**
 * Daily throughput of the scope's readable leaf items over the `days` calendar days before
 * `asOf` (asOf itself excluded: it is day 1 of the forecast), zeros included.
 */
export async function loadSamples(
  trx: Trx,
  principal: Principal,
  scope: FlowScope,
  asOf: string,
  days: number,
): Promise<SampleWindow> {
  const first = addDays(asOf, -days);
  const dates = await listDoneDates(trx, principal, scope, `${first}T00:00:00.000Z`, `${asOf}T00:00:00.000Z`);
  const from = getDayNumber(first);
  const samples = Array.from(
    computeDailyCounts(
      dates.map((d) => getDayNumber(d)),
      from,
      from + days - 1,
    ),
  );
  return { firstDate: first, lastDate: addDays(asOf, -1), samples };
}

/** Refuses a history without a single finished item, naming the field that sets its length. */
export function checkSamples(w: SampleWindow, field = 'historyDays'): void {
  if (!w.samples.some((v) => v > 0))
    throw fieldProblem(
      'validation_failed',
      field,
      `no item finished between ${w.firstDate} and ${w.lastDate}: there is no throughput to forecast from`,
    );
}

export function presentHistory(w: SampleWindow) {
  return { firstDate: w.firstDate, lastDate: w.lastDate, ...summarizeSamples(w.samples) };
}

/**
 * The backtest shown beside every forecast: the same question asked weekly over the last year,
 * each time with only the `historyDays` before the origin, compared with what happened.
 */
export async function backtestBeside(
  trx: Trx,
  principal: Principal,
  scope: FlowScope,
  asOf: string,
  historyDays: number,
  question: BacktestQuestion,
  seed: number,
) {
  const span = BACKTEST_SPAN_DAYS + historyDays;
  const dates = await listDoneDates(
    trx,
    principal,
    scope,
    `${addDays(asOf, -span)}T00:00:00.000Z`,
    `${asOf}T00:00:00.000Z`,
  );
  const found = computeThroughputHistory(dates);
  const scoring = { minHistoryDays: historyDays, minHistoryItems: BACKTEST_MIN_HISTORY_ITEMS };
  const base = { definition: DEFINITIONS.backtest, question, historyDays, trials: BACKTEST_TRIALS, scoring };
  const empty = { allZeroHistory: 0, thinHistory: 0, unobservable: 0 };
  if (!found)
    return {
      ...base,
      points: [],
      calibration: {},
      meanAbsoluteErrorP50: null,
      meanErrorP50: null,
      skipped: empty,
    };
  // The replay runs to the day before asOf: idle days after the last completion are real zeros
  // (leaving them out would let late outcomes look faster than they were).
  const lastDay = getDayNumber(asOf) - 1;
  const history = {
    firstDate: found.firstDate,
    samples: [...found.samples, ...new Array<number>(lastDay - getDayNumber(found.lastDate)).fill(0)],
  };
  if (history.samples.length <= historyDays)
    return {
      ...base,
      points: [],
      calibration: {},
      meanAbsoluteErrorP50: null,
      meanErrorP50: null,
      skipped: empty,
    };
  const report = computeBacktest({
    history,
    question,
    stepDays: 7,
    minHistoryDays: historyDays,
    minHistoryItems: BACKTEST_MIN_HISTORY_ITEMS,
    windowDays: historyDays,
    trials: BACKTEST_TRIALS,
    seed,
  });
  return {
    ...base,
    points: report.points,
    calibration: report.calibration,
    meanAbsoluteErrorP50: report.meanAbsoluteErrorP50 ?? null,
    meanErrorP50: report.meanErrorP50 ?? null,
    skipped: report.skipped,
  };
}

/** Open stories, tasks and bugs of the scope the caller can see: the default "N" of a forecast. */
export async function countOpenItems(
  trx: Trx,
  principal: Principal,
  visible: import('kysely').Expression<import('kysely').SqlBool>,
): Promise<number> {
  const row = await trx
    .selectFrom('work_items')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organisation_id', '=', principal.organisationId)
    .where('type', 'not in', ['epic', 'feature'])
    .where('status_category', '!=', 'done')
    .where(visible)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
