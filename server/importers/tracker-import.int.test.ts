import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../test/engines';
import { importedItems, importScratchDir, importTargets } from '../test/import-fixtures';
import { importAdo } from './ado/import-ado';
import { importGithub } from './github/import-github';

// Fixtures built from Microsoft's and GitHub's documentation of the export formats (see the
// README.md beside each fixture).
const ADO_FLAT = new URL('./ado/__fixtures__/fabrikam-flat.csv', import.meta.url).pathname;
const ADO_TREE = new URL('./ado/__fixtures__/fabrikam-tree.csv', import.meta.url).pathname;
const GITHUB = new URL('./github/__fixtures__/hello-world-issues.json', import.meta.url).pathname;
const dir = importScratchDir('trackers');
const engines = await testEngines();

describe.each(engines)('Azure DevOps and GitHub imports on $name', (engine) => {
  const open = importTargets(engine);

  it('ADO CSV: imports, maps states and parents, reports bad rows by line, re-imports unchanged', async () => {
    const { store, organisationId } = await open();
    const first = await importAdo(store, { organisationId, file: ADO_FLAT });
    expect(first).toMatchObject({
      created: 8,
      updated: 0,
      unchanged: 0,
      rejected: 3,
      source: 'ado:fabrikam-flat',
    });
    expect(first.rejections.map((r) => r.row)).toEqual([9, 10, 11]);
    expect(first.rejections[0]?.reason).toMatch(/Story Points must be a non-negative number/);
    expect(first.rejections[1]?.reason).toMatch(/Created Date "13\/31\/2024/);
    expect(first.rejections[2]?.reason).toMatch(/FABRIKAMFI-105: duplicate ID \(first on row 6\)/);
    const got = await importedItems(store, organisationId);
    expect(got.get('FABRIKAMFI-103')).toMatchObject({
      type: 'story',
      status: 'Closed',
      status_category: 'done',
      done_at: '2024-01-26T17:45:00.000Z',
      estimate: 5,
      parent: 'FABRIKAMFI-102',
      source: 'ado:fabrikam-flat',
      source_key: '103',
    });
    expect(got.get('FABRIKAMFI-104')).toMatchObject({ status_category: 'in_progress', done_at: null });
    // Removed is done but not delivered: no resolution instant.
    expect(got.get('FABRIKAMFI-107')).toMatchObject({ status_category: 'done', done_at: null });
    expect(got.get('FABRIKAMFI-106')).toMatchObject({ type: 'task', parent: 'FABRIKAMFI-103' });
    expect(JSON.parse(got.get('FABRIKAMFI-105')?.custom_fields ?? '{}').ado).toMatchObject({
      tags: ['Billing', 'Defect'],
      sprint: 'Sprint 2',
      iterationPath: 'Fabrikam Fiber\\Release 1\\Sprint 2',
    });
    const again = await importAdo(store, { organisationId, file: ADO_FLAT });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 8, rejected: 3 });
    expect((await importedItems(store, organisationId)).size).toBe(8);
  });

  it('ADO CSV: a newer export updates changed rows and closes or deletes items gone at the source', async () => {
    const { store, organisationId } = await open();
    const lines = readFileSync(ADO_FLAT, 'utf8').trimEnd().split('\n');
    const file = join(dir, `ado-${engine.name}.csv`);
    writeFileSync(file, `${lines.slice(0, 8).join('\n')}\n`);
    await importAdo(store, { organisationId, file, source: 'fabrikam' });
    // 104 is closed now, 107 dropped from the export.
    const newer = lines
      .slice(0, 7)
      .map((l) =>
        l.startsWith('104,')
          ? l.replace(',Resolved,', ',Closed,').replace(/,,2$/, ',2/9/2024 9:00:00 AM,2')
          : l,
      );
    writeFileSync(file, `${newer.join('\n')}\n`);
    const closed = await importAdo(store, { organisationId, file, source: 'fabrikam', onMissing: 'close' });
    expect(closed).toMatchObject({ created: 0, updated: 1, unchanged: 5, missing: 1 });
    let got = await importedItems(store, organisationId);
    expect(got.get('FABRIKAMFI-104')).toMatchObject({
      status: 'Closed',
      done_at: '2024-02-09T09:00:00.000Z',
      version: 2,
    });
    expect(got.get('FABRIKAMFI-107')).toMatchObject({ status: 'Removed at source', status_category: 'done' });
    const deleted = await importAdo(store, { organisationId, file, source: 'fabrikam', onMissing: 'delete' });
    expect(deleted.missing).toBe(1);
    got = await importedItems(store, organisationId);
    expect(got.has('FABRIKAMFI-107')).toBe(false);
    expect(got.size).toBe(6);
  });

  it('ADO CSV: an import killed mid-way leaves whole batches only and a re-run completes', async () => {
    const { store, organisationId } = await open();
    await expect(
      importAdo(store, {
        organisationId,
        file: ADO_FLAT,
        batchSize: 3,
        afterBatchWrite: (n) => {
          if (n === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect((await importedItems(store, organisationId)).size).toBe(3);
    const run = await store.db
      .selectFrom('import_runs')
      .select('status')
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');
    const rerun = await importAdo(store, { organisationId, file: ADO_FLAT, batchSize: 3 });
    expect(rerun).toMatchObject({ created: 5, unchanged: 3, rejected: 3 });
    expect((await importedItems(store, organisationId)).get('FABRIKAMFI-102')?.parent).toBe('FABRIKAMFI-101');
  });

  it('ADO CSV: a tree query gives parents by level', async () => {
    const { store, organisationId } = await open();
    const summary = await importAdo(store, { organisationId, file: ADO_TREE });
    expect(summary).toMatchObject({ created: 6, rejected: 0 });
    const got = await importedItems(store, organisationId);
    expect([...got.values()].map((r) => [r.key, r.parent])).toEqual([
      ['FABRIKAMMO-201', null],
      ['FABRIKAMMO-202', 'FABRIKAMMO-201'],
      ['FABRIKAMMO-203', 'FABRIKAMMO-202'],
      ['FABRIKAMMO-204', 'FABRIKAMMO-202'],
      ['FABRIKAMMO-205', 'FABRIKAMMO-201'],
      ['FABRIKAMMO-206', 'FABRIKAMMO-205'],
    ]);
  });

  it('GitHub JSON: issues with state history, pull requests skipped and counted, re-import unchanged', async () => {
    const { store, organisationId } = await open();
    const first = await importGithub(store, { organisationId, file: GITHUB });
    expect(first).toMatchObject({ created: 4, unchanged: 0, rejected: 1, pullRequests: 1 });
    expect(first.rejections).toEqual([{ row: 6, reason: 'HELLOWORLD-1352: no created_at' }]);
    const got = await importedItems(store, organisationId);
    expect([...got.keys()]).toEqual([
      'HELLOWORLD-1347',
      'HELLOWORLD-1348',
      'HELLOWORLD-1349',
      'HELLOWORLD-1350',
    ]);
    expect(got.get('HELLOWORLD-1347')).toMatchObject({
      type: 'bug',
      status: 'Open',
      status_category: 'todo',
      source_key: 'octocat/Hello-World#1347',
    });
    expect(JSON.parse(got.get('HELLOWORLD-1347')?.custom_fields ?? '{}').github).toMatchObject({
      milestone: 'v1.0',
      labels: ['bug'],
    });
    expect(got.get('HELLOWORLD-1348')).toMatchObject({ type: 'story', done_at: '2011-05-10T12:00:00.000Z' });
    expect(got.get('HELLOWORLD-1350')).toMatchObject({
      status: 'Not planned',
      status_category: 'done',
      done_at: null,
    });
    const history = await store.db
      .selectFrom('work_item_status_changes as c')
      .innerJoin('work_items as w', 'w.id', 'c.work_item_id')
      .select(['c.from_status', 'c.to_status', 'c.changed_at'])
      .where('w.key', '=', 'HELLOWORLD-1349')
      .where('w.organisation_id', '=', organisationId)
      .orderBy('c.changed_at')
      .execute();
    expect(history.map((h) => `${h.from_status}>${h.to_status}@${h.changed_at.slice(5, 10)}`)).toEqual([
      'null>Open@06-01',
      'Open>Closed@06-05',
      'Closed>Open@06-07',
      'Open>Closed@06-20',
    ]);
    const again = await importGithub(store, { organisationId, file: GITHUB });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejected: 1 });
  });

  it('GitHub JSON: deletion policy and a killed import re-run', async () => {
    const { store, organisationId } = await open();
    const all = JSON.parse(readFileSync(GITHUB, 'utf8')) as { number: number }[];
    const file = join(dir, `gh-${engine.name}.json`);
    writeFileSync(file, JSON.stringify(all));
    await expect(
      importGithub(store, {
        organisationId,
        file,
        source: 'hw',
        batchSize: 2,
        afterBatchWrite: (n) => {
          if (n === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect((await importedItems(store, organisationId)).size).toBe(2);
    expect(await importGithub(store, { organisationId, file, source: 'hw', batchSize: 2 })).toMatchObject({
      created: 2,
      unchanged: 2,
    });
    writeFileSync(file, JSON.stringify(all.filter((i) => i.number !== 1348)));
    const kept = await importGithub(store, { organisationId, file, source: 'hw' });
    expect(kept).toMatchObject({ missing: 1, unchanged: 3 });
    expect((await importedItems(store, organisationId)).size).toBe(4);
    const removed = await importGithub(store, { organisationId, file, source: 'hw', onMissing: 'delete' });
    expect(removed.missing).toBe(1);
    expect((await importedItems(store, organisationId)).has('HELLOWORLD-1348')).toBe(false);
  });
});
