/**
 * Issue 10 part 4 in the browser: the customer's Users tab, as a person uses it (by role and label): add
 * a user and copy its password shown once, assign it a license of a subscription (Licenses in use counts
 * it), reset its password, delete it; a helpdesk agent is offered Reset password only. Both sizes, both
 * languages, axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bearerFor, createPartner, createUser, FACTORY_PASSWORD } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createOffer, createTemplate, onboardingBody } from '#test/integration/onboarding-fixtures.ts';
import { launchBrowser } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { expectNoAxeViolations, field, screenshotBoth, signedInPage } from './helpers/wizard.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let browser: Browser;
let agent: { email: string; password: string };
let helpdesk: { email: string; password: string };
let customerId: string;
let domain: string;

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  await createTemplate(server.db, { versionRank: 1 });
  const partner = await createPartner(server.db, { kind: 'direct', name: 'Contoso Direct' });
  const adminAgent = await createUser(server.db, { partnerId: partner.id, roles: ['admin_agent'] });
  agent = { email: adminAgent.email, password: FACTORY_PASSWORD };
  helpdesk = { email: (await createUser(server.db, { partnerId: partner.id, roles: ['helpdesk_agent'] })).email, password: FACTORY_PASSWORD };
  const offer = await createOffer(server.db, { category: 'enterprise', name: 'Microsoft 365 E3' });
  const response = await server.app.inject({
    method: 'POST',
    url: '/v1/onboardings',
    headers: { ...(await bearerFor(server, adminAgent.email)), 'content-type': 'application/json' },
    payload: JSON.stringify(onboardingBody([{ offerId: offer.id, quantity: 2, friendlyName: 'E3 for the office' }])),
  });
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json<{ customer: { id: string; companyProfile: { domain: string } } }>().customer;
  customerId = created.id;
  domain = created.companyProfile.domain;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the customer's Users tab", () => {
  it('adds a user (password shown once), assigns a license, resets the password, deletes the user', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedInPage(browser, server.url, agent, `/customers/${customerId}`);
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.waitForURL(`**/customers/${customerId}/users`);
    await page.getByRole('cell', { name: new RegExp(`admin@${domain.replace(/\./g, '\\.')}`) }).waitFor();
    await expect.poll(() => page.getByText('Global Administrator').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog as never, 'First name').fill('Alex');
    await field(dialog as never, 'Last name').fill('Chen');
    await field(dialog as never, 'Display name').fill('Alex Chen');
    await field(dialog as never, 'User name').fill('alex');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await dialog.getByText('Copy the password now').waitFor();
    const password = await dialog.getByLabel('Temporary password').inputValue();
    expect(password).toMatch(/^.{16}$/);
    await screenshotBoth(page, 'customer-users-added-en');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('cell', { name: /Alex Chen/ }).first().waitFor();

    // Assign a license of the subscription.
    await page.getByRole('button', { name: 'Actions for Alex Chen' }).click();
    await page.getByRole('menuitem', { name: 'Assign licenses' }).click();
    const licenses = page.getByRole('dialog');
    await licenses.getByRole('checkbox', { name: /E3 for the office/ }).check();
    await licenses.getByRole('button', { name: 'Save' }).click();
    await licenses.waitFor({ state: 'hidden' });
    const inUse = page.getByRole('table', { name: 'Licenses in use per subscription' });
    await expect.poll(() => inUse.getByRole('row', { name: /E3 for the office/ }).innerText()).toMatch(/1 \/ 2/);
    await expect.poll(() => page.getByRole('row', { name: /Alex Chen/ }).innerText()).toContain('E3 for the office');
    await screenshotBoth(page, 'customer-users-en');
    await expectNoAxeViolations(page);

    // Reset the password: a new one, shown once.
    await page.getByRole('button', { name: 'Actions for Alex Chen' }).click();
    await page.getByRole('menuitem', { name: 'Reset password' }).click();
    const reset = page.getByRole('dialog');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    const newPassword = await reset.getByLabel('Temporary password').inputValue();
    expect(newPassword).toMatch(/^.{16}$/);
    expect(newPassword).not.toBe(password);
    await reset.getByRole('button', { name: 'Done' }).click();

    // Delete, confirmed.
    await page.getByRole('button', { name: 'Delete user: Alex Chen' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete user' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /Alex Chen/ }).count()).toBe(0);
    await expect.poll(() => inUse.getByRole('row', { name: /E3 for the office/ }).innerText()).toMatch(/0 \/ 2/);
    assertNoUnexpectedErrors();
    await close();
  });

  it('in zh-TW, and offers a helpdesk agent Reset password only', async () => {
    const zh = await signedInPage(browser, server.url, agent, `/customers/${customerId}/users`, 'zh-TW');
    await zh.page.getByRole('tab', { name: '使用者' }).waitFor();
    await zh.page.getByRole('button', { name: '新增使用者' }).waitFor();
    await screenshotBoth(zh.page, 'customer-users-zh');
    await zh.close();

    const { page, close } = await signedInPage(browser, server.url, helpdesk, `/customers/${customerId}/users`);
    await page.getByRole('cell', { name: new RegExp(`admin@`) }).waitFor();
    expect(await page.getByRole('button', { name: 'Add user' }).count()).toBe(0);
    await page.getByRole('button', { name: /^Actions for / }).first().click();
    await page.getByRole('menuitem', { name: 'Reset password' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Assign licenses' }).count()).toBe(0);
    await close();
  });
});
