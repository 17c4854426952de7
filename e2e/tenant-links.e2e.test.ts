/**
 * Issue 9, part 3: the customer admin's side, under a clock the test moves. An expired link says so and
 * cannot be accepted (nothing changes); a declined invitation says so when opened again; a reseller's
 * invitation names the reseller and its indirect provider and, accepted, gives the customer both; the
 * admin removes a partner, which gets 404 for the customer at once. Every page is photographed at
 * 1280×800 and 390×844 in en-US and zh-TW (SCREENSHOT_DIR).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tenantEnUS } from '../src/web/features/tenant/locales/en-US.ts';
import { tenantZhTW } from '../src/web/features/tenant/locales/zh-TW.ts';
import { bearerFor, createCustomer, createPartner, createPartnership, createUser, type FactoryPartner } from '#test/factories.ts';
import { adjustableClock, startTestServer } from '#test/helpers/server.ts';
import { launchBrowser, openPage, screenshotBoth, type WatchedPage } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';

const DAY = 86_400_000;
const clock = adjustableClock();
type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let browser: Browser;

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer({}, () => undefined, { clock }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const locales = { 'en-US': tenantEnUS, 'zh-TW': tenantZhTW } as const;
const withKind = (s: typeof tenantEnUS, name: string) => s.request.withKind.replace('{{name}}', name).replace('{{kind}}', s.kinds.direct);
type Locale = keyof typeof locales;

async function api(path: string, auth: Record<string, string>, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...auth, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null, cookies: response.headers.getSetCookie() };
}

async function partnerWithUser(name: string, kind: FactoryPartner['kind'] = 'direct') {
  const partner = await createPartner(server.db, { kind, name });
  const user = await createUser(server.db, { partnerId: partner.id, roles: ['global_admin'] });
  return { partner, auth: await bearerFor(server, user.email) };
}

/** A customer of another partner, and its admin's temporary password (reset by that partner). */
async function existingTenant(companyName: string) {
  const owner = await partnerWithUser(`${companyName} Old Partner`);
  const customer = await createCustomer(server.db, { partnerIds: [owner.partner.id], companyName });
  const reset = await api(`/v1/customers/${customer.id}/adminpasswordresets`, owner.auth, { method: 'POST' });
  expect(reset.status).toBe(201);
  return { customer, owner, upn: reset.body?.userPrincipalName as string, password: reset.body?.password as string };
}

async function invite(auth: Record<string, string>, body: Record<string, unknown> = {}) {
  const response = await api('/v1/relationshipinvitations', auth, { method: 'POST', body: { recipientName: 'Robin Admin', recipientEmail: 'robin@customer.example', ...body } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const url = new URL(response.body?.url as string);
  return { id: response.body?.id as string, path: `${url.pathname}${url.hash}`, token: url.hash.slice(1) };
}

/** A page in `locale` not signed in as a customer admin (its session check answers 401). */
async function customerPage(locale: Locale = 'en-US') {
  const watched = await openPage(browser, server.url, { locale });
  watched.expectError({ status: 401, path: '/api/tenant/session' });
  return watched;
}

/** Opens `path` in a fresh page in zh-TW too, waits for `text` of it, and photographs it. */
async function photographZhTW(path: string, text: string, name: string) {
  const watched = await customerPage('zh-TW');
  await watched.page.goto(path);
  await watched.page.getByText(text).waitFor();
  await screenshotBoth(watched.page, `${name}-zh-TW`);
  watched.assertNoUnexpectedErrors();
  await watched.close();
}

/** Signs in on the page with the temporary password and chooses a new one, as the page asks. */
async function signInChangingPassword(page: Page, s: typeof tenantEnUS, tenant: { upn: string; password: string }, shotPrefix?: string) {
  await page.getByLabel(s.signIn.userName).fill(tenant.upn);
  await page.getByLabel(s.signIn.password).fill(tenant.password);
  if (shotPrefix) await screenshotBoth(page, `${shotPrefix}-sign-in`);
  await page.getByRole('button', { name: s.signIn.submit }).click();
  await page.getByRole('heading', { name: s.changePassword.title }).waitFor();
  await page.getByLabel(s.changePassword.current).fill(tenant.password);
  await page.getByLabel(new RegExp(`^${s.changePassword.new}`)).fill('Chosen-by-admin-7');
  await page.getByLabel(s.changePassword.confirm).fill('Chosen-by-admin-7');
  if (shotPrefix) await screenshotBoth(page, `${shotPrefix}-change-password`);
  await page.getByRole('button', { name: s.changePassword.submit }).click();
}

/** The customer admin through the API: signed in, its temporary password changed. */
async function adminSession(tenant: { upn: string; password: string }) {
  const signedIn = await api('/api/tenant/session', {}, { method: 'POST', body: { userPrincipalName: tenant.upn, password: tenant.password } });
  expect(signedIn.status).toBe(200);
  const headers = { cookie: signedIn.cookies.find((c) => c.startsWith('pd_tenant_session='))!.split(';')[0]!, 'x-csrf-token': signedIn.body?.csrfToken as string };
  expect((await api('/api/tenant/password', headers, { method: 'POST', body: { currentPassword: tenant.password, newPassword: 'Chosen-by-admin-7' } })).status).toBe(200);
  return headers;
}

const relationshipsOf = (customerId: string) =>
  server.db.selectFrom('customer_relationships').select(['partner_id', 'state']).where('customer_id', '=', customerId).orderBy('partner_id').execute();

describe('the customer admin’s links and pages', () => {
  it('an expired link (the clock moved past 90 days) says so, offers no sign-in or Accept, cannot be accepted, and changes nothing', async () => {
    const tenant = await existingTenant('Juniper Dental');
    const asker = await partnerWithUser('Expiring Partners');
    const invitation = await invite(asker.auth, { message: 'Our team would look after your licences.' });

    const { page, ...watched } = await customerPage();
    await page.goto(invitation.path);
    await page.getByText(tenantEnUS.request.asks.replace('{{name}}', withKind(tenantEnUS, 'Expiring Partners'))).waitFor();
    await page.getByLabel(tenantEnUS.signIn.userName).waitFor();
    await screenshotBoth(page, 'tenant-request-direct-pending');
    await photographZhTW(invitation.path, tenantZhTW.request.asks.replace('{{name}}', withKind(tenantZhTW, 'Expiring Partners')), 'tenant-request-direct-pending');

    clock.advance(91 * DAY);
    await page.goto('about:blank');
    await page.goto(invitation.path);
    await page.getByText(tenantEnUS.request.states.expired).waitFor();
    expect(await page.getByRole('button', { name: tenantEnUS.request.accept }).count()).toBe(0);
    expect(await page.getByLabel(tenantEnUS.signIn.userName).count()).toBe(0);
    await screenshotBoth(page, 'tenant-request-expired');
    await photographZhTW(invitation.path, tenantZhTW.request.states.expired, 'tenant-request-expired');

    // Through the API too, signed in with a changed password: refused, saying why.
    const admin = await adminSession(tenant);
    const refused = await api('/api/tenant/requests/accept', admin, { method: 'POST', body: { token: invitation.token } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ errors: [{ code: 'invitation_expired' }] });
    expect((await api('/api/tenant/requests/decline', admin, { method: 'POST', body: { token: invitation.token } })).status).toBe(409);
    expect(await relationshipsOf(tenant.customer.id)).toEqual([{ partner_id: tenant.owner.partner.id, state: 'active' }]);
    expect((await api(`/v1/customers/${tenant.customer.id}`, asker.auth)).status).toBe(404);
    expect((await api(`/v1/relationshipinvitations/${invitation.id}`, asker.auth)).body).toMatchObject({ state: 'expired', respondedAt: null, customerId: null });
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('a declined invitation: the admin declines (confirm dialog); opened again, the link says it was declined; the partner sees it declined and has no customer', async () => {
    const tenant = await existingTenant('Birchwood Library');
    const asker = await partnerWithUser('Declined Partners');
    const invitation = await invite(asker.auth);

    const { page, ...watched } = await customerPage();
    await page.goto(invitation.path);
    await signInChangingPassword(page, tenantEnUS, tenant);
    await page.getByRole('button', { name: tenantEnUS.request.decline }).click();
    const dialog = page.getByRole('alertdialog', { name: tenantEnUS.request.declineTitle });
    await dialog.waitFor();
    await screenshotBoth(page, 'tenant-decline-dialog');
    await dialog.getByRole('button', { name: tenantEnUS.request.declineConfirm }).click();
    await page.getByText(tenantEnUS.request.declined).waitFor();
    await screenshotBoth(page, 'tenant-request-declined-now');

    await page.goto('about:blank');
    await page.goto(invitation.path);
    await page.getByText(tenantEnUS.request.states.declined).waitFor();
    expect(await page.getByRole('button', { name: tenantEnUS.request.accept }).count()).toBe(0);
    await screenshotBoth(page, 'tenant-request-declined');
    await photographZhTW(invitation.path, tenantZhTW.request.states.declined, 'tenant-request-declined');

    expect((await api(`/v1/relationshipinvitations/${invitation.id}`, asker.auth)).body).toMatchObject({ state: 'declined', customerId: tenant.customer.id });
    expect((await api(`/v1/customers/${tenant.customer.id}`, asker.auth)).status).toBe(404);
    expect(await relationshipsOf(tenant.customer.id)).toEqual([{ partner_id: tenant.owner.partner.id, state: 'active' }]);
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  for (const locale of ['en-US', 'zh-TW'] as const) {
    it(`(${locale}) a reseller's invitation names the reseller and its provider; accepted, both have the customer; the admin removes a partner, which gets 404 at once`, async () => {
      const s = locales[locale];
      const tag = locale === 'en-US' ? 'en' : 'zh';
      const tenant = await existingTenant(`Cedar Clinic ${tag}`);
      const provider = await partnerWithUser(`Northwind Distribution ${tag}`, 'indirect_provider');
      const reseller = await partnerWithUser(`Proseware Resellers ${tag}`, 'indirect_reseller');
      await createPartnership(server.db, provider.partner.id, reseller.partner.id);
      const invitation = await invite(reseller.auth, { indirectProviderId: provider.partner.id, message: 'We sell through Northwind: accept us both.' });

      const watched: WatchedPage = await customerPage(locale);
      const { page } = watched;
      await page.goto(invitation.path);
      await page.getByText(s.request.asksPair.replace('{{reseller}}', reseller.partner.name).replace('{{provider}}', provider.partner.name)).waitFor();
      await screenshotBoth(page, `tenant-request-reseller-pending-${locale}`);
      await signInChangingPassword(page, s, tenant, `tenant-${locale}`);
      await page.getByRole('button', { name: s.request.accept }).waitFor();
      await screenshotBoth(page, `tenant-request-reseller-signed-in-${locale}`);
      await page.getByRole('button', { name: s.request.accept }).click();
      await page.getByText(s.request.acceptedTitle).waitFor();
      await screenshotBoth(page, `tenant-request-reseller-accepted-${locale}`);
      expect((await api(`/v1/customers/${tenant.customer.id}`, reseller.auth)).status).toBe(200);
      expect((await api(`/v1/customers/${tenant.customer.id}`, provider.auth)).status).toBe(200);

      await page.getByRole('link', { name: s.request.yourPartners }).click();
      const table = page.getByRole('table', { name: s.partners.tableLabel });
      // A row is named by its cells, the partner's name first.
      const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}\\b`) });
      await row(reseller.partner.name).waitFor();
      // The reseller's row says it sells through the provider, and the provider's through the reseller.
      await row(reseller.partner.name).getByText(provider.partner.name).waitFor();
      await row(provider.partner.name).getByText(reseller.partner.name).waitFor();
      await screenshotBoth(page, `tenant-partners-${locale}`);

      const old = tenant.owner.partner.name;
      await table.getByRole('button', { name: s.partners.removeLabel.replace('{{name}}', old) }).click();
      const confirm = page.getByRole('alertdialog', { name: s.partners.removeTitle.replace('{{name}}', old) });
      await confirm.waitFor();
      await screenshotBoth(page, `tenant-remove-dialog-${locale}`);
      // Cancel changes nothing.
      await confirm.getByRole('button', { name: s.partners.cancel }).click();
      await confirm.waitFor({ state: 'detached' });
      expect((await api(`/v1/customers/${tenant.customer.id}`, tenant.owner.auth)).status).toBe(200);

      await table.getByRole('button', { name: s.partners.removeLabel.replace('{{name}}', old) }).click();
      await confirm.getByRole('button', { name: s.partners.removeConfirm }).click();
      await row(old).waitFor({ state: 'detached' });
      expect((await api(`/v1/customers/${tenant.customer.id}`, tenant.owner.auth)).status).toBe(404);
      expect((await api(`/v1/customers/${tenant.customer.id}`, reseller.auth)).status).toBe(200);
      await screenshotBoth(page, `tenant-partners-after-remove-${locale}`);
      watched.assertNoUnexpectedErrors();
      await watched.close();
    });
  }
});
