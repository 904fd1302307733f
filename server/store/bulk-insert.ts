import type { Kysely, Transaction } from 'kysely';
import type { Database } from './tables';

// Both engines cap bound parameters per statement (SQLite 32,766; PostgreSQL 65,535), so large
// loads go in multi-row statements sized to stay under the smaller limit.
const MAX_PARAMETERS = 30_000;

type AnyDb = Record<string, Record<string, unknown>>;

export async function insertInBatches(
  trx: Transaction<Database> | Kysely<Database>,
  table: keyof Database,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const batch = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const db = trx as unknown as Kysely<AnyDb>;
  for (let i = 0; i < rows.length; i += batch) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + batch) as Record<string, unknown>[])
      .execute();
  }
}
