import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo';
import { testEngines } from '../test/engines';
import { writeBackup } from './backup';
import { RestoreError, restoreBackup } from './restore';

const engines = await testEngines();
const dir = mkdtempSync(join(tmpdir(), 'triad-backup-'));
const rowsOf = (file: string) => {
  const raw = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return text.trim().split('\n').slice(1).sort();
};

// Every ordered pair of engines, including an engine with itself: backup → restore → backup
// must give back the same rows, value for value.
const pairs = engines.flatMap((from) =>
  engines.map((to) => ({ from, to, label: `${from.name} → ${to.name}` })),
);

describe.each(pairs)('backup and restore $label', ({ from, to }) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('restores identical data', async () => {
    const source = await from.open();
    cleanups.push(source.dispose);
    await seedDemo(source.store, { scale: 1, anchorDate: '2026-06-30' });
    const first = join(dir, `${from.name}-${to.name}-1.ndjson.gz`);
    const firstCounts = await writeBackup(source.store, first);
    expect(firstCounts.work_items).toBeGreaterThan(4000);

    const target = await to.open();
    cleanups.push(target.dispose);
    await restoreBackup(target.store, first);
    const second = join(dir, `${from.name}-${to.name}-2.ndjson.gz`);
    expect(await writeBackup(target.store, second)).toEqual(firstCounts);
    expect(rowsOf(second)).toEqual(rowsOf(first));
  });

  it('refuses a non-empty target and a foreign file, changing nothing', async () => {
    const target = await to.open();
    cleanups.push(target.dispose);
    const junk = join(dir, `junk-${to.name}.ndjson`);
    writeFileSync(junk, '{"hello":"world"}\n');
    await expect(restoreBackup(target.store, junk)).rejects.toThrow(RestoreError);

    const clean = join(dir, `clean-${from.name}-${to.name}.ndjson`);
    const partial = join(dir, `partial-${from.name}-${to.name}.ndjson`);
    const source = await from.open();
    cleanups.push(source.dispose);
    await seedDemo(source.store, { scale: 1, anchorDate: '2026-06-30' });
    await writeBackup(source.store, clean);
    writeFileSync(partial, `${readFileSync(clean, 'utf8')}{"table":"nonsense","row":{}}\n`);
    await expect(restoreBackup(target.store, partial)).rejects.toThrow(/line \d+/);
    const left = await target.store.db.selectFrom('work_items').select('id').limit(1).execute();
    expect(left).toEqual([]);

    await restoreBackup(target.store, clean);
    await expect(restoreBackup(target.store, clean)).rejects.toThrow(/not empty/);
  });
});
