import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

// Issue 9's "Done when": a VMO lead runs the optimiser on the demo portfolio, reads the frontier
// and the shadow-price sentences, builds two scenarios and compares them, then adopts one.

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startTestApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function expectAccessible(page: Page, name: string) {
  // Charts load their library on first use; the page is only whole once every one has drawn.
  await expect
    .poll(() => page.getByRole('status', { name: 'Loading chart' }).count(), { timeout: 10_000 })
    .toBe(0);
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** Creates a scenario from the live portfolio on the list page and lands on its page. */
async function createScenario(page: Page, name: string, quarters?: string) {
  await page.goto('/value/optimisation');
  await page
    .getByLabel('Portfolio', { exact: true })
    .last()
    .selectOption({ label: 'Digital Customer Experience' });
  await page.getByLabel('Scenario name').fill(name);
  if (quarters) await page.getByLabel('Quarters planned').selectOption(quarters);
  await page.getByRole('button', { name: 'Create scenario' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}

async function runOptimiser(page: Page) {
  await page.getByLabel('Time limit').selectOption('5000');
  await page.getByRole('button', { name: 'Run optimiser' }).click();
  await page.getByText('Found on top of the cut line').waitFor({ timeout: 60_000 });
}

describe('portfolio optimisation', () => {
  it('runs on the demo portfolio, explains the frontier and prices, compares two scenarios and adopts one', async () => {
    const { context, page } = await signedInPage(browser, app.url, { email: 'victor.vmo@northwind.example' });
    const base = await createScenario(page, 'Base plan');
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(3);
    await runOptimiser(page);
    await page.getByRole('heading', { name: 'Efficient frontier' }).waitFor();
    await page.getByText(/Best NPV at each budget level/).waitFor();
    await page.getByRole('heading', { name: 'Timeline of the funded initiatives' }).waitFor();

    // Six quarters from this one, as chosen on the form.
    const cut = await createScenario(page, 'Budget cut', '6');
    const span = await page.getByText(/^Maximises NPV over \d{4}-Q\d – \d{4}-Q\d/).textContent();
    const [from, to] = (span?.match(/\d{4}-Q\d/g) ?? []).map(
      (q) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)),
    );
    const now = new Date();
    expect(from).toBe(now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) + 1);
    expect((to ?? 0) - (from ?? 0)).toBe(5);
    await page.getByLabel('Budget level (%)').fill('50');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. Run the optimiser to see the effect.').waitFor();
    await runOptimiser(page);
    // Binding budget or skill capacity, priced in words ("10 k more budget in 2025-Q3 would add …").
    await page.getByRole('heading', { name: 'What one more unit would be worth' }).waitFor();
    await page
      .getByText(/^(.+ more budget|One more FTE of .+ capacity) in \d{4}-Q\d would add about .+ of NPV\.$/)
      .first()
      .waitFor();
    await expectAccessible(page, 'optimisation-scenario');

    await page.getByLabel('Why this plan (decision record)').fill('The board asked to halve the spend.');
    await page.getByRole('button', { name: 'Adopt as the plan' }).click();
    await page.getByText('Rationale: The board asked to halve the spend.').waitFor();

    await page.goto('/value/optimisation');
    await page
      .getByLabel('Portfolio', { exact: true })
      .last()
      .selectOption({ label: 'Digital Customer Experience' });
    await page.getByRole('link', { name: 'Base plan' }).first().waitFor();
    await expectAccessible(page, 'optimisation-scenarios');
    await page.getByLabel('First scenario').selectOption(base);
    await page.getByLabel('Second scenario').selectOption(cut);
    await page.getByRole('link', { name: 'Compare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Base plan vs Budget cut' }).waitFor();
    await page.getByText('Budget at 50 % instead of 100 %.').waitFor();
    await page.getByRole('heading', { name: 'What changed' }).waitFor();
    await expectAccessible(page, 'optimisation-compare');
    await context.close();
  }, 240_000);
});
