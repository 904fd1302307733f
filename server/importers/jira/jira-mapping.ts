import {
  STATUS_CATEGORIES,
  type StatusCategory,
  WORK_ITEM_TYPES,
  type WorkItemType,
} from '../../../core/model/vocabulary';
import { defaultStatusCategory } from '../../../core/model/work-item-rules';
import { ImportFormatError } from './import-errors';

/**
 * How Jira's vocabulary maps onto Triad's: issue types, statuses, which fields hold story points,
 * epic links and sprints, and explicit Triad keys for Jira project keys. A `--mapping FILE`
 * overrides any part (see docs/importing.md); the effective mapping is saved with the source.
 */
export interface JiraMapping {
  /** Jira issue type name (case-insensitive) → Triad type; unlisted types become `defaultType`. */
  issueTypes: Record<string, WorkItemType>;
  defaultType: WorkItemType;
  /** Jira status name (case-insensitive) → category; wins over the export's own status category. */
  statuses: Record<string, StatusCategory>;
  /** Category of a status nobody classified (Jira's catch-all category is "In Progress"). */
  unknownStatusCategory: StatusCategory;
  fields: {
    /** Field names or ids, tried in order; CSV columns may be written `Custom field (Name)` or `Name`. */
    storyPoints: string[];
    epicLink: string[];
    sprint: string[];
  };
  /** Jira project key → Triad project key (^[A-Z][A-Z0-9]{1,9}$). */
  projects: Record<string, string>;
}

export const DEFAULT_JIRA_MAPPING: JiraMapping = {
  issueTypes: { epic: 'epic', story: 'story', bug: 'bug', task: 'task', 'sub-task': 'task', subtask: 'task' },
  defaultType: 'task',
  statuses: {},
  unknownStatusCategory: 'in_progress',
  fields: {
    // Names as Jira shows them, then the ids Jira Cloud and Server usually give these fields.
    storyPoints: ['Story Points', 'Story point estimate', 'customfield_10016', 'customfield_10026'],
    epicLink: ['Epic Link', 'customfield_10014', 'customfield_10008'],
    sprint: ['Sprint', 'customfield_10020', 'customfield_10007'],
  },
  projects: {},
};

const PROJECT_KEY_RE = /^[A-Z][A-Z0-9]{1,9}$/;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function stringMap<T extends string>(value: unknown, what: string, allowed: readonly T[]): Record<string, T> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new ImportFormatError(`mapping: "${what}" must be an object`);
  const out: Record<string, T> = {};
  for (const [name, target] of Object.entries(value)) {
    if (typeof target !== 'string' || !allowed.includes(target as T)) {
      throw new ImportFormatError(
        `mapping: ${what}["${name}"] must be one of ${allowed.join(', ')}, got ${JSON.stringify(target)}`,
      );
    }
    out[name.trim().toLowerCase()] = target as T;
  }
  return out;
}

function fieldList(value: unknown, what: string, fallback: string[]): string[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw new ImportFormatError(`mapping: fields.${what} must be a list of field names or ids`);
  }
  return value.map((v: string) => v.trim());
}

/** Validates a mapping document and fills in the defaults; throws ImportFormatError naming the bad entry. */
export function parseJiraMapping(document: unknown): JiraMapping {
  if (!isRecord(document)) throw new ImportFormatError('mapping: the file must hold a JSON object');
  const known = ['issueTypes', 'defaultType', 'statuses', 'unknownStatusCategory', 'fields', 'projects'];
  for (const key of Object.keys(document)) {
    if (!known.includes(key))
      throw new ImportFormatError(`mapping: unknown entry "${key}" (known: ${known.join(', ')})`);
  }
  const pick = <T extends string>(value: unknown, what: string, allowed: readonly T[], fallback: T): T => {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !allowed.includes(value as T)) {
      throw new ImportFormatError(`mapping: ${what} must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  };
  const fields = document.fields === undefined ? {} : document.fields;
  if (!isRecord(fields)) throw new ImportFormatError('mapping: "fields" must be an object');
  const projects: Record<string, string> = {};
  if (document.projects !== undefined) {
    if (!isRecord(document.projects)) throw new ImportFormatError('mapping: "projects" must be an object');
    for (const [jiraKey, triadKey] of Object.entries(document.projects)) {
      if (typeof triadKey !== 'string' || !PROJECT_KEY_RE.test(triadKey)) {
        throw new ImportFormatError(
          `mapping: projects["${jiraKey}"] must be a Triad project key matching ^[A-Z][A-Z0-9]{1,9}$`,
        );
      }
      projects[jiraKey] = triadKey;
    }
  }
  const d = DEFAULT_JIRA_MAPPING;
  return {
    issueTypes: { ...d.issueTypes, ...stringMap(document.issueTypes, 'issueTypes', WORK_ITEM_TYPES) },
    defaultType: pick(document.defaultType, 'defaultType', WORK_ITEM_TYPES, d.defaultType),
    statuses: stringMap(document.statuses, 'statuses', STATUS_CATEGORIES),
    unknownStatusCategory: pick(
      document.unknownStatusCategory,
      'unknownStatusCategory',
      STATUS_CATEGORIES,
      d.unknownStatusCategory,
    ),
    fields: {
      storyPoints: fieldList(fields.storyPoints, 'storyPoints', d.fields.storyPoints),
      epicLink: fieldList(fields.epicLink, 'epicLink', d.fields.epicLink),
      sprint: fieldList(fields.sprint, 'sprint', d.fields.sprint),
    },
    projects,
  };
}

/** Jira's status category keys (REST) and names (CSV "Status Category" column) → Triad's. */
export function jiraStatusCategory(value: unknown): StatusCategory | undefined {
  if (typeof value !== 'string') return undefined;
  switch (value.trim().toLowerCase()) {
    case 'new':
    case 'to do':
    case 'todo':
      return 'todo';
    case 'indeterminate':
    case 'in progress':
      return 'in_progress';
    case 'done':
    case 'complete':
      return 'done';
    default:
      return undefined;
  }
}

export function mapIssueType(mapping: JiraMapping, jiraType: string): WorkItemType {
  return mapping.issueTypes[jiraType.trim().toLowerCase()] ?? mapping.defaultType;
}

/**
 * Classifies status names: the mapping file first, then the category the export itself gives
 * (REST `statusCategory` of issues currently in that status, CSV "Status Category"), then Triad's
 * default names, then `unknownStatusCategory`. Names that fell through are collected for the report.
 */
export class StatusClassifier {
  private readonly cache = new Map<string, StatusCategory>();
  readonly unclassified = new Set<string>();

  constructor(
    private readonly mapping: JiraMapping,
    private readonly observed = new Map<string, StatusCategory>(),
  ) {}

  /** The same observations under another mapping (the first pass runs before the mapping is known). */
  withMapping(mapping: JiraMapping): StatusClassifier {
    return new StatusClassifier(mapping, this.observed);
  }

  observe(status: string, category: StatusCategory | undefined): void {
    const name = status.trim().toLowerCase();
    if (category && !this.observed.has(name)) this.observed.set(name, category);
  }

  categoryOf(status: string): StatusCategory {
    const cached = this.cache.get(status);
    if (cached) return cached;
    const name = status.trim().toLowerCase();
    let category = this.mapping.statuses[name] ?? this.observed.get(name) ?? defaultStatusCategory(status);
    if (!category) {
      this.unclassified.add(status);
      category = this.mapping.unknownStatusCategory;
    }
    this.cache.set(status, category);
    return category;
  }
}
