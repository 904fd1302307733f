import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, signedInPage } from './support/browser';

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

describe('shell', () => {
  it('opens the command palette with Ctrl+K and goes to a project found by q', async () => {
    const { context, page } = await signedInPage(browser, app.url);
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search Triad' });
    await palette.getByRole('combobox', { name: 'Search' }).fill('Payments');
    await palette.getByRole('option', { name: /Project.*Payments Modernisation/ }).waitFor();
    await palette.getByRole('combobox', { name: 'Search' }).press('ArrowDown');
    // The first result is the project (pages match no text here); Enter opens the highlighted one.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Payments Modernisation/ }).waitFor();
    // Breadcrumbs lead back to the office.
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Portfolio' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio overview' }).waitFor();
    await context.close();
  });

  it('goes from a goal found in the command palette to that goal in the strategy tree', async () => {
    const goals = await app.api<{ items: { id: string; name: string }[] }>('GET', '/goals?limit=1&sort=name');
    const goal = goals.items[0];
    if (!goal) throw new Error('the demo has no goals');
    const { context, page } = await signedInPage(browser, app.url);
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search Triad' });
    await palette.getByRole('combobox', { name: 'Search' }).fill(goal.name);
    await palette
      .getByRole('option', { name: new RegExp(`Goal.*${goal.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Strategy and OKRs' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#goal-${goal.id}`);
    await page.locator(`#goal-${goal.id}.value-goal--target`).waitFor();
    await context.close();
  });

  it('toggles the theme and keeps it across reloads', async () => {
    const { context, page } = await signedInPage(browser, app.url);
    const html = page.locator('html');
    await page.getByRole('button', { name: /^System theme/ }).click();
    expect(await html.getAttribute('data-theme')).toBe('light');
    await page.getByRole('button', { name: /^Light theme/ }).click();
    expect(await html.getAttribute('data-theme')).toBe('dark');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Portfolio overview' }).waitFor();
    expect(await html.getAttribute('data-theme')).toBe('dark');
    await context.close();
  });

  it('reads work items page by page as the table scrolls', async () => {
    const { context, page } = await signedInPage(browser, app.url);
    await page.goto('/delivery/work-items');
    const status = page.getByText(/^100\+ \(scroll for more\) work items$/);
    await status.waitFor();
    // Virtualised: far fewer rows in the DOM than loaded.
    expect(await page.locator('table tbody tr').count()).toBeLessThan(60);
    const region = page.getByRole('region', { name: 'Work items' });
    await region.evaluate((el) => {
      (el as unknown as { scrollTop: number; scrollHeight: number }).scrollTop = 1e6;
    });
    await page.getByText(/^200\+? .*work items$/).waitFor();
    await context.close();
  });
});

describe('portfolio overview', () => {
  it('filters, chooses columns, saves a view and exports CSV with formula cells neutralised', async () => {
    const portfolios = await app.api<{ items: { id: string }[] }>('GET', '/portfolios?limit=1');
    await app.api('POST', '/projects', {
      portfolioId: portfolios.items[0]?.id,
      key: 'INJ',
      name: '=HYPERLINK("http://evil.example","x")',
      approach: 'agile',
      health: 'red',
    });
    const { context, page } = await signedInPage(browser, app.url);

    await page.getByRole('combobox', { name: 'Health' }).selectOption('red');
    await page.getByRole('link', { name: /HYPERLINK/ }).waitFor();
    await page
      .getByRole('group', { name: /Columns/ })
      .or(page.getByText('Columns', { exact: true }))
      .first()
      .click();
    await page.getByRole('checkbox', { name: 'Budget' }).uncheck();
    expect(await page.getByRole('columnheader', { name: 'Budget' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('dialog', { name: 'Save this view' }).getByLabel('View name').fill('Red projects');
    await page.getByRole('dialog', { name: 'Save this view' }).getByRole('button', { name: 'Save' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Portfolio overview' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Health' }).inputValue()).toBe('');
    await page.getByRole('combobox', { name: 'Saved view' }).selectOption('Red projects');
    expect(await page.getByRole('combobox', { name: 'Health' }).inputValue()).toBe('red');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).not.toContain('Budget');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(lines.slice(1).every((line) => /,Red,/.test(line) || line.includes('red'))).toBe(true);
    await context.close();
  });
});

describe('focus and keyboard', () => {
  /** What has focus: its tag, accessible text and the live region's words. */
  const focused = (page: import('playwright-core').Page) =>
    page.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: {
            activeElement: { tagName: string; textContent: string | null; id: string } | null;
            querySelector(s: string): { textContent: string | null } | null;
          };
        }
      ).document;
      const el = doc.activeElement;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        text: el?.textContent?.trim() ?? '',
        id: el?.id ?? '',
        announced: doc.querySelector('[data-testid="route-announcer"]')?.textContent ?? '',
      };
    });

  it('moves focus to the new page heading and announces it; the skip link focuses main', async () => {
    const { context, page } = await signedInPage(browser, app.url);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Portfolio overview' }).waitFor();
    // First stop on a fresh page is the skip link; it moves focus to the main region.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Work items' }).click();
    await page.getByRole('heading', { level: 1, name: 'Work items' }).waitFor();
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { activeElement: { tagName: string } | null } })
        .document;
      return doc.activeElement?.tagName === 'H1';
    });
    expect(await focused(page)).toMatchObject({
      tag: 'h1',
      text: 'Work items',
      announced: 'Navigated to Work items',
    });
    // Changing a filter is not a new page: focus stays in the field.
    await page.getByRole('searchbox', { name: 'Search' }).fill('login');
    await page.waitForTimeout(300);
    expect((await focused(page)).tag).toBe('input');
    await context.close();
  });

  it('returns focus to the button that opened a dialog, and Escape closes menus', async () => {
    const { context, page } = await signedInPage(browser, app.url);
    const opener = page.getByRole('button', { name: 'New project' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused(page)).text).toBe('New project');

    const bell = page.locator('summary', { hasText: 'Notifications' });
    await bell.click();
    await page.getByTestId('live-status').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('live-status').waitFor({ state: 'hidden' });
    expect((await focused(page)).text).toContain('Notifications');
    await context.close();
  });

  it('runs the command palette from the keyboard alone: arrows, Enter, Escape', async () => {
    const person = (
      await app.api<{ items: { id: string; name: string }[] }>('GET', '/people?limit=1&sort=name')
    ).items[0];
    if (!person) throw new Error('the demo has no people');
    const { context, page } = await signedInPage(browser, app.url);
    const search = page.getByRole('button', { name: /Search/ });
    await search.focus();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search Triad' });
    const box = palette.getByRole('combobox', { name: 'Search' });
    await box.waitFor();
    // Typed text goes to the search field, which has focus as soon as the palette opens.
    await page.keyboard.type('Pe');
    // The matching page comes at once, the records after the search answers.
    await palette.getByRole('option').nth(1).waitFor();
    const active = () => box.getAttribute('aria-activedescendant');
    const first = await active();
    await page.keyboard.press('ArrowDown');
    expect(await active()).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await active()).toBe(first);
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });
    expect((await focused(page)).text).toContain('Search');

    await page.keyboard.press('Control+k');
    await box.waitFor();
    await page.keyboard.type(person.name);
    await palette.getByRole('option', { name: new RegExp(`Person.*${person.name}`) }).waitFor();
    // Pages come first; move down to the person and open it.
    while (
      !((await palette.locator('[role="option"][aria-selected="true"]').textContent()) ?? '').startsWith(
        'Person',
      )
    )
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/people/${person.id}`);
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { activeElement: { tagName: string } | null } })
        .document;
      return doc.activeElement?.tagName === 'H1';
    });
    await context.close();
  });
});
