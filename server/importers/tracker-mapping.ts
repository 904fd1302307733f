import {
  STATUS_CATEGORIES,
  type StatusCategory,
  WORK_ITEM_TYPES,
  type WorkItemType,
} from '../../core/model/vocabulary';
import { ImportFormatError } from './import-errors';

/**
 * The mapping of a tracker other than Jira (Azure DevOps, GitHub): its work item types and
 * states (case-insensitive names) to Triad's, and its projects to Triad project keys. The
 * defaults come from each tracker's documentation; a mapping file overrides them entry by entry.
 */
export interface TrackerMapping {
  types: Record<string, WorkItemType>;
  defaultType: WorkItemType;
  statuses: Record<string, StatusCategory>;
  unknownStatusCategory: StatusCategory;
  projects: Record<string, string>;
}

const PROJECT_KEY_RE = /^[A-Z][A-Z0-9]{1,9}$/;
const KNOWN = ['types', 'defaultType', 'statuses', 'unknownStatusCategory', 'projects'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function nameMap<T extends string>(value: unknown, what: string, allowed: readonly T[]): Record<string, T> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new ImportFormatError(`mapping: "${what}" must be an object`);
  const out: Record<string, T> = {};
  for (const [name, target] of Object.entries(value)) {
    if (typeof target !== 'string' || !allowed.includes(target as T))
      throw new ImportFormatError(`mapping: ${what}["${name}"] must be one of ${allowed.join(', ')}`);
    out[name.trim().toLowerCase()] = target as T;
  }
  return out;
}

/** Validates a mapping document over the tracker's defaults; throws ImportFormatError naming the entry. */
export function parseTrackerMapping(document: unknown, defaults: TrackerMapping): TrackerMapping {
  if (document === undefined) return defaults;
  if (!isRecord(document)) throw new ImportFormatError('mapping: the file must hold a JSON object');
  for (const key of Object.keys(document)) {
    if (!KNOWN.includes(key))
      throw new ImportFormatError(`mapping: unknown entry "${key}" (known: ${KNOWN.join(', ')})`);
  }
  const pick = <T extends string>(value: unknown, what: string, allowed: readonly T[], fallback: T): T => {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !allowed.includes(value as T))
      throw new ImportFormatError(`mapping: ${what} must be one of ${allowed.join(', ')}`);
    return value as T;
  };
  const projects: Record<string, string> = {};
  if (document.projects !== undefined) {
    if (!isRecord(document.projects)) throw new ImportFormatError('mapping: "projects" must be an object');
    for (const [external, key] of Object.entries(document.projects)) {
      if (typeof key !== 'string' || !PROJECT_KEY_RE.test(key))
        throw new ImportFormatError(
          `mapping: projects["${external}"] must be a Triad project key matching ^[A-Z][A-Z0-9]{1,9}$`,
        );
      projects[external] = key;
    }
  }
  return {
    types: { ...defaults.types, ...nameMap(document.types, 'types', WORK_ITEM_TYPES) },
    defaultType: pick(document.defaultType, 'defaultType', WORK_ITEM_TYPES, defaults.defaultType),
    statuses: { ...defaults.statuses, ...nameMap(document.statuses, 'statuses', STATUS_CATEGORIES) },
    unknownStatusCategory: pick(
      document.unknownStatusCategory,
      'unknownStatusCategory',
      STATUS_CATEGORIES,
      defaults.unknownStatusCategory,
    ),
    projects: { ...defaults.projects, ...projects },
  };
}

/** Classifies states by the mapping and collects the names it had to guess (for the report). */
export class TrackerClassifier {
  readonly unclassified = new Set<string>();
  constructor(private readonly mapping: TrackerMapping) {}

  categoryOf(status: string): StatusCategory {
    const category = this.mapping.statuses[status.trim().toLowerCase()];
    if (category) return category;
    this.unclassified.add(status);
    return this.mapping.unknownStatusCategory;
  }

  typeOf(name: string): WorkItemType {
    return this.mapping.types[name.trim().toLowerCase()] ?? this.mapping.defaultType;
  }
}
