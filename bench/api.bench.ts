import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../server/app';
import { issueApiToken } from '../server/auth/api-tokens';
import { seedDemo } from '../server/demo/seed-demo';
import { openStore, type Store } from '../server/store/database';
import { migrateToLatest } from '../server/store/migrate';
import { type BenchRow, type BenchSuite, formatMs, percentileMs, sampleMs } from './harness';

// Issue 2's speed check: the demo organisation at TRIAD_BENCH_SCALE (default 200 ≈ 1M work items,
// ~3.5M status changes) in each engine; four operations through the HTTP API beside the same
// query run bare through the driver in the same run. TRIAD_BENCH_ENGINES=sqlite,postgres picks.

const SCALE = Number(process.env.TRIAD_BENCH_SCALE ?? 200);
const RUNS = Number(process.env.TRIAD_BENCH_RUNS ?? 300);
const PG_ADMIN = process.env.TRIAD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ENGINES = (process.env.TRIAD_BENCH_ENGINES ?? 'sqlite,postgres').split(',');

interface Bare {
  query(text: string, params: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

interface Engine {
  name: string;
  store: Store;
  bare: Bare;
  /** `?` for SQLite, `$n` for PostgreSQL. */
  p(n: number): string;
  dispose(): Promise<void>;
}

async function openSqlite(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'triad-bench-'));
  const store = openStore({ dataDir: dir });
  const raw = new SQLite(join(dir, 'triad.sqlite'));
  raw.pragma('journal_mode = WAL');
  const cache = new Map<string, SQLite.Statement>();
  const stmt = (text: string) =>
    cache.get(text) ?? (cache.set(text, raw.prepare(text)).get(text) as SQLite.Statement);
  return {
    name: 'sqlite',
    store,
    p: () => '?',
    bare: {
      query: async (text, params) =>
        stmt(text).reader ? stmt(text).all(...params) : [stmt(text).run(...params)],
      close: async () => {
        raw.close();
      },
    },
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<Engine> {
  const name = `triad_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  const store = openStore({ databaseUrl: url.toString() });
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  return {
    name: 'postgres',
    store,
    p: (n) => `$${n}`,
    bare: { query: async (text, params) => (await pool.query(text, params)).rows, close: () => pool.end() },
    dispose: async () => {
      await store.close();
      const a = new pg.Client({ connectionString: PG_ADMIN });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function measure(engine: Engine): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  await migrateToLatest(engine.store);
  const t0 = performance.now();
  const demo = await seedDemo(engine.store, { scale: SCALE, anchorDate: '2026-06-30' });
  const seedMs = performance.now() - t0;
  rows.push({
    name: `${engine.name}: seed scale ${SCALE}`,
    value: `${demo.workItems} items + ${demo.statusChanges} changes in ${(seedMs / 1000).toFixed(1)} s`,
    note: `${Math.round(((demo.workItems + demo.statusChanges) / seedMs) * 1000)} rows/s`,
  });

  // The rate limiter would throttle the benchmark's own request stream.
  const app = await buildApp({ store: engine.store, rateLimitPerMinute: 1_000_000_000 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const { token } = await issueApiToken(engine.store.db, {
    organisationId: demo.organisationId,
    userId: demo.adminUserId,
    name: 'bench',
    scope: 'write',
    expiresAt: null,
    now: new Date().toISOString(),
  });
  const headers = { authorization: `Bearer ${token}` };
  const org = demo.organisationId;
  const { p } = engine;
  const project = await engine.store.db
    .selectFrom('projects')
    .select('id')
    .where('key', '=', 'WEB')
    .executeTakeFirstOrThrow();
  const team = await engine.store.db
    .selectFrom('teams')
    .select('id')
    .where('name', '=', 'Falcons')
    .executeTakeFirstOrThrow();
  const ids = (
    await engine.store.db
      .selectFrom('work_items')
      .select('id')
      .where('project_id', '=', project.id)
      .limit(RUNS * 2)
      .execute()
  ).map((r) => r.id);
  let i = 0;
  const nextId = () => ids[i++ % ids.length] as string;

  const compare = async (name: string, api: () => Promise<unknown>, bare: () => Promise<unknown>) => {
    const a = await sampleMs(api, RUNS, 20);
    const b = await sampleMs(bare, RUNS, 20);
    const [a50, a95, b50, b95] = [
      percentileMs(a, 50),
      percentileMs(a, 95),
      percentileMs(b, 50),
      percentileMs(b, 95),
    ];
    rows.push({
      name: `${engine.name}: ${name}`,
      value: `p50 ${formatMs(a50)}, p95 ${formatMs(a95)}`,
      baseline: `bare p50 ${formatMs(b50)}, p95 ${formatMs(b95)}`,
      ratio: a50 / b50,
    });
  };
  const get = async (path: string, extra: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, { headers: { ...headers, ...extra } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  await compare(
    'list work items (project + status filter, page of 50)',
    () => get(`/api/v1/work-items?projectId=${project.id}&statusCategory=done&limit=50`),
    () =>
      engine.bare.query(
        `select * from work_items where organisation_id = ${p(1)} and project_id = ${p(2)} and status_category in (${p(3)}) order by created_at asc, id asc limit 51`,
        [org, project.id, 'done'],
      ),
  );
  await compare(
    'get work item by id',
    () => get(`/api/v1/work-items/${nextId()}`),
    () =>
      engine.bare.query(`select * from work_items where id = ${p(1)} and organisation_id = ${p(2)}`, [
        nextId(),
        org,
      ]),
  );
  const versions = new Map<string, number>();
  const versionOf = async (id: string) =>
    versions.get(id) ??
    Number(
      (
        await engine.store.db
          .selectFrom('work_items')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).version,
    );
  await compare(
    'update work item with version (audited)',
    async () => {
      const id = nextId();
      const version = await versionOf(id);
      const res = await fetch(`${base}/api/v1/work-items/${id}`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${version}"` },
        body: JSON.stringify({ title: `Bench ${i}` }),
      });
      if (res.status !== 200) throw new Error(`PATCH ${res.status} ${await res.text()}`);
      versions.set(id, ((await res.json()) as { version: number }).version);
    },
    async () => {
      const id = nextId();
      const version = await versionOf(id);
      await engine.bare.query(
        `update work_items set title = ${p(1)}, version = version + 1, updated_at = ${p(2)} where id = ${p(3)} and organisation_id = ${p(4)} and version = ${p(5)}`,
        [`Bare ${i}`, new Date().toISOString(), id, org, version],
      );
      versions.set(id, version + 1);
    },
  );
  await compare(
    'throughput per week, one team, one year',
    () => get(`/api/v1/flow/throughput?teamId=${team.id}&from=2025-07-01&to=2026-06-30`),
    () =>
      engine.bare.query(
        `select substr(done_at, 1, 10) as day, count(*) as n from work_items where organisation_id = ${p(1)} and done_at >= ${p(2)} and done_at < ${p(3)} and type not in (${p(4)}, ${p(5)}) and team_id = ${p(6)} group by substr(done_at, 1, 10) order by substr(done_at, 1, 10)`,
        [org, '2025-07-01', '2026-07-01', 'epic', 'feature', team.id],
      ),
  );
  await app.close();
  await engine.bare.close();
  return rows;
}

const suite: BenchSuite = {
  name: `API against bare driver queries (demo scale ${SCALE})`,
  async run() {
    const rows: BenchRow[] = [];
    for (const name of ENGINES) {
      const engine = name === 'postgres' ? await openPostgres() : await openSqlite();
      try {
        rows.push(...(await measure(engine)));
      } finally {
        await engine.dispose();
      }
    }
    return rows;
  },
};

export default suite;
