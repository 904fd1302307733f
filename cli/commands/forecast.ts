import type { Command } from 'commander';
import { findDayNumber } from '../../core/flow/utc-days';
import { computeForecastHowMany } from '../../core/forecast/forecast-how-many';
import { computeForecastWhen, DEFAULT_MAX_DAYS } from '../../core/forecast/forecast-when';
import { DEFAULT_SEED, DEFAULT_TRIALS } from '../../core/forecast/simulation';
import { computeThroughputHistory, summarizeSamples } from '../../core/forecast/throughput-history';
import { CliError } from '../cli-error';
import { printJson } from '../output';
import { parseCompletionDate, readDoneHistory } from './forecast-history';

/** More trials than this buy no precision worth the wait (the P85 moves by < 0.1% of trials). */
const MAX_TRIALS = 10_000_000;

interface CommonOptions {
  history: string;
  start: string;
  trials?: string;
  seed?: string;
  doneColumn: string;
  json?: boolean;
}

function parseIntOption(value: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw new CliError(`--${name} must be ${range}, got "${value}"`);
  }
  return n;
}

function parseDateOption(value: string, name: string): string {
  const date = parseCompletionDate(value);
  if (date === undefined) throw new CliError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  return date;
}

/** Reads the history into daily samples (first to last completion day, zero days included). */
function loadSamples(options: CommonOptions) {
  const file = readDoneHistory(options.history, options.doneColumn);
  const history = computeThroughputHistory(file.doneDates);
  // Unreachable after parseDoneHistory's own check, but the forecast must never loop on zeros.
  if (!history || history.samples.every((v) => v === 0)) {
    throw new CliError(`${options.history}: the throughput history is all zero; nothing to forecast from`);
  }
  return {
    samples: history.samples,
    summary: {
      file: options.history,
      firstDate: history.firstDate,
      lastDate: history.lastDate,
      rows: file.rows,
      blankRows: file.blankRows,
      ...summarizeSamples(history.samples),
    },
  };
}

function simulationOptions(options: CommonOptions) {
  return {
    trials:
      options.trials === undefined ? DEFAULT_TRIALS : parseIntOption(options.trials, 'trials', 1, MAX_TRIALS),
    seed: options.seed === undefined ? DEFAULT_SEED : parseIntOption(options.seed, 'seed', -(2 ** 31)),
  };
}

function withCommonOptions(command: Command): Command {
  return command
    .requiredOption(
      '--history <file>',
      'CSV with a header row and a "done" column: one finished item per row',
    )
    .requiredOption('--start <date>', 'first simulated day, YYYY-MM-DD')
    .option('--trials <n>', `Monte Carlo trials (default ${DEFAULT_TRIALS})`)
    .option('--seed <n>', `random seed (default ${DEFAULT_SEED}, so runs are reproducible)`)
    .option('--done-column <name>', 'name of the completion-date column', 'done')
    .option('--json', 'print the result as JSON');
}

function printPercentiles(title: string, percentiles: Record<number, string | number | null>): void {
  process.stdout.write(`${title}\n`);
  for (const [p, v] of Object.entries(percentiles)) process.stdout.write(`  ${p}%: ${v}\n`);
}

/** `triad forecast when|how-many`: Monte Carlo forecasts from a throughput history CSV. */
export function registerForecastCommands(program: Command): void {
  const forecast = program
    .command('forecast')
    .description('Probabilistic forecasts (Monte Carlo over daily throughput history)');

  withCommonOptions(
    forecast
      .command('when')
      .description('When will N items be done? Percentile P = earliest date by which P% of trials finished'),
  )
    .requiredOption('--items <n>', 'number of items still to finish (positive integer)')
    .action((options: CommonOptions & { items: string }) => {
      const items = parseIntOption(options.items, 'items', 1);
      const startDate = parseDateOption(options.start, 'start');
      const sim = simulationOptions(options);
      const { samples, summary } = loadSamples(options);
      const result = computeForecastWhen({ samples, items, startDate, ...sim });
      if (result.capped && Object.values(result.percentiles).some((d) => d === null)) {
        throw new CliError(
          `${result.unfinishedTrials} of ${result.trials} trials had not finished ${items} items after ` +
            `${DEFAULT_MAX_DAYS} simulated days; the history's throughput (mean ${summary.mean.toFixed(3)}/day) is too low to forecast this`,
        );
      }
      if (!options.json)
        return printPercentiles(`${items} items done by (start ${startDate}):`, result.percentiles);
      printJson({
        percentiles: result.percentiles,
        percentileDays: result.percentileDays,
        items,
        start: startDate,
        trials: result.trials,
        seed: result.seed,
        unfinishedTrials: result.unfinishedTrials,
        history: summary,
        histogram: result.histogram,
      });
    });

  withCommonOptions(
    forecast
      .command('how-many')
      .description('How many items by the end date? Percentile P = largest count reached in P% of trials'),
  )
    .requiredOption('--end <date>', 'last simulated day, inclusive, YYYY-MM-DD')
    .action((options: CommonOptions & { end: string }) => {
      const startDate = parseDateOption(options.start, 'start');
      const endDate = parseDateOption(options.end, 'end');
      const days = (findDayNumber(endDate) ?? 0) - (findDayNumber(startDate) ?? 0) + 1;
      if (days < 1) throw new CliError(`--end ${endDate} is before --start ${startDate}`);
      if (days > DEFAULT_MAX_DAYS)
        throw new CliError(`--start to --end spans ${days} days; at most ${DEFAULT_MAX_DAYS}`);
      const sim = simulationOptions(options);
      const { samples, summary } = loadSamples(options);
      const result = computeForecastHowMany({ samples, startDate, endDate, ...sim });
      if (!options.json) {
        return printPercentiles(`Items done from ${startDate} to ${endDate} (at least):`, result.percentiles);
      }
      printJson({
        percentiles: result.percentiles,
        start: startDate,
        end: endDate,
        days,
        trials: result.trials,
        seed: result.seed,
        mean: result.mean,
        history: summary,
        histogram: result.histogram,
      });
    });
}
