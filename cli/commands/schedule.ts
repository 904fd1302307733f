import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { computeCpm } from '../../core/schedule/cpm';
import { ScheduleError } from '../../core/schedule/errors';
import { levelResources, RcpspInfeasibleError } from '../../core/schedule/levelling';
import { NetworkFormatError, parseNetworkJson } from '../../core/schedule/network-json';
import { PsplibFormatError, parsePsplib } from '../../core/schedule/psplib';
import type { Activity } from '../../core/schedule/types';
import { parseMspdi } from '../../server/importers/mspdi/parse-mspdi';
import { MspdiFormatError } from '../../server/importers/mspdi/plan';
import { planToActivities } from '../../server/importers/mspdi/plan-to-activities';
import { CliError } from '../cli-error';
import { printJson } from '../output';

const DEFAULT_TIME_LIMIT_MS = 1000;
const DEFAULT_SEED = 1;

/** `triad schedule cpm FILE` and `triad schedule level FILE.sm` (contract in docs/scheduling.md). */
export function registerScheduleCommands(program: Command): void {
  const schedule = program.command('schedule').description('Critical path and resource levelling');

  schedule
    .command('cpm')
    .description('Critical path of a JSON or MSPDI (MS Project XML) network, in whole time units from 0')
    .argument('<file>', 'JSON network or MSPDI XML file')
    .option('--json', 'print the result as JSON')
    .action((file: string, options: { json?: boolean }) => {
      const activities = guarded(() => readNetwork(readText(file)));
      const result = guarded(() => computeCpm(activities));
      const rows: Record<string, unknown> = {};
      for (const a of activities) {
        const t = result.activities[a.id];
        if (!t) continue;
        rows[a.id] = {
          es: t.es,
          ef: t.ef,
          ls: t.ls,
          lf: t.lf,
          totalFloat: t.totalFloat,
          freeFloat: t.freeFloat,
          critical: t.critical,
        };
      }
      const output = { makespan: result.makespan, activities: rows, criticalPath: result.criticalActivities };
      if (options.json) return printJson(output);
      process.stdout.write(
        `makespan ${result.makespan}\ncritical path ${result.criticalActivities.join(' -> ')}\n`,
      );
      for (const [id, t] of Object.entries(rows)) process.stdout.write(`${id}\t${JSON.stringify(t)}\n`);
    });

  schedule
    .command('level')
    .description('Resource-constrained schedule (RCPSP) of a PSPLIB single-mode .sm file')
    .argument('<file>', 'PSPLIB .sm file')
    .option('--time-limit-ms <n>', 'search time in milliseconds', String(DEFAULT_TIME_LIMIT_MS))
    .option('--seed <s>', 'random seed (the same seed repeats the search)', String(DEFAULT_SEED))
    .option('--max-schedules <n>', 'stop after this many generated schedules (exactly reproducible)')
    .option('--json', 'print the result as JSON')
    .action(
      (
        file: string,
        options: { timeLimitMs: string; seed: string; maxSchedules?: string; json?: boolean },
      ) => {
        const limit = positiveInteger(options.timeLimitMs, '--time-limit-ms');
        const seed = Number(options.seed);
        if (!Number.isInteger(seed)) throw new CliError(`--seed must be an integer, got ${options.seed}`);
        const maxSchedules =
          options.maxSchedules === undefined
            ? Number.POSITIVE_INFINITY
            : positiveInteger(options.maxSchedules, '--max-schedules');
        const instance = guarded(() => parsePsplib(readText(file)));
        const deadline = performance.now() + limit;
        const result = guarded(() =>
          levelResources(instance, { seed, maxSchedules, shouldStop: () => performance.now() >= deadline }),
        );
        const starts: Record<string, number> = {};
        result.starts.forEach((s, i) => {
          starts[String(i + 1)] = s;
        });
        if (options.json) return printJson({ makespan: result.makespan, starts });
        process.stdout.write(
          `makespan ${result.makespan} (lower bound ${result.lowerBound}${result.provenOptimal ? ', optimal' : ''}; ${result.schedules} schedules)\n`,
        );
      },
    );
}

/** JSON when the content starts with `{` or `[`, MSPDI when it starts with `<`. */
function readNetwork(text: string): Activity[] {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return parseNetworkJson(head);
  if (head.startsWith('<')) return planToActivities(parseMspdi(head));
  throw new CliError('unrecognised file: expected a JSON network or MSPDI XML');
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Turns the engine's and parsers' typed errors into exit code 2 with their message. */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (
      error instanceof ScheduleError ||
      error instanceof NetworkFormatError ||
      error instanceof MspdiFormatError ||
      error instanceof PsplibFormatError ||
      error instanceof RcpspInfeasibleError
    ) {
      throw new CliError(error.message);
    }
    throw error;
  }
}

function positiveInteger(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`${option} must be a positive integer, got ${text}`);
  return n;
}
