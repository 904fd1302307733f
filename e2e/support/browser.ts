import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/demo-users';

// Debian's Chromium: browsers are never downloaded (no `playwright install`).
const CHROMIUM = process.env.TRIAD_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export interface SessionOptions {
  colorScheme?: 'light' | 'dark';
  /** A demo account (default: the organisation admin); they all share the demo password. */
  email?: string;
}

export const DEMO_ADMIN = 'ada.admin@northwind.example';

function newContext(browser: Browser, baseUrl: string, options: SessionOptions): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1360, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
}

/** A fresh browser session (its own cookies) signed in with a demo account's e-mail and password. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  options: SessionOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseUrl, options);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signInWithPassword(page, options.email ?? DEMO_ADMIN);
  await page.getByRole('heading', { level: 1, name: 'Portfolio overview' }).waitFor();
  return { context, page };
}

/** Fills and sends the sign-in form (the page must show it). */
export async function signInWithPassword(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** A fresh browser session signed in through the `#token=` link demo mode prints. */
export async function tokenSignedInPage(
  browser: Browser,
  baseUrl: string,
  token: string,
  options: SessionOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseUrl, options);
  const page = await context.newPage();
  await page.goto(`/#token=${encodeURIComponent(token)}`);
  await page.getByRole('heading', { level: 1, name: 'Portfolio overview' }).waitFor();
  return { context, page };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns the serious and critical
 * violations. The script is evaluated through the DevTools protocol, which a CSP does not block.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // This function runs in the page; the e2e tsconfig has no DOM types, hence the casts.
    const page = globalThis as unknown as {
      axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> };
      document: unknown;
    };
    const result = await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}
