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

  it('resolves a WSJF save refused as stale (412) with the conflict dialog', async () => {
    const backlog = await app.api<{ items: (BacklogItem & { inputsVersion: number })[] }>(
      'GET',
      `/portfolios/${ids.portfolio}/backlog?model=wsjf`,
    );
    const item = backlog.items[0];
    const key = item?.workItem.key ?? '';
    await page.goto('/value/prioritisation/wsjf-session');
    await page.locator('#main').getByLabel('Portfolio').selectOption(ids.portfolio);
    await page.getByLabel(`Job size of ${key}`).selectOption('13');
    // Someone else saves this item's inputs after the session loaded them.
    await app.api(
      'PUT',
      `/work-items/${item?.workItem.id}/prioritisation`,
      {
        wsjf: { userBusinessValue: 3, timeCriticality: 2, riskReductionOpportunityEnablement: 1, jobSize: 8 },
      },
      item?.inputsVersion,
    );
    await page.getByRole('button', { name: /^Save 1 changed/ }).click();
    const conflict = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await conflict.waitFor();
    expect(await conflict.getByTestId('conflict-theirs').allTextContents()).toEqual(['3', '2', '1', '8']);
    await conflict.getByRole('button', { name: 'Use their version' }).click();
    expect(await page.getByLabel(`Job size of ${key}`).inputValue()).toBe('8');
    await page.getByText('No unsaved changes.').waitFor();
  });

  it('creates a business case in the form (field messages, live figures) and edits it through a 412', async () => {
    await page.goto('/value/business-cases');
    await page.getByRole('button', { name: 'New business case' }).click();
    const form = page.getByRole('dialog', { name: 'New business case' });
    await form.getByLabel('Initiative (project)').selectOption({ index: 1 });
    await form.getByLabel('Name', { exact: true }).fill('E2E self-service portal');
    await form.getByLabel('Investment, year 0').fill('1000');
    await form.getByLabel('Benefits, year 1').fill('abc');
    await form.getByRole('button', { name: 'Create business case' }).click();
    await form.getByText('Enter a number').waitFor();
    expect(await settleAndCheck('business-case-form')).toEqual([]);
    for (const year of [1, 2, 3]) await form.getByLabel(`Benefits, year ${year}`).fill('500');
    await form.getByText(/^Expected: NPV/).waitFor();
    await form.getByRole('button', { name: 'Create business case' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E self-service portal' }).waitFor();
    const id = page.url().split('/').at(-1) ?? '';
    const created = await app.api<{ rate: number; version: number; figures: { npv: number } }>(
      'GET',
      `/business-cases/${id}`,
    );
    // −1000 + 500/1.08 + 500/1.08² + 500/1.08³ at the form's default 8%.
    expect(created.rate).toBe(0.08);
    expect(created.figures.npv).toBeCloseTo(288.55, 2);

    await page.getByRole('button', { name: 'Edit business case' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit E2E self-service portal' });
    await edit.getByLabel('Discount rate (% per period)').fill('12');
    await app.api('PATCH', `/business-cases/${id}`, { description: 'Changed meanwhile' }, created.version);
    await edit.getByRole('button', { name: 'Save business case' }).click();
    const conflict = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await conflict.getByRole('button', { name: 'Keep my change' }).click();
    await edit.waitFor({ state: 'detached' });
    const saved = await app.api<{ rate: number; description: string; version: number }>(
      'GET',
      `/business-cases/${id}`,
    );
    expect(saved).toMatchObject({
      rate: 0.12,
      description: 'Changed meanwhile',
      version: created.version + 2,
    });
  });

  it('plans a benefit with a trajectory and a measurement, then records its review', async () => {
    await page.goto('/value/benefits');
    await page.locator('#main').getByLabel('Portfolio').selectOption(ids.benefitPortfolio);
    await page.getByRole('button', { name: 'New benefit' }).click();
    const form = page.getByRole('dialog', { name: 'New benefit' });
    await form.getByLabel('Initiative (project)').selectOption({ index: 1 });
    await form.getByLabel('Name', { exact: true }).fill('E2E faster onboarding');
    await form.getByLabel('Unit', { exact: true }).fill('days');
    await form.getByLabel('Better when').selectOption('decrease');
    await form.getByLabel('Baseline').fill('10');
    await form.getByLabel('Target').fill('12');
    await form.getByRole('button', { name: 'Add planned point' }).click();
    await form.getByLabel('Date of planned point 1').fill('2026-12-31');
    await form.getByLabel('Value of planned point 1 (days)').fill('4');
    await form.getByRole('button', { name: 'Add measurement' }).click();
    await form.getByLabel('Date of measurement 1').fill('2026-03-31');
    await form.getByLabel('Value of measurement 1 (days)').fill('8');
    await form.getByRole('button', { name: 'Create benefit' }).click();
    await form.getByText(/above the baseline/).waitFor();
    await form.getByLabel('Target').fill('4');
    await form.getByRole('button', { name: 'Create benefit' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'E2E faster onboarding (project)' }).waitFor();

    await page.getByRole('button', { name: 'Edit E2E faster onboarding' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit E2E faster onboarding' });
    await edit.getByLabel('Review date').fill('2026-06-30');
    await edit.getByLabel('Outcome').selectOption('partially_met');
    await edit.getByRole('button', { name: 'Save benefit' }).click();
    await edit.waitFor({ state: 'detached' });
    const all = await app.api<Items<Record<string, unknown>>>('GET', '/benefits?limit=500');
    expect(all.items.find((b) => b.name === 'E2E faster onboarding')).toMatchObject({
      direction: 'decrease',
      baseline: 10,
      target: 4,
      trajectory: [{ date: '2026-12-31', value: 4 }],
      actuals: [{ date: '2026-03-31', value: 8 }],
      reviewDate: '2026-06-30',
      reviewOutcome: 'partially_met',
      version: 2,
    });
  });

  it('adds a goal and a "decrease is better" key result from the strategy page', async () => {
    await page.goto('/value/strategy');
    await page.getByRole('button', { name: 'New goal' }).click();
    const goalForm = page.getByRole('dialog', { name: 'New goal' });
    await goalForm.getByLabel('Name', { exact: true }).fill('E2E cut onboarding time');
    await goalForm.getByRole('button', { name: 'Create goal' }).click();
    await goalForm.getByText('Choose the portfolio the goal is for').waitFor();
    await goalForm.getByLabel('Portfolio').selectOption(ids.portfolio);
    await goalForm.getByRole('button', { name: 'Create goal' }).click();
    await goalForm.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Goals' }).getByText('E2E cut onboarding time').waitFor();

    await page.getByRole('button', { name: 'New key result' }).click();
    const krForm = page.getByRole('dialog', { name: 'New key result' });
    const goals = await app.api<Items<{ id: string; name: string }>>('GET', '/goals?limit=500');
    const goalId = goals.items.find((g) => g.name === 'E2E cut onboarding time')?.id ?? '';
    await krForm.getByLabel('Goal').selectOption(goalId);
    await krForm.getByLabel('Name', { exact: true }).fill('Onboarding from 10 to 4 days');
    await krForm.getByLabel('Metric').fill('median onboarding time');
    await krForm.getByLabel('Unit', { exact: true }).fill('days');
    await krForm.getByLabel('Better when').selectOption('decrease');
    await krForm.getByLabel('Baseline').fill('10');
    await krForm.getByLabel('Target').fill('14');
    await krForm.getByRole('button', { name: 'Create key result' }).click();
    await krForm.getByText(/above the baseline/).waitFor();
    await krForm.getByLabel('Target').fill('4');
    await krForm.getByRole('button', { name: 'Create key result' }).click();
    await krForm.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Onboarding from 10 to 4 days' }).waitFor();
    const krs = await app.api<Items<Record<string, unknown>>>('GET', `/key-results?goalId=${goalId}`);
    expect(krs.items).toEqual([
      expect.objectContaining({ direction: 'decrease', baseline: 10, target: 4, progress: 0 }),
    ]);
  });

  it('aligns a project to a goal with a contribution weight', async () => {
    await page.goto('/value/strategy');
    await page.getByRole('button', { name: 'Align work to a goal' }).click();
    const form = page.getByRole('dialog', { name: 'Align work to a goal' });
    await form.getByLabel('Contribution weight (%)').fill('0');
    await form.getByRole('button', { name: 'Align', exact: true }).click();
    await form.getByText('Choose the goal the work serves').waitFor();
    await form.getByText(/more than 0, at most 100/).waitFor();
    await form.getByLabel('Goal').selectOption({ index: 1 });
    await form.getByLabel('Project').selectOption({ index: 1 });
    await form.getByLabel('Contribution weight (%)').fill('35');
    await form.getByLabel('Note').fill('E2E link');
    await form.getByRole('button', { name: 'Align', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'E2E link' }).waitFor();
    const links = await app.api<Items<{ weight: number; note: string | null; projectId: string | null }>>(
      'GET',
      '/goal-alignments?limit=500',
    );
    expect(links.items.find((l) => l.note === 'E2E link')).toMatchObject({
      weight: 0.35,
      projectId: expect.any(String),
    });
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
  it('scores a backlog item in the Score dialog (field message) and keeps the score through a 412', async () => {
    const backlog = await app.api<{ items: (BacklogItem & { inputsVersion: number })[] }>(
      'GET',
      `/portfolios/${ids.portfolio}/backlog?model=wsjf`,
    );
    const item = backlog.items[1];
    const key = item?.workItem.key ?? '';
    await page.goto('/value/prioritisation');
    await page.locator('#main').getByLabel('Portfolio').selectOption(ids.portfolio);
    await page.getByRole('button', { name: `Score ${key}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Score ${key} under`) });
    const value = dialog.getByLabel('User-business value');
    await value.waitFor();
    await value.fill('lots');
    await dialog.getByRole('button', { name: 'Save scores' }).click();
    await dialog.getByText('Enter a number').waitFor();
    expect(await settleAndCheck('score-dialog')).toEqual([]);
    await value.fill('13');
    // Someone else saves this item's WSJF inputs while the dialog is open.
    await app.api(
      'PUT',
      `/work-items/${item?.workItem.id}/prioritisation`,
      {
        wsjf: { userBusinessValue: 2, timeCriticality: 3, riskReductionOpportunityEnablement: 1, jobSize: 5 },
      },
      item?.inputsVersion,
    );
    await dialog.getByRole('button', { name: 'Save scores' }).click();
    const conflict = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await conflict.waitFor();
    expect(await conflict.getByTestId('conflict-theirs').allTextContents()).toEqual(['2', '3', '1', '5']);
    await conflict.getByRole('button', { name: 'Keep my change' }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = await app.api<{ version: number; wsjf: Record<string, number> }>(
      'GET',
      `/work-items/${item?.workItem.id}/prioritisation`,
    );
    expect(saved.wsjf.userBusinessValue).toBe(13);
    expect(saved.version).toBe((item?.inputsVersion ?? 0) + 2);
  });

  it('resolves a stale scoring-model save in the conflict dialog ("use theirs", then save on it)', async () => {
    const models = await app.api<Items<{ id: string; name: string; version: number }>>(
      'GET',
      '/scoring-models?limit=500',
    );
    const model = models.items.find((m) => m.name === 'Strategic fit');
    expect(model).toBeDefined();
    await page.goto('/value/prioritisation/models');
    const form = page.getByRole('form', { name: 'Scoring model' });
    await form.getByLabel('Name', { exact: true }).fill('Strategic fit (mine)');
    await app.api('PATCH', `/scoring-models/${model?.id}`, { name: 'Strategic fit v2' }, model?.version);
    await form.getByRole('button', { name: 'Save model' }).click();
    const conflict = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await conflict.waitFor();
    expect(await conflict.getByTestId('conflict-mine').allTextContents()).toEqual(['Strategic fit (mine)']);
    expect(await conflict.getByTestId('conflict-theirs').allTextContents()).toEqual(['Strategic fit v2']);
    await conflict.getByRole('button', { name: 'Use their version' }).click();
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Strategic fit v2');
    await form.getByLabel('Weight of criterion 1').fill('3');
    await form.getByRole('button', { name: 'Save model' }).click();
    await form.getByText('Saved.').waitFor();
    const saved = await app.api<{ name: string; version: number; criteria: { weight: number }[] }>(
      'GET',
      `/scoring-models/${model?.id}`,
    );
    expect(saved).toMatchObject({ name: 'Strategic fit v2', version: (model?.version ?? 0) + 2 });
    expect(saved.criteria[0]?.weight).toBe(3);
  });

  it('defines a customer-facing KPI, edits it and changes its target through 412s, then deletes it', async () => {
    await page.goto('/value/kpis');
    await page.getByRole('button', { name: 'New KPI' }).click();
    const form = page.getByRole('dialog', { name: 'New KPI' });
    await form.getByLabel('Name', { exact: true }).fill('E2E weekly active users');
    await form.getByLabel('Type').selectOption('adoption');
    await form.getByLabel('Unit', { exact: true }).fill('%');
    await form.getByLabel('Frequency').selectOption('weekly');
    await form.getByLabel('Source').fill('Product analytics');
    await form.getByLabel('Belongs to').selectOption('stream');
    await form.getByLabel('Value stream').selectOption({ label: 'Customer self-service' });
    await form.getByLabel('Target', { exact: true }).fill('60');
    await form.getByLabel('Threshold', { exact: true }).fill('70');
    await form.getByRole('button', { name: 'Create KPI' }).click();
    await form.getByText(/must not be above the target 60/).waitFor();
    expect(await settleAndCheck('kpi-form')).toEqual([]);
    await form.getByLabel('Threshold', { exact: true }).fill('50');
    await form.getByRole('button', { name: 'Create KPI' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E weekly active users' }).waitFor();
    const id = page.url().split('/').at(-1) ?? '';
    type KpiRecord = Record<string, unknown> & { version: number };
    const created = await app.api<KpiRecord>('GET', `/kpis/${id}`);
    expect(created).toMatchObject({
      metricType: 'adoption',
      frequency: 'weekly',
      source: 'Product analytics',
      portfolioId: null,
      valueStreamId: expect.any(String),
      target: 60,
      threshold: 50,
    });
    await page.getByText('Customer-facing').first().waitFor();

    await page.getByRole('button', { name: 'Edit KPI' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit E2E weekly active users' });
    await edit.getByLabel('Source').fill('Mixpanel');
    await app.api('PATCH', `/kpis/${id}`, { description: 'Changed meanwhile' }, created.version);
    await edit.getByRole('button', { name: 'Save KPI' }).click();
    const conflict = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await conflict.getByRole('button', { name: 'Keep my change' }).click();
    await edit.waitFor({ state: 'detached' });
    const edited = await app.api<KpiRecord>('GET', `/kpis/${id}`);
    expect(edited).toMatchObject({
      source: 'Mixpanel',
      description: 'Changed meanwhile',
      version: created.version + 2,
    });

    // The target form follows the edited KPI; someone moves the threshold before the change is saved.
    const change = page.getByRole('form', { name: 'Change the target' });
    await change.getByLabel('New target from').fill('2026-07-01');
    await change.getByLabel('New target', { exact: true }).fill('65');
    await app.api('PATCH', `/kpis/${id}`, { threshold: 55 }, edited.version);
    await change.getByRole('button', { name: 'Change target' }).click();
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Keep my change' }).click();
    await change.getByText('Target changed; the previous one is kept in the history.').waitFor();
    expect(await app.api<KpiRecord>('GET', `/kpis/${id}`)).toMatchObject({
      target: 65,
      threshold: 55,
      targetHistory: [{ until: '2026-07-01', target: 60, threshold: 55 }],
      version: edited.version + 2,
    });

    await page.getByRole('button', { name: 'Edit KPI' }).click();
    const last = page.getByRole('dialog', { name: 'Edit E2E weekly active users' });
    await last.getByRole('button', { name: 'Delete KPI' }).click();
    await last.getByRole('button', { name: 'Yes, delete KPI' }).click();
    await page.getByRole('heading', { level: 1, name: 'KPIs' }).waitFor();
    await expect(app.api('GET', `/kpis/${id}`)).rejects.toThrow(/404/);
  });

  it('creates a value stream with its products and teams, edits it through a 412 and deletes it', async () => {
    await page.goto('/value/streams');
    await page.getByRole('button', { name: 'New value stream' }).click();
    const form = page.getByRole('dialog', { name: 'New value stream' });
    await form.getByRole('button', { name: 'Create value stream' }).click();
    await form.getByText('Name the value stream').waitFor();
    await form.getByLabel('Name', { exact: true }).fill('E2E onboarding');
    await form.getByLabel('Kind').selectOption('development');
    await form.getByLabel('Portfolio').selectOption(ids.portfolio);
    await form
      .getByRole('group', { name: 'Products (projects) serving it' })
      .getByRole('checkbox')
      .first()
      .check();
    await form.getByRole('group', { name: 'Teams serving it' }).getByRole('checkbox').first().check();
    expect(await settleAndCheck('value-stream-form')).toEqual([]);
    await form.getByRole('button', { name: 'Create value stream' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'E2E onboarding' }).waitFor();
    type Stream = { id: string; name: string; version: number; projectIds: string[]; teamIds: string[] };
    const find = async () =>
      (await app.api<Items<Stream & Record<string, unknown>>>('GET', '/value-streams?limit=500')).items.find(
        (s) => s.name === 'E2E onboarding',
      );
    const created = await find();
    expect(created).toMatchObject({ kind: 'development', portfolioId: ids.portfolio });
    expect(created?.projectIds).toHaveLength(1);
    expect(created?.teamIds).toHaveLength(1);

    await page.getByRole('button', { name: 'Edit E2E onboarding' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit E2E onboarding' });
    await edit
      .getByRole('group', { name: 'Teams serving it' })
      .getByRole('checkbox', { checked: true })
      .uncheck();
    await app.api(
      'PATCH',
      `/value-streams/${created?.id}`,
      { description: 'Changed meanwhile' },
      created?.version,
    );
    await edit.getByRole('button', { name: 'Save value stream' }).click();
    const conflict = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await conflict.getByRole('button', { name: 'Keep my change' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(await find()).toMatchObject({
      teamIds: [],
      projectIds: created?.projectIds,
      description: 'Changed meanwhile',
      version: (created?.version ?? 0) + 2,
    });

    await page.getByRole('button', { name: 'Edit E2E onboarding' }).click();
    const last = page.getByRole('dialog', { name: 'Edit E2E onboarding' });
    await last.getByRole('button', { name: 'Delete value stream' }).click();
    await last.getByRole('button', { name: 'Yes, delete value stream' }).click();
    await last.waitFor({ state: 'detached' });
    expect(await find()).toBeUndefined();
  });

  it('edits a goal through a 412, edits and deletes its key result, then deletes the goal', async () => {
    const goal = await app.api<{ id: string; version: number }>('POST', '/goals', {
      name: 'E2E goal to edit',
      level: 'organisation',
    });
    const kr = await app.api<{ id: string }>('POST', '/key-results', {
      goalId: goal.id,
      name: 'E2E key result to edit',
      metric: 'activation rate',
      unit: '%',
      direction: 'increase',
      baseline: 0,
      target: 10,
    });
    await page.goto('/value/strategy');
    await page.getByRole('button', { name: 'Edit goal E2E goal to edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit E2E goal to edit' });
    await edit.getByLabel('Name', { exact: true }).fill('E2E goal, edited');
    await app.api('PATCH', `/goals/${goal.id}`, { description: 'Changed meanwhile' }, goal.version);
    await edit.getByRole('button', { name: 'Save goal' }).click();
    const conflict = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await conflict.waitFor();
    expect(await conflict.getByTestId('conflict-theirs').allTextContents()).toEqual(['E2E goal to edit']);
    await conflict.getByRole('button', { name: 'Keep my change' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(await app.api('GET', `/goals/${goal.id}`)).toMatchObject({
      name: 'E2E goal, edited',
      description: 'Changed meanwhile',
      version: goal.version + 2,
    });

    await page.goto(`/value/strategy/key-results/${kr.id}`);
    await page.getByRole('button', { name: 'Edit key result' }).click();
    const krEdit = page.getByRole('dialog', { name: 'Edit E2E key result to edit' });
    await krEdit.getByLabel('Target').fill('-5');
    await krEdit.getByRole('button', { name: 'Save key result' }).click();
    await krEdit.getByText(/below the baseline/).waitFor();
    await krEdit.getByLabel('Target').fill('20');
    await krEdit.getByRole('button', { name: 'Save key result' }).click();
    await krEdit.waitFor({ state: 'detached' });
    expect(await app.api('GET', `/key-results/${kr.id}`)).toMatchObject({ target: 20, version: 2 });
    await page.getByRole('button', { name: 'Edit key result' }).click();
    await krEdit.getByRole('button', { name: 'Delete key result' }).click();
    await krEdit.getByRole('button', { name: 'Yes, delete key result' }).click();
    await page.getByRole('heading', { level: 1, name: 'Strategy and OKRs' }).waitFor();
    await expect(app.api('GET', `/key-results/${kr.id}`)).rejects.toThrow(/404/);

    await page.getByRole('button', { name: 'Edit goal E2E goal, edited' }).click();
    const last = page.getByRole('dialog', { name: 'Edit E2E goal, edited' });
    await last.getByRole('button', { name: 'Delete goal' }).click();
    await last.getByRole('button', { name: 'Yes, delete goal' }).click();
    await last.waitFor({ state: 'detached' });
    await expect(app.api('GET', `/goals/${goal.id}`)).rejects.toThrow(/404/);
  });
});
