import { open } from 'node:fs/promises';
import { streamJsonIssues } from '../../importers/jira/json-issue-stream';
import { TableHeader } from '../../importers/table/table-header';
import { detectTableFormat, streamTableRows } from '../../importers/table/table-source';

/** Which importer an uploaded file is for. */
export const IMPORT_KINDS = ['jira', 'ado', 'github', 'table'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface FilePreview {
  kind: ImportKind;
  format: 'csv' | 'xlsx' | 'json';
  columns: string[];
  /** The first rows (or issues, flattened to their top-level fields) as text. */
  sampleRows: string[][];
}

const SAMPLE = 10;

async function firstChar(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
      .slice(0, 1);
  } finally {
    await handle.close();
  }
}

const text = (v: unknown) =>
  (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)).slice(0, 200);

/**
 * Reads the head of the file only: JSON whose issues carry `fields` is Jira, with `number` and
 * `repository_url`/`html_url` GitHub; a CSV header with `Issue key` is Jira, with `ID` and
 * `Work Item Type` Azure DevOps; anything else is a spreadsheet for the column mapping.
 */
export async function previewFile(path: string): Promise<FilePreview> {
  const first = await firstChar(path);
  if (first === '{' || first === '[') {
    const items: Record<string, unknown>[] = [];
    for await (const event of streamJsonIssues(path)) {
      if (event.kind === 'issue' && typeof event.value === 'object' && event.value !== null)
        items.push(event.value as Record<string, unknown>);
      if (items.length >= SAMPLE) break;
    }
    const columns = [...new Set(items.flatMap((i) => Object.keys(i)))].slice(0, 30);
    const head = items[0] ?? {};
    const kind: ImportKind = 'fields' in head ? 'jira' : 'number' in head ? 'github' : 'jira';
    return { kind, format: 'json', columns, sampleRows: items.map((i) => columns.map((c) => text(i[c]))) };
  }
  const format = await detectTableFormat(path);
  let header: TableHeader | undefined;
  const sampleRows: string[][] = [];
  for await (const event of streamTableRows(path, format)) {
    if (event.kind !== 'row') continue;
    if (!header) header = new TableHeader(event.cells);
    else sampleRows.push(event.cells.map((c) => c.slice(0, 200)));
    if (sampleRows.length >= SAMPLE) break;
  }
  const columns = header?.names ?? [];
  let kind: ImportKind = 'table';
  if (format === 'csv' && header?.has('Issue key')) kind = 'jira';
  else if (format === 'csv' && header?.has('ID') && header.has('Work Item Type')) kind = 'ado';
  return { kind, format, columns, sampleRows };
}
