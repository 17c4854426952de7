import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bearerFor, createCustomer, createPartner, createPartnership, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createOffer, createTemplate } from '#test/integration/onboarding-fixtures.ts';
import { axeViolations, launchBrowser, openPage, screenshotBoth, type ExpectedError, type WatchedPage } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface Account {
  id: string;
  email: string;
  password: string;
}

let server: Server;
let browser: Browser;
let directPartnerId: string;
let salesAgent: Account;
let helpdeskAgent: Account;
let providerAgent: Account;
let reseller: { id: string; name: string };
let inactiveReseller: { id: string; name: string };
/** The customer with an agreement, an order and its subscriptions. */
let sold: { id: string; domain: string; companyName: string };
let offerName: string;

beforeAll(async () => {
  ensurePortalBuilt();
  // The drafts below are dated (for the dates shown): kept long enough that they never expire here.
  [server, browser] = await Promise.all([startTestServer({ DRAFT_TTL_DAYS: '3650' }), launchBrowser()]);

  const direct = await createPartner(server.db, { kind: 'direct', name: 'Fabrikam Direct' });
  directPartnerId = direct.id;
  salesAgent = await createUser(server.db, { partnerId: direct.id, roles: ['sales_agent'] });
  helpdeskAgent = await createUser(server.db, { partnerId: direct.id, roles: ['helpdesk_agent'] });
  sold = await createCustomer(server.db, { partnerIds: [direct.id], companyName: 'Contoso Pharmacy', domainPrefix: 'contosopharmacy' });
  await createCustomer(server.db, { partnerIds: [direct.id], companyName: 'Adatum Bakery', domainPrefix: 'zzadatum', country: 'TW' });
  await createCustomer(server.db, { partnerIds: [direct.id], companyName: 'Zava Surf', domainPrefix: 'zzava' });

  // The agreement and an order through the API, as the sales agent would.
  const template = await createTemplate(server.db, { versionRank: 7 });
  const offer = await createOffer(server.db, { name: 'Microsoft 365 Business Basic', term: 'P1Y' });
  offerName = offer.name;
  const headers = { ...(await bearerFor(server, salesAgent.email)), 'content-type': 'application/json' };
  const agreement = await server.app.inject({
    method: 'POST',
    url: `/v1/customers/${sold.id}/agreements`,
    headers,
    payload: { templateId: template.id, dateAgreed: '2026-03-04', primaryContact: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@contosopharmacy.example' } },
  });
  expect(agreement.statusCode, agreement.body).toBe(201);
  const order = await server.app.inject({
    method: 'POST',
    url: `/v1/customers/${sold.id}/orders`,
    headers,
    payload: { billingCycle: 'monthly', lineItems: [{ offerId: offer.id, quantity: 12, friendlyName: 'Front desk licenses' }] },
  });
  expect(order.statusCode, order.body).toBe(201);

  const provider = await createPartner(server.db, { kind: 'indirect_provider', name: 'Tailspin Distribution' });
  const wingtip = await createPartner(server.db, { kind: 'indirect_reseller', name: 'Wingtip Resellers' });
  const litware = await createPartner(server.db, { kind: 'indirect_reseller', name: 'Litware Inactive' });
  await createPartnership(server.db, provider.id, wingtip.id);
  await createPartnership(server.db, provider.id, litware.id, 'inactive');
  reseller = { id: wingtip.id, name: wingtip.name };
  inactiveReseller = { id: litware.id, name: litware.name };
  providerAgent = await createUser(server.db, { partnerId: provider.id, roles: ['admin_agent'] });
  await createCustomer(server.db, { partnerIds: [provider.id], companyName: 'Relecloud Clinic', domainPrefix: 'relecloudclinic', resellerId: wingtip.id });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** `expected`: errors the page provokes on the way in (its loader asks for its data during the navigation). */
async function signedIn(account: Account, path = '/customers', expected: ExpectedError[] = []): Promise<WatchedPage> {
  const watched = await openPage(browser, server.url);
  for (const error of expected) watched.expectError(error);
  const { page } = watched;
  await page.goto(path);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path);
  return watched;
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

async function insertDraft(userId: string, step: 'account' | 'subscriptions' | 'review', data: Record<string, unknown>, updatedAt: Date) {
  const id = randomUUID();
  await server.db
    .insertInto('onboarding_drafts')
    .values({ id, user_id: userId, partner_id: directPartnerId, step, data: JSON.stringify(data), request_id: null, created_at: updatedAt, updated_at: updatedAt })
    .execute();
  return id;
}

describe('customers list', () => {
  it('shows company, domain, country, indirect reseller and added on, with links to the detail page', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(providerAgent);
    const table = page.getByRole('table', { name: 'Customers' });
    const row = table.getByRole('row').filter({ hasText: 'Relecloud Clinic' });
    await row.waitFor();
    const headers = await table.getByRole('columnheader').allInnerTexts();
    expect(headers).toEqual(['Company', 'Domain', 'Country/region', 'Indirect reseller', 'Added on']);
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[1]).toBe('relecloudclinic.onmicrosoft.com');
    expect(cells[2]).toBe('United States');
    expect(cells[3]).toBe(reseller.name);
    expect(cells[4]).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await expect(row.getByRole('link', { name: 'Relecloud Clinic' }).getAttribute('href')).resolves.toMatch(/^\/customers\/[0-9a-f-]{36}$/);
    assertNoUnexpectedErrors();
    await close();
  });

  it('searches by the start of the domain and opens a customer from the list', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(salesAgent);
    const table = page.getByRole('table', { name: 'Customers' });
    await page.getByText('Showing 3 customers').waitFor();
    await page.getByLabel('Search by').selectOption('Domain');
    await page.getByLabel('Search customers').fill('zz');
    await page.getByText('Showing 2 customers').waitFor();
    expect(new URL(page.url()).searchParams.get('by')).toBe('Domain');
    const names = await table.getByRole('row').filter({ has: page.getByRole('link') }).getByRole('link').allInnerTexts();
    expect(names).toEqual(['Adatum Bakery', 'Zava Surf']);
    await expect(table.getByRole('row').filter({ hasText: 'Adatum Bakery' }).getByRole('cell').nth(2).innerText()).resolves.toBe('Taiwan');

    // A company name does not match a domain search.
    await page.getByLabel('Search customers').fill('contoso pharm');
    await page.getByRole('heading', { name: 'No customers match “contoso pharm”' }).waitFor();
    await page.getByLabel('Search customers').fill('contosopharm');
    await table.getByRole('link', { name: 'Contoso Pharmacy' }).click();
    await page.waitForURL((url) => url.pathname === `/customers/${sold.id}`);
    await page.getByRole('heading', { level: 1, name: 'Contoso Pharmacy' }).waitFor();
    assertNoUnexpectedErrors();
    await close();
  });

  it('shows Add customer to a sales agent and not to a helpdesk agent', async () => {
    const sales = await signedIn(salesAgent);
    const add = sales.page.getByRole('link', { name: 'Add customer' });
    await add.waitFor();
    await expect(add.getAttribute('href')).resolves.toBe('/customers/new/account');
    sales.assertNoUnexpectedErrors();
    await sales.close();

    const helpdesk = await signedIn(helpdeskAgent);
    await helpdesk.page.getByText('Showing 3 customers').waitFor();
    await expect(helpdesk.page.getByRole('link', { name: 'Add customer' }).count()).resolves.toBe(0);
    await expect(helpdesk.page.getByRole('region', { name: 'Unfinished customers' }).count()).resolves.toBe(0);
    helpdesk.assertNoUnexpectedErrors();
    await helpdesk.close();
  });

  it('lists my unfinished drafts to resume or discard', async () => {
    const named = await insertDraft(salesAgent.id, 'subscriptions', { companyProfile: { companyName: 'Northwind Traders' } }, new Date('2026-03-04T09:30:00Z'));
    const untitled = await insertDraft(salesAgent.id, 'account', { billingProfile: { companyName: 42 } }, new Date('2026-03-05T10:00:00Z'));
    // Someone else's draft is not mine to see.
    await insertDraft(helpdeskAgent.id, 'account', { companyProfile: { companyName: 'Not mine' } }, new Date('2026-03-06T10:00:00Z'));

    const { page, assertNoUnexpectedErrors, close } = await signedIn(salesAgent);
    const drafts = page.getByRole('region', { name: 'Unfinished customers' });
    await drafts.getByText('Northwind Traders').waitFor();
    const items = drafts.getByRole('listitem');
    expect(await items.count()).toBe(2);
    await expect(items.nth(0).innerText()).resolves.toContain('Untitled draft');
    await expect(items.nth(1).innerText()).resolves.toMatch(/Subscriptions · last saved Mar 4, 2026/);
    await expect(drafts.getByText('Not mine').count()).resolves.toBe(0);
    await expect(drafts.getByRole('link', { name: 'Resume Northwind Traders' }).getAttribute('href')).resolves.toBe(`/customers/new/subscriptions?draft=${named}`);
    await expect(drafts.getByRole('link', { name: 'Resume Untitled draft' }).getAttribute('href')).resolves.toBe(`/customers/new/account?draft=${untitled}`);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'customers-with-drafts');

    // Discard asks first; Cancel keeps the draft.
    await drafts.getByRole('button', { name: 'Discard Northwind Traders' }).click();
    let confirm = page.getByRole('alertdialog', { name: 'Discard “Northwind Traders”?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await drafts.getByRole('button', { name: 'Discard Northwind Traders' }).click();
    confirm = page.getByRole('alertdialog', { name: 'Discard “Northwind Traders”?' });
    // Let the dialog finish fading in, or axe measures the contrast of half-transparent colours.
    await confirm.evaluate((dialog) => Promise.all(dialog.getAnimations({ subtree: true }).map((animation) => animation.finished)));
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Discard draft' }).click();
    await confirm.waitFor({ state: 'detached' });
    await drafts.getByText('Northwind Traders').waitFor({ state: 'detached' });
    // The dialog's aria-hidden on the page lifts a moment after it closes.
    await expect.poll(() => items.count()).toBe(1);
    const left = await server.db.selectFrom('onboarding_drafts').select('id').where('user_id', '=', salesAgent.id).execute();
    expect(left.map((row) => row.id)).toEqual([untitled]);

    // The last one gone, the section goes too.
    await drafts.getByRole('button', { name: 'Discard Untitled draft' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard draft' }).click();
    await drafts.waitFor({ state: 'detached' });
    assertNoUnexpectedErrors();
    await close();
  });

  it('passes axe and is captured at both sizes', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(providerAgent);
    await page.getByRole('table', { name: 'Customers' }).getByRole('row').filter({ hasText: 'Relecloud Clinic' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'customers-list');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('customer detail', () => {
  it('shows the profile, relationship, agreement, subscriptions and orders', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(salesAgent, `/customers/${sold.id}`);
    await page.getByRole('heading', { level: 1, name: 'Contoso Pharmacy' }).waitFor();
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumb.getByRole('link', { name: 'Customers' }).getAttribute('href')).resolves.toBe('/customers');

    const profile = page.getByRole('region', { name: 'Company profile' });
    await expect(profile.getByRole('definition').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['contosopharmacy.onmicrosoft.com', sold.id, 'Dana Whitfield', 'it@contosopharmacy.example', '+14255550100', 'Not provided']),
    );
    await expect(profile.locator('address').innerText()).resolves.toBe('1 Main Street\nRedmond, WA 98052\nUnited States');

    const relationship = page.getByRole('region', { name: 'Relationship' });
    await relationship.getByText('Reseller', { exact: true }).waitFor({ state: 'visible' });

    const agreement = page.getByRole('region', { name: 'Customer agreement' });
    await agreement.getByRole('heading', { name: 'Microsoft Customer Agreement' }).waitFor();
    await expect(agreement.innerText()).resolves.toMatch(/Accepted on\s+Mar 4, 2026/);
    await expect(agreement.innerText()).resolves.toContain('dana@contosopharmacy.example');
    await expect(agreement.getByRole('link', { name: /Read the agreement/ }).getAttribute('href')).resolves.toBe('https://agreements.test/MicrosoftCustomerAgreement/v7');

    const subscriptions = page.getByRole('table', { name: 'Subscriptions' });
    const subscription = subscriptions.getByRole('row').filter({ hasText: 'Front desk licenses' });
    await subscription.waitFor();
    await expect(subscription.innerText()).resolves.toContain(offerName);
    const subscriptionCells = await subscription.getByRole('cell').allInnerTexts();
    expect(subscriptionCells.slice(1, 5)).toEqual(['12', 'Active', 'Monthly', '1 year']);

    const orders = page.getByRole('table', { name: 'Orders' });
    const order = orders.getByRole('row').filter({ hasText: 'Microsoft 365 Business Basic × 12' });
    await order.waitFor();
    await expect(order.innerText()).resolves.toMatch(/Completed|Pending/);

    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'customer-detail');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    await breadcrumb.getByRole('link', { name: 'Customers' }).click();
    await page.waitForURL((url) => url.pathname === '/customers');
    assertNoUnexpectedErrors();
    await close();
  });

  it("lets a helpdesk agent reset the customer's admin password, shown once", async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(helpdeskAgent, `/customers/${sold.id}`);
    await page.getByRole('heading', { level: 1, name: 'Contoso Pharmacy' }).waitFor();
    await page.getByRole('button', { name: 'Reset admin password' }).click();
    const dialog = page.getByRole('dialog', { name: "Reset the customer's admin password" });
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    const password = await dialog.getByLabel('Temporary password').inputValue();
    expect(password).toMatch(/^\S{16}$/);
    await expect(dialog.getByLabel('Admin user').inputValue()).resolves.toBe('admin@contosopharmacy.onmicrosoft.com');
    const stored = await server.db.selectFrom('customers').select('admin_password_hash').where('id', '=', sold.id).executeTakeFirstOrThrow();
    expect(stored.admin_password_hash).not.toContain(password);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Opening it again asks again: the password is gone from the page.
    await page.getByRole('button', { name: 'Reset admin password' }).click();
    await expect(page.getByRole('dialog').getByLabel('Temporary password').count()).resolves.toBe(0);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    assertNoUnexpectedErrors();
    await close();
  });

  it('says a customer with no relationship is not found', async () => {
    const stranger = await createPartner(server.db, { kind: 'direct' });
    const theirs = await createCustomer(server.db, { partnerIds: [stranger.id], companyName: 'Someone Else Ltd' });
    const { page, assertNoUnexpectedErrors, close } = await signedIn(salesAgent, `/customers/${theirs.id}`, [{ status: 404, path: `/v1/customers/${theirs.id}` }]);
    await page.getByRole('heading', { level: 1, name: 'Customer not found' }).waitFor();
    await page.getByText('your organization has no relationship with it').waitFor();
    await expect(page.getByText('Someone Else Ltd').count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'customer-not-found');

    // Not an id at all: the same answer, without asking the server.
    await page.goto('/customers/not-a-customer');
    await page.getByRole('heading', { level: 1, name: 'Customer not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to Customers' }).click();
    await page.waitForURL((url) => url.pathname === '/customers');
    assertNoUnexpectedErrors();
    await close();
  });

  it('is in Traditional Chinese with dates by locale', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(salesAgent, `/customers/${sold.id}`);
    // The page whole first: a menu opened while its sections still arrive is closed by their render.
    await page.getByRole('region', { name: 'Company profile' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitemradio', { name: '繁體中文' }).click();
    await page.getByRole('region', { name: '公司設定檔' }).waitFor();
    const agreement = page.getByRole('region', { name: '客戶合約' });
    await agreement.getByRole('heading', { name: 'Microsoft 客戶合約' }).waitFor();
    await expect(agreement.innerText()).resolves.toContain('2026年3月4日');
    await page.getByRole('table', { name: '訂閱' }).getByText('作用中').waitFor();
    await expect(page.getByRole('region', { name: '公司設定檔' }).locator('address').innerText()).resolves.toContain('美國');
    await screenshotBoth(page, 'customer-detail-zh-TW');
    // Back to English for the other tests' contexts (each context is fresh anyway).
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('indirect resellers', () => {
  it('offers Add new customer for each active reseller', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(providerAgent, '/resellers');
    const table = page.getByRole('table', { name: 'Indirect resellers' });
    const active = table.getByRole('row').filter({ hasText: reseller.name });
    await active.waitFor();
    await expect(active.getByRole('link', { name: `Add new customer for ${reseller.name}` }).getAttribute('href')).resolves.toBe(
      `/customers/new/account?reseller=${reseller.id}`,
    );
    const inactive = table.getByRole('row').filter({ hasText: inactiveReseller.name });
    await expect(inactive.getByRole('link').count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'resellers-add-customer');
    assertNoUnexpectedErrors();
    await close();
  });

  it('does not offer it to a provider user who may not add customers', async () => {
    const provider = await server.db.selectFrom('partner_users').select('partner_id').where('id', '=', providerAgent.id).executeTakeFirstOrThrow();
    const helpdesk = await createUser(server.db, { partnerId: provider.partner_id, roles: ['helpdesk_agent'] });
    const { page, assertNoUnexpectedErrors, close } = await signedIn(helpdesk, '/resellers');
    await page.getByRole('table', { name: 'Indirect resellers' }).getByRole('row').filter({ hasText: reseller.name }).waitFor();
    await expect(page.getByRole('link', { name: /Add new customer/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('columnheader', { name: 'Actions' }).count()).resolves.toBe(0);
    assertNoUnexpectedErrors();
    await close();
  });
});
