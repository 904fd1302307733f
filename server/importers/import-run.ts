import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { sql } from 'kysely';
import type { StatusCategory } from '../../core/model/vocabulary';
import type { Store } from '../store/database';
import { type RecordOutcome, writeImportBatch } from './import-batch';
import { type ImportContext, loadPeople } from './import-batch-context';
import { applyMissingPolicy, linkDeferredParents, type MissingPolicy } from './import-batch-finish';
import type { ImportRecord } from './import-batch-record';
import type { Rejection } from './import-errors';

/**
 * One import run of any tracker, as a sync: the source and its saved mapping are recorded, the
 * records are written in transactional batches (a killed run leaves whole batches only, and
 * running it again finishes the job), then deferred parents and the missing-record policy are
 * applied in a last transaction. Each importer only turns its file into {@link ImportEvent}s.
 */
export type ImportEvent =
  | { kind: 'record'; record: ImportRecord }
  | { kind: 'rejected'; rejection: Rejection };

export interface ImportRunSpec {
  organisationId: string;
  /** `jira`, `ado`, `github`, `csv`: import_sources.kind, imported_projects.system, the key prefix of `source`. */
  system: string;
  /** `<system>:<name>`. */
  source: string;
  /** Key of the tracker's fields inside custom_fields. */
  namespace: string;
  file: string;
  format: string;
  /** The effective mapping, saved with the source for the next run. */
  mapping: unknown;
  /** Records in the file, good and bad (for the progress bar). */
  total: number;
  /** Every readable key in the file, rejected or not: a rejected row is not "missing at the source". */
  keys: ReadonlySet<string>;
  categoryOf(status: string): StatusCategory;
  projectKeys: Record<string, string>;
  records: AsyncIterable<ImportEvent>;
  /** Who the audit entries name; default `import <source>`. */
  actorLabel?: string | undefined;
}

export interface ImportRunOptions {
  onMissing?: MissingPolicy | undefined;
  /** Records per transaction, default 500. */
  batchSize?: number | undefined;
  /** The import's clock, read once (audit times, updated_at of changed rows). */
  now?: Date | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Called inside each batch's transaction after its writes: lets tests kill an import mid-batch. */
  afterBatchWrite?: ((batch: number) => void | Promise<void>) | undefined;
}

export interface ImportRunSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: Rejection[];
  /** Items of this source missing from the export (kept, closed or deleted per the policy). */
  missing: number;
  parentsNotLinked: number;
  runId: string;
}

/** The mapping saved with a source by an earlier run, if any. */
export async function findSavedMapping(
  store: Store,
  organisationId: string,
  source: string,
): Promise<unknown | undefined> {
  const saved = await store.db
    .selectFrom('import_sources')
    .select('mapping')
    .where('organisation_id', '=', organisationId)
    .where('source', '=', source)
    .executeTakeFirst();
  return saved ? (JSON.parse(saved.mapping) as unknown) : undefined;
}

export async function runImport(
  store: Store,
  spec: ImportRunSpec,
  options: ImportRunOptions = {},
): Promise<ImportRunSummary> {
  const orgId = spec.organisationId;
  const now = (options.now ?? new Date()).toISOString();
  const onMissing = options.onMissing ?? 'keep';
  const { sourceId, runId } = await startRun(store, spec, onMissing, now);
  const ctx: ImportContext = {
    engine: store.engine,
    organisationId: orgId,
    source: spec.source,
    sourcePrefix: `${spec.system}:`,
    namespace: spec.namespace,
    system: spec.system,
    actorLabel: spec.actorLabel ?? `import ${spec.source}`,
    now,
    categoryOf: (status) => spec.categoryOf(status),
    projectKeys: spec.projectKeys,
    people: await loadPeople(store, orgId),
    projects: new Map(),
    portfolioId: undefined,
  };
  const outcomes = new Map<string, RecordOutcome>();
  const rejections: Rejection[] = [];
  const deferred: { key: string; parentKey: string }[] = [];
  let parentsNotLinked = 0;
  let done = 0;
  let batchNumber = 0;
  const batchSize = options.batchSize ?? 500;

  if (store.engine === 'sqlite') await tuneSqliteForImport(store);
  try {
    const flush = async (batch: ImportRecord[]) => {
      if (batch.length === 0) return;
      batchNumber++;
      const result = await store.db.transaction().execute(async (trx) => {
        const r = await writeImportBatch(trx, ctx, batch);
        await options.afterBatchWrite?.(batchNumber);
        return r;
      });
      for (const [key, outcome] of result.outcomes) outcomes.set(key, outcome);
      rejections.push(...result.rejections);
      deferred.push(...result.deferredParents);
      parentsNotLinked += result.parentsNotLinked;
      done += batch.length;
      options.onProgress?.(done + rejections.length, spec.total);
    };
    let batch: ImportRecord[] = [];
    for await (const event of spec.records) {
      if (event.kind === 'rejected') {
        rejections.push(event.rejection);
        continue;
      }
      batch.push(event.record);
      if (batch.length >= batchSize) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);

    const summary = await store.db.transaction().execute(async (trx) => {
      const links = await linkDeferredParents(trx, ctx, deferred, outcomes);
      parentsNotLinked += links.notLinked;
      const missing = await applyMissingPolicy(trx, ctx, onMissing, spec.keys);
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (const outcome of outcomes.values()) counts[outcome]++;
      rejections.sort((a, b) => a.row - b.row);
      await trx
        .updateTable('import_runs')
        .set({
          status: 'completed',
          finished_at: new Date().toISOString(),
          created_count: counts.created,
          updated_count: counts.updated,
          unchanged_count: counts.unchanged,
          rejected_count: rejections.length,
          missing_count: missing,
          rejections: JSON.stringify(rejections.slice(0, 10_000)),
        })
        .where('id', '=', runId)
        .execute();
      await trx.updateTable('import_sources').set({ last_run_at: now }).where('id', '=', sourceId).execute();
      return { ...counts, missing };
    });
    options.onProgress?.(spec.total, spec.total);
    return { ...summary, rejected: rejections.length, rejections, parentsNotLinked, runId };
  } catch (error) {
    await store.db
      .updateTable('import_runs')
      .set({ status: 'failed', finished_at: new Date().toISOString() })
      .where('id', '=', runId)
      .execute()
      .catch(() => undefined);
    throw error;
  } finally {
    if (store.engine === 'sqlite') await restoreSqlite(store);
  }
}

/** Records the source (with its mapping) and a `running` import run in one transaction. */
async function startRun(store: Store, spec: ImportRunSpec, onMissing: MissingPolicy, now: string) {
  const orgId = spec.organisationId;
  const saved = await store.db
    .selectFrom('import_sources')
    .select('id')
    .where('organisation_id', '=', orgId)
    .where('source', '=', spec.source)
    .executeTakeFirst();
  const sourceId = saved?.id ?? randomUUID();
  const runId = randomUUID();
  const mapping = JSON.stringify(spec.mapping);
  await store.db.transaction().execute(async (trx) => {
    if (saved) {
      await trx
        .updateTable('import_sources')
        .set({ mapping, updated_at: now })
        .where('id', '=', sourceId)
        .execute();
    } else {
      await trx
        .insertInto('import_sources')
        .values({
          id: sourceId,
          organisation_id: orgId,
          source: spec.source,
          kind: spec.system,
          mapping,
          last_run_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await trx
      .insertInto('import_runs')
      .values({
        id: runId,
        organisation_id: orgId,
        source_id: sourceId,
        file_name: basename(spec.file),
        format: spec.format,
        status: 'running',
        on_missing: onMissing,
        started_at: now,
        finished_at: null,
        created_count: 0,
        updated_count: 0,
        unchanged_count: 0,
        rejected_count: 0,
        missing_count: 0,
        rejections: '[]',
      })
      .execute();
  });
  return { sourceId, runId };
}

/*
 * SQLite settings for the length of an import, on the store's one connection (which the server
 * also answers other requests on meanwhile); restored when the last running import ends.
 * - cache_size: the default page cache (2 MB) makes every index insert of a large import a cache
 *   miss; 64 MB made a 20,000-issue import 25% faster.
 * - wal_autocheckpoint: by default a checkpoint copies the WAL back into the database (and syncs
 *   it) every 1,000 pages, some 4 MB, which a large import passes every few batches, copying the
 *   same hot index pages again each time. 65,536 pages (256 MB) checkpoint them far less often.
 *   Commits are as durable as before (synchronous is unchanged), and a killed import leaves
 *   committed batches in the WAL, which SQLite replays on the next open.
 */
const IMPORT_CACHE_KIB = 65_536;
const IMPORT_WAL_PAGES = 65_536;

/**
 * The settings belong to the connection, which a server shares between requests and between
 * imports running at once: the first import to start saves and tunes them, the last to end
 * restores them (a per-import save would let a later import "restore" the tuned values).
 */
const tuned = new WeakMap<
  Store,
  { imports: number; before: Promise<{ cacheSize: number; walPages: number }> }
>();

async function sqliteSettings(store: Store): Promise<{ cacheSize: number; walPages: number }> {
  const cache = await sql<{ cache_size: number }>`pragma cache_size`.execute(store.db);
  const wal = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db);
  return {
    cacheSize: Number(cache.rows[0]?.cache_size ?? -2000),
    walPages: Number(wal.rows[0]?.wal_autocheckpoint ?? 1000),
  };
}

async function tuneSqliteForImport(store: Store): Promise<void> {
  const running = tuned.get(store);
  if (running) {
    running.imports++;
    await running.before;
    return;
  }
  const before = sqliteSettings(store);
  tuned.set(store, { imports: 1, before });
  await before;
  await sql.raw(`pragma cache_size = -${IMPORT_CACHE_KIB}`).execute(store.db);
  await sql.raw(`pragma wal_autocheckpoint = ${IMPORT_WAL_PAGES}`).execute(store.db);
}

async function restoreSqlite(store: Store): Promise<void> {
  const running = tuned.get(store);
  if (!running || --running.imports > 0) return;
  tuned.delete(store);
  const before = await running.before;
  await sql.raw(`pragma cache_size = ${Math.trunc(before.cacheSize)}`).execute(store.db);
  await sql.raw(`pragma wal_autocheckpoint = ${Math.trunc(before.walPages)}`).execute(store.db);
  // Fold the import's WAL back now rather than at some later writer's commit; PASSIVE waits for
  // no reader or writer (what it cannot copy yet, a later checkpoint does).
  await sql`pragma wal_checkpoint(PASSIVE)`.execute(store.db);
}
