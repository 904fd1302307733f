import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
// The spreadsheet fixture of the importer tests (bad rows included), under a name of this run.
const CSV = readFileSync(new URL('../server/importers/table/__fixtures__/roadmap.csv', import.meta.url));

// A small Jira CSV export: "Parked" is no status Jira's defaults classify, "Defect" no type they
// map, and story points sit in a column named "Effort" — all three need the saved mapping.
const JIRA_HEADER = 'Issue key,Issue id,Summary,Issue Type,Status,Created,Resolved,Effort';
const JIRA_V1 = [
  JIRA_HEADER,
  'EJI-1,10001,Sign-up form,Story,Parked,01/Oct/26 9:00 AM,,3',
  'EJI-2,10002,Crash on save,Defect,Open,02/Oct/26 9:00 AM,,5',
  'EJI-3,10003,Slow search,Defect,Done,03/Oct/26 9:00 AM,10/Oct/26 5:00 PM,2',
];
// The next export of the same site: one issue more.
const JIRA_V2 = [...JIRA_V1, 'EJI-4,10004,Broken link,Defect,Parked,04/Oct/26 9:00 AM,,8'];

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('import', () => {
  it('uploads a CSV, maps its columns, validates, imports and shows the rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triad-e2e-import-'));
    const file = join(dir, 'e2e-roadmap.csv');
    writeFileSync(file, CSV);
    const { page } = await signedInPage(browser, app.url);
    await page.goto('/import');
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.getByLabel('File (CSV, XLSX or JSON)').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload' }).click();

    await page.getByRole('heading', { name: '2. Preview' }).waitFor();
    await page.getByRole('cell', { name: 'Checkout redesign' }).waitFor();
    // the suggested mapping picks Summary for the title; the user maps the rest
    expect(await page.getByLabel('Title (required)').inputValue()).toBe('Summary');
    await page.getByLabel('Key (required)').selectOption('Ref');
    await page.getByLabel('Resolved').selectOption('Finished');
    await page.getByLabel('Project for rows without a project column').fill('E2E Roadmap');
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByRole('heading', { name: '4. Validation report' }).waitFor();
    await page.getByText('5 ready').waitFor();
    await page.getByRole('cell', { name: /no title/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Import finished').waitFor({ timeout: 30_000 });
    const counts = page.locator('.import-counts');
    expect(await counts.locator('div', { hasText: 'Created' }).locator('dd').textContent()).toBe('5');
    expect(await counts.locator('div', { hasText: 'Rejected' }).locator('dd').textContent()).toBe('3');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}import.png`, fullPage: true });

    // the imported rows are work items now
    await page.goto('/delivery/work-items?q=Wallet');
    await page.getByText('Wallet support').first().waitFor();
  });

  it('edits a Jira source’s saved mapping (If-Match), and the next import of that source uses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triad-e2e-jira-'));
    const file = join(dir, 'e2e-jira.csv');
    writeFileSync(file, `${JIRA_V1.join('\n')}\n`);
    const { page } = await signedInPage(browser, app.url);
    await page.goto('/import');
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();

    // First import with the importer's built-in mapping: Parked is in progress, Defect a task.
    await uploadFile(page, file);
    await page.getByText('The form shows the importer’s built-in mapping.').waitFor();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Import finished').waitFor({ timeout: 30_000 });
    expect(await count(page, 'Created')).toBe('3');
    const before = await items('jira:e2e-jira');
    expect(before.get('EJI-1')).toMatchObject({
      statusCategory: 'in_progress',
      type: 'story',
      estimate: null,
    });
    expect(before.get('EJI-2')).toMatchObject({ type: 'task', estimate: null });

    const { items: sources } = await app.api<{ items: { id: string; source: string }[] }>(
      'GET',
      '/imports/sources',
    );
    const id = sources.find((s) => s.source === 'jira:e2e-jira')?.id as string;
    expect(id).toBeDefined();
    const first = await readSource(id);

    // Edit it in "Saved mappings": a status, an issue type and the story points field.
    const card = page.getByRole('region', { name: 'Saved mappings' });
    await card.getByRole('button', { name: 'Edit the mapping of jira:e2e-jira' }).click();
    const editor = card.getByRole('region', { name: 'Mapping of jira:e2e-jira' });
    await addPair(editor.getByRole('group', { name: 'Statuses → category' }), 'Parked', 'todo');
    await addPair(editor.getByRole('group', { name: 'Issue types → type' }), 'Defect', 'bug');
    await editor.getByLabel('Story points field').fill('Effort, Story Points');
    const put = page.waitForRequest(
      (r) => r.method() === 'PUT' && r.url().endsWith(`/sources/${id}/mapping`),
    );
    await editor.getByRole('button', { name: 'Save mapping' }).click();
    expect((await put).headers()['if-match']).toBe(first.etag);
    await card.getByRole('status').filter({ hasText: 'Mapping saved.' }).waitFor();

    const saved = await readSource(id);
    expect(saved.etag).not.toBe(first.etag);
    expect(saved.body.mapping).toMatchObject({
      statuses: { parked: 'todo' },
      issueTypes: { defect: 'bug', story: 'story' },
      fields: { storyPoints: ['Effort', 'Story Points'] },
    });

    // Someone else saves the mapping meanwhile: saving the form now is refused (412), not merged.
    await putMapping(id, saved.etag, {
      ...saved.body.mapping,
      statuses: { ...(saved.body.mapping.statuses as object), blocked: 'in_progress' },
    });
    await editor.getByRole('button', { name: 'Save mapping' }).click();
    await card.getByRole('alert').filter({ hasText: 'This mapping changed since you opened it' }).waitFor();
    expect((await readSource(id)).body.mapping).toMatchObject({
      statuses: { parked: 'todo', blocked: 'in_progress' },
    });
    await card.getByRole('button', { name: 'Load the current mapping' }).click();
    const statusNames = editor.getByRole('group', { name: 'Statuses → category' }).getByRole('textbox');
    await expect.poll(() => textboxValues(statusNames)).toEqual(['parked', 'blocked']);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The next export of the same source starts from the saved mapping and imports with it.
    writeFileSync(file, `${JIRA_V2.join('\n')}\n`);
    await uploadFile(page, file);
    const mapping = page.getByRole('region', { name: '3. Mapping' });
    await mapping.getByText('The form shows the mapping saved with this source.').waitFor();
    expect(await mapping.getByLabel('Story points field').inputValue()).toBe('Effort, Story Points');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Import finished').waitFor({ timeout: 30_000 });
    expect(await count(page, 'Created')).toBe('1');
    expect(await count(page, 'Updated')).toBe('3');
    expect(await count(page, 'Rejected')).toBe('0');
    const after = await items('jira:e2e-jira');
    expect(after.size).toBe(4);
    expect(after.get('EJI-1')).toMatchObject({
      status: 'Parked',
      statusCategory: 'todo',
      type: 'story',
      estimate: 3,
    });
    expect(after.get('EJI-2')).toMatchObject({ statusCategory: 'todo', type: 'bug', estimate: 5 });
    expect(after.get('EJI-3')).toMatchObject({ statusCategory: 'done', type: 'bug', estimate: 2 });
    expect(after.get('EJI-4')).toMatchObject({ statusCategory: 'todo', type: 'bug', estimate: 8 });
    // The run saved the mapping it used, with the source.
    expect((await readSource(id)).body.mapping).toMatchObject({ issueTypes: { defect: 'bug' } });
  });

  it('exports the filtered rows of a list as CSV and XLSX with formula starters neutralised', async () => {
    const { items: projects } = await app.api<{ items: { id: string }[] }>('GET', '/projects?limit=1');
    const projectId = projects[0]?.id as string;
    for (const [type, title] of [
      ['bug', 'Xport-e2e checkout fails'],
      ['bug', '=HYPERLINK("http://evil.example","Xport-e2e")'],
      ['story', 'Xport-e2e wallet story'],
    ] as const)
      await app.api('POST', '/work-items', { projectId, type, title });
    for (const [name, title] of [
      ['Xport Person Ada', '+44 analyst'],
      ['Xport Person Bo', '=1+2'],
    ])
      await app.api('POST', '/people', { name, title });

    const { page } = await signedInPage(browser, app.url);
    await page.goto('/delivery/work-items?q=Xport-e2e&type=bug');
    await page.getByText('2 work items', { exact: true }).waitFor();
    for (const format of ['csv', 'xlsx'] as const) {
      const rows = await exportRows(page, format);
      expect(rows[0]?.slice(0, 4)).toEqual(['Key', 'Title', 'Type', 'Status']);
      // Only the two bugs of the search; the formula title comes back with its apostrophe.
      expect(rows.slice(1).map((r) => [r[1], r[2]])).toEqual(
        expect.arrayContaining([
          ['\'=HYPERLINK("http://evil.example","Xport-e2e")', 'bug'],
          ['Xport-e2e checkout fails', 'bug'],
        ]),
      );
      expect(rows).toHaveLength(3);
    }

    await page.goto('/people?q=Xport%20Person');
    await page.getByText('2 people', { exact: true }).waitFor();
    for (const format of ['csv', 'xlsx'] as const) {
      const rows = await exportRows(page, format);
      expect(rows.map((r) => r.slice(0, 2))).toEqual([
        ['Name', 'Title'],
        ['Xport Person Ada', "'+44 analyst"],
        ['Xport Person Bo', "'=1+2"],
      ]);
    }
  });
});

async function uploadFile(page: Page, file: string): Promise<void> {
  await page.getByLabel('File (CSV, XLSX or JSON)').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.getByRole('heading', { name: '2. Preview' }).waitFor();
}

async function count(page: Page, name: string): Promise<string | null> {
  return page.locator('.import-counts').locator('div', { hasText: name }).locator('dd').textContent();
}

/** Adds a "name → target" row to one of the mapping form's tables. */
async function addPair(group: Locator, name: string, target: string): Promise<void> {
  await group.getByRole('button', { name: 'Add entry' }).click();
  await group.getByRole('textbox').last().fill(name);
  await group.getByRole('combobox').last().selectOption(target);
}

async function textboxValues(boxes: Locator): Promise<string[]> {
  return Promise.all((await boxes.all()).map((b) => b.inputValue()));
}

interface WorkItemRow {
  sourceKey: string;
  status: string;
  statusCategory: string;
  type: string;
  estimate: number | null;
}

/** The work items of an import source, by their key at the source. */
async function items(source: string): Promise<Map<string, WorkItemRow>> {
  const page = await app.api<{ items: WorkItemRow[] }>(
    'GET',
    `/work-items?source=${encodeURIComponent(source)}&limit=100`,
  );
  return new Map(page.items.map((w) => [w.sourceKey, w]));
}

interface SourceBody {
  mapping: Record<string, unknown>;
}

/** GET /imports/sources/{id} with its ETag (the app's api helper drops headers). */
async function readSource(id: string): Promise<{ etag: string; body: SourceBody }> {
  const response = await fetch(`${app.server.url}/api/v1/imports/sources/${id}`, {
    headers: { Authorization: `Bearer ${app.token}` },
  });
  expect(response.status).toBe(200);
  return { etag: response.headers.get('etag') ?? '', body: (await response.json()) as SourceBody };
}

async function putMapping(id: string, etag: string, mapping: unknown): Promise<void> {
  const response = await fetch(`${app.server.url}/api/v1/imports/sources/${id}/mapping`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json', 'If-Match': etag },
    body: JSON.stringify({ mapping }),
  });
  expect(response.status).toBe(200);
}

/** Clicks Export CSV or Export XLSX and reads the downloaded file back as rows of text. */
async function exportRows(page: Page, format: 'csv' | 'xlsx'): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Export ${format.toUpperCase()}` }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^[a-z-]+-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
  const path = await download.path();
  if (format === 'csv') return parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the XLSX has no worksheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text);
    rows.push(cells);
  });
  return rows;
}

/** RFC 4180 fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
