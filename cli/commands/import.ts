import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { parseIntegerOption } from '../options';
import { printJson } from '../output';
import { registerTrackerImports } from './import-trackers';

interface ImportJiraOptions {
  mapping?: string;
  db?: string;
  organisation?: string;
  timeZone: string;
  source?: string;
  onMissing: string;
  batchSize: string;
  json?: boolean;
}

/** `triad import jira FILE`: a CSV or REST JSON export, synced into the database (docs/importing.md). */
export function registerImportCommands(program: Command): void {
  const group = program.command('import').description('Import work from other tools');
  group
    .command('jira')
    .description('Import a Jira export (CSV or REST JSON, detected from the content); re-importing syncs')
    .argument('<file>', 'Jira CSV export or /rest/api/2/search?expand=changelog response')
    .option('--mapping <file>', 'JSON file overriding issue type, status and field mappings')
    .option(
      '--db <url>',
      'postgres://… or a SQLite file (sqlite:PATH, file:PATH); default DATABASE_URL / TRIAD_DATA_DIR',
    )
    .option('--organisation <slug>', 'organisation to import into (required when the database has several)')
    .option('--time-zone <zone>', 'IANA time zone of dates without an offset (the CSV exporter’s)', 'UTC')
    .option('--source <name>', 'source name (default: the Jira site, else the file name)')
    .option(
      '--on-missing <policy>',
      'items of this source no longer in the export: keep, close or delete',
      'keep',
    )
    .option('--batch-size <n>', 'issues per transaction', '500')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, options: ImportJiraOptions) => {
      if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`no such file: ${file}`);
      if (!['keep', 'close', 'delete'].includes(options.onMissing)) {
        throw new CliError(`--on-missing must be keep, close or delete, got "${options.onMissing}"`);
      }
      const batchSize = parseIntegerOption('--batch-size', options.batchSize, 1, 100_000);
      const { parseJiraMapping } = await import('../../server/importers/jira/jira-mapping');
      const { checkTimeZone } = await import('../../server/importers/jira/jira-dates');
      const { ImportFormatError } = await import('../../server/importers/jira/import-errors');
      try {
        checkTimeZone(options.timeZone);
      } catch (error) {
        throw new CliError(`--time-zone: ${(error as Error).message}`);
      }
      let mapping: ReturnType<typeof parseJiraMapping> | undefined;
      if (options.mapping !== undefined) {
        if (!existsSync(options.mapping)) throw new CliError(`no such mapping file: ${options.mapping}`);
        let document: unknown;
        try {
          document = JSON.parse(readFileSync(options.mapping, 'utf8'));
        } catch (error) {
          throw new CliError(`mapping file ${options.mapping} is not JSON: ${(error as Error).message}`);
        }
        try {
          mapping = parseJiraMapping(document);
        } catch (error) {
          throw new CliError((error as Error).message);
        }
      }
      const { importJira } = await import('../../server/importers/jira/import-jira');
      const { openTarget, TargetError } = await import('../../server/importers/import-batch-target');
      const target = await openTarget({ db: options.db, organisation: options.organisation }).catch(
        (error) => {
          throw error instanceof TargetError ? new CliError(error.message) : error;
        },
      );
      const progress = createProgress();
      try {
        const summary = await importJira(target.store, {
          organisationId: target.organisationId,
          file,
          mapping,
          timeZone: options.timeZone,
          source: options.source,
          onMissing: options.onMissing as 'keep' | 'close' | 'delete',
          batchSize,
          onProgress: progress.update,
        });
        progress.done();
        if (summary.unclassifiedStatuses.length > 0) {
          process.stderr.write(
            `triad: statuses without a category, taken as in progress (add them to a --mapping file): ${summary.unclassifiedStatuses.join(', ')}\n`,
          );
        }
        if (options.json) {
          const { created, updated, unchanged, rejected, rejections } = summary;
          printJson({ created, updated, unchanged, rejected, rejections });
          return;
        }
        const lines = [
          `Imported ${file} (${summary.format.toUpperCase()}) as ${summary.source} into ${target.store.engine}:`,
          `  created   ${summary.created}`,
          `  updated   ${summary.updated}`,
          `  unchanged ${summary.unchanged}`,
          `  rejected  ${summary.rejected}`,
        ];
        if (summary.missing > 0) {
          lines.push(
            `  missing   ${summary.missing} (no longer in the export: ${options.onMissing === 'keep' ? 'kept' : options.onMissing === 'close' ? 'closed' : 'deleted'})`,
          );
        }
        if (summary.parentsNotLinked > 0) {
          lines.push(
            `  ${summary.parentsNotLinked} parent link(s) not allowed by Triad's hierarchy, kept in custom fields`,
          );
        }
        for (const r of summary.rejections.slice(0, 50)) lines.push(`  row ${r.row}: ${r.reason}`);
        if (summary.rejections.length > 50)
          lines.push(`  … and ${summary.rejections.length - 50} more (use --json for all)`);
        process.stdout.write(`${lines.join('\n')}\n`);
      } catch (error) {
        progress.done();
        if (error instanceof ImportFormatError || error instanceof RangeError)
          throw new CliError(error.message);
        throw error;
      } finally {
        await target.store.close();
      }
    });
  registerTrackerImports(group);
}

/** A progress bar with rate and ETA on stderr, only when stderr is a terminal. */
export function createProgress(unit = 'issues') {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done: number, total: number) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const width = 30;
      const filled = Math.round(share * width);
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} ${unit}, ${Math.round(rate)}/s, ETA ${eta.toFixed(0)} s `,
      );
    },
    done() {
      if (tty && shown) process.stderr.write('\n');
      shown = false;
    },
  };
}
