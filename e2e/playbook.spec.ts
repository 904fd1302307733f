import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

// The PMO playbook pages on the Northwind demo: templates, intake, the portfolio RAID heat map,
// a project's gates (decisions recorded, a pass refused while items are missing, documents filled
// in), RAID log (a risk added and re-scored; issues, assumptions and decisions added, edited over
// a conflicting save, escalated, resolved, validated and decided), RACI and status reports (Health
// now, a draft edited with comments, published and exported), the structured template editor (a
// gate added; a new version a running project does not get), the portfolio status roll-up, the
// PMO setup plan and the risk matrix settings. Changes are made in the browser and read back
// through the API.

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
      name: string;
      afterPhase: string;
      exitCriteria: string[];
      requiredArtefacts: string[];
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

const today = () => new Date().toISOString().slice(0, 10);

interface Entry {
  id: string;
  version: number;
  title: string;
  [field: string]: unknown;
}

/** The project's issues, assumptions or decisions entry with that title, read through the API. */
async function findEntry(resource: string, title: string): Promise<Entry> {
  const list = await app.api<{ items: Entry[] }>('GET', `/${resource}?projectId=${project.id}&limit=200`);
  const entry = list.items.find((e) => e.title === title);
  if (!entry) throw new Error(`no ${resource} entry "${title}"`);
  return entry;
}

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

  it('takes a proposal on the playbook intake form and accepts it into a project on that playbook', async () => {
    await page.getByRole('button', { name: 'Propose a project' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Portfolio').selectOption(project.portfolioId);
    await dialog.getByLabel('Title').fill('Supplier invoice portal');
    await dialog.getByLabel('Problem or opportunity (required)').fill('Suppliers e-mail PDF invoices.');
    await dialog.getByLabel('Desired outcome (required)').fill('Invoices arrive as data.');
    await dialog.getByRole('button', { name: 'Submit proposal' }).click();
    // The form is the playbook's: the blank required answer is named beside its field.
    await dialog.getByText('Proposed sponsor is required').waitFor();
    await dialog.getByLabel('Proposed sponsor (required)').fill('Chief financial officer');
    await dialog.getByRole('button', { name: 'Submit proposal' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Triage Supplier invoice portal' }).click();
    const triage = page.getByRole('dialog');
    await triage.getByLabel('Decision').selectOption('accept');
    await triage.getByLabel('Project key').fill('SIP');
    await triage.getByLabel('Rationale').fill('Serves the finance automation goal.');
    await triage.getByRole('button', { name: 'Record decision' }).click();
    await triage.waitFor({ state: 'detached' });
    const proposals = await app.api<{
      items: {
        title: string;
        state: string;
        triageRationale: string;
        triagedBy: string;
        projectId: string;
      }[];
    }>('GET', '/project-proposals?limit=200');
    const accepted = proposals.items.find((p) => p.title === 'Supplier invoice portal');
    expect(accepted).toMatchObject({
      state: 'accepted',
      triageRationale: 'Serves the finance automation goal.',
    });
    expect(accepted?.triagedBy).toBeTruthy();
    const playbook = await app.api<{ templateId: string; templateVersion: number; currentPhase: string }>(
      'GET',
      `/projects/${accepted?.projectId}/methodology`,
    );
    // No playbook chosen: the organisation's default predictive one.
    const defaults = await app.api<{ items: (Template & { isDefault: boolean })[] }>(
      'GET',
      '/methodology-templates?methodology=predictive',
    );
    const predictive = defaults.items.find((t) => t.isDefault);
    expect(playbook).toMatchObject({ templateId: predictive?.id, currentPhase: 'initiation' });
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

  it('refuses a pass while checklist items are open, naming them, then passes with conditions', async () => {
    const gate = page.getByRole('region', { name: 'Gate 2: baseline approved' });
    await gate.getByRole('button', { name: 'Record decision' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Outcome').selectOption('pass');
    await dialog.getByLabel('Rationale').fill('Baselines agreed.');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.getByText('checklist.budget_baseline').waitFor();
    await refusal.getByText('checklist.raci_agreed').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const items = [
      'Schedule baseline set',
      'Cost baseline set',
      'RAID log started with owners',
      'RACI agreed',
    ];
    for (const text of items) {
      const box = gate.getByRole('checkbox', { name: text });
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    await gate.getByRole('button', { name: 'Record decision' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Outcome').selectOption('pass_with_conditions');
    await dialog.getByLabel('Conditions, one per line').fill('Finance signs the cost baseline by month end');
    await dialog.getByLabel('Rationale').fill('Baselines agreed; finance sign-off outstanding.');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await gate.getByText('Baselines agreed; finance sign-off outstanding.').waitFor();
    const reviews = await app.api<{
      items: {
        gateKey: string;
        outcome: string;
        conditions: string[];
        approverLabel: string;
        decidedOn: string;
      }[];
    }>('GET', `/projects/${project.id}/gate-reviews`);
    const last = reviews.items.at(-1);
    expect(last).toMatchObject({
      gateKey: 'g2_baseline',
      outcome: 'pass_with_conditions',
      conditions: ['Finance signs the cost baseline by month end'],
      decidedOn: today(),
    });
    expect(last?.approverLabel).toBeTruthy();
    const playbook = await app.api<{ currentPhase: string }>('GET', `/projects/${project.id}/methodology`);
    expect(playbook.currentPhase).toBe('execution');
  });

  it("fills in the project's status report document and the gate stops listing it", async () => {
    const documents = page.getByRole('region', { name: 'Documents', exact: true });
    const missing = page.getByRole('list', { name: 'Missing before Gate 3: deliverables accepted can pass' });
    await missing.getByText('Status report').waitFor();
    await documents.getByRole('button', { name: 'Fill in Status report' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Summary (required)').fill('Build complete; UAT under way.');
    await dialog.getByRole('button', { name: 'Save document' }).click();
    await dialog.waitFor({ state: 'detached' });
    await missing.getByText(/lacks Achievements this period, Planned next period/).waitFor();
    await documents.getByText('1 of 3').waitFor();

    await documents.getByRole('button', { name: 'Edit Status report' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Achievements this period (required)').fill('Payments module accepted.');
    await dialog.getByLabel('Planned next period (required)').fill('Cut-over rehearsal.');
    await dialog.getByLabel('Status').selectOption('final');
    await dialog.getByRole('button', { name: 'Save document' }).click();
    await dialog.waitFor({ state: 'detached' });
    await documents.getByText('All 3 filled').waitFor();
    await expect.poll(async () => (await missing.textContent()) ?? '').not.toContain('Status report');
    await checkPage(page, 'playbook-gates-documents');
    const saved = await app.api<{
      items: { documentKey: string; status: string; fields: Record<string, string> }[];
    }>('GET', `/project-documents?projectId=${project.id}`);
    expect(saved.items.find((d) => d.documentKey === 'status_report')).toMatchObject({
      status: 'final',
      fields: {
        summary: 'Build complete; UAT under way.',
        achievements: 'Payments module accepted.',
        next_steps: 'Cut-over rehearsal.',
      },
    });
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
    await page.getByRole('cell', { name: 'Card scheme mandate arrives early', exact: true }).waitFor();
    await page
      .getByRole('button', { name: /Probability .*, impact .*: 1 risk/ })
      .first()
      .waitFor();
  });

  it('re-scores the risk with residual levels, a response and a mitigation action', async () => {
    await page.getByRole('button', { name: 'Edit or review Card scheme mandate arrives early' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Probability (1–5)').selectOption('3');
    await dialog.getByLabel('Impact (1–5)').selectOption('4');
    await dialog.getByLabel('Residual probability').selectOption('2');
    await dialog.getByRole('button', { name: 'Save risk' }).click();
    // Residual levels come in pairs: the form says so before sending.
    await dialog.getByText('set both residual levels or neither').waitFor();
    await dialog.getByLabel('Residual impact').selectOption('2');
    await dialog.getByLabel('Response').selectOption('mitigate');
    await dialog.getByRole('button', { name: 'Add action' }).click();
    await dialog
      .getByRole('group', { name: 'Action 1' })
      .getByLabel('Action', { exact: true })
      .fill('Pre-build the mandate changes');
    await dialog.getByRole('button', { name: 'Save risk' }).click();
    await dialog.waitFor({ state: 'detached' });
    const risks = await app.api<{ items: Entry[] }>('GET', `/risks?projectId=${project.id}&limit=200`);
    const risk = risks.items.find((r) => r.title === 'Card scheme mandate arrives early');
    const settings = await app.api<{ riskMatrix: { probabilities: { value: number }[] } }>(
      'GET',
      '/playbook/settings',
    );
    expect(risk).toMatchObject({
      probability: 3,
      impact: 4,
      score: 12,
      residualScore: 4,
      responseStrategy: 'mitigate',
      mitigations: [{ action: 'Pre-build the mandate changes', done: false }],
      trend: 'falling',
      lastReviewedOn: today(),
    });
    expect(risk?.expectedMonetaryValue).toBeCloseTo(
      (settings.riskMatrix.probabilities[2]?.value ?? 0) * 200_000,
    );
  });

  it('keeps issues, assumptions and decisions: add, escalate, edit over a conflicting save, resolve, validate, decide', async () => {
    const issues = page.getByRole('region', { name: 'Issues', exact: true });
    await issues.getByRole('button', { name: 'Add issue' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Test environment unavailable');
    await dialog.getByLabel('Severity').selectOption('high');
    await dialog.getByLabel('Due date').fill('2027-03-01');
    await dialog.getByLabel('Escalation path, one step per line').fill('Project manager\nSponsor');
    await dialog.getByRole('button', { name: 'Add issue' }).click();
    await dialog.waitFor({ state: 'detached' });
    await issues
      .getByRole('button', { name: 'Escalate Test environment unavailable to Project manager' })
      .click();
    await issues
      .getByRole('listitem')
      .filter({ hasText: 'Test environment unavailable' })
      .getByText('escalated to Project manager')
      .waitFor();
    expect(await findEntry('issues', 'Test environment unavailable')).toMatchObject({
      severity: 'high',
      dueDate: '2027-03-01',
      escalationPath: ['Project manager', 'Sponsor'],
      escalationLevel: 1,
    });

    // Edited while someone else moves the due date: the dialog says what they changed, and
    // "Keep mine" saves the new title on top of their due date.
    await issues.getByRole('button', { name: 'Edit Test environment unavailable' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Test environment unavailable for UAT');
    const opened = await findEntry('issues', 'Test environment unavailable');
    await app.api('PATCH', `/issues/${opened.id}`, { dueDate: '2027-03-15' }, opened.version);
    await dialog.getByRole('button', { name: 'Save issue' }).click();
    const conflict = dialog.getByRole('alert').filter({ hasText: 'Someone else saved this issue' });
    await conflict.getByText(/They changed Due date \(“2027-03-15”\)/).waitFor();
    // The form now shows their due date with our title on top: what Keep mine will save.
    expect(await dialog.getByLabel('Due date').inputValue()).toBe('2027-03-15');
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Test environment unavailable for UAT');
    await checkPage(page, 'playbook-raid-conflict');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await findEntry('issues', 'Test environment unavailable for UAT')).toMatchObject({
      dueDate: '2027-03-15',
      escalationLevel: 1,
    });
    await issues.getByRole('button', { name: 'Resolve Test environment unavailable for UAT' }).click();
    await expect
      .poll(async () => (await findEntry('issues', 'Test environment unavailable for UAT')).status)
      .toBe('resolved');

    const assumptions = page.getByRole('region', { name: 'Assumptions', exact: true });
    await assumptions.getByRole('button', { name: 'Add assumption' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Card volumes stay flat');
    await dialog.getByLabel('Validate by').fill('2027-02-28');
    await dialog.getByRole('button', { name: 'Add assumption' }).click();
    await dialog.waitFor({ state: 'detached' });
    await assumptions.getByRole('button', { name: 'Edit Card volumes stay flat' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Notes').fill('Checked against last year’s peak.');
    await dialog.getByRole('button', { name: 'Save assumption' }).click();
    await dialog.waitFor({ state: 'detached' });
    await assumptions.getByRole('button', { name: 'Validated: Card volumes stay flat', exact: true }).click();
    await expect
      .poll(async () => (await findEntry('assumptions', 'Card volumes stay flat')).status)
      .toBe('validated');
    expect(await findEntry('assumptions', 'Card volumes stay flat')).toMatchObject({
      validateBy: '2027-02-28',
      notes: 'Checked against last year’s peak.',
    });

    const decisions = page.getByRole('region', { name: 'Decisions', exact: true });
    await decisions.getByRole('button', { name: 'Add decision' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Hosted test environment');
    await dialog.getByLabel('Rationale').fill('Faster than building one.');
    await dialog.getByRole('button', { name: 'Add decision' }).click();
    await dialog.waitFor({ state: 'detached' });
    await decisions.getByRole('button', { name: 'Edit Hosted test environment' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Alternatives considered').fill('Build in-house; borrow the bank’s.');
    await dialog.getByRole('button', { name: 'Save decision' }).click();
    await dialog.waitFor({ state: 'detached' });
    await decisions.getByRole('button', { name: 'Mark decided: Hosted test environment' }).click();
    await expect
      .poll(async () => (await findEntry('decisions', 'Hosted test environment')).status)
      .toBe('decided');
    expect(await findEntry('decisions', 'Hosted test environment')).toMatchObject({
      decidedOn: today(),
      rationale: 'Faster than building one.',
      alternatives: 'Build in-house; borrow the bank’s.',
    });
    await checkPage(page, 'playbook-raid-registers');
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

  it('shows Health now with its formula, edits the draft with comments, publishes and exports it', async () => {
    const health = await app.api<{ formula: string }>('GET', `/projects/${project.id}/health`);
    const now = page.getByRole('region', { name: 'Health now', exact: true });
    await now.getByText(`Formula: ${health.formula}`).waitFor();
    await now.getByText('Schedule', { exact: true }).waitFor();

    const draft = page.getByRole('region', { name: /^Draft for the period ending/ });
    await draft.getByLabel('Overall RAG').selectOption('amber');
    await draft.getByLabel('Schedule comment').fill('UAT slipped a week; cut-over date holds.');
    await draft.getByLabel('Summary').fill('On track for cut-over with a tighter UAT.');
    await draft.getByRole('button', { name: 'Save draft' }).click();
    type Report = {
      id: string;
      state: string;
      periodEnd: string;
      overallRag: string | null;
      comments: Record<string, string>;
    };
    const reportsOf = () =>
      app.api<{ items: Report[] }>('GET', `/status-reports?projectId=${project.id}&limit=200`);
    await expect
      .poll(async () => (await reportsOf()).items.find((r) => r.state === 'draft')?.comments.schedule)
      .toBe('UAT slipped a week; cut-over date holds.');
    const saved = (await reportsOf()).items.find((r) => r.state === 'draft') as Report;
    expect(saved.overallRag).toBe('amber');

    await page
      .getByRole('region', { name: /^Draft for the period ending/ })
      .getByRole('button', { name: 'Publish' })
      .click();
    await page.getByRole('button', { name: 'Create pre-filled draft' }).waitFor();
    expect((await reportsOf()).items.find((r) => r.id === saved.id)?.state).toBe('published');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: `Markdown of ${saved.periodEnd}` })
        .first()
        .click(),
    ]);
    const markdown = readFileSync((await download.path()) ?? '', 'utf8');
    expect(markdown).toContain('UAT slipped a week; cut-over date holds.');
    expect(markdown).toContain('On track for cut-over with a tighter UAT.');

    await page.getByRole('button', { name: 'Create pre-filled draft' }).click();
    await page.getByRole('region', { name: /^Draft for the period ending/ }).waitFor();
    expect((await reportsOf()).items.filter((r) => r.state === 'draft')).toHaveLength(1);
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

    // A gate added for the new phase: the phase it closes, an exit criterion, a required
    // artefact, a second approver role and a checklist item.
    await gates.getByRole('button', { name: 'Add gate' }).click();
    const gate5 = gates.getByRole('list', { name: 'Gates' }).locator(':scope > li').last();
    await gate5.getByLabel('Name', { exact: true }).fill('Gate 5: hypercare exit');
    await gate5.getByLabel('Closes phase').selectOption({ label: 'Hypercare' });
    await gate5.getByRole('button', { name: 'Add exit criterion' }).click();
    await gate5
      .getByRole('group', { name: 'Exit criterion 1' })
      .getByLabel('Text')
      .fill('No priority-1 incident for two weeks');
    await gate5.getByRole('group', { name: 'Required artefacts' }).getByLabel('Closure report').check();
    await gate5.getByRole('group', { name: 'Approver roles' }).getByLabel('PMO', { exact: true }).check();
    await gate5.getByRole('button', { name: 'Add checklist item' }).click();
    await gate5
      .getByRole('group', { name: 'Item 1', exact: true })
      .getByLabel('Text')
      .fill('Support rota handed over');
    await checkPage(page, 'playbook-template-editor-gates');

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
    const hypercare = saved.content.phases.find((p) => p.name === 'Hypercare');
    expect(saved.content.gates.at(-1)).toMatchObject({
      name: 'Gate 5: hypercare exit',
      afterPhase: hypercare?.key,
      exitCriteria: ['No priority-1 incident for two weeks'],
      requiredArtefacts: ['closure_report'],
      approverRoles: ['sponsor', 'pmo'],
      checklist: [{ text: 'Support rota handed over', required: true }],
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
    // The box shows the server's answer (no optimistic tick), so wait for it rather than check().
    const mandate = page.getByRole('checkbox', { name: 'Agree the PMO mandate with the executive sponsor' });
    await mandate.click();
    await expect.poll(() => mandate.isChecked()).toBe(true);
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

  it('changes the risk matrix and RACI thresholds, checked per field before saving', async () => {
    const before = await app.api<{ version: number }>('GET', '/playbook/settings');
    await page.goto('/portfolio/pmo-setup');
    const card = page.getByRole('region', { name: 'Risk matrix and RACI thresholds' });
    await card.getByLabel('Medium from score').fill('20');
    await card.getByLabel('High from score').fill('15');
    await card.getByRole('button', { name: 'Save settings' }).click();
    await card.getByText(/need 1 ≤ medium < high/).waitFor();
    expect((await app.api<{ version: number }>('GET', '/playbook/settings')).version).toBe(before.version);

    await card.getByLabel('Medium from score').fill('6');
    await card.getByLabel('Level 5 probability (%)').fill('95');
    await card.getByLabel('RACI: Accountable share above (%)').fill('40');
    await card.getByRole('button', { name: 'Save settings' }).click();
    await card.getByText(`Saved (version ${before.version + 1}).`).waitFor();
    await checkPage(page, 'playbook-settings');
    const settings = await app.api<{
      riskMatrix: { thresholds: { medium: number; high: number }; probabilities: { value: number }[] };
      raciShareThreshold: number;
    }>('GET', '/playbook/settings');
    expect(settings.riskMatrix.thresholds).toEqual({ medium: 6, high: 15 });
    expect(settings.riskMatrix.probabilities[4]?.value).toBeCloseTo(0.95);
    expect(settings.raciShareThreshold).toBeCloseTo(0.4);
  });
});
