/**
 * Issue 10 part 3 in the browser: Edit billing profile from the customer page, as a person does it (by
 * role and label): the wizard's fields, the address check, Save back to the page showing the new address;
 * a change made meanwhile is told (412) and Reload starts again from it; a billing admin is not offered
 * Edit. Screenshots at both sizes in en-US and zh-TW, and axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bearerFor, createPartner, createUser, FACTORY_PASSWORD } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { customerBody } from '#test/integration/onboarding-fixtures.ts';
import { launchBrowser } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { expectNoAxeViolations, field, screenshotBoth, signedInPage } from './helpers/wizard.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let browser: Browser;
let agent: { email: string; password: string };
let billing: { email: string; password: string };
let customerId: string;

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const partner = await createPartner(server.db, { kind: 'direct', name: 'Contoso Direct' });
  const helpdesk = await createUser(server.db, { partnerId: partner.id, roles: ['helpdesk_agent'] });
  agent = { email: helpdesk.email, password: FACTORY_PASSWORD };
  const admin = await createUser(server.db, { partnerId: partner.id, roles: ['global_admin'] });
  const billingUser = await createUser(server.db, { partnerId: partner.id, roles: ['billing_admin'] });
  billing = { email: billingUser.email, password: FACTORY_PASSWORD };
  const body = customerBody({ companyName: 'Fourth Coffee' });
  const created = await server.app.inject({ method: 'POST', url: '/v1/customers', headers: { ...(await bearerFor(server, admin.email)), 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  expect(created.statusCode, created.body).toBe(201);
  customerId = created.json<{ id: string }>().id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function changeBehindTheScenes() {
  const headers = await bearerFor(server, agent.email);
  const read = await server.app.inject({ method: 'GET', url: `/v1/customers/${customerId}/profiles/billing`, headers });
  const profile = read.json<{ lastName: string }>();
  const put = await server.app.inject({ method: 'PUT', url: `/v1/customers/${customerId}/profiles/billing`, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ ...profile, lastName: 'Changed-Elsewhere' }) });
  expect(put.statusCode, put.body).toBe(200);
}

describe('Edit billing profile', () => {
  it('edits the address with the wizard fields and saves it; a change made meanwhile is told', async () => {
    const { page, expectError, assertNoUnexpectedErrors, close } = await signedInPage(browser, server.url, agent, `/customers/${customerId}`);
    expectError({ status: 412, path: `/v1/customers/${customerId}/profiles/billing` });
    await page.getByRole('link', { name: 'Edit billing profile' }).click();
    await page.waitForURL(`**/customers/${customerId}/billing-profile`);
    await expect.poll(() => field(page, 'City').inputValue()).toBe('Redmond');
    await screenshotBoth(page, 'billing-profile-edit-en');
    await expectNoAxeViolations(page);
    await field(page, 'Address line 1').fill('500 Pine Street');
    await field(page, 'City').fill('Seattle');
    await field(page, 'Postal code').fill('98101');
    await page.getByRole('button', { name: 'Save' }).click();
    const keep = page.getByRole('button', { name: 'Keep what I entered' });
    await Promise.race([keep.waitFor({ timeout: 5000 }).then(() => keep.click()).catch(() => undefined), page.waitForURL(`**/customers/${customerId}`, { timeout: 5000 }).catch(() => undefined)]);
    await page.waitForURL((url) => url.pathname === `/customers/${customerId}`);
    await expect.poll(() => page.getByText('500 Pine Street').count()).toBeGreaterThan(0);

    // Someone else saves while this person edits: Save says so, Reload shows theirs.
    await page.getByRole('link', { name: 'Edit billing profile' }).click();
    await page.waitForURL(`**/customers/${customerId}/billing-profile`);
    await expect.poll(() => field(page, 'City').inputValue()).toBe('Seattle');
    await changeBehindTheScenes();
    await field(page, 'First name').fill('Robin');
    await page.getByRole('button', { name: 'Save' }).click();
    const keepAgain = page.getByRole('button', { name: 'Keep what I entered' });
    if (await keepAgain.isVisible().catch(() => false)) await keepAgain.click();
    await page.getByText('Someone changed this profile meanwhile').waitFor();
    await screenshotBoth(page, 'billing-profile-stale-en');
    await page.getByRole('button', { name: 'Reload the profile' }).click();
    await expect.poll(() => field(page, 'Last name').inputValue()).toBe('Changed-Elsewhere');
    assertNoUnexpectedErrors();
    await close();
  });

  it('in zh-TW', async () => {
    const { page, close } = await signedInPage(browser, server.url, agent, `/customers/${customerId}/billing-profile`, 'zh-TW');
    await page.getByRole('heading', { name: '編輯帳單設定檔' }).waitFor();
    await page.getByText('客戶的國家/地區無法變更。').waitFor();
    await screenshotBoth(page, 'billing-profile-edit-zh');
    await close();
  });

  it('does not offer Edit to a billing admin', async () => {
    const { page, close } = await signedInPage(browser, server.url, billing, `/customers/${customerId}`);
    await page.getByRole('heading', { name: 'Fourth Coffee', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit billing profile' }).count()).toBe(0);
    await close();
  });
});
