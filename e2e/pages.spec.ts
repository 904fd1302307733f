import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

let app: TestApp;
let browser: Browser;
let ids: { project: string; workItem: string; team: string };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startTestApp();
  browser = await launchBrowser();
  const projects = await app.api<{ items: { id: string }[] }>('GET', '/projects?limit=1&sort=name');
  const items = await app.api<{ items: { id: string }[] }>('GET', '/work-items?limit=1');
  const teams = await app.api<{ items: { id: string }[] }>('GET', '/teams?limit=1&sort=name');
  const first = (page: { items: { id: string }[] }) => page.items[0]?.id ?? '';
  ids = { project: first(projects), workItem: first(items), team: first(teams) };
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('sign-in', () => {
  it('signs in from the #token link and removes the token from the address', async () => {
    const { context, page } = await signedInPage(browser, app.url, app.token);
    expect(page.url()).toBe(`${app.url}/portfolio`);
    expect(
      await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash),
    ).toBe('');
    await context.close();
  });

  it('refuses a wrong token on the sign-in page and accepts the right one', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto('/delivery/work-items');
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('API token').fill('triad_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That token was not accepted').waitFor();
    await page.getByLabel('API token').fill(app.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back to the deep link that was asked for.
    await page.getByRole('heading', { level: 1, name: 'Work items' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/delivery/work-items');
    await context.close();
  });
});

const PAGES = [
  { name: 'portfolio-overview', path: () => '/portfolio', heading: 'Portfolio overview' },
  { name: 'project', path: () => `/portfolio/projects/${ids.project}`, heading: /.+/ },
  { name: 'delivery', path: () => '/delivery', heading: 'Delivery' },
  { name: 'work-items', path: () => '/delivery/work-items', heading: 'Work items' },
  { name: 'work-item', path: () => `/delivery/work-items/${ids.workItem}`, heading: /.+/ },
  { name: 'team', path: () => `/delivery/teams/${ids.team}`, heading: /.+/ },
  { name: 'value', path: () => '/value', heading: 'Value' },
  { name: 'people', path: () => '/people', heading: 'People' },
  { name: 'settings', path: () => '/settings', heading: 'Settings' },
];

describe.each(['light', 'dark'] as const)('every main page in the %s theme', (colorScheme) => {
  it('loads by deep link, has no serious or critical axe violations, and is screenshotted', async () => {
    const { context, page } = await signedInPage(browser, app.url, app.token, { colorScheme });
    const failures: string[] = [];
    for (const target of PAGES) {
      await page.goto(target.path());
      await page.getByRole('heading', { level: 1, name: target.heading }).first().waitFor();
      // Wait for loading placeholders to go, so the check and the picture show the real page.
      await page.waitForFunction(() => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
        return !doc.querySelector('[role="status"][aria-label^="Loading"]');
      });
      await page.screenshot({ path: `${ARTIFACTS}${target.name}-${colorScheme}.png`, fullPage: true });
      for (const v of await seriousAxeViolations(page)) {
        failures.push(`${target.name}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
      }
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});

describe('sign-in page', () => {
  it('has no serious or critical axe violations', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('API token').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}sign-in.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
