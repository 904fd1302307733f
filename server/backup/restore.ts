import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { insertInBatches } from '../store/bulk-insert';
import type { Store } from '../store/database';
import { getSchemaVersion, migrateToLatest } from '../store/migrate';
import { refreshPlannerStatistics } from '../store/planner-statistics';
import { type Database, TABLES_IN_DEPENDENCY_ORDER } from '../store/tables';
import { BACKUP_FORMAT, type BackupHeader, type BackupLine } from './backup';

export class RestoreError extends Error {}

const BATCH_ROWS = 2000;
const KNOWN_TABLES = new Set<string>(TABLES_IN_DEPENDENCY_ORDER);

/**
 * Restores a backup into an empty database of either engine, all in one transaction: a bad line
 * anywhere leaves the database as it was.
 */
export async function restoreBackup(store: Store, file: string): Promise<Record<string, number>> {
  await migrateToLatest(store);
  const existing = await store.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (existing) throw new RestoreError('the target database is not empty; restore into a fresh database');
  const schemaVersion = await getSchemaVersion(store);

  const counts: Record<string, number> = {};
  await store.db.transaction().execute(async (trx) => {
    // Opened only once the transaction has begun: readline drops lines emitted before iteration starts.
    const input = createReadStream(file);
    const lines = createInterface({
      input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input,
      crlfDelay: Infinity,
    });
    let header: BackupHeader | undefined;
    let table: string | undefined;
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (table && batch.length > 0) await insertInBatches(trx, table as keyof Database, batch);
      batch = [];
    };
    let lineNumber = 0;
    for await (const text of lines) {
      lineNumber += 1;
      if (text.trim() === '') continue;
      const parsed = parseLine(text, lineNumber);
      if (!header) {
        header = checkHeader(parsed, schemaVersion);
        continue;
      }
      const line = parsed as BackupLine;
      if (
        typeof line.table !== 'string' ||
        !KNOWN_TABLES.has(line.table) ||
        typeof line.row !== 'object' ||
        line.row === null
      ) {
        throw new RestoreError(`line ${lineNumber}: not a table row of this schema`);
      }
      if (line.table !== table || batch.length >= BATCH_ROWS) await flush();
      table = line.table;
      batch.push(line.row);
      counts[table] = (counts[table] ?? 0) + 1;
    }
    if (!header) throw new RestoreError('the file is empty, not a Triad backup');
    await flush();
  });
  await refreshPlannerStatistics(store);
  return counts;
}

function parseLine(text: string, lineNumber: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RestoreError(`line ${lineNumber}: not valid JSON`);
  }
}

function checkHeader(value: unknown, schemaVersion: string): BackupHeader {
  const header = value as Partial<BackupHeader>;
  if (header?.format !== BACKUP_FORMAT)
    throw new RestoreError('the file is not a Triad backup (no triad-backup header)');
  if (header.schemaVersion !== schemaVersion) {
    throw new RestoreError(
      `the backup has schema ${String(header.schemaVersion)} but this database has ${schemaVersion}`,
    );
  }
  return header as BackupHeader;
}
