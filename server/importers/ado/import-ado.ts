import { basename, extname } from 'node:path';
import type { Store } from '../../store/database';
import type { MissingPolicy } from '../import-batch-finish';
import { ImportFormatError, type Rejection, RowError } from '../import-errors';
import { findSavedMapping, type ImportEvent, type ImportRunSummary, runImport } from '../import-run';
import { streamCsvRows } from '../jira/jira-csv';
import { checkTimeZone } from '../jira/jira-dates';
import { TableHeader } from '../table/table-header';
import { parseTrackerMapping, TrackerClassifier, type TrackerMapping } from '../tracker-mapping';
import { DEFAULT_ADO_MAPPING } from './ado-mapping';
import { adoId, adoKey, adoProjectOf, adoRowToRecord, adoTitleLevel } from './ado-row';

export interface TrackerImportOptions {
  organisationId: string;
  file: string;
  /** From `--mapping`; without it the mapping saved with the source (or the defaults). */
  mapping?: unknown;
  timeZone?: string | undefined;
  source?: string | undefined;
  onMissing?: MissingPolicy | undefined;
  batchSize?: number | undefined;
  now?: Date | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  afterBatchWrite?: ((batch: number) => void | Promise<void>) | undefined;
  /** Who the audit entries name (the web import's user). */
  actorLabel?: string | undefined;
}

export interface TrackerImportSummary extends ImportRunSummary {
  format: string;
  source: string;
  unclassifiedStatuses: string[];
}

/** `<system>:` + the given name or the file name without its extension. */
export function trackerSource(system: string, explicit: string | undefined, file: string): string {
  const name = explicit?.trim() || basename(file, extname(file));
  return name.startsWith(`${system}:`) ? name : `${system}:${name}`;
}

/** The mapping file's document, else the one saved with the source, over the tracker's defaults. */
export async function effectiveMapping(
  store: Store,
  options: TrackerImportOptions,
  source: string,
  defaults: TrackerMapping,
): Promise<TrackerMapping> {
  const document = options.mapping ?? (await findSavedMapping(store, options.organisationId, source));
  return parseTrackerMapping(document, defaults);
}

interface AdoScan {
  total: number;
  keys: Set<string>;
  keyById: Map<string, string>;
  duplicates: Map<number, number>;
}

/**
 * First pass: the ID → key map (parents may come later in the file), duplicate IDs and the row
 * count. Memory is bounded by these maps, not by the file.
 */
export async function scanAdo(
  file: string,
  mapping: TrackerMapping,
  defaultProject: string,
): Promise<AdoScan> {
  const scan: AdoScan = { total: 0, keys: new Set(), keyById: new Map(), duplicates: new Map() };
  const firstRow = new Map<string, number>();
  let header: TableHeader | undefined;
  for await (const event of streamCsvRows(file)) {
    if (!header) {
      if (event.kind !== 'row') throw new ImportFormatError(`unreadable CSV header: ${event.reason}`);
      header = new TableHeader(event.cells);
      if (!header.has('ID'))
        throw new ImportFormatError('no "ID" column in the header: not an Azure DevOps work item CSV export');
      if (!header.has('Created Date'))
        throw new ImportFormatError(
          'no "Created Date" column: add Created Date to the query’s columns before exporting',
        );
      continue;
    }
    scan.total++;
    if (event.kind !== 'row') continue;
    let id: string;
    try {
      id = adoId(header, event.cells);
    } catch {
      continue;
    }
    const first = firstRow.get(id);
    if (first !== undefined) scan.duplicates.set(event.row, first);
    else firstRow.set(id, event.row);
    const key = adoKey(mapping, adoProjectOf(header, event.cells, defaultProject), id);
    scan.keyById.set(id, key);
    scan.keys.add(key);
  }
  if (!header) throw new ImportFormatError('the file is empty');
  return scan;
}

export async function* readAdo(
  file: string,
  scan: AdoScan,
  ctx: { mapping: TrackerMapping; classifier: TrackerClassifier; timeZone: string; defaultProject: string },
): AsyncGenerator<ImportEvent> {
  let header: TableHeader | undefined;
  // Tree queries give no Parent column: the parent is the last row one level up.
  const lastIdAtLevel: string[] = [];
  const reject = (row: number, reason: string): ImportEvent => ({
    kind: 'rejected',
    rejection: { row, reason },
  });
  for await (const event of streamCsvRows(file)) {
    if (!header) {
      if (event.kind === 'row') header = new TableHeader(event.cells);
      continue;
    }
    if (event.kind === 'bad') {
      yield reject(event.row, event.reason);
      continue;
    }
    if (event.cells.length !== header.width) {
      yield reject(event.row, `${event.cells.length} fields where the header has ${header.width}`);
      continue;
    }
    try {
      const level = adoTitleLevel(header, event.cells);
      const treeParent = level > 1 ? lastIdAtLevel[level - 1] : undefined;
      const record = adoRowToRecord(
        event.cells,
        event.row,
        { ...ctx, header, keyById: scan.keyById },
        treeParent,
      );
      if (level > 0) {
        lastIdAtLevel[level] = record.sourceKey as string;
        lastIdAtLevel.length = level + 1;
      }
      const first = scan.duplicates.get(event.row);
      if (first !== undefined) yield reject(event.row, `${record.key}: duplicate ID (first on row ${first})`);
      else yield { kind: 'record', record };
    } catch (error) {
      if (error instanceof RowError) yield reject(event.row, error.message);
      else throw error;
    }
  }
}

/** Imports an Azure DevOps work item CSV export as a sync of the source (docs/importing.md). */
export async function importAdo(
  store: Store,
  options: TrackerImportOptions & { project?: string | undefined },
): Promise<TrackerImportSummary> {
  const timeZone = options.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const source = trackerSource('ado', options.source, options.file);
  const mapping = await effectiveMapping(store, options, source, DEFAULT_ADO_MAPPING);
  const defaultProject = options.project ?? basename(options.file, extname(options.file));
  const scan = await scanAdo(options.file, mapping, defaultProject);
  const classifier = new TrackerClassifier(mapping);
  const summary = await runImport(
    store,
    {
      organisationId: options.organisationId,
      system: 'ado',
      source,
      namespace: 'ado',
      file: options.file,
      format: 'csv',
      mapping,
      total: scan.total,
      keys: scan.keys,
      categoryOf: (s) => classifier.categoryOf(s),
      projectKeys: mapping.projects,
      records: readAdo(options.file, scan, { mapping, classifier, timeZone, defaultProject }),
      actorLabel: options.actorLabel,
    },
    options,
  );
  return { ...summary, format: 'csv', source, unclassifiedStatuses: [...classifier.unclassified].sort() };
}

export type { Rejection };
