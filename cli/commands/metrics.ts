import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { parseDateOption } from '../options';
import { printJson } from '../output';

interface FlowOptions {
  project: string;
  from?: string;
  to?: string;
  db?: string;
  organisation?: string;
  json?: boolean;
}

/** `triad metrics flow`: throughput, lead and cycle time of one project from the database. */
export function registerMetricsCommands(program: Command): void {
  const group = program.command('metrics').description('Flow metrics from the database');
  group
    .command('flow')
    .description('Weekly throughput and lead/cycle time percentiles of items resolved in a date range')
    .requiredOption('--project <key>', 'project key (the Jira project key for imported projects)')
    .option('--from <date>', 'first day, YYYY-MM-DD, from 00:00 UTC')
    .option('--to <date>', 'last day, YYYY-MM-DD, through 24:00 UTC')
    .option(
      '--db <url>',
      'postgres://… or a SQLite file (sqlite:PATH, file:PATH); default DATABASE_URL / TRIAD_DATA_DIR',
    )
    .option('--organisation <slug>', 'organisation (required when the database has several)')
    .option('--json', 'print JSON')
    .action(async (options: FlowOptions) => {
      const from = options.from === undefined ? undefined : parseDateOption('--from', options.from);
      const to = options.to === undefined ? undefined : parseDateOption('--to', options.to);
      if (from && to && to < from) throw new CliError(`--to (${to}) is before --from (${from})`);
      const { openTarget, TargetError } = await import('../../server/importers/import-batch-target');
      const { getProjectFlowMetrics, UnknownProjectError } = await import(
        '../../server/features/flow-metrics/service'
      );
      const target = await openTarget({ db: options.db, organisation: options.organisation }).catch(
        (error) => {
          throw error instanceof TargetError ? new CliError(error.message) : error;
        },
      );
      try {
        const report = await getProjectFlowMetrics(target.store, target.organisationId, {
          projectKey: options.project,
          from,
          to,
        }).catch((error) => {
          throw error instanceof UnknownProjectError ? new CliError(error.message) : error;
        });
        if (options.json) {
          printJson(report);
          return;
        }
        const fmt = (t: Record<string, number> | null) =>
          t === null
            ? 'n/a'
            : Object.entries(t)
                .map(([p, v]) => `P${p} ${v.toFixed(1)}`)
                .join(', ');
        const lines = [
          `Project ${options.project}, items resolved ${from ?? 'any time'} – ${to ?? 'any time'}: ${report.count}`,
          `  lead time (days):  ${fmt(report.leadTimeDays)}`,
          `  cycle time (days): ${report.cycleTimeDays === null ? 'n/a (no status history)' : fmt(report.cycleTimeDays)}`,
          '  throughput per ISO week:',
          ...Object.entries(report.throughputPerWeek).map(([week, n]) => `    ${week}  ${n}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await target.store.close();
      }
    });
}
