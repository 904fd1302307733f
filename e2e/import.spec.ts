import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
// The spreadsheet fixture of the importer tests (bad rows included), under a name of this run.
const CSV = readFileSync(new URL('../server/importers/table/__fixtures__/roadmap.csv', import.meta.url));

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
});
