import { deriveProjectKey } from '../import-batch-context';
import { cleanText, type ImportRecord, type ImportTransition } from '../import-batch-record';
import { RowError } from '../import-errors';
import type { TrackerClassifier, TrackerMapping } from '../tracker-mapping';

/**
 * One element of the GitHub REST API's `GET /repos/{owner}/{repo}/issues` array (docs.github.com,
 * "REST API endpoints for issues": number, title, body, state `open`/`closed`, state_reason,
 * labels, assignee(s), milestone, created_at, updated_at, closed_at, repository_url; pull
 * requests carry a `pull_request` object). Optionally the issue's `timeline` or `events` array
 * (`GET …/issues/{n}/timeline` or `…/events`, embedded by the exporter) gives state changes:
 * `closed` and `reopened` events with `created_at`.
 */
export const OPEN = 'Open';
export const CLOSED = 'Closed';
export const NOT_PLANNED = 'Not planned';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function isPullRequest(value: unknown): boolean {
  return isRecord(value) && value.pull_request !== undefined && value.pull_request !== null;
}

/** `owner/repo` from `repository_url` (`https://api.github.com/repos/owner/repo`) or html_url. */
export function repositoryOf(value: Record<string, unknown>, fallback: string): string {
  for (const field of ['repository_url', 'html_url']) {
    const url = value[field];
    if (typeof url !== 'string') continue;
    const m = /\/repos\/([^/]+\/[^/]+)\/?$/.exec(url) ?? /github\.com\/([^/]+\/[^/]+)\/issues\//.exec(url);
    if (m) return m[1] as string;
  }
  return fallback;
}

export function githubKey(mapping: TrackerMapping, repository: string, number: string): string {
  const repo = repository.split('/').at(-1) ?? repository;
  return `${mapping.projects[repository] ?? deriveProjectKey(repo, new Set())}-${number}`;
}

export function githubNumber(value: unknown): string {
  if (!isRecord(value)) throw new RowError('not a JSON object');
  const n = value.number;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1)
    throw new RowError(`number ${JSON.stringify(n)?.slice(0, 40)} is not a positive whole number`);
  return String(n);
}

function date(value: unknown, what: string, key: string, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw new RowError(`${key}: no ${what}`);
    return null;
  }
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new RowError(`${key}: ${what} ${JSON.stringify(value).slice(0, 60)} is not an ISO 8601 time`);
  return new Date(ms).toISOString();
}

const names = (list: unknown, field: string): string[] =>
  Array.isArray(list)
    ? list.flatMap((l) => {
        const v = isRecord(l) ? l[field] : l;
        return typeof v === 'string' && v.trim() !== '' ? [cleanText(v)] : [];
      })
    : [];

/** closed / reopened events in time order as Open ↔ Closed transitions; null without a timeline. */
function transitionsOf(value: Record<string, unknown>, key: string): ImportTransition[] | null {
  const list = Array.isArray(value.timeline)
    ? value.timeline
    : Array.isArray(value.events)
      ? value.events
      : null;
  if (list === null) return null;
  const moves: ImportTransition[] = [];
  let current = OPEN;
  const events = list
    .filter(
      (e): e is Record<string, unknown> => isRecord(e) && (e.event === 'closed' || e.event === 'reopened'),
    )
    .map((e) => ({
      event: e.event as string,
      at: date(e.created_at, 'event created_at', key, true) as string,
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
  for (const e of events) {
    const to = e.event === 'closed' ? CLOSED : OPEN;
    if (to === current) continue;
    moves.push({ at: e.at, fromStatus: current, toStatus: to });
    current = to;
  }
  return moves;
}

export interface GithubIssueContext {
  mapping: TrackerMapping;
  classifier: TrackerClassifier;
  defaultRepository: string;
}

export function githubIssueToRecord(value: unknown, row: number, ctx: GithubIssueContext): ImportRecord {
  const number = githubNumber(value);
  const issue = value as Record<string, unknown>;
  const repository = repositoryOf(issue, ctx.defaultRepository);
  const key = githubKey(ctx.mapping, repository, number);
  const state = issue.state;
  if (state !== 'open' && state !== 'closed') throw new RowError(`${key}: state must be open or closed`);
  const notPlanned = state === 'closed' && issue.state_reason === 'not_planned';
  const status = state === 'open' ? OPEN : notPlanned ? NOT_PLANNED : CLOSED;
  const createdAt = date(issue.created_at, 'created_at', key, true) as string;
  const closedAt = date(issue.closed_at, 'closed_at', key, false);
  const labels = names(issue.labels, 'name');
  const issueType = isRecord(issue.type) && typeof issue.type.name === 'string' ? issue.type.name : null;
  const typeName = [issueType, ...labels].find((n) => n && ctx.mapping.types[n.toLowerCase()]) ?? 'task';
  const assignees = names(issue.assignees, 'login');
  const assignee =
    isRecord(issue.assignee) && typeof issue.assignee.login === 'string'
      ? issue.assignee.login
      : assignees[0];
  const milestone = isRecord(issue.milestone) ? issue.milestone : null;
  const title = typeof issue.title === 'string' && issue.title.trim() !== '' ? cleanText(issue.title) : key;
  let transitions = transitionsOf(issue, key);
  // A timeline that ends open while the issue is closed misses the last event: close it at closed_at.
  const last = transitions?.at(-1)?.toStatus ?? OPEN;
  if (transitions && state === 'closed' && last === OPEN && closedAt)
    transitions = [...transitions, { at: closedAt, fromStatus: OPEN, toStatus: CLOSED }];
  if (transitions && notPlanned)
    transitions = transitions
      .map((t) => (t.toStatus === CLOSED ? { ...t, toStatus: NOT_PLANNED } : t))
      .map((t) => (t.fromStatus === CLOSED ? { ...t, fromStatus: NOT_PLANNED } : t));
  return {
    row,
    key,
    sourceKey: `${repository}#${number}`,
    projectKey: repository,
    projectName: repository.split('/').at(-1) ?? repository,
    type: ctx.classifier.typeOf(typeName),
    title: title.slice(0, 500),
    description: typeof issue.body === 'string' ? cleanText(issue.body) || null : null,
    status,
    statusCategory: ctx.classifier.categoryOf(status),
    createdAt,
    updatedAt: date(issue.updated_at, 'updated_at', key, false),
    // "Not planned" ends an issue without delivering it: not resolved for the flow metrics.
    resolvedAt: state === 'closed' && !notPlanned ? (closedAt ?? createdAt) : null,
    estimate: null,
    assignee: assignee ? { name: cleanText(assignee), email: null } : null,
    parentKey: null,
    transitions,
    fields: {
      number: Number(number),
      repository,
      url: typeof issue.html_url === 'string' ? issue.html_url : null,
      labels,
      assignees,
      milestone: milestone && typeof milestone.title === 'string' ? milestone.title : null,
      milestoneDueOn: milestone && typeof milestone.due_on === 'string' ? milestone.due_on : null,
      stateReason: typeof issue.state_reason === 'string' ? issue.state_reason : null,
    },
  };
}
