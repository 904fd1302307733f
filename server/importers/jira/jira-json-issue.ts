import { cleanText, type ImportRecord, type ImportTransition } from '../import-batch-record';
import { RowError } from './import-errors';
import {
  checkIssueKey,
  descriptionText,
  names,
  optionalDate,
  parseEstimate,
  requiredDate,
  sprintName,
} from './jira-fields';
import { type JiraMapping, jiraStatusCategory, mapIssueType, type StatusClassifier } from './jira-mapping';

/**
 * One issue of a REST search response (`/rest/api/2/search?expand=changelog`) as an ImportRecord:
 * `fields` for the current state, `changelog.histories[].items[]` with `field == "status"` for
 * the status history.
 */
export interface JsonIssueContext {
  mapping: JiraMapping;
  classifier: StatusClassifier;
  timeZone: string;
  /** Custom field name (lower case) → ids, from the response's `names` map. */
  fieldIds: Map<string, string[]>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const nameOf = (v: unknown): string | undefined => (isObj(v) ? str(v.name) : undefined);

/** The `names` map of the response (id → display name) turned into name → ids. */
export function indexFieldNames(namesMap: unknown): Map<string, string[]> {
  const index = new Map<string, string[]>();
  if (!isObj(namesMap)) return index;
  for (const [id, name] of Object.entries(namesMap)) {
    if (typeof name !== 'string') continue;
    const key = name.trim().toLowerCase();
    index.set(key, [...(index.get(key) ?? []), id]);
  }
  return index;
}

/** The value of the first listed field (by id, or by name through the `names` map) that is set. */
function fieldValue(fields: Obj, wanted: readonly string[], ctx: JsonIssueContext): unknown {
  for (const w of wanted) {
    const direct = Object.hasOwn(fields, w) ? fields[w] : undefined;
    if (direct !== undefined && direct !== null) return direct;
    for (const id of ctx.fieldIds.get(w.toLowerCase()) ?? []) {
      const v = Object.hasOwn(fields, id) ? fields[id] : undefined;
      if (v !== undefined && v !== null) return v;
    }
  }
  return undefined;
}

/** First pass: what later issues need to know about this one (status categories, ids). */
export function observeJsonIssue(
  value: unknown,
  classifier: StatusClassifier,
): { key?: string; id?: string } {
  if (!isObj(value)) return {};
  const fields = isObj(value.fields) ? value.fields : {};
  const status = isObj(fields.status) ? fields.status : undefined;
  const statusName = str(status?.name);
  if (statusName && isObj(status?.statusCategory)) {
    classifier.observe(statusName, jiraStatusCategory(status.statusCategory.key));
  }
  return { key: str(value.key), id: str(value.id) };
}

export function jsonIssueToRecord(value: unknown, row: number, ctx: JsonIssueContext): ImportRecord {
  if (!isObj(value)) throw new RowError('issue is not a JSON object');
  const { key, projectKey: keyPrefix } = checkIssueKey(str(value.key));
  if (!isObj(value.fields)) throw new RowError(`${key}: no "fields" object`);
  const fields = value.fields;
  const project = isObj(fields.project) ? fields.project : {};
  const status = cleanText(nameOf(fields.status) ?? '');
  if (status === '') throw new RowError(`${key}: no status`);
  const jiraType = cleanText(nameOf(fields.issuetype) ?? '') || 'Task';
  const createdAt = requiredDate(fields.created, 'created', ctx.timeZone);

  const assigneeField = isObj(fields.assignee) ? fields.assignee : undefined;
  const assigneeName = cleanText(str(assigneeField?.displayName) ?? str(assigneeField?.name) ?? '');
  const assigneeEmail = cleanText(str(assigneeField?.emailAddress) ?? '') || null;

  const epicLink = fieldValue(fields, ctx.mapping.fields.epicLink, ctx);
  const parentKey =
    str(isObj(fields.parent) ? fields.parent.key : undefined) ??
    (typeof epicLink === 'string' ? epicLink : isObj(epicLink) ? str(epicLink.key) : undefined);

  const sprintValue = fieldValue(fields, ctx.mapping.fields.sprint, ctx);
  const sprints = (Array.isArray(sprintValue) ? sprintValue : sprintValue === undefined ? [] : [sprintValue])
    .map(sprintName)
    .filter((s): s is string => s !== undefined);

  const points = fieldValue(fields, ctx.mapping.fields.storyPoints, ctx);
  const record: ImportRecord = {
    row,
    key,
    projectKey: cleanText(str(project.key) ?? '') || keyPrefix,
    projectName: cleanText(str(project.name) ?? '') || null,
    type: mapIssueType(ctx.mapping, jiraType),
    title: cleanText(str(fields.summary) ?? '') || key,
    description: descriptionText(fields.description),
    status,
    statusCategory: ctx.classifier.categoryOf(status),
    createdAt,
    updatedAt: optionalDate(fields.updated, 'updated', ctx.timeZone),
    resolvedAt: optionalDate(fields.resolutiondate, 'resolution', ctx.timeZone),
    estimate: parseEstimate(points, 'story points'),
    assignee:
      assigneeName || assigneeEmail
        ? { name: assigneeName || (assigneeEmail as string), email: assigneeEmail }
        : null,
    parentKey: parentKey ? cleanText(parentKey) || null : null,
    transitions: statusTransitions(value.changelog, key, ctx.timeZone),
    fields: {
      id: str(value.id) ?? null,
      issueType: jiraType,
      priority: nameOf(fields.priority) ?? null,
      resolution: nameOf(fields.resolution) ?? null,
      labels: names(fields.labels),
      components: names(fields.components),
      fixVersions: names(fields.fixVersions),
      sprints,
      parentKey: parentKey ?? null,
    },
  };
  return record;
}

/** Status items of the changelog in time order (stable for equal instants, as Jira lists them). */
function statusTransitions(changelog: unknown, key: string, timeZone: string): ImportTransition[] {
  if (!isObj(changelog) || !Array.isArray(changelog.histories)) return [];
  const out: { ms: number; t: ImportTransition }[] = [];
  for (const history of changelog.histories) {
    if (!isObj(history) || !Array.isArray(history.items)) continue;
    for (const item of history.items) {
      if (!isObj(item)) continue;
      const field = str(item.field) ?? str(item.fieldId) ?? '';
      if (field.toLowerCase() !== 'status') continue;
      const to = cleanText(Object.hasOwn(item, 'toString') ? (str(item.toString) ?? '') : '');
      if (to === '') throw new RowError(`${key}: a status change without "toString"`);
      const at = requiredDate(history.created, 'status change', timeZone);
      const from = cleanText(str(item.fromString) ?? '') || null;
      out.push({ ms: Date.parse(at), t: { at, fromStatus: from, toStatus: to } });
    }
  }
  out.sort((a, b) => a.ms - b.ms);
  return out.map((x) => x.t);
}
