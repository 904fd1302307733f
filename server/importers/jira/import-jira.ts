import { basename, extname } from 'node:path';
import type { Store } from '../../store/database';
import type { MissingPolicy } from '../import-batch-finish';
import { findSavedMapping, runImport } from '../import-run';
import type { Rejection } from './import-errors';
import { checkTimeZone } from './jira-dates';
import { type JiraFormat, readJiraRecords, scanJiraFile } from './jira-file';
import { DEFAULT_JIRA_MAPPING, type JiraMapping, parseJiraMapping } from './jira-mapping';

export interface JiraImportOptions {
  organisationId: string;
  file: string;
  /** From `--mapping`; without it the mapping saved with the source (or the default) is used. */
  mapping?: JiraMapping | undefined;
  /** IANA zone of zoneless dates (the CSV export's); default UTC. */
  timeZone?: string | undefined;
  /** `jira:<name>`; default `jira:<site>` from the issues' self links, else `jira:<file name>`. */
  source?: string | undefined;
  onMissing?: MissingPolicy | undefined;
  /** Records per transaction, default 500. */
  batchSize?: number | undefined;
  /** The import's clock, read once (audit times, updated_at of changed rows). */
  now?: Date | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Called inside each batch's transaction after its writes: lets tests kill an import mid-batch. */
  afterBatchWrite?: ((batch: number) => void | Promise<void>) | undefined;
  actorLabel?: string | undefined;
}

export interface JiraImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: Rejection[];
  /** Items of this source missing from the export (kept, closed or deleted per the policy). */
  missing: number;
  format: JiraFormat;
  source: string;
  /** Status names no mapping, export category or default classified (given `unknownStatusCategory`). */
  unclassifiedStatuses: string[];
  /** Parent links Triad's hierarchy does not allow (kept in custom_fields.jira.parentKey only). */
  parentsNotLinked: number;
  runId: string;
}

/** Imports a Jira CSV or REST JSON export as a sync of the source (see docs/importing.md). */
export async function importJira(store: Store, options: JiraImportOptions): Promise<JiraImportSummary> {
  const timeZone = options.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const scan = await scanJiraFile(options.file);
  const source = sourceName(options.source, scan.baseUrl, options.file);
  const saved = await findSavedMapping(store, options.organisationId, source);
  const mapping = options.mapping ?? (saved ? parseJiraMapping(saved) : DEFAULT_JIRA_MAPPING);
  const classifier = scan.classifier.withMapping(mapping);
  const summary = await runImport(
    store,
    {
      organisationId: options.organisationId,
      system: 'jira',
      source,
      namespace: 'jira',
      file: options.file,
      format: scan.format,
      mapping,
      total: scan.total,
      keys: scan.keys,
      categoryOf: (status) => classifier.categoryOf(status),
      projectKeys: mapping.projects,
      records: readJiraRecords(options.file, scan, { mapping, timeZone, classifier }),
      actorLabel: options.actorLabel,
    },
    options,
  );
  return {
    ...summary,
    format: scan.format,
    source,
    unclassifiedStatuses: [...classifier.unclassified].sort(),
  };
}

/** `jira:` + the given name, the Jira site, or the file name without its extension. */
export function sourceName(explicit: string | undefined, site: string | undefined, file: string): string {
  const name = explicit?.trim() || site || basename(file, extname(file));
  return name.startsWith('jira:') ? name : `jira:${name}`;
}
