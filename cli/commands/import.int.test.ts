import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

// The CLI contract of issue 11, through `node bin/triad.js` on scratch SQLite files. Real data:
// the AEA Data Editor's Jira (Vilhuber, L. 2023, doi:10.3886/E117876V4, CC BY 4.0).
const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'cli/commands/__fixtures__/jira');
const AEA_JSON = join(root, '../shared/data/jira/aea-shared.json');
const AEA_CSV = join(root, '../shared/data/jira/aea-shared.csv');
const dir = mkdtempSync(join(tmpdir(), 'triad-cli-jira-'));
let dbNumber = 0;
const scratchDb = () => join(dir, `db-${dbNumber++}.sqlite`);

function triad(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      ['bin/triad.js', ...args],
      { cwd: root, env: { ...process.env, TZ: 'UTC', DATABASE_URL: '' }, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const json = async (...args: string[]) => {
  const r = await triad(...args);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

describe.concurrent('triad import jira / triad metrics flow', { timeout: 120_000 }, () => {
  it('imports the JSON export, re-imports it as unchanged, and reports flow metrics', async () => {
    const db = scratchDb();
    expect(await json('import', 'jira', AEA_JSON, '--db', db, '--json')).toEqual({
      created: 325,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rejections: [],
    });
    expect(await json('import', 'jira', AEA_JSON, '--db', `sqlite:${db}`, '--json')).toMatchObject({
      created: 0,
      unchanged: 325,
    });
    const report = await json(
      'metrics',
      'flow',
      '--project',
      'AEAREP',
      '--from',
      '2025-01-01',
      '--to',
      '2025-03-31',
      '--db',
      db,
      '--json',
    );
    expect(Object.keys(report)).toEqual(['throughputPerWeek', 'leadTimeDays', 'cycleTimeDays', 'count']);
    expect(Object.keys(report.leadTimeDays)).toEqual(['50', '70', '85', '95']);
    expect(Object.keys(report.cycleTimeDays)).toEqual(['50', '70', '85', '95']);
    expect(Object.values(report.throughputPerWeek as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      report.count,
    );
    expect(Object.keys(report.throughputPerWeek).every((w) => /^\d{4}-W\d{2}$/.test(w))).toBe(true);
    expect(report.leadTimeDays['50']).toBeLessThanOrEqual(report.leadTimeDays['95']);

    const empty = await json(
      'metrics',
      'flow',
      '--project',
      'AEAREP',
      '--from',
      '2030-01-01',
      '--db',
      db,
      '--json',
    );
    expect(empty).toEqual({ throughputPerWeek: {}, leadTimeDays: null, cycleTimeDays: null, count: 0 });

    const unknown = await triad('metrics', 'flow', '--project', 'NOPE', '--db', db, '--json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no project with key "NOPE"/);
    expect(
      (await triad('metrics', 'flow', '--project', 'AEAREP', '--from', '2025-02-30', '--db', db)).code,
    ).toBe(2);
    expect(
      (
        await triad(
          'metrics',
          'flow',
          '--project',
          'AEAREP',
          '--from',
          '2025-03-01',
          '--to',
          '2025-02-01',
          '--db',
          db,
        )
      ).code,
    ).toBe(2);
  });

  it('CSV with a mapping: exact metrics, bad row reported, no cycle time without history', async () => {
    const db = scratchDb();
    const csv = join(fixtures, 'small.csv');
    const mapping = join(fixtures, 'mapping.json');
    const summary = await json('import', 'jira', csv, '--mapping', mapping, '--db', `file:${db}`, '--json');
    expect(summary).toEqual({
      created: 4,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      rejections: [
        {
          row: 5,
          reason: 'created date "32/Mar/25 9:00 AM" is neither ISO 8601 nor Jira\'s dd/MMM/yy h:mm a format',
        },
      ],
    });
    // WEB_APP-2: 03/Mar 10:30 → 10/Mar 16:45 = 7.2604… days; WEB_APP-5: 05/Mar 08:00 → 12/Mar 08:00 = 7 days.
    const expected = {
      throughputPerWeek: { '2025-W11': 2 },
      leadTimeDays: { '50': 7, '70': 7 + 6.25 / 24, '85': 7 + 6.25 / 24, '95': 7 + 6.25 / 24 },
      cycleTimeDays: null,
      count: 2,
    };
    expect(await json('metrics', 'flow', '--project', 'WEB_APP', '--db', db, '--json')).toEqual(expected);
    expect(await json('metrics', 'flow', '--project', 'WEBAPP', '--db', db, '--json')).toEqual(expected);
    expect(
      await json(
        'metrics',
        'flow',
        '--project',
        'WEB_APP',
        '--from',
        '2025-03-12',
        '--to',
        '2025-03-12',
        '--db',
        db,
        '--json',
      ),
    ).toMatchObject({ count: 1, leadTimeDays: { '50': 7 } });

    const sqlite = new SQLite(db, { readonly: true });
    const rows = sqlite
      .prepare(
        'select key, type, status_category, estimate, parent_id is not null as linked from work_items order by key',
      )
      .all();
    sqlite.close();
    expect(rows).toEqual([
      { key: 'WEB_APP-1', type: 'epic', status_category: 'todo', estimate: null, linked: 0 },
      { key: 'WEB_APP-2', type: 'story', status_category: 'done', estimate: 5, linked: 1 },
      { key: 'WEB_APP-3', type: 'story', status_category: 'in_progress', estimate: 2, linked: 1 },
      { key: 'WEB_APP-5', type: 'bug', status_category: 'done', estimate: 1, linked: 0 },
    ]);
    // the mapping is saved with the source: a re-import without --mapping changes nothing
    expect(await json('import', 'jira', csv, '--db', db, '--json')).toMatchObject({
      unchanged: 4,
      rejected: 1,
    });
  });

  it('the AEA CSV export: no status history, so cycleTimeDays is null', async () => {
    const db = scratchDb();
    expect(
      await json('import', 'jira', AEA_CSV, '--db', db, '--time-zone', 'America/New_York', '--json'),
    ).toMatchObject({
      created: 325,
      rejected: 0,
    });
    const report = await json('metrics', 'flow', '--project', 'AEAREP', '--db', db, '--json');
    expect(report.count).toBe(297);
    expect(report.cycleTimeDays).toBeNull();
    const human = await triad('import', 'jira', AEA_CSV, '--db', db, '--time-zone', 'America/New_York');
    expect(human.stdout).toMatch(/unchanged 325/);
    // no progress bar when stderr is not a terminal; the CSV has no status categories, so a warning
    expect(human.stderr).not.toMatch(/ETA/);
    expect(human.stderr).toMatch(/statuses without a category, taken as in progress .*Pending publication/);
  });

  it('rejects usage errors with exit code 2', async () => {
    const db = scratchDb();
    const cases = [
      ['import', 'jira', join(dir, 'missing.json'), '--db', db],
      ['import', 'jira', AEA_JSON, '--db', db, '--on-missing', 'ignore'],
      ['import', 'jira', AEA_JSON, '--db', db, '--time-zone', 'Mars/Olympus'],
      ['import', 'jira', AEA_JSON, '--db', db, '--mapping', join(root, 'package.json')],
      ['import', 'jira', join(root, 'package.json'), '--db', db],
    ];
    for (const args of cases) {
      const r = await triad(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^triad: /);
    }
    // two organisations: --organisation is required
    const sqlite = new SQLite(db);
    const now = new Date().toISOString();
    sqlite
      .prepare(
        'insert into organisations (id, name, slug, version, created_at, updated_at) values (?, ?, ?, 1, ?, ?)',
      )
      .run('second', 'Second', 'second', now, now);
    sqlite.close();
    const ambiguous = await triad('metrics', 'flow', '--project', 'AEAREP', '--db', db, '--json');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/--organisation/);
    expect(
      (await json('import', 'jira', AEA_JSON, '--db', db, '--organisation', 'second', '--json')).created,
    ).toBe(325);
  });

  it('a killed import leaves whole batches; running it again completes it', async () => {
    const db = scratchDb();
    const file = join(dir, 'many.json');
    const issues = Array.from({ length: 3000 }, (_, i) => ({
      key: `KILL-${i + 1}`,
      fields: {
        summary: `Issue ${i}`,
        issuetype: { name: 'Story' },
        status: { name: 'Done', statusCategory: { key: 'done' } },
        created: '2025-01-01T00:00:00.000+0000',
        resolutiondate: '2025-01-03T00:00:00.000+0000',
      },
      changelog: {
        histories: [1, 2, 3].map((h) => ({
          created: `2025-01-0${h}T12:00:00.000+0000`,
          items: [
            {
              field: 'status',
              fromString: h === 1 ? 'Open' : 'In Progress',
              toString: h === 3 ? 'Done' : 'In Progress',
            },
          ],
        })),
      },
    }));
    writeFileSync(file, JSON.stringify({ issues }));
    const child = spawn('node', ['bin/triad.js', 'import', 'jira', file, '--db', db, '--batch-size', '50'], {
      cwd: root,
      env: { ...process.env, TZ: 'UTC', DATABASE_URL: '' },
      stdio: 'ignore',
    });
    const countItems = () => {
      try {
        const sqlite = new SQLite(db, { readonly: true, fileMustExist: true });
        try {
          return (sqlite.prepare('select count(*) as n from work_items').get() as { n: number }).n;
        } finally {
          sqlite.close();
        }
      } catch {
        return 0;
      }
    };
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (let i = 0; i < 600 && countItems() < 500; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await exited;
    const before = countItems();
    expect(before % 50).toBe(0);
    const rerun = await json('import', 'jira', file, '--db', db, '--json');
    expect(rerun.created + rerun.unchanged).toBe(3000);
    expect(rerun.created).toBe(3000 - before);
    expect(countItems()).toBe(3000);
    const sqlite = new SQLite(db, { readonly: true });
    const changes = (
      sqlite.prepare('select count(*) as n from work_item_status_changes').get() as { n: number }
    ).n;
    sqlite.close();
    expect(changes).toBe(3000 * 4);
  });
});
