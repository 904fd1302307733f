import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outlineRows } from '../web/src/pages/schedule/gantt-model';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, seriousAxeViolations, signedInPage } from './support/browser';

// The schedule pages on the Northwind demo: the ERP Gantt (bars, critical path, baseline, zoom,
// drag and keyboard moves persisted through the API) and the schedule-risk page.

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const ROW = 28;

interface Task {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  summary: boolean;
  milestone: boolean;
  progress: string;
  earlyStart: string;
}
interface TaskRecord {
  id: string;
  version: number;
  constraintType: string;
  constraintDate: string | null;
}

let app: TestApp;
let browser: Browser;
let projectId = '';
let projectKey = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startTestApp();
  browser = await launchBrowser();
  // ERP, without its status date: the demo's progress runs up to today, so most of its work is
  // done; without a status date every task is scheduled by CPM and can be moved.
  const projects = await app.api<{ items: { id: string; key: string }[] }>('GET', '/projects?limit=200');
  const erp = projects.items.find((p) => p.key === 'ERP');
  [projectId, projectKey] = [erp?.id ?? '', erp?.key ?? ''];
  const settings = await app.api<{ version: number }>('GET', `/projects/${projectId}/schedule/settings`);
  await app.api('PUT', `/projects/${projectId}/schedule/settings`, { statusDate: null }, settings.version);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const scheduleOf = () => app.api<{ tasks: Task[] }>('GET', `/projects/${projectId}/schedule`);

/** Scrolls the Gantt so the task's row and bar are drawn, and returns the bar. */
async function revealBar(page: Page, tasks: Task[], id: string) {
  const row = outlineRows(tasks).findIndex((r) => r.task.id === id);
  await page.locator('.gantt').evaluate(
    (el, top) => {
      el.scrollTop = top;
    },
    Math.max(0, row * ROW - 120),
  );
  const name = tasks.find((t) => t.id === id)?.name ?? '';
  await page.locator('.gantt__names').getByRole('button', { name, exact: true }).click();
  const bar = page.locator(`[data-task-id="${id}"]`);
  await bar.waitFor();
  return bar;
}

async function expectNoAxeViolations(page: Page) {
  const failures = (await seriousAxeViolations(page)).map(
    (v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`,
  );
  expect(failures).toEqual([]);
}

describe('schedule pages', () => {
  it('shows a demo project’s Gantt with bars, critical path and baseline, zooms, and moves tasks by drag and keys', async () => {
    expect(projectId).not.toBe('');
    const { context, page } = await signedInPage(browser, app.url);
    await page.goto(`/portfolio/projects/${projectId}/schedule`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`Schedule · ${projectKey}`) }).waitFor();
    await page.locator('[data-task-id]').first().waitFor();
    expect(await page.locator('[data-task-id]').count()).toBeGreaterThan(5);
    expect(await page.locator('.gantt__bar--critical').count()).toBeGreaterThan(0);
    expect(await page.locator('.gantt__link').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="baseline-bar"]').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}schedule-gantt.png`, fullPage: true });
    await expectNoAxeViolations(page);

    // Zoom: days label each day, quarters label quarters.
    await page.getByRole('button', { name: 'Quarters' }).click();
    await page
      .locator('.gantt__axis text', { hasText: /^Q\d \d{4}$/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Days' }).click();
    expect(await page.getByRole('button', { name: 'Days' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Weeks' }).click();

    // Drag a not-started task a week later: saved as start-no-earlier-than through the API.
    const before = await scheduleOf();
    const movable = before.tasks.filter((t) => !t.summary && !t.milestone).slice(-6);
    const dragged = movable[0]!;
    const bar = await revealBar(page, before.tasks, dragged.id);
    const box = (await bar.boundingBox())!;
    await page.mouse.move(box.x + Math.min(box.width / 2, 10), box.y + box.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 7; step++)
      await page.mouse.move(box.x + 10 + step * 8, box.y + box.height / 2);
    await page.mouse.up();
    await page.getByText(new RegExp(`${escapeRegExp(dragged.name)} (now starts|cannot start)`)).waitFor();
    const record = await app.api<TaskRecord>('GET', `/schedule-tasks/${dragged.id}`);
    expect(record.constraintType).toBe('snet');
    const target = new Date(Date.parse(`${dragged.earlyStart}T00:00:00Z`) + 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(record.constraintDate).toBe(target);
    const after = await scheduleOf();
    expect(after.tasks.find((t) => t.id === dragged.id)!.earlyStart >= target).toBe(true);

    // Keyboard alternative: focus a bar, two days right, Enter.
    const keyed = movable[1]!;
    const keyBar = await revealBar(page, after.tasks, keyed.id);
    await keyBar.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByText(new RegExp(`${escapeRegExp(keyed.name)} (now starts|cannot start)`)).waitFor();
    const keyedRecord = await app.api<TaskRecord>('GET', `/schedule-tasks/${keyed.id}`);
    const keyedStart = after.tasks.find((t) => t.id === keyed.id)!.earlyStart;
    const keyedTarget = new Date(Date.parse(`${keyedStart}T00:00:00Z`) + 2 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(keyedRecord.constraintDate).toBe(keyedTarget);

    // The side panel shows the selected task's early/late dates and floats.
    await page.getByRole('heading', { level: 2, name: keyed.name }).waitFor();
    await page.getByText('Total float').waitFor();
    await context.close();
  });

  it('runs the schedule risk analysis and shows P80, the tornado and the baseline variance', async () => {
    const { context, page } = await signedInPage(browser, app.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/portfolio/projects/${projectId}/schedule/risk`);

    await page
      .getByRole('heading', { level: 1, name: new RegExp(`Schedule risk · ${projectKey}`) })
      .waitFor();
    const p80 = page.getByTestId('finish-P80');
    await p80.waitFor();
    expect(await p80.textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByRole('heading', { name: 'Baseline variance' }).waitFor();
    await page.getByRole('table', { name: 'Variance per task' }).waitFor();
    await page.getByRole('button', { name: 'Level resources' }).click();
    await page.getByRole('table', { name: 'Levelled tasks' }).waitFor({ timeout: 60_000 });
    await page.getByText('Feasible', { exact: true }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}schedule-risk.png`, fullPage: true });
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
