import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getProjectFlowMetrics } from '../../features/flow-metrics/service';
import { testEngines } from '../../test/engines';
import { countImported, importScratchDir, importTargets } from '../../test/import-fixtures';
import { importJira } from './import-jira';
import { parseJiraMapping } from './jira-mapping';

// Real data: AEA Data Editor's Jira, every second ticket (Vilhuber, L. 2023, "Process data for
// the AEA Pre-publication Verification Service", doi:10.3886/E117876V4, CC BY 4.0), in the two
// formats Jira exports: the REST search response with changelog and the CSV export.
const DATA = new URL('../../../../shared/data/jira/', import.meta.url);
const JSON_FILE = new URL('aea-shared.json', DATA).pathname;
const CSV_FILE = new URL('aea-shared.csv', DATA).pathname;
const dir = importScratchDir('jira');
const engines = await testEngines();

interface RawIssue {
  key: string;
  fields: {
    status: { name: string; statusCategory: { key: string } };
    created: string;
    resolutiondate: string | null;
  };
  changelog: {
    histories: { created: string; items: { field: string; fromString: string; toString: string }[] }[];
  };
}
const raw = JSON.parse(readFileSync(JSON_FILE, 'utf8')) as { issues: RawIssue[] };
// Jira writes offsets as -0500; Date.parse wants -05:00.
const ms = (s: string) => Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

/** An independent reading of the JSON file: the contract's metrics with a 5-line nearest rank. */
function expectedMetrics(from: string, to: string) {
  const categories = new Map<string, string>();
  for (const i of raw.issues) categories.set(i.fields.status.name, i.fields.status.statusCategory.key);
  const lo = Date.parse(`${from}T00:00:00Z`);
  const hi = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
  const lead: number[] = [];
  const cycle: number[] = [];
  for (const issue of raw.issues) {
    if (!issue.fields.resolutiondate) continue;
    const done = ms(issue.fields.resolutiondate);
    if (done < lo || done >= hi) continue;
    lead.push((done - ms(issue.fields.created)) / 86_400_000);
    // Statuses seen only in histories have no category in the file: documented as in progress.
    const start = issue.changelog.histories.find((h) =>
      h.items.some(
        (it) => it.field === 'status' && (categories.get(it.toString) ?? 'indeterminate') !== 'new',
      ),
    );
    if (start) cycle.push((done - ms(start.created)) / 86_400_000);
  }
  const rank = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.ceil((p / 100) * sorted.length) - 1];
  };
  const table = (v: number[]) => ({
    '50': rank(v, 50),
    '70': rank(v, 70),
    '85': rank(v, 85),
    '95': rank(v, 95),
  });
  return { count: lead.length, lead: table(lead), cycle: table(cycle) };
}

describe.each(engines)('Jira import on $name', (engine) => {
  const open = importTargets(engine);

  it('imports the REST JSON export, and a second import changes nothing', async () => {
    const { store, organisationId } = await open();
    const first = await importJira(store, { organisationId, file: JSON_FILE });
    expect(first).toMatchObject({ created: 325, updated: 0, unchanged: 0, rejected: 0, format: 'json' });
    const rows = await countImported(store, organisationId);
    // one creation row per issue plus the 2,905 status transitions of the changelogs
    expect(rows).toEqual({ items: 325, changes: 325 + 2905 });

    const second = await importJira(store, { organisationId, file: JSON_FILE });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 325, rejected: 0 });
    expect(await countImported(store, organisationId)).toEqual(rows);

    const item = await store.db
      .selectFrom('work_items')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('key', '=', 'AEAREP-6661')
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      type: 'task',
      status: 'Pending Article DOI',
      status_category: 'done',
      created_at: '2024-12-02T18:15:37.415Z',
      done_at: '2024-12-22T23:22:42.958Z',
      started_at: '2024-12-05T00:18:24.274Z',
      source: 'jira:aea-shared',
      source_key: 'AEAREP-6661',
      version: 1,
    });
    expect(JSON.parse(item.custom_fields).jira).toMatchObject({
      resolution: 'Mostly replicated',
      issueType: 'Task',
    });
    const project = await store.db
      .selectFrom('projects')
      .select(['key', 'next_item_number'])
      .where('id', '=', item.project_id)
      .executeTakeFirstOrThrow();
    expect(project.key).toBe('AEAREP');
    expect(project.next_item_number).toBeGreaterThan(6661);
  });

  it('flow metrics match an independent reading of the JSON file', async () => {
    const { store, organisationId } = await open();
    await importJira(store, { organisationId, file: JSON_FILE });
    for (const [from, to] of [
      ['2024-01-01', '2026-12-31'],
      ['2025-01-01', '2025-03-31'],
      ['2025-06-02', '2025-06-02'],
    ] as const) {
      const report = await getProjectFlowMetrics(store, organisationId, { projectKey: 'AEAREP', from, to });
      const expected = expectedMetrics(from, to);
      expect(report.count).toBe(expected.count);
      expect(Object.values(report.throughputPerWeek).reduce((a, b) => a + b, 0)).toBe(expected.count);
      if (expected.count === 0) {
        expect(report).toEqual({ throughputPerWeek: {}, leadTimeDays: null, cycleTimeDays: null, count: 0 });
        continue;
      }
      for (const p of ['50', '70', '85', '95'] as const) {
        expect(report.leadTimeDays?.[p]).toBeCloseTo(expected.lead[p] as number, 9);
        expect(report.cycleTimeDays?.[p]).toBeCloseTo(expected.cycle[p] as number, 9);
      }
    }
  });

  it('imports the CSV export: repeated columns, dates in the exporter’s zone, no cycle time', async () => {
    const { store, organisationId } = await open();
    const summary = await importJira(store, { organisationId, file: CSV_FILE, timeZone: 'America/New_York' });
    expect(summary).toMatchObject({ created: 325, rejected: 0, format: 'csv' });
    const item = await store.db
      .selectFrom('work_items')
      .select(['created_at', 'done_at', 'started_at', 'custom_fields'])
      .where('organisation_id', '=', organisationId)
      .where('key', '=', 'AEAREP-6661')
      .executeTakeFirstOrThrow();
    // 02/Dec/24 1:15 PM in New York (EST, UTC−5) — the JSON says 13:15:37.415-0500.
    expect(item).toMatchObject({
      created_at: '2024-12-02T18:15:00.000Z',
      done_at: '2024-12-22T23:22:00.000Z',
    });
    expect(item.started_at).toBeNull();
    const labelled = await store.db
      .selectFrom('work_items')
      .select('custom_fields')
      .where('organisation_id', '=', organisationId)
      .where('custom_fields', 'like', '%AER:Insights%')
      .execute();
    expect(labelled.length).toBe(3);
    const report = await getProjectFlowMetrics(store, organisationId, { projectKey: 'AEAREP' });
    const expected = expectedMetrics('2000-01-01', '2100-01-01');
    expect(report.count).toBe(expected.count);
    expect(report.cycleTimeDays).toBeNull();
    // minutes only in the CSV: lead times agree with the JSON to within a minute
    expect(Math.abs((report.leadTimeDays?.['85'] ?? 0) - (expected.lead['85'] as number))).toBeLessThan(
      1 / 1440,
    );
    expect(
      (await importJira(store, { organisationId, file: CSV_FILE, timeZone: 'America/New_York' })).unchanged,
    ).toBe(325);
  });

  it('syncs a newer export: updates changed issues, adds new transitions only, applies the missing policy', async () => {
    const { store, organisationId } = await open();
    const small = { ...raw, issues: raw.issues.slice(0, 3) };
    const v1 = join(dir, `sync-${engine.name}-1.json`);
    writeFileSync(v1, JSON.stringify(small));
    await importJira(store, { organisationId, file: v1, source: 'sync-test' });
    const before = await countImported(store, organisationId);

    const next = structuredClone(small);
    const open1 = next.issues[1] as RawIssue;
    open1.changelog.histories.push({
      created: '2026-01-05T10:00:00.000+0000',
      items: [{ field: 'status', fromString: open1.fields.status.name, toString: 'Blocked' }],
    });
    open1.fields.status = { name: 'Blocked', statusCategory: { key: 'indeterminate' } };
    next.issues.splice(2, 1);
    const v2 = join(dir, `sync-${engine.name}-2.json`);
    writeFileSync(v2, JSON.stringify(next));
    const second = await importJira(store, {
      organisationId,
      file: v2,
      source: 'sync-test',
      onMissing: 'close',
    });
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1, missing: 1 });
    const after = await countImported(store, organisationId);
    // one new transition, one "Removed at source" move
    expect(after).toEqual({ items: before.items, changes: before.changes + 2 });
    const rows = await store.db
      .selectFrom('work_items')
      .select(['key', 'status', 'status_category', 'version'])
      .where('organisation_id', '=', organisationId)
      .orderBy('key')
      .execute();
    expect(rows.find((r) => r.key === open1.key)).toMatchObject({ status: 'Blocked', version: 2 });
    expect(rows.find((r) => r.key === small.issues[2]?.key)).toMatchObject({
      status: 'Removed at source',
      status_category: 'done',
    });
    const audits = await store.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('organisation_id', '=', organisationId)
      .where('actor_label', '=', 'import jira:sync-test')
      .execute();
    expect(audits.filter((a) => a.action === 'update')).toHaveLength(2);

    const third = await importJira(store, {
      organisationId,
      file: v2,
      source: 'sync-test',
      onMissing: 'delete',
    });
    expect(third).toMatchObject({ updated: 0, unchanged: 2, missing: 1 });
    expect((await countImported(store, organisationId)).items).toBe(2);
  });

  it('an import killed part-way leaves whole batches only, and a re-run completes it', async () => {
    const { store, organisationId } = await open();
    await expect(
      importJira(store, {
        organisationId,
        file: JSON_FILE,
        batchSize: 100,
        afterBatchWrite: (batch) => {
          if (batch === 3) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    // batches 1 and 2 committed; batch 3 rolled back with everything it wrote
    expect((await countImported(store, organisationId)).items).toBe(200);
    const run = await store.db
      .selectFrom('import_runs')
      .select('status')
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');

    const rerun = await importJira(store, { organisationId, file: JSON_FILE, batchSize: 100 });
    expect(rerun).toMatchObject({ created: 125, unchanged: 200, updated: 0, rejected: 0 });
    expect(await countImported(store, organisationId)).toEqual({ items: 325, changes: 325 + 2905 });
  });

  it('reports bad rows with their row number and imports the good ones', async () => {
    const { store, organisationId } = await open();
    const issues: unknown[] = structuredClone(raw.issues.slice(0, 4));
    (issues[1] as RawIssue).fields.created = 'yesterday';
    (issues[2] as { key: string }).key = 'not a key';
    issues.push(structuredClone(raw.issues[0]));
    issues.push(42);
    const file = join(dir, `bad-${engine.name}.json`);
    writeFileSync(file, JSON.stringify({ issues }));
    const summary = await importJira(store, { organisationId, file });
    expect(summary).toMatchObject({ created: 2, rejected: 4 });
    expect(summary.rejections.map((r) => r.row)).toEqual([2, 3, 5, 6]);
    expect(summary.rejections[0]?.reason).toMatch(/created date "yesterday"/);
    expect(summary.rejections[1]?.reason).toMatch(/not a Jira issue key/);
    expect(summary.rejections[2]?.reason).toMatch(/duplicate issue key \(first on row 1\)/);
    expect(summary.rejections[3]?.reason).toMatch(/not a JSON object/);
  });

  it('links epics and stories, maps types and statuses from a mapping, keeps the mapping per source', async () => {
    const { store, organisationId } = await open();
    const issue = (key: string, type: string, status: string, extra: Record<string, unknown> = {}) => ({
      key,
      fields: {
        summary: key,
        issuetype: { name: type },
        project: { key: 'MY_PROJECT_LONG', name: 'Long key' },
        status: { name: status },
        created: '2025-01-01T10:00:00.000+0000',
        customfield_10016: 5,
        ...extra,
      },
    });
    const file = join(dir, `tree-${engine.name}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        issues: [
          issue('MY_PROJECT_LONG-2', 'Story', 'Parked', { parent: { key: 'MY_PROJECT_LONG-1' } }),
          issue('MY_PROJECT_LONG-1', 'Epic', 'Open'),
          issue('MY_PROJECT_LONG-3', 'Spike', 'Parked', { customfield_10014: 'MY_PROJECT_LONG-1' }),
        ],
      }),
    );
    const mapping = parseJiraMapping({ issueTypes: { Spike: 'story' }, statuses: { Parked: 'todo' } });
    const summary = await importJira(store, { organisationId, file, mapping, batchSize: 1 });
    expect(summary).toMatchObject({ created: 3, rejected: 0, unclassifiedStatuses: [] });
    const rows = await store.db
      .selectFrom('work_items')
      .select(['id', 'key', 'type', 'parent_id', 'status_category', 'estimate'])
      .where('organisation_id', '=', organisationId)
      .orderBy('key')
      .execute();
    const epic = rows[0];
    expect(rows.map((r) => [r.type, r.status_category, r.estimate])).toEqual([
      ['epic', 'todo', 5],
      ['story', 'todo', 5],
      ['story', 'todo', 5],
    ]);
    expect(rows[1]?.parent_id).toBe(epic?.id);
    expect(rows[2]?.parent_id).toBe(epic?.id);
    // MY_PROJECT_LONG is no Triad key: it gets one, and metrics still find it by the Jira key
    const report = await getProjectFlowMetrics(store, organisationId, { projectKey: 'MY_PROJECT_LONG' });
    expect(report.count).toBe(0);
    const project = await store.db
      .selectFrom('projects')
      .select('key')
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    expect(project.key).toBe('MYPROJECTL');
    // without --mapping the saved one applies again: nothing changes
    const again = await importJira(store, { organisationId, file });
    expect(again).toMatchObject({ unchanged: 3, unclassifiedStatuses: [] });
  });
});
