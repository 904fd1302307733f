import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { cleanText, type ImportRecord } from '../import-batch-record';
import { ImportFormatError, RowError } from './import-errors';
import {
  checkIssueKey,
  ISSUE_KEY_RE,
  optionalDate,
  parseEstimate,
  requiredDate,
  sprintName,
} from './jira-fields';
import { type JiraMapping, jiraStatusCategory, mapIssueType, type StatusClassifier } from './jira-mapping';

/**
 * Jira's CSV export ("Export Excel CSV (all fields)"): one header row whose names repeat for
 * multi-valued fields (`Labels`, `Sprint`, `Component/s`, …), one record per issue, dates in the
 * site's format and the exporter's time zone, no status history.
 */
export type CsvEvent =
  | { kind: 'row'; row: number; cells: string[] }
  | { kind: 'bad'; row: number; reason: string };

/** Column positions by lower-case header name; repeated names keep every position in order. */
export class CsvHeader {
  private readonly positions = new Map<string, number[]>();
  readonly width: number;

  constructor(cells: readonly string[]) {
    this.width = cells.length;
    cells.forEach((cell, i) => {
      const name = cell
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase();
      this.positions.set(name, [...(this.positions.get(name) ?? []), i]);
    });
    if (!this.positions.has('issue key')) {
      throw new ImportFormatError(
        'no "Issue key" column in the header: not a Jira CSV export (or not a JSON file starting with { or [)',
      );
    }
  }

  /** Positions of a field, also under Jira's `Custom field (Name)` header. */
  columns(name: string): number[] {
    const n = name.trim().toLowerCase();
    return [...(this.positions.get(n) ?? []), ...(this.positions.get(`custom field (${n})`) ?? [])];
  }

  /** First non-blank value of the field. */
  get(cells: readonly string[], ...fieldNames: string[]): string | undefined {
    for (const name of fieldNames) {
      for (const i of this.columns(name)) {
        const v = cleanText(cells[i] ?? '');
        if (v !== '') return v;
      }
    }
    return undefined;
  }

  /** Every non-blank value of a repeated field, duplicates dropped. */
  all(cells: readonly string[], name: string): string[] {
    const out: string[] = [];
    for (const i of this.columns(name)) {
      const v = cleanText(cells[i] ?? '');
      if (v !== '' && !out.includes(v)) out.push(v);
    }
    return out;
  }
}

/** Streams the records of a CSV file; the first event's cells are the header. */
export async function* streamCsvRows(path: string): AsyncGenerator<CsvEvent> {
  const skipped: CsvEvent[] = [];
  let lastLine = 0;
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: 16 * 1024 * 1024,
    on_skip: (error) => {
      const line = (error as { lines?: number } | undefined)?.lines ?? lastLine + 1;
      skipped.push({ kind: 'bad', row: line, reason: `unreadable CSV: ${error?.message ?? 'bad record'}` });
      return undefined;
    },
  });
  const input = createReadStream(path);
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  try {
    for await (const entry of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (skipped.length > 0) yield* skipped.splice(0);
      const { record, info } = entry;
      let newlines = 0;
      for (const cell of record)
        for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) newlines++;
      lastLine = info.lines;
      yield { kind: 'row', row: info.lines - newlines, cells: record };
    }
  } finally {
    input.destroy();
  }
  yield* skipped.splice(0);
}

export interface CsvIssueContext {
  header: CsvHeader;
  mapping: JiraMapping;
  classifier: StatusClassifier;
  timeZone: string;
  /** Jira issue id → key, for `Parent id` columns that hold ids. */
  keyById: Map<string, string>;
}

/** First pass: status categories from a `Status Category` column, and the id → key map. */
export function observeCsvRow(header: CsvHeader, cells: readonly string[], classifier: StatusClassifier) {
  const status = header.get(cells, 'Status');
  const category = jiraStatusCategory(header.get(cells, 'Status Category'));
  if (status && category) classifier.observe(status, category);
  return { key: header.get(cells, 'Issue key'), id: header.get(cells, 'Issue id') };
}

export function csvRowToRecord(cells: readonly string[], row: number, ctx: CsvIssueContext): ImportRecord {
  const { header, mapping } = ctx;
  if (cells.length !== header.width) {
    throw new RowError(`the row has ${cells.length} fields but the header has ${header.width}`);
  }
  const get = (...names: string[]) => header.get(cells, ...names);
  const { key, projectKey: keyPrefix } = checkIssueKey(get('Issue key'));
  const status = get('Status');
  if (!status) throw new RowError(`${key}: no status`);
  const jiraType = get('Issue Type') ?? 'Task';
  const createdAt = requiredDate(get('Created'), 'created', ctx.timeZone);

  let points: number | null = null;
  for (const field of mapping.fields.storyPoints) {
    const raw = get(field);
    if (raw !== undefined) {
      points = parseEstimate(raw, field);
      break;
    }
  }
  const parentRef = get('Parent key', 'Parent', 'Parent id', ...mapping.fields.epicLink);
  const parentKey =
    parentRef === undefined
      ? null
      : ISSUE_KEY_RE.test(parentRef)
        ? parentRef
        : (ctx.keyById.get(parentRef) ?? null);
  const sprints = mapping.fields.sprint
    .flatMap((f) => header.all(cells, f))
    .map(sprintName)
    .filter((s): s is string => s !== undefined);
  const assignee = get('Assignee');
  const assigneeEmail = get('Assignee Email', 'Assignee email address') ?? null;

  return {
    row,
    key,
    projectKey: get('Project key') ?? keyPrefix,
    projectName: get('Project name') ?? null,
    type: mapIssueType(mapping, jiraType),
    title: get('Summary') ?? key,
    description: get('Description') ?? null,
    status,
    statusCategory: ctx.classifier.categoryOf(status),
    createdAt,
    updatedAt: optionalDate(get('Updated'), 'updated', ctx.timeZone),
    resolvedAt: optionalDate(get('Resolved'), 'resolution', ctx.timeZone),
    estimate: points,
    assignee:
      assignee || assigneeEmail
        ? { name: assignee ?? (assigneeEmail as string), email: assigneeEmail }
        : null,
    parentKey,
    transitions: null,
    fields: {
      id: get('Issue id') ?? null,
      issueType: jiraType,
      priority: get('Priority') ?? null,
      resolution: get('Resolution') ?? null,
      labels: header.all(cells, 'Labels'),
      components: header.all(cells, 'Component/s'),
      fixVersions: header.all(cells, 'Fix Version/s'),
      sprints: [...new Set(sprints)],
      parentKey: parentRef ?? null,
    },
  };
}
