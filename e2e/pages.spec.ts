import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import {
  launchBrowser,
  seriousAxeViolations,
  signedInPage,
  signInWithPassword,
  tokenSignedInPage,
} from './support/browser';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

let app: TestApp;
let browser: Browser;
let ids: { project: string; workItem: string; team: string; person: string };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startTestApp();
  browser = await launchBrowser();
  const projects = await app.api<{ items: { id: string }[] }>('GET', '/projects?limit=1&sort=name');
  const items = await app.api<{ items: { id: string }[] }>('GET', '/work-items?limit=1');
  const teams = await app.api<{ items: { id: string }[] }>('GET', '/teams?limit=1&sort=name');
  const busy = await app.api<{ items: { assigneeId: string | null }[] }>(
    'GET',
    '/work-items?statusCategory=in_progress&type=story&limit=20',
  );
  const first = (page: { items: { id: string }[] }) => page.items[0]?.id ?? '';
  const person = busy.items.find((w) => w.assigneeId)?.assigneeId ?? '';
  ids = { project: first(projects), workItem: first(items), team: first(teams), person };
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The number in the project table's footer ("24 projects"). */
async function projectCount(page: import('playwright-core').Page): Promise<number> {
  const footer = page.getByText(/^\d+\+? projects$/);
  await footer.waitFor();
  return Number.parseInt((await footer.textContent()) ?? '', 10);
}

describe('sign-in', () => {
  it('signs in with e-mail and password, back to the deep link, and signs out through the API', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto('/delivery/work-items');
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByText('Demo accounts are printed in the server log').waitFor();
    await signInWithPassword(page, 'ada.admin@northwind.example', 'not-the-password');
    await page.getByText('The e-mail address or the password is wrong.').waitFor();
    await signInWithPassword(page, 'ada.admin@northwind.example');
    await page.getByRole('heading', { level: 1, name: 'Work items' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/delivery/work-items');
    // The session is an HttpOnly cookie the page cannot read.
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'triad_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie),
    ).not.toContain('triad_session');

    // The account menu shows who is signed in and their roles; sign-out ends the session on the server.
    await page.locator('summary', { hasText: 'Account:' }).click();
    await page.getByText('Organisation admin').first().waitFor();
    const sessionCookie = cookies.find((c) => c.name === 'triad_session')?.value ?? '';
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    const after = await fetch(`${app.url}/api/v1/auth/session`, {
      headers: { cookie: `triad_session=${sessionCookie}` },
    });
    expect(after.status).toBe(401);
    await context.close();
  });

  it('keeps the API token as a second way in', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto('/delivery/work-items');
    await page.getByRole('button', { name: 'Use an API token' }).click();
    await page.getByLabel('API token').fill('triad_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in with token' }).click();
    await page.getByText('That token was not accepted').waitFor();
    await page.getByLabel('API token').fill(app.token);
    await page.getByRole('button', { name: 'Sign in with token' }).click();
    await page.getByRole('heading', { level: 1, name: 'Work items' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/delivery/work-items');
    await context.close();
  });

  it('signs in from the #token link and removes the token from the address', async () => {
    const { context, page } = await tokenSignedInPage(browser, app.url, app.token);
    expect(page.url()).toBe(`${app.url}/portfolio`);
    expect(
      await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash),
    ).toBe('');
    await context.close();
  });

  it('shows a team member fewer projects than the organisation admin', async () => {
    const admin = await signedInPage(browser, app.url);
    const adminCount = await projectCount(admin.page);
    const member = await signedInPage(browser, app.url, { email: 'tess.team@northwind.example' });
    const memberCount = await projectCount(member.page);
    expect(memberCount).toBeGreaterThan(0);
    expect(memberCount).toBeLessThan(adminCount);
    // Tess's roles are in her account menu; she has no admin settings.
    await member.page.locator('summary', { hasText: 'Account:' }).click();
    await member.page
      .getByText(/Team member on team/)
      .first()
      .waitFor();
    await member.page.goto('/settings');
    await member.page.getByRole('link', { name: 'API tokens' }).waitFor();
    expect(await member.page.getByRole('link', { name: 'Users and roles' }).count()).toBe(0);
    await admin.context.close();
    await member.context.close();
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
  { name: 'person', path: () => `/people/${ids.person}`, heading: /.+/ },
  { name: 'settings-account', path: () => '/settings/account', heading: 'Settings' },
  { name: 'settings-tokens', path: () => '/settings/tokens', heading: 'Settings' },
  { name: 'settings-users', path: () => '/settings/users', heading: 'Settings' },
  { name: 'settings-sso', path: () => '/settings/sso', heading: 'Settings' },
];

describe.each(['light', 'dark'] as const)('every main page in the %s theme', (colorScheme) => {
  it('loads by deep link, has no serious or critical axe violations, and is screenshotted', async () => {
    const { context, page } = await signedInPage(browser, app.url, { colorScheme });
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
    // Fourteen pages with an axe run each: about a minute, two on a busy CI machine.
  }, 240_000);
});

describe('person page', () => {
  it('opens from the people directory with profile, skills, work, teams, projects, allocations and history', async () => {
    const person = await app.api<{ name: string; skills: { skill: string; proficiency: number }[] }>(
      'GET',
      `/people/${ids.person}`,
    );
    const { context, page } = await signedInPage(browser, app.url);
    await page.goto(`/people?q=${encodeURIComponent(person.name)}`);
    await page.getByRole('link', { name: person.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/people/${ids.person}`);
    for (const section of [
      'Profile',
      'Skills',
      'Current work',
      'Teams',
      'Projects',
      'Allocations',
      'History',
    ])
      await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
    const skill = person.skills[0];
    if (skill) await page.getByRole('meter', { name: `${skill.skill} proficiency` }).waitFor();
    // Someone with work in progress: the table lists it, and a team and a project are linked.
    await page.getByRole('region', { name: `Work in progress of ${person.name}` }).waitFor();
    await page.locator('.link-list a[href^="/delivery/teams/"]').first().waitFor();
    await page.locator('.link-list a[href^="/portfolio/projects/"]').first().waitFor();
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
      return !doc.querySelector('[role="status"][aria-label^="Loading"]');
    });
    await page.screenshot({ path: `${ARTIFACTS}person-detail.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The breadcrumb names the person and leads back to the directory.
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await crumbs.getByText(person.name).waitFor();
    await crumbs.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await context.close();
  });
});

describe('pages before sign-in', () => {
  it('have no serious or critical axe violations', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    const failures: string[] = [];
    const check = async (name: string) => {
      await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
      for (const v of await seriousAxeViolations(page))
        failures.push(`${name}: ${v.impact} ${v.id} (${v.help})`);
    };
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').waitFor();
    await check('sign-in');
    await page.getByRole('button', { name: 'Use an API token' }).click();
    await page.getByLabel('API token').waitFor();
    await check('sign-in-token');
    await page.goto('/reset-password#token=an-example-reset-token-value');
    await page.getByLabel('New password', { exact: true }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await check('reset-password');
    await context.close();
    expect(failures).toEqual([]);
  });
});
