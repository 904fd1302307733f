import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../features/schedule/schedule-store';
import { testEngines } from '../../test/engines';
import { createTestOrganisation } from '../../test/factories';
import { importTable } from '../table/import-table';
import { importMsProject } from './import-msproject';

// Built from Microsoft's MSPDI schema reference (see the comment in the fixture).
const XML = new URL('./__fixtures__/office-move.xml', import.meta.url).pathname;
const CSV = new URL('../table/__fixtures__/roadmap.csv', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'triad-mspdi-'));
const engines = await testEngines();

describe.each(engines)('MS Project import on $name', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });
  const open = async () => {
    const handle = await engine.open();
    cleanups.push(handle.dispose);
    const org = await createTestOrganisation(handle.store);
    // a project to schedule: the spreadsheet importer creates ROADMAP
    await importTable(handle.store, {
      organisationId: org.organisationId,
      file: CSV,
      mapping: { columns: { key: 'Ref', title: 'Summary' }, project: 'ROADMAP' },
    });
    const project = await handle.store.db
      .selectFrom('projects')
      .select('id')
      .where('organisation_id', '=', org.organisationId)
      .where('key', '=', 'ROADMAP')
      .executeTakeFirstOrThrow();
    return { store: handle.store, organisationId: org.organisationId, projectId: project.id };
  };

  it('writes tasks, links, resources, assignments and the calendar; a re-import is unchanged', async () => {
    const { store, organisationId, projectId } = await open();
    const first = await importMsProject(store, { organisationId, file: XML, projectKey: 'ROADMAP' });
    expect(first).toMatchObject({
      created: 6,
      updated: 0,
      unchanged: 0,
      missing: 0,
      tasks: 6,
      links: 3,
      resources: 1,
      assignments: 1,
    });
    const plan = await loadPlan(store.db, organisationId, projectId);
    expect(plan.tasks.map((t) => [t.name, t.duration, t.milestone])).toEqual([
      ['Planning', 0, false],
      ['Choose the site', 5, false],
      ['Sign the lease', 2, false],
      ['Move', 0, false],
      ['Pack', 3, false],
      ['Moved in', 0, true],
    ]);
    expect(plan.settings).toMatchObject({ startDate: '2025-03-03', workingWeekdays: [1, 2, 3, 4, 5] });
    expect(await importMsProject(store, { organisationId, file: XML, projectKey: 'ROADMAP' })).toMatchObject({
      created: 0,
      unchanged: 6,
    });
    // a newer plan: Pack takes longer, "Moved in" is gone
    const newer = join(dir, `newer-${engine.name}.xml`);
    writeFileSync(
      newer,
      readFileSync(XML, 'utf8')
        .replace('PT24H0M0S', 'PT32H0M0S')
        .replace(/<Task><UID>6<\/UID>[\s\S]*?<\/Task>/, ''),
    );
    expect(
      await importMsProject(store, { organisationId, file: newer, projectKey: 'ROADMAP' }),
    ).toMatchObject({ updated: 1, unchanged: 4, missing: 1 });
  });

  it('refuses external entities, cycles and unknown projects without touching the schedule', async () => {
    const { store, organisationId, projectId } = await open();
    await importMsProject(store, { organisationId, file: XML, projectKey: 'ROADMAP' });
    const xxe = join(dir, `xxe-${engine.name}.xml`);
    writeFileSync(
      xxe,
      '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project><Name>&x;</Name></Project>',
    );
    await expect(
      importMsProject(store, { organisationId, file: xxe, projectKey: 'ROADMAP' }),
    ).rejects.toThrow(/entity/);
    const cycle = join(dir, `cycle-${engine.name}.xml`);
    writeFileSync(
      cycle,
      readFileSync(XML, 'utf8').replace(
        '<Duration>PT40H0M0S</Duration>',
        '<Duration>PT40H0M0S</Duration><PredecessorLink><PredecessorUID>6</PredecessorUID><Type>1</Type></PredecessorLink>',
      ),
    );
    await expect(
      importMsProject(store, { organisationId, file: cycle, projectKey: 'ROADMAP' }),
    ).rejects.toThrow(/cycle/);
    await expect(importMsProject(store, { organisationId, file: XML, projectKey: 'NOPE' })).rejects.toThrow(
      /no project/,
    );
    expect((await loadPlan(store.db, organisationId, projectId)).tasks).toHaveLength(6);
  });
});
