import { deriveProjectKey } from '../import-batch-context';
import type { ImportRecord } from '../import-batch-record';
import { readEstimate, readTableDate } from '../import-dates';
import { RowError } from '../import-errors';
import type { TrackerClassifier } from '../tracker-mapping';
import type { TableHeader } from './table-header';
import type { TableField, TableMapping } from './table-mapping';

const TRACKER_KEY_RE = /^([A-Za-z][A-Za-z0-9_]*)-([1-9]\d{0,15})$/;
const NUMBER_RE = /^[1-9]\d{0,15}$/;
const TRIAD_KEY_RE = /^[A-Z][A-Z0-9]{1,9}$/;

export interface TableRowContext {
  header: TableHeader;
  mapping: TableMapping;
  classifier: TrackerClassifier;
  timeZone: string;
}

/** The Triad key prefix of a project given by key or name (a name gets a derived key). */
export function tableProjectKey(mapping: TableMapping, project: string): string {
  return (
    mapping.projects[project] ?? (TRIAD_KEY_RE.test(project) ? project : deriveProjectKey(project, new Set()))
  );
}

/**
 * A row's key: a tracker-style key (`ABC-12`) is kept as the work item key; a bare number becomes
 * `<project key>-<number>`. Anything else cannot be a work item key and is rejected.
 */
export function tableKey(
  raw: string,
  project: string | undefined,
  mapping: TableMapping,
): { key: string; project: string } {
  const tracker = TRACKER_KEY_RE.exec(raw);
  if (tracker) return { key: raw, project: project ?? (tracker[1] as string) };
  if (!NUMBER_RE.test(raw))
    throw new RowError(`key "${raw.slice(0, 40)}" is neither a key like ABC-12 nor a positive whole number`);
  if (!project) throw new RowError(`key ${raw} is a number, but no project is mapped or chosen`);
  return { key: `${tableProjectKey(mapping, project)}-${raw}`, project };
}

/** The key of a row without converting the rest (first pass). */
export function tableRowKey(cells: readonly string[], ctx: Pick<TableRowContext, 'header' | 'mapping'>) {
  const get = (field: TableField) => {
    const column = ctx.mapping.columns[field];
    return column ? ctx.header.get(cells, column) : undefined;
  };
  const raw = get('key');
  if (!raw) throw new RowError(`no key (column "${ctx.mapping.columns.key}" is blank)`);
  return { raw, ...tableKey(raw, get('project') ?? ctx.mapping.project ?? undefined, ctx.mapping) };
}

export function tableRowToRecord(cells: readonly string[], row: number, ctx: TableRowContext): ImportRecord {
  const { mapping } = ctx;
  const get = (field: TableField) => {
    const column = mapping.columns[field];
    return column ? ctx.header.get(cells, column) : undefined;
  };
  const { raw, key, project } = tableRowKey(cells, ctx);
  const title = get('title');
  if (!title) throw new RowError(`${key}: no title`);
  if (mapping.columns.status && !get('status')) throw new RowError(`${key}: no status`);
  const status = get('status') ?? 'To Do';
  const category = ctx.classifier.categoryOf(status);
  const date = (field: TableField) =>
    readTableDate(get(field), mapping.columns[field] ?? field, ctx.timeZone);
  const resolvedAt = date('resolvedAt');
  const parent = get('parent');
  const name = get('assignee');
  const email = get('assigneeEmail');
  return {
    row,
    key,
    sourceKey: raw,
    projectKey: project,
    projectName: project,
    type: ctx.classifier.typeOf(get('type') ?? ''),
    title: title.slice(0, 500),
    description: get('description') ?? null,
    status,
    statusCategory: category,
    createdAt: date('createdAt'),
    updatedAt: date('updatedAt'),
    resolvedAt: category === 'done' ? resolvedAt : null,
    estimate: readEstimate(get('estimate'), mapping.columns.estimate ?? 'estimate'),
    assignee: name || email ? { name: name ?? (email as string), email: email?.toLowerCase() ?? null } : null,
    parentKey: parent ? tableKey(parent, project, mapping).key : null,
    transitions: null,
    fields: {
      sourceKey: raw,
      labels: (get('labels') ?? '')
        .split(/[;,]/)
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    },
  };
}
