import { Migrator, sql } from 'kysely';
import type { Store } from './database';
import { migrationProvider } from './migrations';

export interface MigrationOutcome {
  applied: string[];
  schemaVersion: string;
}

/**
 * Applies pending migrations one at a time, each in its own transaction (Kysely's migrateUp), so
 * a failure leaves the schema at the last migration that fully succeeded.
 */
export async function migrateToLatest(store: Store): Promise<MigrationOutcome> {
  // Numbered migrations that land out of order (parallel branches) still apply: each only adds.
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider,
    allowUnorderedMigrations: true,
  });
  const applied: string[] = [];
  for (;;) {
    const { error, results } = await migrator.migrateUp();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(
        `migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const done = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (done.length === 0) break;
    applied.push(...done);
  }
  return { applied, schemaVersion: await getSchemaVersion(store) };
}

/** Name of the last applied migration, or '' on an empty database. */
export async function getSchemaVersion(store: Store): Promise<string> {
  const result = await sql<{ name: string }>`select max(name) as name from kysely_migration`
    .execute(store.db)
    .catch(() => ({ rows: [] as { name: string }[] }));
  return result.rows[0]?.name ?? '';
}
