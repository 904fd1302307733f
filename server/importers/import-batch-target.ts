import { randomUUID } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../config';
import { openStore, type Store, type StoreOptions } from '../store/database';
import { migrateToLatest } from '../store/migrate';

/**
 * The database and organisation a command-line import or report works on. `--db` takes a
 * `postgres://` URL or a SQLite file (`PATH`, `sqlite:PATH`, `file:PATH`); without it the
 * server's own configuration applies (DATABASE_URL, else the SQLite file in TRIAD_DATA_DIR).
 */
export class TargetError extends Error {
  override name = 'TargetError';
}

export function storeOptionsFor(db: string | undefined, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  if (db === undefined || db.trim() === '') {
    const config = readConfig(env);
    return { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  }
  const url = db.trim();
  if (/^postgres(ql)?:\/\//i.test(url)) return { databaseUrl: url };
  let path = url;
  if (/^file:\/\//i.test(path)) path = fileURLToPath(path);
  else if (/^(sqlite|file):/i.test(path)) path = path.slice(path.indexOf(':') + 1);
  if (path === '') throw new TargetError(`--db: no SQLite file in "${db}"`);
  if (path === ':memory:') return { sqliteFile: ':memory:' };
  const absolute = resolve(path);
  return { dataDir: dirname(absolute), sqliteFile: basename(absolute) };
}

export interface Target {
  store: Store;
  organisationId: string;
}

/**
 * Opens and migrates the database, then picks the organisation: the one named by slug, the only
 * one, or a new "Default organisation" in an empty database. Several and no slug is an error.
 */
export async function openTarget(options: {
  db?: string | undefined;
  organisation?: string | undefined;
}): Promise<Target> {
  const store = openStore(storeOptionsFor(options.db));
  try {
    await migrateToLatest(store);
    const organisations = await store.db
      .selectFrom('organisations')
      .select(['id', 'slug'])
      .orderBy('slug')
      .execute();
    if (options.organisation !== undefined) {
      const found = organisations.find((o) => o.slug === options.organisation);
      if (!found) {
        throw new TargetError(
          `no organisation with slug "${options.organisation}" (there are: ${organisations.map((o) => o.slug).join(', ') || 'none'})`,
        );
      }
      return { store, organisationId: found.id };
    }
    if (organisations.length === 1) return { store, organisationId: (organisations[0] as { id: string }).id };
    if (organisations.length > 1) {
      throw new TargetError(
        `the database holds ${organisations.length} organisations: choose one with --organisation SLUG (${organisations.map((o) => o.slug).join(', ')})`,
      );
    }
    const id = randomUUID();
    const now = new Date().toISOString();
    await store.db
      .insertInto('organisations')
      .values({
        id,
        name: 'Default organisation',
        slug: 'default',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { store, organisationId: id };
  } catch (error) {
    await store.close();
    throw error;
  }
}
