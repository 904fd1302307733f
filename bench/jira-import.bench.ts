import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../core/random/prng';
import { createImportId } from '../server/importers/import-batch-record';
import { insertInBatches } from '../server/store/bulk-insert';
import { openStore } from '../server/store/database';
import { migrateToLatest } from '../server/store/migrate';
import type { AuditEventsTable, StatusChangesTable, WorkItemsTable } from '../server/store/tables';
import type { BenchRow, BenchSuite } from './harness';

// Issue 11 targets: 100,000 Jira issues with 500,000 status transitions (REST JSON) imported
// into SQLite in ≤ 30 s and < 500 MB peak RSS. The baseline is the engine's raw bulk-insert
// rate, insertInBatches of the same number of rows in transactions of the same size, measured
// in the same run. The import runs in a child process so its peak RSS is its own.
const ISSUES = 100_000;
const TRANSITIONS_PER_ISSUE = 5;
const BATCH = 500;
const root = fileURLToPath(new URL('..', import.meta.url));

const WORKFLOW = [
  ['Open', 'new'],
  ['In Progress', 'indeterminate'],
  ['In Review', 'indeterminate'],
  ['In Progress', 'indeterminate'],
  ['In Review', 'indeterminate'],
  ['Done', 'done'],
] as const;
const TYPES = ['Story', 'Task', 'Bug', 'Sub-task'];

/** A REST search response with `issues` issues across 4 projects, written as a stream. */
export async function writeSyntheticExport(path: string, issues = ISSUES): Promise<void> {
  const rng = createRng(11);
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`{"expand":"names,schema","startAt":0,"maxResults":${issues},"total":${issues},"issues":[`);
  const t0 = Date.UTC(2022, 0, 1);
  for (let i = 0; i < issues; i++) {
    const project = `BENCH${i % 4}`;
    let at = t0 + rng.nextInt(3 * 365 * 24) * 3_600_000;
    const created = new Date(at).toISOString().replace('Z', '+0000');
    const histories = [];
    for (let t = 1; t <= TRANSITIONS_PER_ISSUE; t++) {
      at += (1 + rng.nextInt(96)) * 3_600_000;
      histories.push({
        id: String(i * 10 + t),
        created: new Date(at).toISOString().replace('Z', '+0000'),
        items: [
          {
            field: 'status',
            fieldtype: 'jira',
            fromString: WORKFLOW[t - 1]?.[0],
            toString: WORKFLOW[t]?.[0],
          },
        ],
      });
    }
    const last = WORKFLOW[TRANSITIONS_PER_ISSUE] ?? WORKFLOW[0];
    const issue = {
      id: String(10_000 + i),
      key: `${project}-${Math.floor(i / 4) + 1}`,
      fields: {
        summary: `Synthetic issue ${i}`,
        issuetype: { name: TYPES[i % TYPES.length] },
        project: { key: project, name: `Bench project ${i % 4}` },
        status: { name: last[0], statusCategory: { key: last[1] } },
        created,
        updated: new Date(at).toISOString().replace('Z', '+0000'),
        resolutiondate: new Date(at).toISOString().replace('Z', '+0000'),
        resolution: { name: 'Done' },
        assignee: { displayName: `Person ${i % 50}`, emailAddress: `person${i % 50}@example.test` },
        labels: i % 3 === 0 ? ['bench'] : [],
        customfield_10016: 1 + (i % 8),
      },
      changelog: { startAt: 0, maxResults: TRANSITIONS_PER_ISSUE, total: TRANSITIONS_PER_ISSUE, histories },
    };
    await write(`${i === 0 ? '' : ','}${JSON.stringify(issue)}`);
  }
  await write(']}');
  out.end();
  await once(out, 'finish');
}

interface ChildReport {
  ms: number;
  /** User + system CPU time of the import: on a shared machine the wall time also counts waiting. */
  cpuMs: number;
  maxRssMb: number;
  summary: { created: number; rejected: number };
}

/** Runs the import in a fresh Node process (tsx), which reports its time and peak RSS. */
function importInChild(file: string, dbFile: string): Promise<ChildReport> {
  const script = `
    import { importJira } from './server/importers/jira/import-jira.ts';
    import { openStore } from './server/store/database.ts';
    import { migrateToLatest } from './server/store/migrate.ts';
    import { dirname, basename } from 'node:path';
    const store = openStore({ dataDir: dirname(${JSON.stringify(dbFile)}), sqliteFile: basename(${JSON.stringify(dbFile)}) });
    await migrateToLatest(store);
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    await store.db.insertInto('organisations').values({ id, name: 'Bench', slug: 'bench', version: 1, created_at: now, updated_at: now }).execute();
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const summary = await importJira(store, { organisationId: id, file: ${JSON.stringify(file)}, batchSize: ${BATCH} });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    await store.close();
    process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, summary: { created: summary.created, rejected: summary.rejected } }));
  `;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: root, maxBuffer: 1 << 20, env: { ...process.env, TZ: 'UTC' } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as ChildReport);
      },
    );
  });
}

/**
 * insertInBatches of the rows the import writes (items, status changes, audit events), in
 * transactions of the same size and with the same time-ordered ids.
 */
async function rawInsertMs(
  dbFile: string,
  rowsWritten: { items: number; changes: number },
): Promise<{ ms: number; cpuMs: number }> {
  const store = openStore({ dataDir: join(dbFile, '..'), sqliteFile: 'raw.sqlite' });
  await migrateToLatest(store);
  const now = new Date().toISOString();
  const org = createImportId();
  const portfolio = createImportId();
  const project = createImportId();
  await store.db
    .insertInto('organisations')
    .values({ id: org, name: 'Raw', slug: 'raw', version: 1, created_at: now, updated_at: now })
    .execute();
  await store.db
    .insertInto('portfolios')
    .values({
      id: portfolio,
      organisation_id: org,
      name: 'P',
      description: null,
      owner_id: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await store.db
    .insertInto('projects')
    .values({
      id: project,
      organisation_id: org,
      portfolio_id: portfolio,
      program_id: null,
      key: 'RAW',
      name: 'Raw',
      description: null,
      approach: 'agile',
      lifecycle_state: 'active',
      phase: null,
      health: null,
      owner_id: null,
      start_date: null,
      end_date: null,
      budget: null,
      next_item_number: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const changesPerItem = rowsWritten.changes / rowsWritten.items;
  // Same spread of timestamps as the synthetic export: the indexes on created_at and changed_at
  // see the same order of keys as in the import.
  const rng = createRng(11);
  const t0 = Date.UTC(2022, 0, 1);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  for (let b = 0; b < rowsWritten.items; b += BATCH) {
    const items: WorkItemsTable[] = [];
    const changes: StatusChangesTable[] = [];
    const audits: AuditEventsTable[] = [];
    for (let i = b; i < Math.min(rowsWritten.items, b + BATCH); i++) {
      const id = createImportId();
      let at = t0 + rng.nextInt(3 * 365 * 24) * 3_600_000;
      const created = new Date(at).toISOString();
      items.push({
        id,
        organisation_id: org,
        project_id: project,
        team_id: null,
        parent_id: null,
        key: `RAW-${i + 1}`,
        type: 'task',
        title: `Synthetic issue ${i}`,
        description: null,
        status: 'Done',
        status_category: 'done',
        estimate: 3,
        estimate_unit: 'points',
        assignee_id: null,
        rank: null,
        started_at: now,
        done_at: new Date(at + 300 * 3_600_000).toISOString(),
        custom_fields: '{"jira":{"labels":[]}}',
        source: 'jira:raw',
        source_key: `RAW-${i + 1}`,
        version: 1,
        created_at: created,
        updated_at: created,
      });
      for (let c = 0; c < changesPerItem; c++) {
        at += (1 + rng.nextInt(96)) * 3_600_000;
        changes.push({
          id: createImportId(),
          organisation_id: org,
          work_item_id: id,
          from_status: 'In Progress',
          to_status: 'In Review',
          from_category: 'in_progress',
          to_category: 'in_progress',
          changed_at: new Date(at).toISOString(),
          changed_by: null,
        });
      }
      audits.push({
        id: createImportId(),
        organisation_id: org,
        entity_type: 'work_item',
        entity_id: id,
        action: 'create',
        actor_id: null,
        actor_label: 'raw',
        at: now,
        changes: '{}',
      });
    }
    await store.db.transaction().execute(async (trx) => {
      await insertInBatches(trx, 'work_items', items);
      await insertInBatches(trx, 'work_item_status_changes', changes);
      await insertInBatches(trx, 'audit_events', audits);
    });
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  await store.close();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const suite: BenchSuite = {
  name: 'Jira import (issue 11)',
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'triad-jira-bench-'));
    try {
      const file = join(dir, 'synthetic.json');
      await writeSyntheticExport(file);
      const mb = statSync(file).size / 1e6;
      const child = await importInChild(file, join(dir, 'import.sqlite'));
      const rows = { items: ISSUES, changes: ISSUES * (TRANSITIONS_PER_ISSUE + 1) };
      const totalRows = rows.items + rows.changes + ISSUES; // + one audit event per item
      const raw = await rawInsertMs(join(dir, 'raw.sqlite'), rows);
      const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} rows/s`;
      return [
        {
          name: `import ${ISSUES.toLocaleString('en-US')} issues, ${(ISSUES * TRANSITIONS_PER_ISSUE).toLocaleString('en-US')} transitions (${mb.toFixed(0)} MB JSON) into SQLite`,
          value: `${(child.ms / 1000).toFixed(1)} s, ${rate(totalRows, child.ms)}`,
          baseline: `${(raw.ms / 1000).toFixed(1)} s, ${rate(totalRows, raw.ms)} raw insertInBatches`,
          ratio: child.ms / raw.ms,
          note: `target ≤ 30 s; created ${child.summary.created}, rejected ${child.summary.rejected}`,
        },
        {
          name: 'CPU time (user + system) of the same two runs',
          value: `${(child.cpuMs / 1000).toFixed(1)} s`,
          baseline: `${(raw.cpuMs / 1000).toFixed(1)} s raw insertInBatches`,
          ratio: child.cpuMs / raw.cpuMs,
          note: 'wall time above minus the time spent waiting for a core or the disk',
        },
        {
          name: 'peak RSS of the importing process',
          value: `${child.maxRssMb.toFixed(0)} MB`,
          note: 'target < 500 MB',
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
