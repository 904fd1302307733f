import { open } from 'node:fs/promises';
import type { ImportRecord } from '../import-batch-record';
import { ImportFormatError, type Rejection, RowError } from './import-errors';
import { CsvHeader, csvRowToRecord, observeCsvRow, streamCsvRows } from './jira-csv';
import { indexFieldNames, jsonIssueToRecord, observeJsonIssue } from './jira-json-issue';
import { DEFAULT_JIRA_MAPPING, type JiraMapping, StatusClassifier } from './jira-mapping';
import { streamJsonIssues } from './json-issue-stream';

/**
 * A Jira export read in two streaming passes. The first learns what the records need from each
 * other (status categories of statuses that only appear in histories, issue ids behind
 * `Parent id`, custom field names, duplicate keys, the record count for the progress bar); the
 * second yields the records. Memory stays bounded by one record plus these small maps.
 */
export type JiraFormat = 'csv' | 'json';

/** JSON when the first non-blank character is `{` or `[`, CSV otherwise. */
export async function detectJiraFormat(path: string): Promise<JiraFormat> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (head === '') throw new ImportFormatError('the file is empty');
    return head.startsWith('{') || head.startsWith('[') ? 'json' : 'csv';
  } finally {
    await handle.close();
  }
}

export interface JiraFileScan {
  format: JiraFormat;
  /** Records (rows or issues) in the file, good and bad. */
  total: number;
  classifier: StatusClassifier;
  keyById: Map<string, string>;
  fieldIds: Map<string, string[]>;
  /** The Jira site, from the issues' `self` links (REST only). */
  baseUrl: string | undefined;
  /** Row → row of the first record with the same key. */
  duplicates: Map<number, number>;
  /** Every readable issue key, rejected or not: a rejected row is not "missing at the source". */
  keys: Set<string>;
}

export type JiraFileEvent =
  | { kind: 'record'; record: ImportRecord }
  | { kind: 'rejected'; rejection: Rejection };

/** First pass; `scan.classifier` holds the observations under the default mapping (see withMapping). */
export async function scanJiraFile(path: string): Promise<JiraFileScan> {
  const format = await detectJiraFormat(path);
  const scan: JiraFileScan = {
    format,
    total: 0,
    classifier: new StatusClassifier(DEFAULT_JIRA_MAPPING),
    keyById: new Map(),
    fieldIds: new Map(),
    baseUrl: undefined,
    duplicates: new Map(),
    keys: new Set(),
  };
  const firstRow = new Map<string, number>();
  const note = (row: number, key: string | undefined, id: string | undefined) => {
    if (!key) return;
    const k = key.trim();
    const first = firstRow.get(k);
    if (first !== undefined) scan.duplicates.set(row, first);
    else firstRow.set(k, row);
    scan.keys.add(k);
    if (id) scan.keyById.set(id.trim(), k);
  };
  if (format === 'json') {
    const events = streamJsonIssues(path, {
      topLevelKeys: ['names'],
      onTopLevelValue: (_key, value) => {
        scan.fieldIds = indexFieldNames(value);
      },
    });
    for await (const event of events) {
      scan.total++;
      if (event.kind !== 'issue') continue;
      const { key, id } = observeJsonIssue(event.value, scan.classifier);
      note(event.index, key, id);
      if (scan.baseUrl === undefined) scan.baseUrl = siteOf(event.value);
    }
  } else {
    let header: CsvHeader | undefined;
    for await (const event of streamCsvRows(path)) {
      if (!header) {
        if (event.kind !== 'row') throw new ImportFormatError(`unreadable CSV header: ${event.reason}`);
        header = new CsvHeader(event.cells);
        continue;
      }
      scan.total++;
      if (event.kind !== 'row') continue;
      const { key, id } = observeCsvRow(header, event.cells, scan.classifier);
      note(event.row, key, id);
    }
    if (!header) throw new ImportFormatError('the file is empty');
  }
  return scan;
}

function siteOf(issue: unknown): string | undefined {
  const self = (issue as { self?: unknown } | null)?.self;
  if (typeof self !== 'string') return undefined;
  const m = /^(https?:\/\/.+?)\/rest\/api\//.exec(self);
  return m?.[1];
}

/** Second pass: every record, or the reason it cannot be imported. */
export async function* readJiraRecords(
  path: string,
  scan: JiraFileScan,
  options: { mapping: JiraMapping; timeZone: string; classifier: StatusClassifier },
): AsyncGenerator<JiraFileEvent> {
  const reject = (row: number, reason: string): JiraFileEvent => ({
    kind: 'rejected',
    rejection: { row, reason },
  });
  const convert = (row: number, toRecord: () => ImportRecord): JiraFileEvent => {
    const first = scan.duplicates.get(row);
    try {
      const record = toRecord();
      if (first !== undefined)
        return reject(row, `${record.key}: duplicate issue key (first on row ${first})`);
      return { kind: 'record', record };
    } catch (error) {
      if (error instanceof RowError) return reject(row, error.message);
      throw error;
    }
  };
  if (scan.format === 'json') {
    const ctx = { ...options, fieldIds: scan.fieldIds };
    for await (const event of streamJsonIssues(path)) {
      if (event.kind === 'bad') yield reject(event.index, event.reason);
      else yield convert(event.index, () => jsonIssueToRecord(event.value, event.index, ctx));
    }
    return;
  }
  let header: CsvHeader | undefined;
  for await (const event of streamCsvRows(path)) {
    if (!header) {
      if (event.kind !== 'row') throw new ImportFormatError(`unreadable CSV header: ${event.reason}`);
      header = new CsvHeader(event.cells);
      continue;
    }
    if (event.kind === 'bad') {
      yield reject(event.row, event.reason);
      continue;
    }
    const ctx = { ...options, header, keyById: scan.keyById };
    yield convert(event.row, () => csvRowToRecord(event.cells, event.row, ctx));
  }
}
