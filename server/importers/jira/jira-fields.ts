import { cleanText } from '../import-batch-record';
import { RowError } from './import-errors';
import { parseJiraDate, toStoredTimestamp } from './jira-dates';

/** Helpers both Jira formats share: keys, dates, numbers and sprint names. */

// Jira project keys: a letter, then letters, digits or underscores; issue keys add -number.
export const ISSUE_KEY_RE = /^([A-Za-z][A-Za-z0-9_]*)-([1-9][0-9]{0,17})$/;

export function checkIssueKey(raw: string | undefined): { key: string; projectKey: string } {
  const key = cleanText(raw ?? '');
  if (key === '') throw new RowError('no issue key');
  const m = ISSUE_KEY_RE.exec(key);
  if (!m) throw new RowError(`"${key.slice(0, 80)}" is not a Jira issue key (like ABC-123)`);
  return { key, projectKey: m[1] as string };
}

export function requiredDate(raw: unknown, what: string, timeZone: string): string {
  const value = optionalDate(raw, what, timeZone);
  if (value === null) throw new RowError(`no ${what} date`);
  return value;
}

export function optionalDate(raw: unknown, what: string, timeZone: string): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') throw new RowError(`${what} date must be text, got ${typeof raw}`);
  if (raw.trim() === '') return null;
  const ms = parseJiraDate(raw, timeZone);
  if (ms === undefined) {
    throw new RowError(
      `${what} date "${raw.slice(0, 60)}" is neither ISO 8601 nor Jira's dd/MMM/yy h:mm a format`,
    );
  }
  return toStoredTimestamp(ms);
}

/** A story-point value: a finite, non-negative number or numeric text. */
export function parseEstimate(raw: unknown, field: string): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const value =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string'
        ? Number(raw.trim().replace(',', '.'))
        : Number.NaN;
  if (!Number.isFinite(value) || value < 0) {
    throw new RowError(`${field} must be a non-negative number, got ${JSON.stringify(raw).slice(0, 60)}`);
  }
  return value;
}

/**
 * A sprint's name from the shapes Jira uses: `{name}` (REST), the legacy Server string
 * `com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=1,rapidViewId=2,state=CLOSED,name=Sprint 1,…]`,
 * or plain text (CSV).
 */
export function sprintName(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && 'name' in value) {
    const name = (value as { name: unknown }).name;
    return typeof name === 'string' && name.trim() !== '' ? cleanText(name) : undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const legacy = /[[,]name=([^,\]]*)/.exec(value);
  return cleanText(legacy ? (legacy[1] ?? '') : value) || undefined;
}

/** Names of `{name}` objects or strings, blanks and duplicates dropped, order kept. */
export function names(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const out: string[] = [];
  for (const v of values) {
    const text =
      typeof v === 'string'
        ? v
        : typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string'
          ? (v as { name: string }).name
          : undefined;
    if (text === undefined) continue;
    const clean = cleanText(text);
    if (clean !== '' && !out.includes(clean)) out.push(clean);
  }
  return out;
}

/** Plain text of a Jira description: a string (REST v2) or an Atlassian Document Format tree (v3). */
export function descriptionText(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value) || null;
  if (typeof value !== 'object' || value === null) return null;
  const parts: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 100 || typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; text?: unknown; content?: unknown };
    if (typeof n.text === 'string') parts.push(n.text);
    if (Array.isArray(n.content)) for (const child of n.content) walk(child, depth + 1);
    if (n.type === 'paragraph' || n.type === 'heading') parts.push('\n');
  };
  walk(value, 0);
  return cleanText(parts.join('')) || null;
}
