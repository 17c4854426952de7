/**
 * Issue 9: a partner invites an existing customer; in a second browser context the customer's admin opens
 * the link, signs in with its temporary password, must change it, and accepts; the partner then sees the
 * customer in its list. A revoked link says so and offers no Accept. The admin removes a partner, which
 * then gets 404 for the customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bearerFor, createCustomer, createPartner, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { launchBrowser, openPage, screenshotBoth } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';

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

async function api(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: token, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as Record<string, unknown>) };
}

/** A customer of another partner, and its admin's temporary password (reset by that partner). */
async function existingTenant(companyName: string) {
  const owner = await createPartner(server.db, { kind: 'direct', name: `${companyName} Old Partner` });
  const ownerUser = await createUser(server.db, { partnerId: owner.id, roles: ['global_admin'] });
  const customer = await createCustomer(server.db, { partnerIds: [owner.id], companyName });
  const ownerAuth = (await bearerFor(server, ownerUser.email)).authorization;
  const reset = await api(`/v1/customers/${customer.id}/adminpasswordresets`, ownerAuth, { method: 'POST' });
  expect(reset.status).toBe(201);
  return { customer, owner, ownerAuth, upn: reset.body?.userPrincipalName as string, password: reset.body?.password as string };
}

async function invitingPartner(name: string) {
  const partner = await createPartner(server.db, { kind: 'direct', name });
  const user = await createUser(server.db, { partnerId: partner.id, roles: ['global_admin'] });
  return { partner, user, auth: (await bearerFor(server, user.email)).authorization };
}

describe('relationship requests, the customer admin’s side', () => {
  it('accepts an invitation after changing the temporary password; the partner then lists the customer', async () => {
    const tenant = await existingTenant('Lakeview Pottery');
    const asker = await invitingPartner('Harbor Cloud Partners');
    const invitation = await api('/v1/relationshipinvitations', asker.auth, { method: 'POST', body: { recipientName: 'Lee Admin', recipientEmail: 'lee@lakeview.example', message: 'We would like to manage your licences.' } });
    expect(invitation.status).toBe(201);
    const link = new URL(invitation.body?.url as string);

    const customerSide = await openPage(browser, server.url);
    const { page } = customerSide;
    customerSide.expectError({ status: 401, path: '/api/tenant/session' });
    await page.goto(`${link.pathname}${link.hash}`);
    await page.getByText('Harbor Cloud Partners (Direct partner) asks to become your partner.').waitFor();
    await page.getByText('We would like to manage your licences.').waitFor();
    await screenshotBoth(page, 'tenant-request-pending');
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    await page.getByLabel('Admin user name').fill(tenant.upn);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The user name or password is not right.' }).waitFor();
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('Current (temporary) password').fill(tenant.password);
    await page.getByLabel(/^New password/).fill('Lakeview-admin-9');
    await page.getByLabel('Confirm the new password').fill('Lakeview-admin-8');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The two new passwords are not the same.').waitFor();
    await page.getByLabel('Confirm the new password').fill('Lakeview-admin-9');
    await screenshotBoth(page, 'tenant-change-password');
    await page.getByRole('button', { name: 'Change password' }).click();

    expect(await api(`/v1/customers/${tenant.customer.id}`, asker.auth).then((r) => r.status)).toBe(404);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('Request accepted').waitFor();
    await screenshotBoth(page, 'tenant-request-accepted');
    expect(await api(`/v1/customers/${tenant.customer.id}`, asker.auth).then((r) => r.status)).toBe(200);

    // The partner, in its own browser context, sees the customer in its list.
    const partnerSide = await openPage(browser, server.url);
    await partnerSide.page.goto('/customers');
    await partnerSide.page.getByLabel('Email').fill(asker.user.email);
    await partnerSide.page.getByLabel('Password').fill(asker.user.password);
    await partnerSide.page.getByRole('button', { name: 'Sign in' }).click();
    await partnerSide.page.getByRole('link', { name: 'Lakeview Pottery' }).waitFor();
    partnerSide.assertNoUnexpectedErrors();
    await partnerSide.close();

    // The link is single-use: opened again (a new page load), it says so.
    await page.goto('about:blank');
    await page.goto(`${link.pathname}${link.hash}`);
    await page.getByText('This invitation was already accepted. It cannot be used again.').waitFor();
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    // The customer's admin removes the old partner, which loses access at once.
    await page.goto('/tenant/partners');
    const table = page.getByRole('table', { name: 'Your partners' });
    await table.getByRole('row').filter({ hasText: 'Harbor Cloud Partners' }).waitFor();
    await screenshotBoth(page, 'tenant-partners');
    await table.getByRole('button', { name: 'Remove Lakeview Pottery Old Partner' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove Lakeview Pottery Old Partner?' });
    await confirm.getByRole('button', { name: 'Remove partner' }).click();
    await table.getByRole('row').filter({ hasText: 'Lakeview Pottery Old Partner' }).waitFor({ state: 'detached' });
    expect(await api(`/v1/customers/${tenant.customer.id}`, tenant.ownerAuth).then((r) => r.status)).toBe(404);
    customerSide.assertNoUnexpectedErrors();
    await customerSide.close();
  });

  it('says a revoked invitation was withdrawn, in zh-TW too, and offers nothing to accept', async () => {
    const asker = await invitingPartner('Revoking Partners');
    const invitation = await api('/v1/relationshipinvitations', asker.auth, { method: 'POST', body: { recipientName: 'Sam', recipientEmail: 'sam@example.com' } });
    expect((await api(`/v1/relationshipinvitations/${invitation.body?.id as string}/revoke`, asker.auth, { method: 'POST' })).status).toBe(200);
    const link = new URL(invitation.body?.url as string);
    const watched = await openPage(browser, server.url, { locale: 'zh-TW' });
    watched.expectError({ status: 401, path: '/api/tenant/session' });
    await watched.page.goto(`${link.pathname}${link.hash}`);
    await watched.page.getByText('合作夥伴已撤回此邀請。請向合作夥伴索取新的邀請。').waitFor();
    expect(await watched.page.getByRole('button', { name: '接受' }).count()).toBe(0);
    await screenshotBoth(watched.page, 'tenant-request-revoked-zh-TW');
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});
