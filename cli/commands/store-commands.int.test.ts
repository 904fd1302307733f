import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const triad = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, ['bin/triad.js', ...args], {
    env: { ...process.env, TRIAD_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('triad migrate, seed, backup and restore', () => {
  it('migrates, seeds the demo, backs it up and restores it into an empty database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triad-cli-'));
    const first = join(dir, 'first');
    expect(triad(['migrate'], first).stdout).toMatch(/Applied 0001-portfolio-model(, [0-9a-z-]+)* on sqlite/);
    expect(triad(['migrate'], first).stdout).toMatch(/up to date/);

    const seeded = triad(['seed', '--demo', '--anchor', '2026-03-31'], first);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toMatch(/Seeded Northwind Digital on sqlite: 24 projects, \d{4} work items/);
    const again = triad(['seed', '--demo'], first);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already in this database/);

    const file = join(dir, 'northwind.ndjson.gz');
    expect(triad(['backup', file], first).stdout).toMatch(/Backed up \d+ rows from sqlite/);
    const restored = triad(['restore', file], join(dir, 'second'));
    expect(restored.status).toBe(0);
    const rows = Number(/Restored (\d+) rows/.exec(restored.stdout)?.[1]);
    expect(rows).toBeGreaterThan(20_000);
    const twice = triad(['restore', file], join(dir, 'second'));
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/not empty/);
  });

  it('refuses bad options with exit code 2 and a message naming them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triad-cli-'));
    const scale = triad(['seed', '--demo', '--scale', 'lots'], dir);
    expect(scale.status).toBe(2);
    expect(scale.stderr).toMatch(/--scale/);
    const anchor = triad(['seed', '--demo', '--anchor', '2026-02-30'], dir);
    expect(anchor.status).toBe(2);
    expect(anchor.stderr).toMatch(/--anchor/);
    const missing = triad(['restore', join(dir, 'nope.ndjson')], dir);
    expect(missing.status).toBe(2);
  });
});

describe('triad serve', () => {
  it('serves the demo organisation on an empty folder and shuts down cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triad-serve-'));
    const child: ChildProcess = spawn(process.execPath, ['bin/triad.js', 'serve', '--port', '0'], {
      env: { ...process.env, TRIAD_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const started = Date.now();
    while (!/Demo mode[\s\S]*triad_\S+/.test(stderr)) {
      if (Date.now() - started > 60_000) throw new Error(`server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = /running at (http:\/\/\S+)/.exec(stderr)?.[1] as string;
    const token = /(triad_[A-Za-z0-9_-]+)/.exec(stderr)?.[1] as string;
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', engine: 'sqlite' });
    const projects = (await (
      await fetch(`${url}/api/v1/projects?limit=100`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: unknown[] };
    expect(projects.items).toHaveLength(24);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
