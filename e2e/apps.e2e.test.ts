/**
 * Issue 11 part 4, in the portal: a global admin opens Account → Apps, registers an app, adds a secret
 * (shown once, with the application id), and a program signs in with them at the token URL the page
 * shows; the admin revokes the secret and the program's next sign-in fails. A sales agent sees no app
 * registrations, makes a refresh token for the app acting as itself, and signs out of it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createPartner, createUser, FACTORY_PASSWORD } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { launchBrowser } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { expectNoAxeViolations, screenshotBoth, signedInPage } from './helpers/wizard.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let browser: Browser;

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function partnerWith(roles: ('global_admin' | 'sales_agent')[]) {
  const partner = await createPartner(server.db, { kind: 'direct' });
  const users = [];
  for (const role of roles) users.push({ ...(await createUser(server.db, { partnerId: partner.id, roles: [role] })), password: FACTORY_PASSWORD });
  return { partner, users };
}

function clientCredentials(tokenUrl: string, clientId: string, secret: string) {
  return fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: 'https://api.partnercenter.microsoft.com/.default' }),
  });
}

/** The value of a copy field, by its label. */
const copyValue = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true }).inputValue();

describe('Account → Apps', () => {
  it('a global admin registers an app and a secret that a program signs in with, then revokes it', async () => {
    const { users } = await partnerWith(['global_admin']);
    const { page, close } = await signedInPage(browser, server.url, users[0]!, '/account');
    try {
      await page.getByRole('link', { name: 'Open Apps' }).click();
      await page.waitForURL((url) => url.pathname === '/account/apps');
      await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
      const tokenUrl = await copyValue(page, 'Token URL (the authority’s v2.0 token endpoint)');

      await page.getByRole('button', { name: 'Register app' }).click();
      const register = page.getByRole('dialog', { name: 'Register an app' });
      await register.getByLabel('Name').fill('Billing sync');
      await register.getByRole('checkbox', { name: 'Sales agent' }).check();
      await register.getByRole('button', { name: 'Register' }).click();
      const card = page.getByRole('article', { name: 'Billing sync' });
      await card.waitFor();
      await card.getByText('Sales agent').waitFor();

      await card.getByRole('button', { name: 'Add a secret to Billing sync' }).click();
      const secretDialog = page.getByRole('dialog', { name: 'Add a secret to Billing sync' });
      await secretDialog.getByLabel('Description').fill('CI pipeline');
      await secretDialog.getByRole('button', { name: 'Add' }).click();
      const shown = page.getByRole('dialog', { name: 'Copy the secret now' });
      await shown.waitFor();
      const clientId = await copyValue(page, 'Application ID (client_id)');
      const secret = await copyValue(page, 'Secret value');
      await screenshotBoth(page, 'apps-secret-shown');
      await shown.getByRole('button', { name: 'Done' }).click();

      const signedIn = await clientCredentials(tokenUrl, clientId, secret);
      expect(signedIn.status).toBe(200);
      const { access_token } = (await signedIn.json()) as { access_token: string };
      expect((await fetch(`${server.url}/v1/customers`, { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(200);

      await card.getByRole('cell', { name: 'CI pipeline', exact: true }).waitFor();
      await expectNoAxeViolations(page);
      await screenshotBoth(page, 'apps-admin');
      await card.getByRole('button', { name: 'Revoke the secret CI pipeline' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
      await card.getByText('No secrets: add one before the app can sign in.').waitFor();
      expect((await clientCredentials(tokenUrl, clientId, secret)).status).toBe(401);
    } finally {
      await close();
    }
  });

  it('a sales agent sees no registrations, makes a refresh token as itself and signs out of the app (zh-TW too)', async () => {
    const { users } = await partnerWith(['global_admin', 'sales_agent']);
    const [admin, agent] = users as [(typeof users)[number], (typeof users)[number]];
    const session = await fetch(`${server.url}/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: admin.email, password: admin.password }) });
    const adminToken = ((await session.json()) as { access_token: string }).access_token;
    const created = await fetch(`${server.url}/api/apps`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ displayName: 'Order desk' }) });
    expect(created.status).toBe(201);

    const { page, close } = await signedInPage(browser, server.url, agent, '/account/apps');
    try {
      await page.getByRole('heading', { name: 'Sign in to an app as yourself' }).waitFor();
      expect(await page.getByRole('heading', { name: 'App registrations' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Create refresh token' }).click();
      const refreshToken = await copyValue(page, 'Refresh token for Order desk');
      expect(refreshToken).toMatch(/^pdr\./);
      await page.getByRole('table', { name: 'Your app sign-ins' }).getByRole('cell', { name: 'Order desk', exact: true }).waitFor();
      await screenshotBoth(page, 'apps-sales-agent');
      await page.getByRole('button', { name: 'Sign out of Order desk' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You have not signed in to any app.').waitFor();
    } finally {
      await close();
    }

    const zh = await signedInPage(browser, server.url, admin, '/account/apps', 'zh-TW');
    try {
      await zh.page.getByRole('heading', { name: '應用程式註冊' }).waitFor();
      await zh.page.getByRole('article', { name: 'Order desk' }).waitFor();
      await screenshotBoth(zh.page, 'apps-admin-zh-TW');
    } finally {
      await zh.close();
    }
  });
});
