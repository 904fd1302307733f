import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

// The PMO playbook pages on the Northwind demo: templates, intake, the portfolio RAID heat map,
// and a project's gates (a decision recorded), RAID log (a risk added), RACI and status reports.

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

interface Project {
  id: string;
  key: string;
  name: string;
  approach: string;
}
interface Template {
  id: string;
  name: string;
  methodology: string;
}

let app: TestApp;
let browser: Browser;
let page: Page;
let close: () => Promise<void>;
let project: Project;
let template: Template;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startTestApp();
  browser = await launchBrowser();
  const projects = await app.api<{ items: Project[] }>('GET', '/projects?key=ERP');
  const erp = projects.items[0];
  if (!erp) throw new Error('the demo has no ERP project');
  project = erp;
  const templates = await app.api<{ items: Template[] }>(
    'GET',
    '/methodology-templates?methodology=predictive',
  );
  template = templates.items[0] as Template;
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
    return !doc.querySelector('[role="status"][aria-label^="Loading"]');
  });
}

async function checkPage(p: Page, name: string): Promise<void> {
  await settled(p);
  await p.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  const violations = await seriousAxeViolations(p);
  expect(violations.map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`)).toEqual([]);
}

describe('playbook templates and intake', () => {
  it('lists the templates and shows one with its gates and versions', async () => {
    await page.goto('/portfolio/playbook');
    await page.getByRole('heading', { level: 1, name: 'Playbook' }).waitFor();
    await page.getByRole('link', { name: template.name }).waitFor();
    await checkPage(page, 'playbook-templates');
    await page.getByRole('link', { name: template.name }).click();
    await page.getByRole('heading', { level: 2, name: 'Gates' }).waitFor();
    await page.getByText('Gate 1: approve to plan').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Versions' }).waitFor();
    await checkPage(page, 'playbook-template');
  });

  it('shows the triage queue with the demo proposals', async () => {
    await page.goto('/portfolio/intake');
    await page.getByText('Open banking API gateway').waitFor();
    await page.getByText('Branch appointment booking').waitFor();
    await checkPage(page, 'playbook-intake');
  });
});

describe("a project's playbook", () => {
  it('records a gate decision with its rationale', async () => {
    await page.goto(`/portfolio/projects/${project.id}/gates`);
    await page.getByRole('heading', { name: 'Gate 2: baseline approved' }).waitFor();
    await checkPage(page, 'playbook-gates');
    const gate = page.getByRole('region', { name: 'Gate 2: baseline approved' });
    await gate.getByRole('button', { name: 'Record decision' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Outcome').selectOption('recycle');
    await dialog.getByLabel('Rationale').fill('Cost baseline not yet agreed with finance.');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Cost baseline not yet agreed with finance.').waitFor();
    const reviews = await app.api<{ items: { gateKey: string; outcome: string; rationale: string }[] }>(
      'GET',
      `/projects/${project.id}/gate-reviews`,
    );
    expect(reviews.items.at(-1)).toMatchObject({ gateKey: 'g2_baseline', outcome: 'recycle' });
  });

  it('adds a risk to the RAID log and shows it on the matrix', async () => {
    await page.goto(`/portfolio/projects/${project.id}/raid`);
    await page.getByRole('heading', { name: 'Risk matrix' }).waitFor();
    await settled(page);
    await checkPage(page, 'playbook-raid');
    await page.getByRole('button', { name: 'Add risk' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Card scheme mandate arrives early');
    await dialog.getByLabel('Probability (1–5)').selectOption('5');
    await dialog.getByLabel('Impact (1–5)').selectOption('5');
    await dialog.getByLabel(/Cost impact/).fill('200000');
    await dialog.getByRole('button', { name: 'Add risk' }).click();
    await page.getByRole('cell', { name: 'Card scheme mandate arrives early' }).waitFor();
    await page
      .getByRole('button', { name: /Probability .*, impact .*: 1 risk/ })
      .first()
      .waitFor();
  });

  it('shows the RACI matrix and the status reports', async () => {
    await page.goto(`/portfolio/projects/${project.id}/raci`);
    await page.getByRole('button', { name: 'Save matrix' }).waitFor();
    await checkPage(page, 'playbook-raci');
    await page.goto(`/portfolio/projects/${project.id}/status`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).waitFor();
    await checkPage(page, 'playbook-status');
  });
});

describe('the portfolio RAID roll-up', () => {
  it('shows the heat map and filters the flagged risks by a cell', async () => {
    await page.goto('/portfolio/raid');
    await page.getByRole('heading', { name: 'Portfolio risk heat map' }).waitFor();
    await page.getByRole('heading', { name: /Flagged risks \(\d+\)/ }).waitFor();
    await checkPage(page, 'playbook-portfolio-raid');
    const before = await page.getByRole('heading', { name: /Flagged risks/ }).textContent();
    const cell = page.getByRole('button', { name: /Probability .*: [1-9]\d* risks?$/ }).first();
    await cell.click();
    await expect.poll(() => cell.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('heading', { name: /Flagged risks \(\d+\) at probability/ }).waitFor();
    expect(await page.getByRole('heading', { name: /Flagged risks/ }).textContent()).not.toBe(before);
  });
});
