import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test/engines';
import { importedItems, importScratchDir, importTargets } from '../../test/import-fixtures';
import { importTable } from './import-table';

const CSV = new URL('./__fixtures__/roadmap.csv', import.meta.url).pathname;
const MAPPING = JSON.parse(
  readFileSync(new URL('./__fixtures__/roadmap-mapping.json', import.meta.url), 'utf8'),
) as unknown;
const dir = importScratchDir('table');
const engines = await testEngines();

/** The CSV fixture as an XLSX workbook, dates as real date cells and one formula cell. */
async function writeXlsx(path: string) {
  const lines = readFileSync(CSV, 'utf8').trimEnd().split('\n').slice(0, 4);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Roadmap');
  sheet.addRow([
    'Ref',
    'Summary',
    'State',
    'Kind',
    'Owner',
    'Points',
    'Opened',
    'Finished',
    'Parent',
    'Tags',
  ]);
  sheet.addRow([
    1,
    'Checkout redesign',
    'In Progress',
    'epic',
    'Ana Lima',
    null,
    new Date('2024-04-01T00:00:00Z'),
  ]);
  sheet.addRow([
    2,
    'Card form',
    'Done',
    'story',
    'Ana Lima',
    { formula: '1+2', result: 3 },
    new Date('2024-04-02T00:00:00Z'),
    new Date('2024-04-10T00:00:00Z'),
    1,
  ]);
  sheet.addRow([3, 'Wallet support', 'To Do', 'story', 'Bo Chen', 5, '2024-04-03', null, 1]);
  sheet.addRow([]);
  sheet.addRow(['x', 'Bad key']);
  await workbook.xlsx.writeFile(path);
  return lines.length;
}

describe.each(engines)('Spreadsheet import on $name', (engine) => {
  const open = importTargets(engine);

  it('CSV: maps columns, reports bad rows by line, re-imports unchanged, applies the missing policy', async () => {
    const { store, organisationId } = await open();
    const first = await importTable(store, { organisationId, file: CSV, mapping: MAPPING });
    expect(first).toMatchObject({ created: 5, rejected: 3, source: 'csv:roadmap', format: 'csv' });
    expect(first.rejections.map((r) => [r.row, r.reason])).toEqual([
      [6, 'ROADMAP-5: no title'],
      [7, 'key "six" is neither a key like ABC-12 nor a positive whole number'],
      [8, 'Points must be a non-negative number, got "lots"'],
    ]);
    const got = await importedItems(store, organisationId);
    expect(got.get('ROADMAP-2')).toMatchObject({
      estimate: 3,
      parent: 'ROADMAP-1',
      done_at: '2024-04-10T00:00:00.000Z',
      source_key: '2',
    });
    // stored as text, never evaluated; export escapes it
    expect(got.get('ROADMAP-4')?.title).toBe('=HYPERLINK("http://x")');
    expect(got.get('ROADMAP-8')?.parent).toBe('ROADMAP-2');
    // the mapping is saved with the source: no mapping needed the second time
    expect(await importTable(store, { organisationId, file: CSV })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 5,
    });
    const smaller = join(dir, `roadmap-${engine.name}.csv`);
    writeFileSync(smaller, readFileSync(CSV, 'utf8').split('\n').slice(0, 4).join('\n'));
    const closed = await importTable(store, {
      organisationId,
      file: smaller,
      source: 'roadmap',
      onMissing: 'close',
    });
    expect(closed).toMatchObject({ missing: 2, unchanged: 3 });
    expect((await importedItems(store, organisationId)).get('ROADMAP-8')?.status_category).toBe('done');
  });

  it('XLSX: streams the first worksheet, reads date and formula cells, and survives a killed run', async () => {
    const { store, organisationId } = await open();
    const file = join(dir, `roadmap-${engine.name}.xlsx`);
    await writeXlsx(file);
    await expect(
      importTable(store, {
        organisationId,
        file,
        mapping: MAPPING,
        batchSize: 1,
        afterBatchWrite: (n) => {
          if (n === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect((await importedItems(store, organisationId)).size).toBe(1);
    const summary = await importTable(store, { organisationId, file, mapping: MAPPING });
    expect(summary).toMatchObject({ format: 'xlsx', created: 2, unchanged: 1, rejected: 1 });
    expect(summary.rejections[0]?.row).toBe(6);
    const got = await importedItems(store, organisationId);
    expect(got.get('ROADMAP-2')).toMatchObject({
      estimate: 3,
      parent: 'ROADMAP-1',
      done_at: '2024-04-10T00:00:00.000Z',
    });
  });

  it('refuses a mapping naming a column the file lacks, before writing anything', async () => {
    const { store, organisationId } = await open();
    await expect(
      importTable(store, { organisationId, file: CSV, mapping: { columns: { key: 'Ref', title: 'Nope' } } }),
    ).rejects.toThrow('columns.title: no column "Nope"');
    expect((await importedItems(store, organisationId)).size).toBe(0);
  });
});
