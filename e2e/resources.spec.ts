import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

// Capacity and money on the Northwind demo: the heat map with its over-allocations (by person,
// skill and role), booking a team, team membership with allocation, the availability finder,
// applying a suggestion, the effort estimate, the budget roll-up with the portfolio's own budget,
// a project's budget and actuals with the cost and time-entry CSV imports, and earned value with
// its S-curve for a predictive and an agile project.

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

interface Project {
  id: string;
  key: string;
  name: string;
  approach: string;
}

interface Team {
  id: string;
  name: string;
  version: number;
  members: { personId: string; allocation: number }[];
}

interface Person {
  id: string;
  name: string;
  email: string | null;
}

let app: TestApp;
let browser: Browser;
let page: Page;
let close: () => Promise<void>;
let predictive: Project;
let agile: Project;

async function evmWorks(p: Project): Promise<boolean> {
  try {
    const evm = await app.api<{ sCurve: unknown[] }>('GET', `/projects/${p.id}/evm`);
    return evm.sCurve.length > 1;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startTestApp();
  browser = await launchBrowser();
  const projects = await app.api<{ items: Project[] }>('GET', '/projects?sort=key&limit=200');
  const pick = async (approach: string) => {
    for (const p of projects.items.filter((x) => x.approach === approach)) if (await evmWorks(p)) return p;
    throw new Error(`the demo has no ${approach} project with earned value`);
  };
  predictive = await pick('predictive');
  agile = await pick('agile');
  const session = await signedInPage(browser, app.url);
  page = session.page;
  close = () => session.context.close();
});

afterAll(async () => {
  await close?.();
  await browser?.close();
  await app?.close();
});

async function settled(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
    return !doc.querySelector(
      '[role="status"][aria-label^="Loading"], [role="status"][aria-label^="Solving"]',
    );
  });
}

async function checkPage(p: Page, name: string): Promise<void> {
  await settled(p);
  await p.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  const violations = await seriousAxeViolations(p);
  expect(violations.map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`)).toEqual([]);
}

describe('capacity', () => {
  it('shows the heat map with over-allocations and the projects causing them', async () => {
    await page.goto('/people/capacity');
    await page.getByRole('heading', { name: 'Capacity', exact: true }).waitFor();
    const over = page.getByRole('button', { name: /over-allocated$/ }).first();
    await over.waitFor();
    await over.click();
    await page.getByText(/utilised:/).waitFor();
    expect(await page.getByRole('table', { name: 'Projects causing this load' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Over-allocations' }).count()).toBe(1);
    await checkPage(page, 'capacity-heatmap');
    await page.getByLabel('Rows').selectOption('skill');
    await page.getByLabel('Period').selectOption('month');
    await page.getByRole('columnheader', { name: 'Skill' }).waitFor();
    await checkPage(page, 'capacity-heatmap-skill-month');
    // By role (people's titles): the demo asks for a QA Engineer by role.
    await page.getByLabel('Rows').selectOption('role');
    await page.getByRole('columnheader', { name: 'Role' }).waitFor();
    await page
      .getByRole('rowheader', { name: /QA Engineer/ })
      .first()
      .waitFor();
    await checkPage(page, 'capacity-heatmap-role-month');
  });

  it('books a team to a project from the Team bookings card, and removes the booking', async () => {
    const [team] = (await app.api<{ items: Team[] }>('GET', '/teams?sort=name&limit=1')).items;
    if (!team) throw new Error('the demo has no team');
    await page.goto('/people/capacity');
    const form = page.getByRole('form', { name: 'Book a team' });
    await form.waitFor();
    const removeButtons = page.getByRole('button', {
      name: `Remove the booking of ${team.name} to ${agile.key} · ${agile.name}`,
    });
    await settled(page);
    const before = await removeButtons.count();
    await form.getByLabel('Team').selectOption(team.id);
    await form.getByLabel('Initiative or project').selectOption(agile.id);
    await form.getByLabel('Amount').fill('0.25');
    await form.getByLabel('Booking').selectOption('soft');
    await form.getByRole('button', { name: 'Book the team' }).click();
    await page.getByText('Booked; the heat map now counts it.').waitFor();
    await expect.poll(() => removeButtons.count(), { timeout: 15_000 }).toBe(before + 1);
    const booked = await app.api<{
      items: { teamId: string; projectId: string; amount: number; booking: string }[];
    }>('GET', `/team-bookings?teamId=${team.id}&limit=100`);
    expect(
      booked.items.some((b) => b.projectId === agile.id && b.amount === 0.25 && b.booking === 'soft'),
    ).toBe(true);
    await checkPage(page, 'capacity-team-booking');
    await removeButtons.last().click();
    await expect.poll(() => removeButtons.count(), { timeout: 15_000 }).toBe(before);
  });

  it('requests a role for a project from the capacity page, refuses a request naming neither role nor skill, and cancels it', async () => {
    await page.goto('/people/capacity');
    const form = page.getByRole('form', { name: 'Request people' });
    await form.waitFor();
    await settled(page);
    const cancelButtons = page.getByRole('button', {
      name: `Cancel the request for QA Engineer on ${agile.key} · ${agile.name}`,
    });
    const before = await cancelButtons.count();
    await form.getByLabel('Project', { exact: true }).selectOption(agile.id);
    await form.getByRole('button', { name: 'Request' }).click();
    await form.getByText('Name a skill, a role, or both').waitFor();
    await form.getByLabel('Role', { exact: true }).fill('QA Engineer');
    await form.getByLabel('Amount asked').fill('0.5');
    await form.getByRole('button', { name: 'Request' }).click();
    await page.getByText('Requested; the heat map counts it as open demand.').waitFor();
    await expect.poll(() => cancelButtons.count(), { timeout: 15_000 }).toBe(before + 1);
    const open = await app.api<{ items: { role: string | null; skill: string | null; amount: number }[] }>(
      'GET',
      `/resource-requests?projectId=${agile.id}&status=open&role=QA%20Engineer&limit=100`,
    );
    expect(open.items.some((r) => r.skill === null && r.amount === 0.5)).toBe(true);
    await checkPage(page, 'capacity-resource-request');
    await cancelButtons.last().click();
    await expect.poll(() => cancelButtons.count(), { timeout: 15_000 }).toBe(before);
  });

  it('edits the members of a team and their allocation on the team page', async () => {
    const [team] = (await app.api<{ items: Team[] }>('GET', '/teams?sort=name&limit=1')).items;
    if (!team) throw new Error('the demo has no team');
    const people = await app.api<{ items: Person[] }>('GET', '/people?sort=name&limit=200');
    const newcomer = people.items.find((p) => !team.members.some((m) => m.personId === p.id));
    if (!newcomer) throw new Error('everyone is in the first team');
    await page.goto(`/delivery/teams/${team.id}`);
    const form = page.getByRole('form', { name: 'Team members' });
    await form.waitFor();
    const n = team.members.length;
    // A row without a person is refused in place, under the API's field name.
    await form.getByRole('button', { name: 'Add member' }).click();
    await form.getByRole('button', { name: 'Save members' }).click();
    await form.getByText('Choose a person for this row').waitFor();
    await form.getByLabel(`Person ${n + 1}`, { exact: true }).selectOption(newcomer.id);
    await form.getByLabel(`Allocation of ${newcomer.name} (%)`).fill('40');
    await form.getByRole('button', { name: 'Save members' }).click();
    await page.getByText('Members saved; capacity now counts them.').waitFor();
    const saved = await app.api<Team>('GET', `/teams/${team.id}`);
    expect(saved.members.find((m) => m.personId === newcomer.id)?.allocation).toBe(0.4);
    expect(saved.members.length).toBe(n + 1);
    expect(saved.version).toBe(team.version + 1);
    await checkPage(page, 'team-members');
  });

  it('finds who with a skill is free next month', async () => {
    const next = new Date();
    const month = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1))
      .toISOString()
      .slice(0, 7);
    const people = await app.api<{ items: { skills: { skill: string }[] }[] }>('GET', '/people?limit=200');
    const skills = [...new Set(people.items.flatMap((p) => p.skills.map((s) => s.skill)))].slice(0, 40);
    let skill = '';
    for (const s of skills) {
      const r = await app.api<{ people: unknown[] }>(
        'GET',
        `/people/available?skill=${encodeURIComponent(s)}&from=${month}-01&to=${month}-28&minFte=0.1`,
      );
      if (r.people.length > 0) {
        skill = s;
        break;
      }
    }
    expect(skill).not.toBe('');
    await page.goto('/people/availability');
    await page.getByLabel('Skill').fill(skill);
    await page.getByLabel('Month').fill(month);
    await page.getByLabel('At least FTE free').fill('0.1');
    await page.getByRole('button', { name: 'Find' }).click();
    await page
      .getByText(new RegExp(`with ${skill} free in ${month}`))
      .first()
      .waitFor();
    await checkPage(page, 'availability');
  });

  it('applies a suggestion as a soft booking and estimates effort with its spread', async () => {
    await page.goto('/people/suggestions');
    const apply = page.getByRole('button', { name: /^Apply:/ }).first();
    await apply.waitFor({ timeout: 60_000 });
    await checkPage(page, 'suggestions');
    await apply.click();
    await page.getByText(/^(Booked|Moved) /).waitFor({ timeout: 30_000 });
    await page.getByText(/will most likely take/).waitFor();
    expect(await page.getByText(/80 % of similar work took between/).count()).toBe(1);
  });
});

describe('money', () => {
  it('rolls budgets up to the portfolio', async () => {
    await page.goto('/portfolio/budgets');
    await page.getByRole('heading', { name: 'Portfolio budget vs actual' }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByRole('link', { name: /^EVM of / }).count()).toBeGreaterThan(0);
    await checkPage(page, 'budgets-rollup');
  });

  it('adds a budget the portfolio holds itself and shows it beside its projects', async () => {
    await page.goto('/portfolio/budgets');
    const card = page.getByRole('region', { name: /portfolio.s own budget/ });
    await card.waitFor();
    await settled(page);
    const form = page.getByRole('form', { name: 'New budget' });
    await form.getByLabel('Budget name').fill('E2E envelope');
    await form.getByLabel('Version').selectOption('current');
    const month = new Date().toISOString().slice(0, 7);
    await form.getByLabel('First month').fill(month);
    await form.getByLabel('Last month').fill(month);
    await form.getByLabel('Total').fill('90000');
    await form.getByRole('button', { name: 'Add budget' }).click();
    await page.getByText('Added as a draft; approve it when agreed.').waitFor();
    const held = card.getByRole('table', { name: 'Budgets the portfolio holds itself' });
    await held.getByRole('cell', { name: 'E2E envelope' }).waitFor();
    await card.getByText(/Current .* against the projects/).waitFor();
    await checkPage(page, 'budgets-portfolio-own');
  });

  it('shows a project budget with versions, actuals and the CSV import', async () => {
    await page.goto(`/portfolio/projects/${predictive.id}/budget`);
    await page.getByRole('heading', { name: 'Budget versions' }).waitFor();
    await page
      .getByRole('table', { name: 'Budget per month' })
      .or(page.getByRole('table', { name: 'Budget and actual per month' }))
      .waitFor();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText(/^Imported 1 cost entries/).waitFor();
    await checkPage(page, 'project-budget');
  });

  it('imports time entries from CSV on the project budget page', async () => {
    const people = await app.api<{ items: Person[] }>('GET', '/people?sort=name&limit=200');
    const person = people.items.find((p) => p.email);
    if (!person?.email) throw new Error('no demo person has an email');
    const today = new Date().toISOString().slice(0, 10);
    const before = await app.api<{ items: unknown[] }>(
      'GET',
      `/time-entries?personId=${person.id}&projectId=${predictive.id}&workedOnFrom=${today}&workedOnTo=${today}&limit=500`,
    );
    await page.goto(`/portfolio/projects/${predictive.id}/budget`);
    const form = page.getByRole('form', { name: 'Import actuals' });
    await form.waitFor();
    await form.getByLabel('Entries').selectOption('time-entries');
    await form
      .getByLabel('Rows')
      .fill(
        `person,project,date,hours,category,note\n${person.email},${predictive.key},${today},7.5,opex,e2e\n`,
      );
    await form.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 1 time entries, 7.5 hours in all.').waitFor();
    const after = await app.api<{ items: { hours: number; note: string | null }[] }>(
      'GET',
      `/time-entries?personId=${person.id}&projectId=${predictive.id}&workedOnFrom=${today}&workedOnTo=${today}&limit=500`,
    );
    expect(after.items.length).toBe(before.items.length + 1);
    // A row naming nobody is refused by its line, and nothing is imported.
    await form
      .getByLabel('Rows')
      .fill(`person,project,date,hours\nnobody@example.invalid,${predictive.key},${today},2\n`);
    await form.getByRole('button', { name: 'Import' }).click();
    await form.locator('.t-error li').first().waitFor();
    const unchanged = await app.api<{ items: unknown[] }>(
      'GET',
      `/time-entries?personId=${person.id}&projectId=${predictive.id}&workedOnFrom=${today}&workedOnTo=${today}&limit=500`,
    );
    expect(unchanged.items.length).toBe(after.items.length);
    await checkPage(page, 'project-budget-time-import');
  });

  it('adds a budget version to a project and approves it, recording when', async () => {
    await page.goto(`/portfolio/projects/${predictive.id}/budget`);
    const form = page.getByRole('form', { name: 'New budget' });
    await form.waitFor();
    await form.getByLabel('Budget name').fill('E2E re-estimate');
    await form.getByLabel('Version').selectOption('forecast');
    await form.getByLabel('Total').fill('48000');
    await form.getByRole('button', { name: 'Add budget' }).click();
    await page.getByText('Added as a draft; approve it when agreed.').waitFor();
    await page.getByRole('button', { name: 'Approve E2E re-estimate' }).click();
    await page.getByRole('button', { name: 'Reopen E2E re-estimate' }).waitFor();
    const budgets = await app.api<{ items: { name: string; status: string; approvedAt: string | null }[] }>(
      'GET',
      `/budgets?projectId=${predictive.id}&limit=100`,
    );
    const approved = budgets.items.find((b) => b.name === 'E2E re-estimate');
    expect(approved?.status).toBe('approved');
    expect(approved?.approvedAt).not.toBeNull();
    await checkPage(page, 'project-budget-approved');
  });

  it('draws the EVM S-curve with earned schedule for a predictive project', async () => {
    await page.goto(`/portfolio/projects/${predictive.id}/evm`);
    await page.getByRole('heading', { name: /S-curve/ }).waitFor();
    await page.locator('.recharts-line').first().waitFor();
    expect(await page.getByRole('rowheader', { name: 'SPI(t)' }).count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: 'EAC (CPI × SPI)' }).count()).toBe(1);
    await checkPage(page, 'evm-predictive');
  });

  it('shows release-level AgileEVM for an agile project', async () => {
    await page.goto(`/portfolio/projects/${agile.id}/evm`);
    await page.getByRole('heading', { name: /AgileEVM/ }).waitFor();
    await page.locator('.recharts-line').first().waitFor();
    await checkPage(page, 'evm-agile');
  });
});
