import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app-server';
import { launchBrowser, signedInPage } from './support/browser';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const organisationWith = (token: string) =>
  fetch(`${app.server.url}/api/v1/organisation`, { headers: { authorization: `Bearer ${token}` } });

describe('settings', () => {
  it('creates an API token, shows the secret once with a copy button, and revokes it', async () => {
    const { context, page } = await signedInPage(browser, app.url, { email: 'maria.pm@northwind.example' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.goto('/settings/tokens');
    await page.getByLabel('Token name').fill('E2E export');
    await page.getByLabel('Access').selectOption('read');
    await page.getByRole('button', { name: 'Create token' }).click();

    const secret = (await page.getByTestId('new-token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^triad_/);
    expect((await organisationWith(secret)).status).toBe(200);
    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
    ).toBe(secret);
    await page.screenshot({ path: `${ARTIFACTS}token-created.png`, fullPage: true });

    // Once dismissed, the secret is gone for good; the list shows the token without it.
    await page.getByRole('button', { name: 'Done, I have stored it' }).click();
    expect(await page.getByTestId('new-token-secret').count()).toBe(0);
    const row = page.getByRole('row', { name: /E2E export/ });
    await row.getByText('Active').waitFor();
    expect(await page.getByText(secret).count()).toBe(0);

    await row.getByRole('button', { name: 'Revoke E2E export' }).click();
    await page
      .getByRole('dialog', { name: /Revoke “E2E export”/ })
      .getByRole('button', { name: 'Revoke token' })
      .click();
    await row.getByText('Revoked').waitFor();
    expect((await organisationWith(secret)).status).toBe(401);
    await context.close();
  });

  it('lets an organisation admin create a user, grant and revoke a role, and disable the account', async () => {
    const { context, page } = await signedInPage(browser, app.url);
    await page.goto('/settings/users');
    await page.getByLabel('Name', { exact: true }).fill('Nora New');
    await page.getByLabel('E-mail').fill('nora.new@northwind.example');
    await page.getByLabel('Initial password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create user' }).click();
    const row = page.getByRole('row', { name: /Nora New/ });
    await row.waitFor();

    await row.getByRole('button', { name: 'Grant role to Nora New' }).click();
    const dialog = page.getByRole('dialog', { name: 'Grant a role to Nora New' });
    await dialog.getByLabel('Role').selectOption('stakeholder');
    await dialog.getByLabel('Held on').selectOption('team');
    await dialog.getByLabel('Team').selectOption({ label: 'Falcons' });
    await dialog.getByRole('button', { name: 'Grant role' }).click();
    await row.getByText('Stakeholder on team Falcons').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}users-and-roles.png`, fullPage: true });

    await row.getByRole('button', { name: 'Revoke Stakeholder from Nora New' }).click();
    await row.getByText('No roles').waitFor();
    await row.getByRole('button', { name: 'Disable Nora New' }).click();
    await row.getByText('Disabled').waitFor();
    const signIn = await fetch(`${app.server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nora.new@northwind.example', password: 'a long enough password' }),
    });
    expect(signIn.status).toBe(401);
    await context.close();
  });

  it('changes the password and sets up two-step sign-in with the secret shown as text', async () => {
    const { context, page } = await signedInPage(browser, app.url, { email: 'omar.po@northwind.example' });
    await page.goto('/settings/account');
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const url = (await page.getByTestId('totp-url').textContent()) ?? '';
    expect(url).toMatch(/^otpauth:\/\/totp\/Triad:omar\.po%40northwind\.example\?/);
    expect(await page.getByTestId('totp-secret').textContent()).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('Current password').fill('northwind-demo');
    await page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.getByLabel('Repeat the new password').fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    await context.close();
  });
});
