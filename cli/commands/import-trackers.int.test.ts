import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `triad import ado|github|csv|msproject` through `node bin/triad.js` on scratch SQLite files,
// with the fixtures of server/importers (built from each format's public documentation).
const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (path: string) => join(root, 'server/importers', path);
const dir = mkdtempSync(join(tmpdir(), 'triad-cli-trackers-'));
let dbNumber = 0;
const scratchDb = () => join(dir, `db-${dbNumber++}.sqlite`);

function triad(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      ['bin/triad.js', ...args],
      { cwd: root, env: { ...process.env, TZ: 'UTC', DATABASE_URL: '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.concurrent('triad import ado / github / csv / msproject', { timeout: 300_000 }, () => {
  it('imports an Azure DevOps CSV with the jira summary format, then re-imports it unchanged', async () => {
    const db = scratchDb();
    const first = await triad('import', 'ado', fixture('ado/__fixtures__/fabrikam-flat.csv'), '--db', db);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Imported .*fabrikam-flat\.csv \(CSV\) as ado:fabrikam-flat into sqlite:\n {2}created {3}8\n {2}updated {3}0\n {2}unchanged 0\n {2}rejected {2}3\n/,
    );
    expect(first.stdout).toContain('  row 9: Story Points must be a non-negative number, got "eight"');
    expect(first.stderr).toBe('');
    const again = await triad(
      'import',
      'ado',
      fixture('ado/__fixtures__/fabrikam-flat.csv'),
      '--db',
      db,
      '--json',
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 8, rejected: 3 });
  });

  it('imports GitHub issues, skipping pull requests', async () => {
    const db = scratchDb();
    const r = await triad(
      'import',
      'github',
      fixture('github/__fixtures__/hello-world-issues.json'),
      '--db',
      db,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  created   4');
    expect(r.stdout).toContain('  1 pull request(s) skipped');
    expect(r.stdout).toContain('  row 6: HELLOWORLD-1352: no created_at');
  });

  it('imports a spreadsheet with a mapping, then schedules the project from MS Project XML', async () => {
    const db = scratchDb();
    const csv = await triad(
      'import',
      'csv',
      fixture('table/__fixtures__/roadmap.csv'),
      '--mapping',
      fixture('table/__fixtures__/roadmap-mapping.json'),
      '--db',
      db,
      '--json',
    );
    expect(JSON.parse(csv.stdout)).toMatchObject({ created: 5, rejected: 3 });
    const ms = await triad(
      'import',
      'msproject',
      fixture('mspdi/__fixtures__/office-move.xml'),
      '--project',
      'ROADMAP',
      '--db',
      db,
    );
    expect(ms.code).toBe(0);
    expect(ms.stdout).toContain('  created   6');
    expect(ms.stdout).toContain('6 tasks, 3 links, 1 resources, 1 assignments');
  });

  it('exits 2 for a missing file, a bad option, a bad mapping or a file of the wrong kind', async () => {
    const db = scratchDb();
    expect((await triad('import', 'ado', join(dir, 'nope.csv'), '--db', db)).code).toBe(2);
    expect(
      (
        await triad(
          'import',
          'github',
          fixture('github/__fixtures__/hello-world-issues.json'),
          '--on-missing',
          'burn',
          '--db',
          db,
        )
      ).code,
    ).toBe(2);
    const noMapping = await triad('import', 'csv', fixture('table/__fixtures__/roadmap.csv'), '--db', db);
    expect(noMapping.code).toBe(2);
    expect(noMapping.stderr).toMatch(/column mapping/);
    const wrongKind = await triad('import', 'ado', fixture('table/__fixtures__/roadmap.csv'), '--db', db);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(/no "ID" column/);
    expect(
      (await triad('import', 'msproject', fixture('mspdi/__fixtures__/office-move.xml'), '--db', db)).code,
    ).toBe(2);
  });
});
