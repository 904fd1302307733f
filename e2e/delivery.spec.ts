import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

// The Agile PMO pages on the Northwind demo: the board (drag and keyboard moves, a hard WIP
// limit refused), a sprint with its burn charts, flow analytics and forecasts.

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

interface Team {
  id: string;
  name: string;
  deliveryMethod: string;
}
interface StatusChange {
  toStatus: string;
  changedAt: string;
}

let app: TestApp;
let browser: Browser;
let team: Team;
let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startTestApp();
  browser = await launchBrowser();
  const teams = await app.api<{ items: Team[] }>('GET', '/teams?sort=name&limit=50');
  const scrum = teams.items.find((t) => t.deliveryMethod !== 'kanban');
  if (!scrum) throw new Error('the demo has no Scrum or hybrid team');
  team = scrum;
  const session = await signedInPage(browser, app.url);
  page = session.page;
  close = () => session.context.close();
});

afterAll(async () => {
  await close?.();
  await browser?.close();
  await app?.close();
});

/** Waits until no loading placeholder is left, so checks and pictures show the real page. */
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

async function lastStatus(workItemId: string): Promise<string | undefined> {
  const history = await app.api<{ items: StatusChange[] }>('GET', `/work-items/${workItemId}/status-history`);
  return history.items.at(-1)?.toStatus;
}

async function waitForStatus(workItemId: string, status: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await lastStatus(workItemId)) === status) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(await lastStatus(workItemId)).toBe(status);
}

const column = (p: Page, status: string) => p.locator(`section.board-col[data-status="${status}"]`);

describe('the team board', () => {
  it('moves a card by drag and drop and writes the status history', async () => {
    await page.goto(`/delivery/teams/${team.id}/board`);
    await page.getByRole('heading', { level: 1, name: `Board: ${team.name}` }).waitFor();
    await settled(page);
    const card = column(page, 'To Do').locator('li.board-card').first();
    const key = (await card.getAttribute('data-card-key')) ?? '';
    const item = (await app.api<{ items: { id: string }[] }>('GET', `/work-items?key=${key}`)).items[0];
    expect(item).toBeDefined();
    // The HTML5 drag events with one DataTransfer, as a browser sends them (a mouse drag in a
    // scrolling page can pick up whichever card scrolls under the pointer).
    const transfer = await page.evaluateHandle(
      () => new (globalThis as unknown as { DataTransfer: new () => unknown }).DataTransfer(),
    );
    await card.dispatchEvent('dragstart', { dataTransfer: transfer });
    await column(page, 'In Progress').dispatchEvent('dragover', { dataTransfer: transfer });
    await column(page, 'In Progress').dispatchEvent('drop', { dataTransfer: transfer });
    await column(page, 'In Progress').locator(`li[data-card-key="${key}"]`).waitFor();
    await waitForStatus(item?.id ?? '', 'In Progress');
    await checkPage(page, 'delivery-board');
  });

  it('moves a card with the keyboard through its own buttons', async () => {
    const card = column(page, 'In Progress').locator('li.board-card').first();
    const key = (await card.getAttribute('data-card-key')) ?? '';
    const item = (await app.api<{ items: { id: string }[] }>('GET', `/work-items?key=${key}`)).items[0];
    await page.getByRole('button', { name: `Move ${key} to Blocked` }).focus();
    await page.keyboard.press('Enter');
    await column(page, 'Blocked').locator(`li[data-card-key="${key}"]`).waitFor();
    await waitForStatus(item?.id ?? '', 'Blocked');
  });

  it('shows a move refused at a hard WIP limit and puts the card back', async () => {
    const workflow = await app.api<{ states: { name: string; wipHard: number | null }[] }>(
      'GET',
      `/teams/${team.id}/workflow`,
    );
    const board = await app.api<{ columns: { status: string; count: number }[] }>(
      'GET',
      `/teams/${team.id}/board`,
    );
    const blocked = board.columns.find((c) => c.status === 'Blocked')?.count ?? 0;
    const states = workflow.states.map((s) =>
      s.name === 'Blocked' ? { ...s, wipSoft: null, wipHard: Math.max(1, blocked) } : s,
    );
    await app.api('PUT', `/teams/${team.id}/workflow`, { states });
    await page.reload();
    await settled(page);
    await column(page, 'Blocked').getByText('At hard WIP limit').waitFor();
    const card = column(page, 'In Progress').locator('li.board-card').first();
    const key = (await card.getAttribute('data-card-key')) ?? '';
    await page.getByRole('button', { name: `Move ${key} to Blocked` }).click();
    await page
      .getByRole('alert')
      .getByText(/hard WIP limit/)
      .waitFor();
    await column(page, 'In Progress').locator(`li[data-card-key="${key}"]`).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}delivery-board-hard-limit.png`, fullPage: true });
  });

  it('draws class-of-service swimlanes', async () => {
    await page.getByLabel('Swimlanes').selectOption('class_of_service');
    await page
      .getByRole('heading', { level: 2, name: /Expedite|Fixed date|Intangible/i })
      .first()
      .waitFor();
    await checkPage(page, 'delivery-board-swimlanes');
  });
});

describe('sprints, flow and forecasts', () => {
  it('shows the active sprint with burn-down, burn-up and the chance of finishing', async () => {
    const sprints = await app.api<{ items: { id: string; name: string }[] }>(
      'GET',
      `/sprints?teamId=${team.id}&state=active`,
    );
    const sprint = sprints.items[0];
    expect(sprint).toBeDefined();
    await page.goto(`/delivery/sprints/${sprint?.id}`);
    await page.getByRole('heading', { level: 1, name: sprint?.name }).waitFor();
    await page.getByRole('heading', { name: 'Burn-down' }).waitFor();
    await page.getByRole('heading', { name: 'Burn-up' }).waitFor();
    await page.getByText(/chance that the \d+ committed items still open are done/).waitFor();
    await checkPage(page, 'delivery-sprint');
  });

  it('shows every flow chart with its definition', async () => {
    await page.goto(`/delivery/teams/${team.id}/flow`);
    await page.getByRole('heading', { level: 1, name: `Flow analytics: ${team.name}` }).waitFor();
    for (const title of [
      'Throughput per week',
      'Cycle-time scatterplot',
      'Work in progress over time',
      'Cumulative flow diagram',
      'Work item age against the SLE',
      'Velocity and predictability',
    ])
      await page.getByRole('heading', { name: title }).waitFor();
    await page
      .getByText(/Definition: One point per finished item/)
      .first()
      .waitFor();
    await page.getByText("Little's law ratio").waitFor();
    await checkPage(page, 'delivery-flow');
  });

  it('forecasts when and how many, with the backtest beside each', async () => {
    await page.goto(`/delivery/teams/${team.id}/forecast`);
    await page.getByRole('heading', { level: 1, name: `Forecast: ${team.name}` }).waitFor();
    await page.getByLabel('How many items (empty: the open items)').fill('40');
    await page.getByRole('heading', { name: 'When will 40 items be done?' }).waitFor();
    await page.getByRole('heading', { name: 'Forecast cone' }).waitFor();
    await settled(page);
    expect(await page.getByRole('heading', { name: /^Backtest/ }).count()).toBe(2);
    await checkPage(page, 'delivery-forecast');
  });

  it('shows the backlog, the sprint list, the retrospectives and the scope pages', async () => {
    for (const [path, heading, name] of [
      [`/delivery/teams/${team.id}/backlog`, `Backlog: ${team.name}`, 'delivery-backlog'],
      [`/delivery/teams/${team.id}/sprints`, `Sprints: ${team.name}`, 'delivery-sprints'],
      [
        `/delivery/teams/${team.id}/retrospectives`,
        `Retrospectives: ${team.name}`,
        'delivery-retrospectives',
      ],
      ['/delivery/flow?scope=portfolio', 'Flow analytics', 'delivery-flow-portfolio'],
      ['/delivery/flow?scope=epic', 'Flow analytics', 'delivery-flow-epic'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await checkPage(page, name);
    }
  });

  it('scopes forecasts to an epic picked on the page', async () => {
    const epics = await app.api<{ items: { id: string; key: string; title: string }[] }>(
      'GET',
      '/work-items?type=epic&sort=title&limit=5',
    );
    const epic = epics.items[1] ?? epics.items[0];
    expect(epic).toBeDefined();
    await page.goto('/delivery/forecast');
    await page.getByRole('heading', { level: 1, name: 'Forecasts' }).waitFor();
    await page.getByLabel('Scope').selectOption('epic');
    await page.getByLabel('Epic', { exact: true }).selectOption(epic?.id ?? '');
    await page.waitForURL(new RegExp(`scope=epic&id=${epic?.id}`));
    await page.getByRole('heading', { name: /^When will .* be done\?$/ }).waitFor();
    await settled(page);
    await checkPage(page, 'delivery-forecast-epic');
  });

  it('ranks a backlog item with the keyboard', async () => {
    await page.goto(`/delivery/teams/${team.id}/backlog`);
    await settled(page);
    const second = page.locator('li.backlog-row').nth(1);
    const key = (await second.getAttribute('data-key')) ?? '';
    await page.getByRole('button', { name: `Move ${key} to the top` }).click();
    await page.getByText(`${key} moved to position 1.`).waitFor();
    await expect
      .poll(async () => {
        const backlog = await app.api<{ items: { key: string }[] }>('GET', `/teams/${team.id}/backlog`);
        return backlog.items[0]?.key;
      })
      .toBe(key);
  });
});
