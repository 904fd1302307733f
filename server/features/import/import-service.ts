import { randomUUID } from 'node:crypto';
import { basename, extname } from 'node:path';
import { fieldProblem } from '../../http/problem';
import { DEFAULT_ADO_MAPPING } from '../../importers/ado/ado-mapping';
import { importAdo, readAdo, scanAdo } from '../../importers/ado/import-ado';
import { DEFAULT_GITHUB_MAPPING } from '../../importers/github/github-mapping';
import { importGithub, readGithub, scanGithub } from '../../importers/github/import-github';
import type { MissingPolicy } from '../../importers/import-batch-finish';
import { ImportFormatError, type Rejection } from '../../importers/import-errors';
import { findSavedMapping, type ImportEvent } from '../../importers/import-run';
import { importJira } from '../../importers/jira/import-jira';
import { checkTimeZone } from '../../importers/jira/jira-dates';
import { readJiraRecords, scanJiraFile } from '../../importers/jira/jira-file';
import { DEFAULT_JIRA_MAPPING, parseJiraMapping } from '../../importers/jira/jira-mapping';
import { importTable, readTable, scanTable } from '../../importers/table/import-table';
import { parseTableMapping } from '../../importers/table/table-mapping';
import { parseTrackerMapping, TrackerClassifier } from '../../importers/tracker-mapping';
import type { Store } from '../../store/database';
import type { ImportKind } from './detect-kind';

/** What the web import needs to run one importer on an uploaded file. */
export interface ImportRequest {
  kind: ImportKind;
  path: string;
  fileName: string;
  /** The mapping document; without it the one saved with the source, else the importer's defaults. */
  mapping?: unknown;
  source?: string | undefined;
  timeZone?: string | undefined;
}

const SYSTEM: Record<ImportKind, string> = { jira: 'jira', ado: 'ado', github: 'github', table: 'csv' };
const stem = (fileName: string) => basename(fileName, extname(fileName));

/** `<system>:<name>`, by default from the uploaded file's name, as the CLI does. */
export function sourceFor(kind: ImportKind, fileName: string, explicit?: string): string {
  const name = explicit?.trim() || stem(fileName);
  return name.startsWith(`${SYSTEM[kind]}:`) ? name : `${SYSTEM[kind]}:${name}`;
}

export async function savedMappingFor(
  store: Store,
  organisationId: string,
  source: string,
): Promise<unknown> {
  return (await findSavedMapping(store, organisationId, source)) ?? null;
}

/** Format errors of the file or mapping become 422 problems naming the field. */
async function asProblem<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ImportFormatError)
      throw fieldProblem(
        'validation_failed',
        error.message.startsWith('mapping') ? 'mapping' : 'file',
        error.message,
      );
    if (error instanceof RangeError) throw fieldProblem('validation_failed', 'timeZone', error.message);
    throw error;
  }
}

/** What validation asks of an importer's status classifier (Jira's or the other trackers'). */
interface StatusNames {
  categoryOf(status: string): unknown;
  readonly unclassified: ReadonlySet<string>;
}

/**
 * Every record and rejection the import would see, without writing (the validation step), and the
 * classifier, which collects the statuses no mapping entry, export category or default classified.
 */
async function events(
  store: Store,
  organisationId: string,
  req: ImportRequest,
): Promise<{ events: AsyncIterable<ImportEvent>; classifier: StatusNames }> {
  const timeZone = req.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const source = sourceFor(req.kind, req.fileName, req.source);
  const document = req.mapping ?? (await findSavedMapping(store, organisationId, source));
  if (req.kind === 'jira') {
    const mapping = document ? parseJiraMapping(document) : DEFAULT_JIRA_MAPPING;
    const scan = await scanJiraFile(req.path);
    const classifier = scan.classifier.withMapping(mapping);
    return {
      events: readJiraRecords(req.path, scan, { mapping, timeZone, classifier }),
      classifier,
    };
  }
  if (req.kind === 'ado') {
    const mapping = parseTrackerMapping(document, DEFAULT_ADO_MAPPING);
    const scan = await scanAdo(req.path, mapping, stem(req.fileName));
    const classifier = new TrackerClassifier(mapping);
    const ctx = { mapping, classifier, timeZone, defaultProject: stem(req.fileName) };
    return { events: readAdo(req.path, scan, ctx), classifier };
  }
  if (req.kind === 'github') {
    const mapping = parseTrackerMapping(document, DEFAULT_GITHUB_MAPPING);
    const scan = await scanGithub(req.path, mapping, stem(req.fileName));
    const classifier = new TrackerClassifier(mapping);
    return {
      events: readGithub(req.path, scan, { mapping, classifier, defaultRepository: stem(req.fileName) }),
      classifier,
    };
  }
  if (document === undefined) throw new ImportFormatError('mapping: a spreadsheet needs a column mapping');
  const mapping = parseTableMapping(document);
  const scan = await scanTable(req.path, mapping);
  const classifier = new TrackerClassifier(mapping);
  return {
    events: readTable(req.path, scan, { mapping, classifier, timeZone }),
    classifier,
  };
}

export async function validateImport(store: Store, organisationId: string, req: ImportRequest) {
  return asProblem(async () => {
    let valid = 0;
    const rejections: Rejection[] = [];
    const keys = new Set<string>();
    const read = await events(store, organisationId, req);
    for await (const event of read.events) {
      if (event.kind === 'rejected') rejections.push(event.rejection);
      else {
        valid++;
        keys.add(event.record.key);
        // The writer classifies the statuses of the history; so does validation, to name the
        // ones nothing classified (statuses seen only in histories have no export category).
        for (const t of event.record.transitions ?? []) {
          if (t.fromStatus) read.classifier.categoryOf(t.fromStatus);
          read.classifier.categoryOf(t.toStatus);
        }
      }
    }
    rejections.sort((a, b) => a.row - b.row);
    // Keys already in the database tell the user how many rows update rather than create.
    let existing = 0;
    const all = [...keys];
    for (let i = 0; i < all.length; i += 500) {
      const rows = await store.db
        .selectFrom('work_items')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('key', 'in', all.slice(i, i + 500))
        .execute();
      existing += rows.length;
    }
    return {
      total: valid + rejections.length,
      valid,
      existing,
      rejected: rejections.length,
      rejections: rejections.slice(0, 1000),
      unclassifiedStatuses: [...read.classifier.unclassified].sort(),
    };
  });
}

export interface ImportJob {
  id: string;
  organisationId: string;
  status: 'running' | 'completed' | 'failed';
  done: number;
  total: number;
  startedAt: string;
  summary: {
    created: number;
    updated: number;
    unchanged: number;
    rejected: number;
    missing: number;
    rejections: Rejection[];
  } | null;
  error: string | null;
}

// Jobs of this server process; the durable record of each run is import_runs.
const jobs = new Map<string, ImportJob>();

export function findJob(organisationId: string, id: string): ImportJob | undefined {
  const job = jobs.get(id);
  return job?.organisationId === organisationId ? job : undefined;
}

/**
 * Starts the import in the background and answers at once with the job, which the page polls
 * for progress. File and mapping are checked first (a bad one is a 422, nothing started).
 */
export async function startImport(
  store: Store,
  organisationId: string,
  actorLabel: string,
  req: ImportRequest & { onMissing: MissingPolicy },
): Promise<ImportJob> {
  await validateMappingOnly(store, organisationId, req);
  const job: ImportJob = {
    id: randomUUID(),
    organisationId,
    status: 'running',
    done: 0,
    total: 0,
    startedAt: new Date().toISOString(),
    summary: null,
    error: null,
  };
  jobs.set(job.id, job);
  if (jobs.size > 200) jobs.delete(jobs.keys().next().value as string);
  const source = sourceFor(req.kind, req.fileName, req.source);
  const common = {
    organisationId,
    file: req.path,
    mapping: req.mapping ?? undefined,
    source,
    timeZone: req.timeZone,
    onMissing: req.onMissing,
    actorLabel,
    onProgress: (done: number, total: number) => {
      job.done = done;
      job.total = total;
    },
  };
  const run = async () => {
    if (req.kind === 'jira')
      return importJira(store, {
        ...common,
        mapping: req.mapping ? parseJiraMapping(req.mapping) : undefined,
      });
    if (req.kind === 'ado') return importAdo(store, { ...common, project: stem(req.fileName) });
    if (req.kind === 'github') return importGithub(store, { ...common, repository: stem(req.fileName) });
    return importTable(store, common);
  };
  void run().then(
    (s) => {
      job.status = 'completed';
      job.summary = {
        created: s.created,
        updated: s.updated,
        unchanged: s.unchanged,
        rejected: s.rejected,
        missing: s.missing,
        rejections: s.rejections.slice(0, 1000),
      };
    },
    (error: unknown) => {
      job.status = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
    },
  );
  return job;
}

/** Parses the mapping and time zone only, so a bad one is refused before the job starts. */
async function validateMappingOnly(store: Store, organisationId: string, req: ImportRequest): Promise<void> {
  await asProblem(async () => {
    checkTimeZone(req.timeZone ?? 'UTC');
    const source = sourceFor(req.kind, req.fileName, req.source);
    const document = req.mapping ?? (await findSavedMapping(store, organisationId, source));
    if (req.kind === 'jira' && document) parseJiraMapping(document);
    if (req.kind === 'ado') parseTrackerMapping(document, DEFAULT_ADO_MAPPING);
    if (req.kind === 'github') parseTrackerMapping(document, DEFAULT_GITHUB_MAPPING);
    if (req.kind === 'table') {
      if (document === undefined)
        throw new ImportFormatError('mapping: a spreadsheet needs a column mapping');
      parseTableMapping(document);
    }
  });
}
