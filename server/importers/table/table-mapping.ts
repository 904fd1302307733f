import {
  STATUS_CATEGORIES,
  type StatusCategory,
  WORK_ITEM_TYPES,
  type WorkItemType,
} from '../../../core/model/vocabulary';
import { ImportFormatError } from '../import-errors';
import { parseTrackerMapping, type TrackerMapping } from '../tracker-mapping';

/**
 * The column mapping of a generic spreadsheet: which column holds which work item field, the
 * project the rows go to, and the type and status vocabularies. Saved with the source, so the
 * next upload of the same source starts from it.
 */
export const TABLE_FIELDS = [
  'key',
  'title',
  'status',
  'type',
  'project',
  'assignee',
  'assigneeEmail',
  'estimate',
  'createdAt',
  'updatedAt',
  'resolvedAt',
  'parent',
  'description',
  'labels',
] as const;
export type TableField = (typeof TABLE_FIELDS)[number];
export const REQUIRED_TABLE_FIELDS: readonly TableField[] = ['key', 'title'];

export interface TableMapping extends TrackerMapping {
  columns: Partial<Record<TableField, string>>;
  /** Project of rows without a project column: a Triad project key or a name. */
  project: string | null;
}

export const DEFAULT_TABLE_MAPPING: TableMapping = {
  columns: {},
  project: null,
  types: Object.fromEntries(WORK_ITEM_TYPES.map((t) => [t, t])) as Record<string, WorkItemType>,
  defaultType: 'task',
  statuses: {
    'to do': 'todo',
    todo: 'todo',
    open: 'todo',
    new: 'todo',
    backlog: 'todo',
    'in progress': 'in_progress',
    doing: 'in_progress',
    active: 'in_progress',
    review: 'in_progress',
    done: 'done',
    closed: 'done',
    resolved: 'done',
    complete: 'done',
    completed: 'done',
  } satisfies Record<string, StatusCategory>,
  unknownStatusCategory: 'in_progress',
  projects: {},
};

// Header names that suggest a field (lower case, compared without spaces and punctuation).
const SYNONYMS: Record<TableField, string[]> = {
  key: ['key', 'id', 'issuekey', 'itemid', 'ticket', 'ref', 'reference', 'number'],
  title: ['title', 'summary', 'name', 'subject'],
  status: ['status', 'state'],
  type: ['type', 'issuetype', 'workitemtype', 'kind'],
  project: ['project', 'projectkey', 'teamproject'],
  assignee: ['assignee', 'assignedto', 'owner'],
  assigneeEmail: ['email', 'assigneeemail', 'owneremail'],
  estimate: ['estimate', 'storypoints', 'points', 'effort', 'size'],
  createdAt: ['created', 'createddate', 'createdat', 'opened'],
  updatedAt: ['updated', 'updatedat', 'changeddate', 'modified'],
  resolvedAt: [
    'resolved',
    'resolveddate',
    'done',
    'donedate',
    'closeddate',
    'closedat',
    'completed',
    'finished',
  ],
  parent: ['parent', 'parentkey', 'parentid', 'epic', 'epiclink'],
  description: ['description', 'details', 'body'],
  labels: ['labels', 'tags'],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A first mapping from the header names: each field takes the first column named like it. */
export function suggestTableColumns(header: readonly string[]): Partial<Record<TableField, string>> {
  const out: Partial<Record<TableField, string>> = {};
  const used = new Set<string>();
  for (const field of TABLE_FIELDS) {
    const found = header.find((h) => !used.has(h) && SYNONYMS[field].includes(squash(h)));
    if (found) {
      out[field] = found;
      used.add(found);
    }
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a table mapping; throws ImportFormatError naming the entry. */
export function parseTableMapping(document: unknown): TableMapping {
  if (!isRecord(document)) throw new ImportFormatError('mapping: the file must hold a JSON object');
  const { columns, project, ...rest } = document;
  if (!isRecord(columns))
    throw new ImportFormatError('mapping: "columns" must be an object of field → column name');
  const out: Partial<Record<TableField, string>> = {};
  for (const [field, column] of Object.entries(columns)) {
    if (!TABLE_FIELDS.includes(field as TableField))
      throw new ImportFormatError(
        `mapping: columns.${field} is not a field (known: ${TABLE_FIELDS.join(', ')})`,
      );
    if (column === null || column === '') continue;
    if (typeof column !== 'string')
      throw new ImportFormatError(`mapping: columns.${field} must be a column name`);
    out[field as TableField] = column;
  }
  for (const field of REQUIRED_TABLE_FIELDS)
    if (!out[field]) throw new ImportFormatError(`mapping: columns.${field} is required`);
  if (project !== undefined && project !== null && (typeof project !== 'string' || project.trim() === ''))
    throw new ImportFormatError('mapping: "project" must be a project key or name');
  const vocabulary = parseTrackerMapping(rest, DEFAULT_TABLE_MAPPING);
  return { ...vocabulary, columns: out, project: typeof project === 'string' ? project.trim() : null };
}

export { STATUS_CATEGORIES, WORK_ITEM_TYPES };
