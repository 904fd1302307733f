import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

// Capacity and money on the Northwind demo: the heat map with its over-allocations, the
// availability finder, applying a suggestion, the effort estimate, the budget roll-up, a project's
// budget and actuals, and earned value with its S-curve for a predictive and an agile project.

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

interface Project {
  id: string;
  key: string;
  approach: string;
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
