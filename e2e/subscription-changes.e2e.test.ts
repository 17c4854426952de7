/**
 * Issue 10 part 2: an admin agent opens a customer's subscription from the customer page, raises its
 * licenses, then lowers them (within the 7-day window), and reads both changes in the history; the
 * page tells a change that came second (412) and shows the subscription as it now is; a sales agent is
 * offered no change. Screenshots of the page at both sizes in en-US and zh-TW.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bearerFor, createCustomer, createPartner, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { agreementBody, createOffer, createTemplate } from '#test/integration/onboarding-fixtures.ts';
import { launchBrowser } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { expectNoAxeViolations, screenshotBoth, signedInPage, type Account } from './helpers/wizard.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let browser: Browser;
let agent: Account;
let sales: Account;
let customerId: string;

const SUBSCRIPTION = 'Sales team seats';

async function call(account: Account, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const response = await server.app.inject({
    method,
    url,
    headers: { ...(await bearerFor(server, account.email)), ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json<Record<string, unknown>>();
}

/** A new subscription of 5 licenses (1–50) for the customer, named `name`: its path in the portal. */
async function newSubscription(name: string) {
  const { id: offerId } = await createOffer(server.db, { name: `Microsoft 365 Business Standard ${name}`, min: 1, max: 50 });
  const order = await call(agent, 'POST', `/v1/customers/${customerId}/orders`, { lineItems: [{ offerId, quantity: 5, friendlyName: name }] });
  const subscriptionId = (order.lineItems as { subscriptionId: string }[])[0]!.subscriptionId;
  return { subscriptionId, path: `/customers/${customerId}/subscriptions/${subscriptionId}` };
}

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const partner = await createPartner(server.db, { kind: 'direct', name: 'Contoso Direct' });
  agent = await createUser(server.db, { partnerId: partner.id, roles: ['admin_agent'] });
  sales = await createUser(server.db, { partnerId: partner.id, roles: ['sales_agent'] });
  const { id: templateId } = await createTemplate(server.db);
  customerId = (await createCustomer(server.db, { partnerIds: [partner.id], companyName: 'Fourth Coffee' })).id;
  await call(agent, 'POST', `/v1/customers/${customerId}/agreements`, { ...agreementBody(), templateId });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The Details panel's value for a label. */
const detail = (page: Page, label: string) => page.getByRole('region', { name: /Details|詳細資料/ }).locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

async function changeLicenses(page: Page, to: number) {
  await page.getByRole('button', { name: 'Change licenses' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change licenses' });
  await dialog.getByLabel('Licenses').fill(String(to));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

describe('an admin agent changes a subscription', () => {
  it('raises and then lowers the licenses, and sees both in the history', async () => {
    await newSubscription(SUBSCRIPTION);
    const watched = await signedInPage(browser, server.url, agent, `/customers/${customerId}`);
    const { page } = watched;
    await page.getByRole('link', { name: SUBSCRIPTION }).click();
    await page.getByRole('heading', { level: 1, name: SUBSCRIPTION }).waitFor();
    await expect.poll(() => detail(page, 'Licenses').textContent()).toBe('5');
    await expect.poll(() => page.getByRole('region', { name: 'History' }).textContent()).toContain('No changes yet.');
    await screenshotBoth(page, 'subscription-en-US');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Change licenses' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change licenses' });
    await expect.poll(() => dialog.textContent()).toMatch(/sold in 1 to 50 licenses.*You can remove up to 5 until/);
    await dialog.getByLabel('Licenses').fill('60');
    await expect.poll(() => dialog.textContent()).toContain('Enter between 1 and 50 licenses.');
    await expect.poll(() => dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await screenshotBoth(page, 'subscription-licenses-dialog-en-US');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await changeLicenses(page, 8);
    await expect.poll(() => detail(page, 'Licenses').textContent()).toBe('8');
    const history = page.getByRole('table', { name: 'Changes of this subscription' });
    await expect.poll(() => history.getByRole('row').nth(1).textContent()).toContain('Licenses: 5 → 8');

    await changeLicenses(page, 6);
    await expect.poll(() => detail(page, 'Licenses').textContent()).toBe('6');
    await expect.poll(() => history.getByRole('row').nth(1).textContent()).toContain('Licenses: 8 → 6');
    await expect.poll(() => history.getByRole('row').nth(2).textContent()).toContain('Licenses: 5 → 8');
    expect(await history.getByRole('row').nth(1).textContent()).toContain(agent.email);
    await screenshotBoth(page, 'subscription-history-en-US');

    // The customer page shows the new count too.
    await page.getByRole('navigation', { name: 'Location' }).getByRole('link', { name: 'Fourth Coffee' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fourth Coffee' }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Subscriptions' }).getByRole('row', { name: new RegExp(SUBSCRIPTION) }).getByRole('cell').nth(1).textContent()).toBe('6');
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('suspends (confirmed) and reactivates, renames, and turns auto-renew off', async () => {
    const { path } = await newSubscription('Front desk');
    const watched = await signedInPage(browser, server.url, agent, path);
    const { page } = watched;
    await page.getByRole('button', { name: 'Suspend' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Suspend this subscription?' });
    await ask.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => detail(page, 'Status').textContent()).toBe('Suspended');
    await ask.waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: 'Change licenses' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByRole('alertdialog', { name: 'Reactivate this subscription?' }).getByRole('button', { name: 'Reactivate' }).click();
    await expect.poll(() => detail(page, 'Status').textContent()).toBe('Active');

    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename subscription' });
    await rename.getByLabel('Name').fill('Reception desk');
    await rename.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reception desk' }).waitFor();

    await page.getByRole('switch', { name: /Auto-renew/ }).click();
    await expect.poll(() => page.getByRole('switch', { name: /Auto-renew/ }).isChecked()).toBe(false);
    await expect.poll(() => page.getByRole('table', { name: 'Changes of this subscription' }).getByRole('row').count()).toBe(5);
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('says when the subscription changed meanwhile (412), and shows it as it now is', async () => {
    const { subscriptionId, path } = await newSubscription('Warehouse');
    const watched = await signedInPage(browser, server.url, agent, path);
    const { page } = watched;
    watched.expectError({ status: 412, path: `/v1/customers/${customerId}/subscriptions/${subscriptionId}` });
    await expect.poll(() => detail(page, 'Licenses').textContent()).toBe('5');
    // Someone else adds licenses after the page read the subscription.
    const current = await call(agent, 'GET', `/v1/customers/${customerId}/subscriptions/${subscriptionId}`);
    await call(agent, 'PATCH', `/v1/customers/${customerId}/subscriptions/${subscriptionId}`, { ...current, quantity: 9 }, { 'If-Match': (current.attributes as { etag: string }).etag });
    await page.getByRole('button', { name: 'Change licenses' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change licenses' });
    await dialog.getByLabel('Licenses').fill('7');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Someone changed this subscription meanwhile');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => detail(page, 'Licenses').textContent()).toBe('9');
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});

describe('what others see', () => {
  it('offers a sales agent no change, only the details and the history', async () => {
    const { path } = await newSubscription('Sales only');
    const watched = await signedInPage(browser, server.url, sales, path);
    const { page } = watched;
    await page.getByRole('heading', { level: 1, name: 'Sales only' }).waitFor();
    await page.getByRole('region', { name: 'History' }).waitFor();
    for (const name of ['Change licenses', 'Rename', 'Suspend']) expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await page.getByRole('switch').count()).toBe(0);
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('reads in zh-TW (screenshots at both sizes)', async () => {
    const { path } = await newSubscription('業務團隊');
    const watched = await signedInPage(browser, server.url, agent, path, 'zh-TW');
    const { page } = watched;
    await page.getByRole('heading', { level: 1, name: '業務團隊' }).waitFor();
    await page.getByRole('button', { name: '變更授權數' }).click();
    const dialog = page.getByRole('dialog', { name: '變更授權數' });
    await dialog.getByLabel('授權數').fill('8');
    await dialog.getByRole('button', { name: '儲存' }).click();
    await expect.poll(() => page.getByRole('table', { name: '此訂閱的變更' }).getByRole('row').nth(1).textContent()).toContain('授權數：5 → 8');
    await screenshotBoth(page, 'subscription-zh-TW');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '變更授權數' }).click();
    await page.getByRole('dialog', { name: '變更授權數' }).waitFor();
    await screenshotBoth(page, 'subscription-licenses-dialog-zh-TW');
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});
