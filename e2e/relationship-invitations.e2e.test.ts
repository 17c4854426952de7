/**
 * Issue 9, the partner's side in the portal: Customers → Request a relationship. A partner sends an
 * invitation and takes its link from the page; the customer's admin opens it in a second browser
 * context, changes its temporary password and accepts; the partner then lists the customer. A revoked
 * invitation's link says so. An indirect reseller's invitation names its provider, and the customer
 * accepts both. The wizard's taken domain leads to the page with the domain filled in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bearerFor, createCustomer, createPartner, createPartnership, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { uniquePrefix } from '#test/integration/onboarding-fixtures.ts';
import { openPage, launchBrowser, type WatchedPage } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { field, screenshotBoth, signedInPage } from './helpers/wizard.ts';

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

async function api(path: string, token: string, init: { method?: string } = {}) {
  const response = await fetch(`${server.url}${path}`, { method: init.method ?? 'GET', headers: { authorization: token } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A customer of another partner (or of none), with its admin's temporary password (reset by that partner). */
async function existingTenant(companyName: string) {
  const owner = await createPartner(server.db, { kind: 'direct', name: `${companyName} Old Partner` });
  const ownerUser = await createUser(server.db, { partnerId: owner.id, roles: ['global_admin'] });
  const customer = await createCustomer(server.db, { partnerIds: [owner.id], companyName });
  const reset = await api(`/v1/customers/${customer.id}/adminpasswordresets`, (await bearerFor(server, ownerUser.email)).authorization, { method: 'POST' });
  expect(reset.status).toBe(201);
  return { customer, upn: reset.body.userPrincipalName as string, password: reset.body.password as string };
}

async function partnerUser(name: string, kind: 'direct' | 'indirect_provider' | 'indirect_reseller' = 'direct') {
  const partner = await createPartner(server.db, { kind, name });
  const user = await createUser(server.db, { partnerId: partner.id, roles: ['global_admin'] });
  return { partner, user, auth: (await bearerFor(server, user.email)).authorization };
}

/** Fills and sends the invitation form; returns the personal link as the page shows it, after pressing its Copy. */
async function sendInvitation(page: Page, recipient: { name: string; email: string; message?: string }) {
  await page.getByLabel(/^Recipient’s name/).fill(recipient.name);
  await page.getByLabel(/^Recipient’s email/).fill(recipient.email);
  if (recipient.message) await page.getByLabel('Message (optional)').fill(recipient.message);
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const issued = page.getByRole('region', { name: `Invitation for ${recipient.name}` });
  await issued.getByText('This link is shown only now').waitFor();
  await issued.getByRole('button', { name: 'Copy', exact: true }).click();
  await issued.getByText('Copied').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await issued.getByLabel(`Personal link for ${recipient.name}`).inputValue());
  return { issued, link: new URL(copied) };
}

/** The customer's admin, in a browser context of its own: opens the link, signs in, changes the temporary password, accepts. */
async function acceptAsCustomerAdmin(link: URL, tenant: { upn: string; password: string }, asks: string | RegExp) {
  const customerSide = await openPage(browser, server.url);
  customerSide.expectError({ status: 401, path: '/api/tenant/session' });
  const { page } = customerSide;
  await page.goto(`${link.pathname}${link.search}${link.hash}`);
  await page.getByText(asks).waitFor();
  await page.getByLabel('Admin user name').fill(tenant.upn);
  await page.getByLabel('Password').fill(tenant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await page.getByLabel('Current (temporary) password').fill(tenant.password);
  await page.getByLabel(/^New password/).fill('Tenant-admin-9x');
  await page.getByLabel('Confirm the new password').fill('Tenant-admin-9x');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByText('Request accepted').waitFor();
  customerSide.assertNoUnexpectedErrors();
  await customerSide.close();
}

async function openRequestPage(watched: WatchedPage) {
  await watched.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await watched.page.getByRole('link', { name: 'Request a relationship' }).click();
  await watched.page.getByRole('heading', { level: 1, name: 'Request a relationship' }).waitFor();
}

describe('Request a relationship, the partner’s side', () => {
  it('sends an invitation whose link the customer’s admin accepts; the partner then lists the customer', async () => {
    const tenant = await existingTenant('Lakeview Pottery');
    const asker = await partnerUser('Harbor Cloud Partners');
    const partnerSide = await signedInPage(browser, server.url, asker.user, '/customers');
    const { page } = partnerSide;
    await openRequestPage(partnerSide);
    // The standing link, as GET /v1/customers/relationshiprequests hands it out.
    const standing = await page.getByRole('textbox', { name: 'Link for existing customers' }).inputValue();
    expect(new URL(standing).pathname).toMatch(/^\/relationship-requests\/\S+$/);
    await page.getByText('No invitations yet').waitFor();
    await screenshotBoth(page, 'request-relationship-empty');

    const { issued, link } = await sendInvitation(page, { name: 'Lee Admin', email: 'lee@lakeview.example', message: 'We would like to manage your licences.' });
    expect(link.pathname).toBe('/invitations');
    const email = await issued.getByLabel('Email text').inputValue();
    expect(email).toContain('Harbor Cloud Partners asks to become a partner of your organization.');
    expect(email).toContain('We would like to manage your licences.');
    expect(email).toContain(link.href);
    expect(email).toMatch(/expires on \S/);
    const mailto = new URL((await issued.getByRole('link', { name: 'Open in mail' }).getAttribute('href')) ?? '');
    expect(mailto.protocol).toBe('mailto:');
    expect(decodeURIComponent(mailto.pathname)).toBe('lee@lakeview.example');
    expect(new URLSearchParams(mailto.search).get('body')).toContain(link.href);
    await screenshotBoth(page, 'request-relationship-issued');

    const table = page.getByRole('table', { name: 'Relationship invitations' });
    const row = table.getByRole('row').filter({ hasText: 'Lee Admin' });
    await row.getByText('Pending').waitFor();

    await acceptAsCustomerAdmin(link, tenant, 'Harbor Cloud Partners (Direct partner) asks to become your partner.');

    // The partner's list shows the customer, and the invitation says it was accepted.
    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await row.getByText('Accepted').waitFor();
    expect(await row.getByRole('button', { name: /^Resend/ }).count()).toBe(0);
    await screenshotBoth(page, 'request-relationship-list');
    await page.goto('/customers');
    await page.getByRole('link', { name: 'Lakeview Pottery' }).waitFor();
    partnerSide.assertNoUnexpectedErrors();
    await partnerSide.close();
  });

  it('revokes an invitation after asking; its link then says it was withdrawn', async () => {
    const asker = await partnerUser('Revoking Partners');
    const partnerSide = await signedInPage(browser, server.url, asker.user, '/customers');
    const { page } = partnerSide;
    await openRequestPage(partnerSide);
    const { link } = await sendInvitation(page, { name: 'Sam Revoke', email: 'sam@example.com' });
    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('table', { name: 'Relationship invitations' }).getByRole('row').filter({ hasText: 'Sam Revoke' });
    // Resend: a new link, shown once, and the first one stops working.
    await row.getByRole('button', { name: 'Resend the invitation to Sam Revoke' }).click();
    const resent = page.getByRole('region', { name: 'New link for Sam Revoke' });
    const newLink = new URL(await resent.getByRole('textbox', { name: 'Personal link for Sam Revoke' }).inputValue());
    expect(newLink.hash).not.toBe(link.hash);
    await row.getByText('sent 2 times').waitFor();
    await resent.getByRole('button', { name: 'Done' }).click();
    await row.getByRole('button', { name: 'Revoke the invitation to Sam Revoke' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke the invitation to Sam Revoke?' });
    await dialog.waitFor();
    await screenshotBoth(page, 'request-relationship-revoke-dialog');
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Revoked').waitFor();
    // The state filter finds it among the revoked ones only.
    await page.getByLabel('State', { exact: true }).selectOption('pending');
    await page.getByText('No invitations in this state').waitFor();
    await page.getByLabel('State', { exact: true }).selectOption('revoked');
    await row.waitFor();
    partnerSide.assertNoUnexpectedErrors();
    await partnerSide.close();

    const customerSide = await openPage(browser, server.url);
    customerSide.expectError({ status: 401, path: '/api/tenant/session' });
    await customerSide.page.goto(`${newLink.pathname}${newLink.hash}`);
    await customerSide.page.getByText('The partner withdrew this invitation. Ask the partner for a new one.').waitFor();
    expect(await customerSide.page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    customerSide.assertNoUnexpectedErrors();
    await customerSide.close();
  });

  it('lets an indirect reseller invite for itself and its provider; the customer accepts both', async () => {
    const tenant = await existingTenant('Birchwood Dental');
    const provider = await partnerUser('Northwind Distribution', 'indirect_provider');
    const inactive = await partnerUser('Dormant Distribution', 'indirect_provider');
    const reseller = await partnerUser('Maple Resellers', 'indirect_reseller');
    await createPartnership(server.db, provider.partner.id, reseller.partner.id);
    await createPartnership(server.db, inactive.partner.id, reseller.partner.id, 'inactive');

    const resellerSide = await signedInPage(browser, server.url, reseller.user, '/customers');
    const { page } = resellerSide;
    // A reseller cannot add customers; it can request relationships.
    expect(await page.getByRole('link', { name: 'Add customer' }).count()).toBe(0);
    await openRequestPage(resellerSide);
    // Only the active partnership is offered, and with one, it is chosen.
    const form = page.getByRole('region', { name: 'Invite someone by name' });
    const choice = form.getByLabel('Indirect provider');
    expect(await choice.locator('option').allTextContents()).toEqual(['None: only Maple Resellers', 'Northwind Distribution']);
    expect(await choice.inputValue()).toBe(provider.partner.id);
    // The standing link names the provider too.
    const standing = new URL(await page.getByRole('textbox', { name: 'Link for existing customers' }).inputValue());
    expect(standing.searchParams.get('indirectCloudSolutionProviderId')).toBe(provider.partner.id);

    const { issued, link } = await sendInvitation(page, { name: 'Rowan Admin', email: 'rowan@birchwood.example' });
    expect(await issued.getByLabel('Email text').inputValue()).toContain('Maple Resellers and its indirect provider Northwind Distribution ask to become partners');
    await acceptAsCustomerAdmin(link, tenant, /accepting accepts them both/);

    await page.goto('/customers');
    await page.getByRole('link', { name: 'Birchwood Dental' }).waitFor();
    const providerList = await api('/v1/customers', provider.auth);
    expect((providerList.body.items as { companyProfile: { companyName: string } }[]).map((item) => item.companyProfile.companyName)).toContain('Birchwood Dental');
    resellerSide.assertNoUnexpectedErrors();
    await resellerSide.close();
  });

  it('leads from a domain the wizard found taken to the page, with the domain filled in', async () => {
    const elsewhere = await existingTenant('Elsewhere Bakery');
    const asker = await partnerUser('Wizard Partners');
    const watched = await signedInPage(browser, server.url, asker.user, '/customers/new/account');
    const { page } = watched;
    const prefix = elsewhere.customer.domain.split('.')[0] ?? '';
    await field(page, 'Domain').fill(prefix);
    const notice = page.getByText(`If ${elsewhere.customer.domain} is the customer you mean, ask its admin to accept you as a partner.`);
    await notice.waitFor();
    await screenshotBoth(page, 'wizard-domain-taken-request');
    await page.getByRole('link', { name: 'Request a relationship' }).click();
    await page.waitForURL((url) => url.pathname === '/customers/request-relationship');
    expect(new URL(page.url()).searchParams.get('domain')).toBe(elsewhere.customer.domain);
    await page.getByText(`${elsewhere.customer.domain} already belongs to a customer`).waitFor();
    // A domain that is free offers nothing of the kind.
    await page.goto('/customers/new/account');
    await field(page, 'Domain').fill(uniquePrefix('free'));
    await page.getByText(/is available\.$/).first().waitFor();
    expect(await page.getByRole('link', { name: 'Request a relationship' }).count()).toBe(0);
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});

describe('Request a relationship where it is off', () => {
  it('offers no way in to a US Government partner while the operator has relationship requests off', async () => {
    const partner = await createPartner(server.db, { kind: 'direct', instance: 'usgov', usgovValidated: true, name: 'Capitol Partners' });
    const user = await createUser(server.db, { partnerId: partner.id, roles: ['global_admin'] });
    const watched = await signedInPage(browser, server.url, user, '/customers');
    const { page } = watched;
    await page.getByRole('link', { name: 'Add customer' }).waitFor();
    expect(await page.getByRole('link', { name: 'Request a relationship' }).count()).toBe(0);
    await page.goto('/customers/request-relationship');
    await page.getByText('Your cloud instance (US Government) does not take relationship requests unless the operator turns them on.').waitFor();
    expect(await page.getByRole('button', { name: 'Create invitation' }).count()).toBe(0);
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});

describe('Request a relationship in zh-TW', () => {
  it('shows the page, the email text, the list and the revoke question in Traditional Chinese', async () => {
    const elsewhere = await existingTenant('Taipei Tea House');
    const asker = await partnerUser('Formosa Partners');
    const watched = await signedInPage(browser, server.url, asker.user, '/customers', 'zh-TW');
    const { page } = watched;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByRole('link', { name: '要求合作關係' }).click();
    await page.getByRole('heading', { level: 1, name: '要求合作關係' }).waitFor();
    await page.getByText('尚無邀請').waitFor();
    await screenshotBoth(page, 'request-relationship-empty-zh-TW');

    await page.getByLabel(/^收件者姓名/).fill('林雅婷');
    await page.getByLabel(/^收件者電子郵件/).fill('yating@taipeitea.example');
    await page.getByLabel('訊息（選填）').fill('我們想協助管理貴公司的授權。');
    await page.getByRole('button', { name: '建立邀請' }).click();
    const issued = page.getByRole('region', { name: '給 林雅婷 的邀請' });
    await issued.getByText('此連結只會顯示這一次').waitFor();
    expect(await issued.getByLabel('電子郵件內容').inputValue()).toContain('Formosa Partners 要求成為貴組織的合作夥伴。');
    await screenshotBoth(page, 'request-relationship-issued-zh-TW');
    await issued.getByRole('button', { name: '完成' }).click();
    const row = page.getByRole('table', { name: '合作關係邀請' }).getByRole('row').filter({ hasText: '林雅婷' });
    await row.getByText('待處理').waitFor();
    await screenshotBoth(page, 'request-relationship-list-zh-TW');
    await row.getByRole('button', { name: '撤銷給 林雅婷 的邀請' }).click();
    const dialog = page.getByRole('alertdialog', { name: '要撤銷給 林雅婷 的邀請嗎？' });
    await dialog.waitFor();
    await screenshotBoth(page, 'request-relationship-revoke-dialog-zh-TW');
    await dialog.getByRole('button', { name: '撤銷邀請' }).click();
    await row.getByText('已撤銷').waitFor();

    await page.goto('/customers/new/account');
    await field(page, '網域').fill(elsewhere.customer.domain.split('.')[0] ?? '');
    await page.getByText(`如果 ${elsewhere.customer.domain} 就是您要的客戶`).waitFor();
    await screenshotBoth(page, 'wizard-domain-taken-request-zh-TW');
    await page.getByRole('link', { name: '要求合作關係' }).click();
    await page.getByText(`${elsewhere.customer.domain} 已屬於現有客戶`).waitFor();
    await screenshotBoth(page, 'request-relationship-domain-zh-TW');
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});
