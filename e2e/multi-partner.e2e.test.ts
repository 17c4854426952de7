/**
 * Multi-partner customers in the portal (issue 9 part 5): a customer that accepted a second partner's
 * invitation shows in both partners' lists, and each partner's customer page holds only its own
 * agreement confirmation, subscriptions and orders. An indirect reseller that opens the wizard's address
 * is told why it cannot add customers, before any form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bearerFor, createPartner, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createOffer, createTemplate, customerBody, onboardingBody } from '#test/integration/onboarding-fixtures.ts';
import { launchBrowser, screenshotBoth } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { signedInPage } from './helpers/wizard.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface Account { id: string; email: string; password: string }

let server: Server;
let browser: Browser;
let first: Account;
let second: Account;
let reseller: Account;
let customerId = '';
const company = 'Trey Research';
const offerName = 'Shared Workspace Premium';

async function call(account: Account, method: 'GET' | 'POST', url: string, body?: unknown, extra: Record<string, string> = {}) {
  const headers = { ...(await bearerFor(server, account.email)), 'content-type': 'application/json', ...extra };
  return server.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
}

/** The customer's admin (its password reset by the first partner, then changed) accepts the second partner's invitation. */
async function acceptSecondPartner() {
  const reset = await call(first, 'POST', `/v1/customers/${customerId}/adminpasswordresets`, {});
  expect(reset.statusCode, reset.body).toBe(201);
  const { userPrincipalName, password } = reset.json<{ userPrincipalName: string; password: string }>();
  const signIn = await server.app.inject({ method: 'POST', url: '/api/tenant/session', payload: { userPrincipalName, password } });
  const cookie = signIn.cookies.find((c) => c.name === 'pd_tenant_session')!;
  const admin = { cookie: `pd_tenant_session=${cookie.value}`, 'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken };
  const changed = await server.app.inject({ method: 'POST', url: '/api/tenant/password', headers: admin, payload: { currentPassword: password, newPassword: 'Trey-admin-chosen-4' } });
  expect(changed.statusCode, changed.body).toBe(200);
  const invited = await call(second, 'POST', '/v1/relationshipinvitations', { recipientName: 'Trey Admin', recipientEmail: 'admin@treyresearch.example' });
  expect(invited.statusCode, invited.body).toBe(201);
  const token = new URL(invited.json<{ url: string }>().url).hash.slice(1);
  const accepted = await server.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { token } });
  expect(accepted.statusCode, accepted.body).toBe(200);
}

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.db;
  await createTemplate(db, { versionRank: 1 });
  const offer = await createOffer(db, { name: offerName });
  const firstPartner = await createPartner(db, { kind: 'direct', name: 'Adventure Works Cloud' });
  const secondPartner = await createPartner(db, { kind: 'direct', name: 'Blue Yonder Partners' });
  const resellerPartner = await createPartner(db, { kind: 'indirect_reseller', name: 'Wingtip Resellers' });
  first = await createUser(db, { partnerId: firstPartner.id, roles: ['admin_agent'] });
  second = await createUser(db, { partnerId: secondPartner.id, roles: ['admin_agent'] });
  reseller = await createUser(db, { partnerId: resellerPartner.id, roles: ['global_admin'] });
  const body = { ...onboardingBody([{ offerId: offer.id, quantity: 12 }]), billingProfile: { ...customerBody().billingProfile, companyName: company } };
  const onboarded = await call(first, 'POST', '/v1/onboardings', body);
  expect(onboarded.statusCode, onboarded.body).toBe(201);
  customerId = onboarded.json<{ customer: { id: string } }>().customer.id;
  await acceptSecondPartner();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signedIn = (account: Account, path: string) => signedInPage(browser, server.url, account, path);

async function openCustomer(account: Account) {
  const watched = await signedIn(account, '/customers');
  const { page } = watched;
  await page.getByRole('table', { name: 'Customers' }).getByRole('link', { name: company }).click();
  await page.getByRole('heading', { level: 1, name: company }).waitFor();
  return watched;
}

describe('a customer with two partners', () => {
  it('the partner that sold to it sees its agreement confirmation, subscription and order', async () => {
    const { page, assertNoUnexpectedErrors, close } = await openCustomer(first);
    await page.getByRole('region', { name: 'Subscriptions' }).getByText(offerName).first().waitFor();
    // The order's line items are folded away until the order is opened.
    await page.getByRole('region', { name: 'Orders' }).getByText(`${offerName} × 12`).first().waitFor({ state: 'attached' });
    await expect(page.getByRole('region', { name: 'Orders' }).getByText('No orders yet.').count()).resolves.toBe(0);
    await expect(page.getByRole('region', { name: 'Customer agreement' }).getByText('No agreement confirmation on record').count()).resolves.toBe(0);
    assertNoUnexpectedErrors();
    await close();
  });

  it('the second partner lists it too, but sees none of the first partner’s agreement, subscriptions or orders', async () => {
    const { page, assertNoUnexpectedErrors, close } = await openCustomer(second);
    await page.getByRole('region', { name: 'Subscriptions' }).getByText('No subscriptions yet.').waitFor();
    await page.getByRole('region', { name: 'Orders' }).getByText('No orders yet.').waitFor();
    await page.getByRole('region', { name: 'Customer agreement' }).getByText('No agreement confirmation on record').waitFor();
    await expect(page.getByText(offerName).count()).resolves.toBe(0);
    await screenshotBoth(page, 'multi-partner-second-partner');
    assertNoUnexpectedErrors();
    await close();
    // And the API agrees: the first partner's order is not the second's to read.
    const orders = await call(second, 'GET', `/v1/customers/${customerId}/orders`);
    expect(orders.statusCode, orders.body).toBe(200);
    expect(orders.json<{ items: unknown[] }>().items).toEqual([]);
  });
});

describe('an indirect reseller', () => {
  it('is told why it cannot add a customer when it opens the wizard, and gets no form', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(reseller, '/customers/new');
    await page.getByText('Wingtip Resellers is an indirect reseller: its indirect provider adds new customers.', { exact: false }).waitFor();
    await expect(page.getByRole('textbox').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Next' }).count()).resolves.toBe(0);
    assertNoUnexpectedErrors();
    await close();
    const refused = await call(reseller, 'POST', '/v1/customers', customerBody());
    expect(refused.statusCode, refused.body).toBe(403);
  });
});
