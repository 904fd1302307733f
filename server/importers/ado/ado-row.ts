import { deriveProjectKey } from '../import-batch-context';
import { cleanText, type ImportPerson, type ImportRecord } from '../import-batch-record';
import { readEstimate, readTableDate } from '../import-dates';
import { RowError } from '../import-errors';
import type { TableHeader } from '../table/table-header';
import type { TrackerClassifier, TrackerMapping } from '../tracker-mapping';
import { REMOVED_STATES } from './ado-mapping';

/**
 * One row of an Azure DevOps query exported as CSV ("Export to CSV" of a query result, Microsoft
 * Learn "Import or update work items in bulk by using CSV files"). Columns are field names:
 * `ID`, `Work Item Type`, `Title` (or `Title 1`, `Title 2`, … in a tree query, the level being
 * the column the title sits in), `State`, `Assigned To` (`Name <email>`), `Area Path`,
 * `Iteration Path`, `Tags` (`a; b`), `Story Points` / `Effort` / `Size`, `Parent`,
 * `Created Date`, `Closed Date`, `State Change Date`, `Changed Date`, `Priority`, `Description`.
 */
export interface AdoRowContext {
  header: TableHeader;
  mapping: TrackerMapping;
  classifier: TrackerClassifier;
  timeZone: string;
  /** Team project when the file has neither `Team Project` nor `Area Path`. */
  defaultProject: string;
  /** ID → key of every row of the file (parents are looked up here first). */
  keyById: Map<string, string>;
}

const ESTIMATE_FIELDS = ['Story Points', 'Effort', 'Size', 'Original Estimate'];

/** The team project of a row: its own column, else the root of the area or iteration path. */
export function adoProjectOf(header: TableHeader, cells: readonly string[], fallback: string): string {
  const path = header.get(cells, 'Area Path', 'Iteration Path');
  return header.get(cells, 'Team Project') ?? path?.split('\\')[0]?.trim() ?? fallback;
}

/** The work item key: the team project's Triad key, a dash and the ADO ID (unique per organisation). */
export function adoKey(mapping: TrackerMapping, project: string, id: string): string {
  return `${mapping.projects[project] ?? deriveProjectKey(project, new Set())}-${id}`;
}

/** The ADO ID of a row, checked; RowError when absent or not a positive whole number. */
export function adoId(header: TableHeader, cells: readonly string[]): string {
  const id = header.get(cells, 'ID', 'Id');
  if (!id) throw new RowError('no ID');
  if (!/^[1-9]\d{0,15}$/.test(id))
    throw new RowError(`ID "${id.slice(0, 40)}" is not a positive whole number`);
  return id;
}

/** The tree level of a row of a tree query (`Title 1` = 1, …), 0 for a flat list. */
export function adoTitleLevel(header: TableHeader, cells: readonly string[]): number {
  for (let level = 1; header.has(`Title ${level}`); level++) {
    if (header.get(cells, `Title ${level}`)) return level;
  }
  return 0;
}

function person(raw: string | undefined): ImportPerson | null {
  if (!raw) return null;
  const m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(raw);
  if (m) return { name: cleanText(m[1] || (m[2] as string)), email: (m[2] as string).toLowerCase() };
  return { name: raw, email: raw.includes('@') ? raw.toLowerCase() : null };
}

export function adoRowToRecord(
  cells: readonly string[],
  row: number,
  ctx: AdoRowContext,
  treeParentId: string | undefined,
): ImportRecord {
  const { header } = ctx;
  const id = adoId(header, cells);
  const project = adoProjectOf(header, cells, ctx.defaultProject);
  const key = adoKey(ctx.mapping, project, id);
  const level = adoTitleLevel(header, cells);
  const title = header.get(cells, 'Title', ...(level > 0 ? [`Title ${level}`] : [])) ?? key;
  const status = header.get(cells, 'State');
  if (!status) throw new RowError(`${key}: no State`);
  const workItemType = header.get(cells, 'Work Item Type') ?? 'Task';
  const createdAt = readTableDate(header.get(cells, 'Created Date'), 'Created Date', ctx.timeZone);
  if (!createdAt) throw new RowError(`${key}: no Created Date`);
  const category = ctx.classifier.categoryOf(status);
  const closedAt = readTableDate(header.get(cells, 'Closed Date'), 'Closed Date', ctx.timeZone);
  const stateChangedAt = readTableDate(
    header.get(cells, 'State Change Date'),
    'State Change Date',
    ctx.timeZone,
  );
  const changedAt = readTableDate(header.get(cells, 'Changed Date'), 'Changed Date', ctx.timeZone);
  const delivered = category === 'done' && !REMOVED_STATES.has(status.toLowerCase());
  let estimate: number | null = null;
  for (const field of ESTIMATE_FIELDS) {
    estimate = readEstimate(header.get(cells, field), field);
    if (estimate !== null) break;
  }
  const parentId = header.get(cells, 'Parent') ?? treeParentId;
  if (parentId !== undefined && !/^[1-9]\d{0,15}$/.test(parentId))
    throw new RowError(`${key}: Parent "${parentId.slice(0, 40)}" is not a work item ID`);
  const iterationPath = header.get(cells, 'Iteration Path') ?? null;
  return {
    row,
    key,
    sourceKey: id,
    projectKey: project,
    projectName: project,
    type: ctx.classifier.typeOf(workItemType),
    title: title.slice(0, 500),
    description: header.get(cells, 'Description') ?? null,
    status,
    statusCategory: category,
    createdAt,
    updatedAt: changedAt ?? stateChangedAt,
    resolvedAt: delivered ? (closedAt ?? stateChangedAt ?? changedAt ?? createdAt) : null,
    estimate,
    assignee: person(header.get(cells, 'Assigned To')),
    parentKey:
      parentId === undefined ? null : (ctx.keyById.get(parentId) ?? adoKey(ctx.mapping, project, parentId)),
    // A CSV export has no history: the batch writer records one move into the current state.
    transitions: null,
    fields: {
      id,
      workItemType,
      areaPath: header.get(cells, 'Area Path') ?? null,
      iterationPath,
      // The sprint is the last segment of the iteration path (Project\Release 1\Sprint 3).
      sprint: iterationPath?.includes('\\') ? iterationPath.split('\\').at(-1) : null,
      tags: (header.get(cells, 'Tags') ?? '')
        .split(';')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      priority: header.get(cells, 'Priority') ?? null,
      closedDate: closedAt,
      stateChangeDate: stateChangedAt,
      activatedDate: readTableDate(header.get(cells, 'Activated Date'), 'Activated Date', ctx.timeZone),
    },
  };
}
