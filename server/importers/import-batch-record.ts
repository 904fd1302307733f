import { randomBytes } from 'node:crypto';
import type { StatusCategory, WorkItemType } from '../../core/model/vocabulary';

/**
 * One work item as an importer hands it to the batch writer, independent of the tracker it came
 * from. Timestamps are stored ISO 8601 UTC strings (`Date#toISOString`).
 */
export interface ImportRecord {
  /** Where the record sits in the file, for messages (see Rejection.row). */
  row: number;
  /** The tracker's key (e.g. Jira `ABC-12`): the work item key and the source key. */
  key: string;
  /** The tracker's own id when it differs from the key (Azure DevOps `ID`, GitHub `number`). */
  sourceKey?: string | undefined;
  /** The tracker's project key; the importer maps it to a Triad project. */
  projectKey: string;
  projectName: string | null;
  type: WorkItemType;
  title: string;
  description: string | null;
  status: string;
  statusCategory: StatusCategory;
  /** Null when the source has no creation time (a spreadsheet): kept when stored, else the import time. */
  createdAt: string | null;
  updatedAt: string | null;
  /** Resolution instant: becomes `done_at`, the "resolved" of the flow metrics. */
  resolvedAt: string | null;
  estimate: number | null;
  assignee: ImportPerson | null;
  parentKey: string | null;
  /** Status changes after creation in time order, or null when the source has no history (CSV). */
  transitions: ImportTransition[] | null;
  /** Tracker fields kept in `custom_fields[namespace]` (labels, components, sprints, resolution, …). */
  fields: Record<string, unknown>;
}

export interface ImportTransition {
  at: string;
  fromStatus: string | null;
  toStatus: string;
}

export interface ImportPerson {
  name: string;
  email: string | null;
}

/** Strips NUL characters, which PostgreSQL text cannot hold, and surrounding white space. */
export function cleanText(value: string): string {
  return value.replaceAll('\u0000', '').trim();
}

let lastMs = 0;
let counter = 0;
let pool = Buffer.alloc(0);
let poolAt = 0;

/**
 * A time-ordered UUID (version 7, RFC 9562 §5.7): 48 bits of Unix milliseconds, then a 12-bit
 * counter that keeps ids of one millisecond in order, then random bits. Bulk imports append to
 * the primary-key indexes instead of writing all over them, which SQLite rewards (≈ 20% faster
 * than random UUIDs on 600k rows in a file database).
 */
export function createImportId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      ms = ++lastMs;
      counter = 0;
    }
  } else counter = 0;
  lastMs = ms;
  if (poolAt + 8 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  const rand = pool.toString('hex', poolAt, poolAt + 8);
  poolAt += 8;
  const time = ms.toString(16).padStart(12, '0');
  const variant = ((Number.parseInt(rand.slice(0, 1), 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${variant}${rand.slice(1, 4)}-${rand.slice(4)}`;
}
