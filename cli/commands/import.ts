import type { Command } from 'commander';
import type { JiraMapping } from '../../server/importers/jira/jira-mapping';
import { registerTracker, registerTrackerImports } from './import-trackers';

/**
 * `triad import jira FILE`: a CSV or REST JSON export, synced into the database (docs/importing.md),
 * with the options, summary and exit codes the other trackers share (import-trackers.ts). Its
 * summary is issue 11's CLI contract.
 */
export function registerImportCommands(program: Command): void {
  const group = program.command('import').description('Import work from other tools');
  registerTracker<object, JiraMapping>(group, {
    name: 'jira',
    description: 'Import a Jira export (CSV or REST JSON, detected from the content); re-importing syncs',
    argument: ['<file>', 'Jira CSV export or /rest/api/2/search?expand=changelog response'],
    help: {
      mapping: 'JSON file overriding issue type, status and field mappings',
      timeZone: 'IANA time zone of dates without an offset (the CSV exporter’s)',
      source: 'source name (default: the Jira site, else the file name)',
      batchSize: 'issues per transaction',
    },
    unit: 'issues',
    // Checked before the database is opened: a bad mapping file is a usage error.
    parseMapping: async (document) => {
      const { parseJiraMapping } = await import('../../server/importers/jira/jira-mapping');
      return parseJiraMapping(document);
    },
    unclassifiedMessage: (names) =>
      `statuses without a category, taken as in progress (add them to a --mapping file): ${names.join(', ')}`,
    run: async (store, base) => {
      const { importJira } = await import('../../server/importers/jira/import-jira');
      return importJira(store, base);
    },
  });
  registerTrackerImports(group);
}
