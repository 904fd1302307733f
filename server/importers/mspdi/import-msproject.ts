import { readFile, stat } from 'node:fs/promises';
import { XMLValidator } from 'fast-xml-parser';
import { CycleError, ScheduleError } from '../../../core/schedule/errors';
import { recordAudit } from '../../audit/audit-store';
import { fromMspdiPlan } from '../../features/schedule/mspdi-exchange';
import {
  findScheduleSettings,
  loadPlan,
  replacePlan,
  saveScheduleSettings,
} from '../../features/schedule/schedule-store';
import { ProblemError } from '../../http/problem';
import type { Store } from '../../store/database';
import { ImportFormatError } from '../import-errors';
import { parseMspdi } from './parse-mspdi';
import { MspdiFormatError } from './plan';

/** MSPDI files are parsed whole (fast-xml-parser has no streaming mode); past this they are refused. */
export const MAX_MSPDI_BYTES = 50 * 1024 * 1024;

export interface MsProjectImportSummary {
  projectKey: string;
  /** Tasks compared by outline path (names of the task and its summary tasks). */
  created: number;
  updated: number;
  unchanged: number;
  /** Tasks of the previous schedule that the file no longer holds: removed with the plan. */
  missing: number;
  rejected: 0;
  rejections: [];
  tasks: number;
  links: number;
  resources: number;
  assignments: number;
}

/** Reads and checks an MSPDI file; every refusal is an ImportFormatError naming the cause. */
export function readMsProject(xml: string) {
  if (/<!ENTITY/i.test(xml))
    throw new ImportFormatError('entity declarations are not allowed in MSPDI files');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportFormatError(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  try {
    return fromMspdiPlan(parseMspdi(xml));
  } catch (error) {
    if (error instanceof MspdiFormatError || error instanceof ScheduleError || error instanceof RangeError)
      throw new ImportFormatError(error.message);
    if (error instanceof CycleError)
      throw new ImportFormatError(`the links form a cycle through task UIDs ${error.cycle.join(' → ')}`);
    if (error instanceof ProblemError) throw new ImportFormatError(error.detail);
    throw error;
  }
}

type Comparable = {
  name: string;
  duration: number;
  milestone: boolean;
  constraintType: string;
  constraintDate: string | null;
};
const signature = (t: Comparable) =>
  JSON.stringify([t.duration, t.milestone, t.constraintType, t.constraintDate]);

/** Outline path → task, so re-imports can be compared although task ids are new each time. */
function byPath<T extends Comparable>(tasks: T[], idOf: (t: T) => string, parentOf: (t: T) => string | null) {
  const byId = new Map(tasks.map((t) => [idOf(t), t]));
  const path = (t: T): string => {
    const parent = parentOf(t);
    const p = parent ? byId.get(parent) : undefined;
    return p ? `${path(p)}\u0001${t.name}` : t.name;
  };
  return new Map(tasks.map((t) => [path(t), t]));
}

/**
 * Replaces a project's schedule (tasks, links, resources, assignments, calendar) with an MS
 * Project XML plan in one transaction: a killed import leaves the previous schedule whole. MSPDI
 * task UIDs are not stored by the schedule tables, so the counts compare tasks by outline path.
 */
export async function importMsProject(
  store: Store,
  options: { organisationId: string; file: string; projectKey: string; now?: Date },
): Promise<MsProjectImportSummary> {
  if ((await stat(options.file)).size > MAX_MSPDI_BYTES)
    throw new ImportFormatError(`the file is larger than ${MAX_MSPDI_BYTES / 1024 / 1024} MB`);
  const imported = readMsProject(await readFile(options.file, 'utf8'));
  const project = await store.db
    .selectFrom('projects')
    .select(['id', 'key'])
    .where('organisation_id', '=', options.organisationId)
    .where('key', '=', options.projectKey)
    .executeTakeFirst();
  if (!project) throw new ImportFormatError(`no project with key ${options.projectKey}`);
  const now = (options.now ?? new Date()).toISOString();
  const scope = { organisationId: options.organisationId, projectId: project.id, now };
  return store.db.transaction().execute(async (trx) => {
    const before = await loadPlan(trx, options.organisationId, project.id);
    const old = byPath(
      before.tasks,
      (t) => t.id,
      (t) => t.parentId,
    );
    const fresh = byPath(
      imported.plan.tasks,
      (t) => t.key,
      (t) => t.parentKey,
    );
    const counts = { created: 0, updated: 0, unchanged: 0, missing: 0 };
    for (const [path, task] of fresh) {
      const was = old.get(path);
      if (!was) counts.created++;
      else if (signature(was) === signature(task)) counts.unchanged++;
      else counts.updated++;
    }
    for (const path of old.keys()) if (!fresh.has(path)) counts.missing++;
    const written = await replacePlan(trx, scope, imported.plan);
    const settings = await findScheduleSettings(trx, options.organisationId, project.id);
    await saveScheduleSettings(trx, scope, {
      startDate: imported.startDate ?? settings.startDate,
      statusDate: settings.statusDate,
      workingWeekdays:
        imported.workingWeekdays.length > 0 ? imported.workingWeekdays : settings.workingWeekdays,
      holidays: imported.holidays,
    });
    await recordAudit(
      trx,
      { organisationId: options.organisationId, userId: null, label: 'import msproject' },
      now,
      {
        entityType: 'project_schedule',
        entityId: project.id,
        action: 'update',
        changes: { mspdiImport: { before: null, after: written } },
      },
    );
    return { projectKey: project.key, ...counts, rejected: 0, rejections: [], ...written };
  });
}
