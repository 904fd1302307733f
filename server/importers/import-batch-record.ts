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
  /** The tracker's project key; the importer maps it to a Triad project. */
  projectKey: string;
  projectName: string | null;
  type: WorkItemType;
  title: string;
  description: string | null;
  status: string;
  statusCategory: StatusCategory;
  createdAt: string;
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
