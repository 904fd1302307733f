import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Engine, openStore, type Store } from '../store/database';
import { migrateToLatest } from '../store/migrate';

// The one shared store-test matrix: every suite that touches the database runs once per engine
// (as Kysely runs its tests on every dialect). TRIAD_TEST_ENGINES picks engines (sqlite,postgres);
// unset, PostgreSQL joins when a server answers and is skipped with a printed notice otherwise.

const ADMIN_URL = process.env.TRIAD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestEngine {
  name: Engine;
  /** A fresh, migrated database of this engine; close it with `dispose`. */
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async open() {
    const store = openStore({ sqliteFile: ':memory:' });
    await migrateToLatest(store);
    return { store, dispose: () => store.close() };
  },
};

const postgresEngine: TestEngine = {
  name: 'postgres',
  async open() {
    const name = `triad_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const store = openStore({ databaseUrl: url.toString() });
    await migrateToLatest(store);
    return {
      store,
      async dispose() {
        await store.close();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  },
};

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let cached: Promise<TestEngine[]> | undefined;

export function testEngines(): Promise<TestEngine[]> {
  cached ??= resolveEngines();
  return cached;
}

async function resolveEngines(): Promise<TestEngine[]> {
  const wanted = (process.env.TRIAD_TEST_ENGINES ?? '').split(',').filter(Boolean);
  const engines: TestEngine[] = [];
  if (wanted.length === 0 || wanted.includes('sqlite')) engines.push(sqliteEngine);
  if (wanted.length === 0 || wanted.includes('postgres')) {
    const reachable = await adminQuery('select 1').then(
      () => true,
      () => false,
    );
    if (reachable) engines.push(postgresEngine);
    else if (wanted.includes('postgres'))
      throw new Error(`PostgreSQL was required but ${ADMIN_URL} does not answer`);
    else console.warn(`[triad] PostgreSQL at ${ADMIN_URL} does not answer: store tests run on SQLite only.`);
  }
  return engines;
}
