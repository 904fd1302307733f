import { CompiledQuery, type Transaction } from 'kysely';
import type { Engine } from '../store/database';
import type { Database } from '../store/tables';

// Both engines cap bound parameters per statement (SQLite 32,766; PostgreSQL 65,535).
const MAX_PARAMETERS = 30_000;

/** Statement text by engine, table, columns and row count: a batch shape is built once per import. */
const texts = new Map<string, string>();

function insertText(engine: Engine, table: string, columns: readonly string[], rows: number): string {
  const cacheKey = `${engine}\u0001${table}\u0001${columns.join(',')}\u0001${rows}`;
  let text = texts.get(cacheKey);
  if (text) return text;
  let n = 0;
  const tuple = () => `(${columns.map(() => (engine === 'postgres' ? `$${++n}` : '?')).join(',')})`;
  const values = Array.from({ length: rows }, tuple).join(',');
  text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${values}`;
  if (texts.size > 200) texts.clear();
  texts.set(cacheKey, text);
  return text;
}

/**
 * The importer's bulk insert: multi-row INSERT statements with bound parameters, as
 * store/bulk-insert's insertInBatches writes them, but with the statement text built once per
 * batch shape and handed to the driver as a compiled query. Kysely's builder makes an operation
 * node per value; on a 100,000-issue import those nodes and their garbage were about a tenth of
 * the CPU time (docs/benchmarks.md). Every row must have the columns of the first.
 */
export async function insertImportRows(
  trx: Transaction<Database>,
  engine: Engine,
  table: keyof Database,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement) as Record<string, unknown>[];
    const parameters: unknown[] = [];
    for (const row of slice) for (const c of columns) parameters.push(row[c] ?? null);
    await trx.executeQuery(CompiledQuery.raw(insertText(engine, table, columns, slice.length), parameters));
  }
}
