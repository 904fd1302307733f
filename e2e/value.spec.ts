import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

// The value office's pages against the Northwind demo (docs/value.md).
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

type Items<T> = { items: T[] };
type BacklogItem = { workItem: { id: string; key: string }; rank: number; breakdown: Record<string, number> };

let app: TestApp;
let browser: Browser;
let page: Page;
let ids: { keyResult: string; kpi: string; cases: string[]; portfolio: string; benefitPortfolio: string };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startTestApp();
  browser = await launchBrowser();
  ({ page } = await signedInPage(browser, app.url));
  const first = <T extends { id: string }>(r: Items<T>) => r.items[0]?.id ?? '';
  const cases = await app.api<Items<{ id: string }>>('GET', '/business-cases?limit=3');
  const benefit = await app.api<Items<{ projectId: string }>>('GET', '/benefits?limit=1');
  const project = await app.api<{ portfolioId: string }>('GET', `/projects/${benefit.items[0]?.projectId}`);
  ids = {
    keyResult: first(await app.api<Items<{ id: string }>>('GET', '/key-results?limit=1')),
    kpi: first(await app.api<Items<{ id: string }>>('GET', '/kpis?limit=1&metricType=nps')),
    cases: cases.items.map((c) => c.id),
    portfolio: first(await app.api<Items<{ id: string }>>('GET', '/portfolios?limit=1&sort=name')),
    benefitPortfolio: project.portfolioId,
  };
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Waits for the page's loading placeholders to go, checks axe and saves a screenshot. */
async function settleAndCheck(name: string): Promise<string[]> {
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
    return !doc.querySelector('[role="status"][aria-label^="Loading"]');
  });
  await page.screenshot({ path: `${ARTIFACTS}value-${name}.png`, fullPage: true });
  return (await seriousAxeViolations(page)).map(
    (v) => `${name}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`,
  );
}

const PAGES = [
  { name: 'overview', path: () => '/value', heading: 'Value', text: 'of spend' },
  { name: 'strategy', path: () => '/value/strategy', heading: 'Strategy and OKRs', text: 'Unaligned work' },
  {
    name: 'key-result',
    path: () => `/value/strategy/key-results/${ids.keyResult}`,
    text: 'Check-in history',
  },
  { name: 'streams', path: () => '/value/streams', heading: 'Value streams', text: 'Customer self-service' },
  { name: 'kpis', path: () => '/value/kpis', heading: 'KPIs', text: 'Digital NPS' },
  { name: 'kpi', path: () => `/value/kpis/${ids.kpi}`, text: 'Earlier targets' },
  {
    name: 'business-cases',
    path: () => `/value/business-cases?compare=${ids.cases.join(',')}`,
    heading: 'Business cases',
    text: 'Side by side',
  },
  {
    name: 'business-case',
    path: () => `/value/business-cases/${ids.cases[0]}`,
    text: 'Sensitivity of NPV (tornado)',
  },
  {
    name: 'benefits',
    path: () => '/value/benefits',
    heading: 'Benefits realisation',
    text: 'Realised to date',
    pick: true,
  },
  {
    name: 'prioritisation',
    path: () => '/value/prioritisation',
    heading: 'Prioritisation',
    text: 'Ranked by Weighted Shortest Job First',
  },
  {
    name: 'wsjf-session',
    path: () => '/value/prioritisation/wsjf-session',
    heading: 'WSJF session',
    text: 'Live ranking',
  },
  {
    name: 'scoring-models',
    path: () => '/value/prioritisation/models',
    heading: 'Scoring models',
    text: 'Edit Strategic fit',
  },
];

describe('value office pages', () => {
  it.each(PAGES)('shows $name with demo data, without serious axe violations', async (target) => {
    await page.goto(target.path());
    if (target.heading) await page.getByRole('heading', { level: 1, name: target.heading }).waitFor();
    // Benefits are planned in some portfolios only: show the one the first demo benefit is in.
    if (target.pick) await page.locator('#main').getByLabel('Portfolio').selectOption(ids.benefitPortfolio);
    await page.getByText(target.text).first().waitFor();
    expect(await settleAndCheck(target.name)).toEqual([]);
  });

  it('adds a check-in and edits it (If-Match), visible through the API', async () => {
    await page.goto(`/value/strategy/key-results/${ids.keyResult}`);
    const add = page.getByRole('form', { name: 'Add a check-in' });
    await add.getByLabel(/^Value/).fill('42.5');
    await add.getByLabel('Confidence (%)').fill('80');
    await add.getByLabel('Note').fill('From the e2e test');
    await add.getByRole('button', { name: 'Add check-in' }).click();
    await page.getByText('Check-in added.').waitFor();
    await page.getByRole('cell', { name: 'From the e2e test' }).waitFor();

    const row = page.getByRole('row').filter({ hasText: 'From the e2e test' });
    await row.getByRole('button', { name: /Edit check-in/ }).click();
    const edit = page.getByRole('form', { name: 'Edit check-in' });
    await edit.getByLabel(/^Value/).fill('44');
    await edit.getByLabel('Note').fill('Corrected in the e2e test');
    await edit.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByRole('cell', { name: 'Corrected in the e2e test' }).waitFor();

    const checkIns = await app.api<Items<{ value: number; note: string; version: number }>>(
      'GET',
      `/key-results/${ids.keyResult}/check-ins`,
    );
    expect(checkIns.items.find((c) => c.note === 'Corrected in the e2e test')).toMatchObject({
      value: 44,
      version: 2,
    });
  });

  it('runs a WSJF session: scoring re-ranks live and saving writes the scores', async () => {
    const backlog = await app.api<{ items: BacklogItem[] }>(
      'GET',
      `/portfolios/${ids.portfolio}/backlog?model=wsjf`,
    );
    const last = backlog.items.at(-1);
    expect(last).toBeDefined();
    const key = last?.workItem.key ?? '';
    await page.goto('/value/prioritisation/wsjf-session');
    await page.locator('#main').getByLabel('Portfolio').selectOption(ids.portfolio);
    const ranking = page.getByRole('list', { name: 'Live WSJF ranking' });
    await ranking.getByRole('listitem').first().waitFor();
    expect(await ranking.getByRole('listitem').first().textContent()).not.toContain(key);

    // The last item becomes the most valuable, smallest job: it moves to the top at once.
    await page.getByLabel(`User-business value of ${key}`).selectOption('20');
    await page.getByLabel(`Time criticality of ${key}`).selectOption('20');
    await page.getByLabel(`Job size of ${key}`).selectOption('1');
    expect(await ranking.getByRole('listitem').first().textContent()).toContain(key);
    await settleAndCheck('wsjf-session-scored');

    await page.getByRole('button', { name: /^Save 1 changed/ }).click();
    await page.getByText('Saved the WSJF scores of 1 epics.').waitFor();
    const saved = await app.api<{ wsjf: Record<string, number> }>(
      'GET',
      `/work-items/${last?.workItem.id}/prioritisation`,
    );
    expect(saved.wsjf).toMatchObject({ userBusinessValue: 20, timeCriticality: 20, jobSize: 1 });
    const ranked = await app.api<{ items: BacklogItem[] }>(
      'GET',
      `/portfolios/${ids.portfolio}/backlog?model=wsjf`,
    );
    expect(ranked.items[0]?.workItem.key).toBe(key);
  });

  it("shows a business case's figures with their formulas, scenarios and the tornado", async () => {
    await page.goto(`/value/business-cases/${ids.cases[0]}`);
    for (const text of [
      'Net present value (NPV)',
      'Internal rate of return (IRR)',
      'Discounted payback',
      'Benefit-cost ratio (BCR)',
      'Weighted NPV',
    ])
      await page.getByText(text).first().waitFor();
    const tornado = page.getByRole('region', { name: 'Sensitivity of NPV (tornado)' });
    await tornado.locator('.recharts-bar-rectangle').first().waitFor();
    await tornado.getByRole('button', { name: 'Table' }).click();
    await tornado.getByRole('columnheader', { name: 'Swing' }).waitFor();
    expect(await tornado.getByRole('row').count()).toBeGreaterThan(2);
  });
});
