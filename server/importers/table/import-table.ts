import type { Store } from '../../store/database';
import { type TrackerImportOptions, type TrackerImportSummary, trackerSource } from '../ado/import-ado';
import { ImportFormatError, RowError } from '../import-errors';
import { findSavedMapping, type ImportEvent, runImport } from '../import-run';
import { checkTimeZone } from '../jira/jira-dates';
import { TrackerClassifier } from '../tracker-mapping';
import { TableHeader } from './table-header';
import { parseTableMapping, type TableMapping } from './table-mapping';
import { tableRowKey, tableRowToRecord } from './table-row';
import { detectTableFormat, streamTableRows, type TableFormat } from './table-source';

export interface TableScan {
  format: TableFormat;
  header: string[];
  total: number;
  keys: Set<string>;
  duplicates: Map<number, number>;
}

/** First pass: the header (checked against the mapping), keys, duplicates and the row count. */
export async function scanTable(file: string, mapping: TableMapping): Promise<TableScan> {
  const format = await detectTableFormat(file);
  const scan: TableScan = { format, header: [], total: 0, keys: new Set(), duplicates: new Map() };
  const firstRow = new Map<string, number>();
  let header: TableHeader | undefined;
  for await (const event of streamTableRows(file, format)) {
    if (!header) {
      if (event.kind !== 'row') throw new ImportFormatError(`unreadable header: ${event.reason}`);
      header = new TableHeader(event.cells);
      for (const [field, column] of Object.entries(mapping.columns)) {
        if (!header.has(column))
          throw new ImportFormatError(`mapping: columns.${field}: no column "${column}" in the file`);
      }
      scan.header = header.names;
      continue;
    }
    scan.total++;
    if (event.kind !== 'row') continue;
    try {
      const { key } = tableRowKey(event.cells, { header, mapping });
      const first = firstRow.get(key);
      if (first !== undefined) scan.duplicates.set(event.row, first);
      else firstRow.set(key, event.row);
      scan.keys.add(key);
    } catch {
      // reported by the second pass
    }
  }
  if (!header) throw new ImportFormatError('the file is empty');
  return scan;
}

/** Second pass: records and rejections (row = the line, or the worksheet row; the header is row 1). */
export async function* readTable(
  file: string,
  scan: TableScan,
  ctx: { mapping: TableMapping; classifier: TrackerClassifier; timeZone: string },
): AsyncGenerator<ImportEvent> {
  let header: TableHeader | undefined;
  const reject = (row: number, reason: string): ImportEvent => ({
    kind: 'rejected',
    rejection: { row, reason },
  });
  for await (const event of streamTableRows(file, scan.format)) {
    if (!header) {
      if (event.kind === 'row') header = new TableHeader(event.cells);
      continue;
    }
    if (event.kind === 'bad') {
      yield reject(event.row, event.reason);
      continue;
    }
    if (scan.format === 'csv' && event.cells.length !== header.width) {
      yield reject(event.row, `${event.cells.length} fields where the header has ${header.width}`);
      continue;
    }
    try {
      const record = tableRowToRecord(event.cells, event.row, { ...ctx, header });
      const first = scan.duplicates.get(event.row);
      if (first !== undefined)
        yield reject(event.row, `${record.key}: duplicate key (first on row ${first})`);
      else yield { kind: 'record', record };
    } catch (error) {
      if (error instanceof RowError) yield reject(event.row, error.message);
      else throw error;
    }
  }
}

/** The mapping file's document, else the one saved with the source; a table has no default columns. */
export async function tableMappingFor(
  store: Store,
  options: TrackerImportOptions,
  source: string,
): Promise<TableMapping> {
  const document = options.mapping ?? (await findSavedMapping(store, options.organisationId, source));
  if (document === undefined)
    throw new ImportFormatError(
      'a spreadsheet needs a column mapping (--mapping FILE); none is saved for this source',
    );
  return parseTableMapping(document);
}

/** Imports a CSV or XLSX spreadsheet through a column mapping, as a sync of the source. */
export async function importTable(
  store: Store,
  options: TrackerImportOptions,
): Promise<TrackerImportSummary> {
  const timeZone = options.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const source = trackerSource('csv', options.source, options.file);
  const mapping = await tableMappingFor(store, options, source);
  const scan = await scanTable(options.file, mapping);
  const classifier = new TrackerClassifier(mapping);
  const summary = await runImport(
    store,
    {
      organisationId: options.organisationId,
      system: 'csv',
      source,
      namespace: 'sheet',
      file: options.file,
      format: scan.format,
      mapping,
      total: scan.total,
      keys: scan.keys,
      categoryOf: (s) => classifier.categoryOf(s),
      projectKeys: mapping.projects,
      records: readTable(options.file, scan, { mapping, classifier, timeZone }),
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
