import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { parseIntegerOption } from '../options';
import { printJson } from '../output';
import { createProgress } from './import-progress';

/**
 * `triad import jira|ado|github|csv FILE`: one run logic for every tracker — options, checks,
 * progress, summary and exit codes (docs/importing.md) — and `triad import msproject FILE`.
 */
interface CommonOptions {
  mapping?: string;
  db?: string;
  organisation?: string;
  timeZone: string;
  source?: string;
  onMissing: string;
  batchSize: string;
  json?: boolean;
}

export interface CliSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { row: number; reason: string }[];
  missing: number;
  format: string;
  source: string;
  parentsNotLinked: number;
  unclassifiedStatuses: string[];
}

/**
 * What every tracker importer takes from the command line (TrackerImportOptions of server/importers).
 * `mapping` is the `--mapping` file's document, or what the command's parseMapping made of it.
 */
interface BaseImport<M> {
  organisationId: string;
  file: string;
  mapping: M | undefined;
  timeZone: string;
  source: string | undefined;
  onMissing: 'keep' | 'close' | 'delete';
  batchSize: number;
  onProgress: (done: number, total: number) => void;
}

type Store = import('../../server/store/database').Store;

/** One `triad import <tracker>` subcommand: its words, its own options, and the importer it calls. */
export interface TrackerCommand<O, M = unknown> {
  name: string;
  description: string;
  argument: [name: string, description: string];
  /** The noun the progress bar counts. */
  unit: string;
  /** Help texts of the common options where this tracker says more than the default. */
  help?: Partial<Record<'mapping' | 'timeZone' | 'source' | 'batchSize', string>>;
  options?: (command: Command) => Command;
  /** Validates the `--mapping` document before the database is opened; throws ImportFormatError. */
  parseMapping?: (document: unknown) => Promise<M>;
  /** The stderr line naming statuses nothing classified (after "triad: "). */
  unclassifiedMessage?: (names: readonly string[]) => string;
  run: (
    store: Store,
    base: BaseImport<M>,
    options: CommonOptions & O,
  ) => Promise<CliSummary & { notes?: string[] }>;
}

function common(command: Command, help: TrackerCommand<unknown>['help'] = {}): Command {
  return command
    .option(
      '--mapping <file>',
      help.mapping ?? 'JSON file overriding type, state and project mappings (docs/importing.md)',
    )
    .option(
      '--db <url>',
      'postgres://… or a SQLite file (sqlite:PATH, file:PATH); default DATABASE_URL / TRIAD_DATA_DIR',
    )
    .option('--organisation <slug>', 'organisation to import into (required when the database has several)')
    .option('--time-zone <zone>', help.timeZone ?? 'IANA time zone of dates without an offset', 'UTC')
    .option('--source <name>', help.source ?? 'source name (default: the file name)')
    .option(
      '--on-missing <policy>',
      'items of this source no longer in the export: keep, close or delete',
      'keep',
    )
    .option('--batch-size <n>', help.batchSize ?? 'records per transaction', '500')
    .option('--json', 'print the summary as JSON');
}

const unclassifiedStates = (names: readonly string[]) =>
  `states without a category, taken as the mapping's unknownStatusCategory: ${names.join(', ')}`;

function readMapping(path: string | undefined): unknown {
  if (path === undefined) return undefined;
  if (!existsSync(path)) throw new CliError(`no such mapping file: ${path}`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`mapping file ${path} is not JSON: ${(error as Error).message}`);
  }
}

function ensureFile(file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`no such file: ${file}`);
}

/** The database and organisation of `--db` / `--organisation`; their problems are usage errors. */
async function openImportTarget(options: { db?: string | undefined; organisation?: string | undefined }) {
  const { openTarget, TargetError } = await import('../../server/importers/import-batch-target');
  return openTarget({ db: options.db, organisation: options.organisation }).catch((error: unknown) => {
    throw error instanceof TargetError ? new CliError(error.message) : error;
  });
}

/** `--json`: the counts and rejections, the same shape for every importer (the CLI contract). */
function printSummaryJson(
  s: Pick<CliSummary, 'created' | 'updated' | 'unchanged' | 'rejected' | 'rejections'>,
) {
  const { created, updated, unchanged, rejected, rejections } = s;
  printJson({ created, updated, unchanged, rejected, rejections });
}

async function runCommand<O, M>(file: string, options: CommonOptions & O, spec: TrackerCommand<O, M>) {
  ensureFile(file);
  if (!['keep', 'close', 'delete'].includes(options.onMissing))
    throw new CliError(`--on-missing must be keep, close or delete, got "${options.onMissing}"`);
  const batchSize = parseIntegerOption('--batch-size', options.batchSize, 1, 100_000);
  const { checkTimeZone } = await import('../../server/importers/jira/jira-dates');
  try {
    checkTimeZone(options.timeZone);
  } catch (error) {
    throw new CliError(`--time-zone: ${(error as Error).message}`);
  }
  const { ImportFormatError } = await import('../../server/importers/import-errors');
  const document = readMapping(options.mapping);
  let mapping = document as M | undefined;
  if (document !== undefined && spec.parseMapping) {
    try {
      mapping = await spec.parseMapping(document);
    } catch (error) {
      if (error instanceof ImportFormatError) throw new CliError(error.message);
      throw error;
    }
  }
  const target = await openImportTarget(options);
  const progress = createProgress(spec.unit);
  try {
    const base: BaseImport<M> = {
      organisationId: target.organisationId,
      file,
      mapping,
      timeZone: options.timeZone,
      source: options.source,
      onMissing: options.onMissing as BaseImport<M>['onMissing'],
      batchSize,
      onProgress: progress.update,
    };
    const summary = await spec.run(target.store, base, options);
    progress.done();
    if (summary.unclassifiedStatuses.length > 0)
      process.stderr.write(
        `triad: ${(spec.unclassifiedMessage ?? unclassifiedStates)(summary.unclassifiedStatuses)}\n`,
      );
    if (options.json) return printSummaryJson(summary);
    const policy = { keep: 'kept', close: 'closed', delete: 'deleted' }[options.onMissing];
    const lines = [
      `Imported ${file} (${summary.format.toUpperCase()}) as ${summary.source} into ${target.store.engine}:`,
      `  created   ${summary.created}`,
      `  updated   ${summary.updated}`,
      `  unchanged ${summary.unchanged}`,
      `  rejected  ${summary.rejected}`,
    ];
    if (summary.missing > 0)
      lines.push(`  missing   ${summary.missing} (no longer in the export: ${policy})`);
    for (const note of summary.notes ?? []) lines.push(`  ${note}`);
    if (summary.parentsNotLinked > 0)
      lines.push(
        `  ${summary.parentsNotLinked} parent link(s) not allowed by Triad's hierarchy, kept in custom fields`,
      );
    for (const r of summary.rejections.slice(0, 50)) lines.push(`  row ${r.row}: ${r.reason}`);
    if (summary.rejections.length > 50)
      lines.push(`  … and ${summary.rejections.length - 50} more (use --json for all)`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    progress.done();
    if (error instanceof ImportFormatError || error instanceof RangeError) throw new CliError(error.message);
    throw error;
  } finally {
    await target.store.close();
  }
}

export function registerTracker<O, M = unknown>(group: Command, spec: TrackerCommand<O, M>): void {
  let command = group
    .command(spec.name)
    .description(spec.description)
    .argument(...spec.argument);
  if (spec.options) command = spec.options(command);
  common(command, spec.help).action(async (file: string, options: CommonOptions & O) => {
    await runCommand(file, options, spec);
  });
}

export function registerTrackerImports(group: Command): void {
  registerTracker<{ project?: string }>(group, {
    name: 'ado',
    description: 'Import an Azure DevOps work item query exported as CSV; re-importing syncs',
    argument: ['<file>', 'CSV export of a query (ID, Work Item Type, Title, State, Created Date, …)'],
    options: (c) => c.option('--project <name>', 'team project of rows without Team Project / Area Path'),
    unit: 'work items',
    run: async (store, base, options) => {
      const { importAdo } = await import('../../server/importers/ado/import-ado');
      return importAdo(store, { ...base, project: options.project });
    },
  });

  registerTracker<{ repo?: string }>(group, {
    name: 'github',
    description: 'Import GitHub issues (REST API JSON array); pull requests are skipped; re-importing syncs',
    argument: ['<file>', 'JSON array from GET /repos/{owner}/{repo}/issues?state=all'],
    options: (c) => c.option('--repo <owner/name>', 'repository of issues without repository_url'),
    unit: 'issues',
    run: async (store, base, options) => {
      const { importGithub } = await import('../../server/importers/github/import-github');
      // GitHub's timestamps carry their offset (ISO 8601 with Z): the importer ignores --time-zone.
      const s = await importGithub(store, { ...base, repository: options.repo });
      return { ...s, notes: s.pullRequests > 0 ? [`${s.pullRequests} pull request(s) skipped`] : [] };
    },
  });

  registerTracker<object>(group, {
    name: 'csv',
    description: 'Import a CSV or XLSX spreadsheet through a column mapping; re-importing syncs',
    argument: ['<file>', 'CSV or XLSX file (the first worksheet), one work item per row'],
    unit: 'rows',
    run: async (store, base) => {
      const { importTable } = await import('../../server/importers/table/import-table');
      return importTable(store, base);
    },
  });

  group
    .command('msproject')
    .description("Replace a project's schedule with an MS Project XML (MSPDI) plan, in one transaction")
    .argument('<file>', 'MS Project "Save as XML" file')
    .requiredOption('--project <key>', 'Triad project key')
    .option('--db <url>', 'postgres://… or a SQLite file; default DATABASE_URL / TRIAD_DATA_DIR')
    .option('--organisation <slug>', 'organisation (required when the database has several)')
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        file: string,
        options: { project: string; db?: string; organisation?: string; json?: boolean },
      ) => {
        ensureFile(file);
        const { ImportFormatError } = await import('../../server/importers/import-errors');
        const { importMsProject } = await import('../../server/importers/mspdi/import-msproject');
        const target = await openImportTarget(options);
        try {
          const s = await importMsProject(target.store, {
            organisationId: target.organisationId,
            file,
            projectKey: options.project,
          });
          if (options.json) return printSummaryJson(s);
          process.stdout.write(
            `${[
              `Imported ${file} (MSPDI) into the schedule of ${s.projectKey} in ${target.store.engine}:`,
              `  created   ${s.created}`,
              `  updated   ${s.updated}`,
              `  unchanged ${s.unchanged}`,
              `  rejected  ${s.rejected}`,
              ...(s.missing > 0 ? [`  missing   ${s.missing} (no longer in the plan: deleted)`] : []),
              `  ${s.tasks} tasks, ${s.links} links, ${s.resources} resources, ${s.assignments} assignments`,
            ].join('\n')}\n`,
          );
        } catch (error) {
          if (error instanceof ImportFormatError) throw new CliError(error.message);
          throw error;
        } finally {
          await target.store.close();
        }
      },
    );
}
