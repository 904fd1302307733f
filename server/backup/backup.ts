import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Store } from '../store/database';
import { getSchemaVersion } from '../store/migrate';
import { TABLES_IN_DEPENDENCY_ORDER } from '../store/tables';

// A backup is newline-delimited JSON: a header line, then one line per row, tables in dependency
// order. Values are stored exactly as the store holds them (text timestamps, numbers), which is
// what makes a SQLite backup restore into PostgreSQL unchanged and back.

export const BACKUP_FORMAT = 'triad-backup';
export const BACKUP_FORMAT_VERSION = 1;
const PAGE = 5000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: string;
  engine: string;
  createdAt: string;
}

export interface BackupLine {
  table: string;
  row: Record<string, unknown>;
}

type AnyDb = Record<string, Record<string, unknown>>;

/** Streams every table to FILE (gzip when it ends in .gz); returns rows written per table. */
export async function writeBackup(store: Store, file: string): Promise<Record<string, number>> {
  const out = createWriteStream(file);
  const sink = file.endsWith('.gz') ? createGzip() : undefined;
  if (sink) sink.pipe(out);
  const target = sink ?? out;
  const write = async (value: unknown) => {
    if (!target.write(`${JSON.stringify(value)}\n`)) await once(target, 'drain');
  };
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: await getSchemaVersion(store),
    engine: store.engine,
    createdAt: new Date().toISOString(),
  };
  await write(header);
  const counts: Record<string, number> = {};
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    counts[table] = 0;
    for await (const row of readTable(store.db as unknown as Kysely<AnyDb>, table)) {
      await write({ table, row: inColumnOrder(row) } satisfies BackupLine);
      counts[table] += 1;
    }
  }
  target.end();
  await once(out, 'finish');
  return counts;
}

/**
 * A row with its columns in name order. The engines can hold a table's columns in different orders
 * (SQLite rebuilds a table to change a column, PostgreSQL alters it in place), and the same data
 * should make the same backup whichever engine wrote it.
 */
function inColumnOrder(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(row)
      .sort()
      .map((column) => [column, row[column]]),
  );
}

/**
 * Rows of a table in an order a restore can insert them in: parents before children in the
 * self-referencing tables, keyset pages on id for the big ones, the small link tables at once.
 */
async function* readTable(db: Kysely<AnyDb>, table: string): AsyncGenerator<Record<string, unknown>> {
  if (['person_skills', 'team_members', 'taggings'].includes(table)) {
    yield* await db.selectFrom(table).selectAll().execute();
  } else if (table === 'work_items') {
    // The hierarchy rules make every parent's type come earlier in this list than its children's.
    for (const type of WORK_ITEM_TYPES_PARENTS_FIRST) yield* pagesById(db, table, type);
  } else if (table === 'goals') {
    yield* parentsFirst(await db.selectFrom(table).selectAll().orderBy('id').execute());
  } else {
    yield* pagesById(db, table);
  }
}

const WORK_ITEM_TYPES_PARENTS_FIRST = ['epic', 'feature', 'story', 'bug', 'task'];

async function* pagesById(
  db: Kysely<AnyDb>,
  table: string,
  type?: string,
): AsyncGenerator<Record<string, unknown>> {
  let last: string | undefined;
  for (;;) {
    let query = db.selectFrom(table).selectAll().orderBy('id').limit(PAGE);
    if (type !== undefined) query = query.where('type', '=', type);
    if (last !== undefined) query = query.where('id', '>', last);
    const rows = await query.execute();
    yield* rows;
    if (rows.length < PAGE) return;
    last = String(rows.at(-1)?.id);
  }
}

/** Orders a tree table so that every row comes after its parent. */
function parentsFirst(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const placed = new Set<unknown>();
  const ordered: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next = pending.filter((r) => r.parent_id !== null && !placed.has(r.parent_id));
    const ready = pending.filter((r) => r.parent_id === null || placed.has(r.parent_id));
    if (ready.length === 0) throw new Error('goals form a cycle through parent_id');
    for (const r of ready) {
      placed.add(r.id);
      ordered.push(r);
    }
    pending = next;
  }
  return ordered;
}
