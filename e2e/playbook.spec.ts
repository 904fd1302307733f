import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

// The PMO playbook pages on the Northwind demo: templates, intake, the portfolio RAID heat map,
// a project's gates (a decision recorded), RAID log (a risk added), RACI and status reports, the
// structured template editor (a new version a running project does not get), the portfolio
// status roll-up and the PMO setup plan.

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

interface Project {
  id: string;
  key: string;
  name: string;
  approach: string;
  portfolioId: string;
}
interface Template {
  id: string;
  name: string;
  methodology: string;
}
interface TemplateRecord extends Template {
  version: number;
  content: {
    phases: { key: string; name: string }[];
    gates: {
      key: string;
      approverRoles: string[];
      checklist: { key: string; text: string; required: boolean }[];
    }[];
    documents: { key: string; fields: { key: string; label: string; required: boolean }[] }[];
  };
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

describe('the structured template editor', () => {
  it('edits phases, gates and documents with per-field messages and saves a version running projects keep out of', async () => {
    const clone = await app.api<TemplateRecord>('POST', `/methodology-templates/${template.id}/clone`, {
      name: 'E2E stage-gate',
    });
    expect(clone.version).toBe(1);
    const pilot = await app.api<Project>('POST', '/projects', {
      portfolioId: project.portfolioId,
      key: 'EDPILOT',
      name: 'Editor pilot',
      approach: project.approach,
    });
    await app.api('POST', `/projects/${pilot.id}/methodology`, { templateId: clone.id });

    await page.goto(`/portfolio/playbook/${clone.id}`);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit E2E stage-gate' }).waitFor();
    await checkPage(page, 'playbook-template-editor');

    // A phase added, named and moved up before Closing.
    const phases = page.getByRole('region', { name: 'Phases' });
    await phases.getByRole('button', { name: 'Add phase' }).click();
    await phases.getByRole('group', { name: 'Phase 5: New phase' }).getByLabel('Name').fill('Hypercare');
    await phases.getByRole('button', { name: 'Move Phase 5: Hypercare up' }).click();
    await phases.getByRole('group', { name: 'Phase 4: Hypercare' }).waitFor();

    // An emptied gate name is named beside the field and counted on its section's button, and
    // saving is refused until it is fixed.
    await page.getByRole('button', { name: 'Gates', exact: true }).click();
    const gates = page.getByRole('region', { name: 'Gates' });
    const gate1 = gates.getByRole('list', { name: 'Gates' }).locator(':scope > li').first();
    const gateName = gate1.getByLabel('Name', { exact: true });
    await gateName.fill('');
    await gate1.getByText('needs a name').first().waitFor();
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByRole('alert').filter({ hasText: 'to fix before saving' }).waitFor();
    await page.getByRole('button', { name: 'Gates (1 problem)' }).waitFor();
    await gateName.fill('Gate 1: approve to plan');

    // A checklist item added (its empty text is flagged until filled) and one approver role dropped.
    await gate1.getByRole('button', { name: 'Add checklist item' }).click();
    const item = gate1.getByRole('group', { name: 'Item 3', exact: true });
    await item.getByText('needs a text').waitFor();
    await item.getByLabel('Text').fill('Budget holder consulted');
    await gate1.getByRole('group', { name: 'Approver roles' }).getByLabel('PMO', { exact: true }).uncheck();

    // A document field made optional.
    await page.getByRole('button', { name: 'Document templates', exact: true }).click();
    const documents = page.getByRole('region', { name: 'Document templates' });
    await documents
      .getByRole('group', { name: 'Field 3: Proposed sponsor' })
      .first()
      .getByLabel('Field is')
      .selectOption('optional');

    expect(await page.getByRole('alert').filter({ hasText: 'to fix before saving' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByRole('heading', { level: 2, name: 'Versions' }).waitFor();
    await page.getByText('Version 2 —').waitFor();

    const saved = await app.api<TemplateRecord>('GET', `/methodology-templates/${clone.id}`);
    expect(saved.version).toBe(2);
    expect(saved.content.phases.map((p) => p.name)).toEqual([
      'Initiation',
      'Planning',
      'Execution',
      'Hypercare',
      'Closing',
    ]);
    expect(saved.content.gates[0]?.approverRoles).toEqual(['sponsor']);
    expect(saved.content.gates[0]?.checklist.at(-1)).toMatchObject({
      text: 'Budget holder consulted',
      required: true,
    });
    const proposal = saved.content.documents.find((d) => d.key === 'proposal');
    expect(proposal?.fields.find((f) => f.key === 'sponsor')?.required).toBe(false);
    // The project started on version 1 stays there.
    const running = await app.api<{ templateVersion: number; latestTemplateVersion: number }>(
      'GET',
      `/projects/${pilot.id}/methodology`,
    );
    expect(running).toMatchObject({ templateVersion: 1, latestTemplateVersion: 2 });

    // A template in use cannot be deleted; the refusal says why.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete template' }).click();
    await dialog.getByText(/is in use by 1 project/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('the portfolio status roll-up and the PMO setup plan', () => {
  it("shows each project's latest published status and the RAG counts as chart and table", async () => {
    const rollup = await app.api<{
      counts: { green: number; amber: number; red: number; none: number };
      projects: { name: string; latest: unknown }[];
    }>('GET', `/portfolios/${project.portfolioId}/status-rollup`);
    expect(rollup.projects.some((p) => p.latest !== null)).toBe(true);
    await page.goto('/portfolio/status');
    await page.getByRole('heading', { level: 1, name: 'Status roll-up' }).waitFor();
    await page
      .getByRole('main')
      .getByRole('combobox', { name: 'Portfolio', exact: true })
      .selectOption(project.portfolioId);
    const { green, amber, red, none } = rollup.counts;
    await page
      .getByText(`${green} green, ${amber} amber, ${red} red, ${none} without a published report.`)
      .waitFor();
    await page.getByRole('link', { name: project.name }).waitFor();
    await checkPage(page, 'playbook-status-rollup');
    const chart = page.getByRole('region', { name: 'Overall RAG of the latest reports' });
    await chart.getByRole('button', { name: 'Table' }).click();
    await chart.getByRole('row', { name: `Red ${red}` }).waitFor();
  });

  it('ticks off and plans a step of the PMO setup', async () => {
    await page.goto('/portfolio/pmo-setup');
    await page.getByRole('heading', { level: 1, name: 'PMO setup' }).waitFor();
    await page.getByRole('heading', { name: '1. Define clear goals' }).waitFor();
    await checkPage(page, 'playbook-pmo-setup');
    await page.getByRole('checkbox', { name: 'Agree the PMO mandate with the executive sponsor' }).check();
    await page
      .getByText(/^Done .* by /)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Plan “Set measurable PMO objectives”' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Due date').fill('2027-01-31');
    await dialog.getByLabel('Notes').fill('Draft with the sponsor first.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Draft with the sponsor first.').waitFor();
    const plan = await app.api<{
      progress: { done: number };
      items: { key: string; done: boolean; dueDate: string | null }[];
    }>('GET', '/playbook/setup-plan');
    expect(plan.items.find((i) => i.key === 'goals.mandate')?.done).toBe(true);
    expect(plan.items.find((i) => i.key === 'goals.objectives')?.dueDate).toBe('2027-01-31');
    expect(plan.progress.done).toBe(1);
  });
});
