/**
 * Issue 9, part 8: the Activity log. A partner does audited things through the API (sends and revokes a
 * relationship invitation, resets a customer admin's password), opens the Activity log, filters by
 * operation and by customer, sees the record and its new value, and exports CSV: the downloaded file
 * holds the same records. A role without the audit log sees neither the entry nor the page.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bearerFor, createCustomer, createPartner, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { axeViolations, launchBrowser, openPage, screenshot, VIEWPORTS, type WatchedPage } from './helpers/browser.ts';
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

async function api(path: string, authorization: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signedIn(account: { email: string; password: string }, locale: 'en-US' | 'zh-TW' = 'en-US', path = '/activity-log'): Promise<WatchedPage> {
  const watched = await openPage(browser, server.url, { locale });
  const { page } = watched;
  await page.goto(path);
  const labels = locale === 'zh-TW' ? { email: '電子郵件', password: '密碼', submit: '登入' } : { email: 'Email', password: 'Password', submit: 'Sign in' };
  await page.getByLabel(labels.email).fill(account.email);
  await page.getByLabel(labels.password).fill(account.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL((url) => url.pathname === path);
  return watched;
}

/** Screenshots for the lead, in /tmp/wt-activity-shots (the helper writes them under artifacts/ first). */
async function shots(watched: WatchedPage, name: string) {
  const dir = '/tmp/wt-activity-shots';
  mkdirSync(dir, { recursive: true });
  for (const viewport of ['desktop', 'mobile'] as const) {
    await watched.page.setViewportSize(VIEWPORTS[viewport]);
    await watched.page.waitForTimeout(200);
    const file = await screenshot(watched.page, name, viewport);
    copyFileSync(file, path.join(dir, path.basename(file)));
  }
  await watched.page.setViewportSize(VIEWPORTS.desktop);
}

async function auditedPartner(name: string) {
  const partner = await createPartner(server.db, { kind: 'direct', name });
  const user = await createUser(server.db, { partnerId: partner.id, roles: ['global_admin'] });
  const auth = (await bearerFor(server, user.email)).authorization;
  const customer = await createCustomer(server.db, { partnerIds: [partner.id], companyName: 'Bluebird Bakery' });
  await createCustomer(server.db, { partnerIds: [partner.id], companyName: 'Granite Garage' });
  const invitation = await api('/v1/relationshipinvitations', auth, { method: 'POST', body: { recipientName: 'Robin Admin', recipientEmail: 'robin@tailwind.example' } });
  expect(invitation.status).toBe(201);
  expect((await api(`/v1/relationshipinvitations/${invitation.body.id as string}/revoke`, auth, { method: 'POST' })).status).toBe(200);
  expect((await api(`/v1/customers/${customer.id}/adminpasswordresets`, auth, { method: 'POST' })).status).toBe(201);
  return { partner, user, customer, invitationId: invitation.body.id as string };
}

const rows = (watched: WatchedPage, table = 'Activity') => watched.page.getByRole('table', { name: table }).getByRole('row');

describe('the Activity log', () => {
  it('filters by operation and by customer, shows the new value, and exports the same records as CSV', async () => {
    const { user, invitationId } = await auditedPartner('Lumen Cloud Partners');
    const watched = await signedIn(user);
    const { page } = watched;
    await page.getByRole('heading', { level: 1, name: 'Activity log' }).waitFor();
    await expect.poll(() => rows(watched).count()).toBe(4); // the header row and three records
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Activity log' }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await shots(watched, 'activity-log-en-US');

    // By operation: the revocation only, and the choice is kept in the address.
    await page.getByLabel('Operation').selectOption({ label: 'Relationship invitation revoked' });
    await expect.poll(() => rows(watched).count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('op')).toBe('revoke_relationship_invitation');
    await page.getByRole('button', { name: /^Details of Relationship invitation revoked/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Relationship invitation revoked' });
    await dialog.getByText(invitationId).waitFor();
    await dialog.getByText('"state": "revoked"').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // By customer (a company-name search) and operation at once.
    await page.getByLabel('Operation').selectOption({ label: 'All operations' });
    await page.getByLabel('Customer').fill('bluebird');
    await expect.poll(() => rows(watched).count()).toBe(2);
    await rows(watched).nth(1).getByText('Admin password reset', { exact: true }).waitFor();
    await rows(watched).nth(1).getByRole('cell', { name: 'Bluebird Bakery', exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('company')).toBe('bluebird');
    await page.getByLabel('Operation').selectOption({ label: 'Order placed' });
    await page.getByRole('heading', { name: 'No activity matches these filters' }).waitFor();
    await page.getByLabel('Operation').selectOption({ label: 'Admin password reset' });
    await expect.poll(() => rows(watched).count()).toBe(2);

    // A reload keeps the filters; Export CSV downloads what they select.
    await page.reload();
    await expect.poll(() => rows(watched).count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('activity-log.csv');
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('Date (UTC),User,Operation,Resource type,Resource id,Customer id,Customer,Status,New value');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain('reset_customer_admin_password');
    expect(csv[1]).toContain('Bluebird Bakery');
    expect(csv[1]).toContain(user.email);
    await page.getByText(/^Exported .*activity-log\.csv is in your downloads\.$/).waitFor();
    await shots(watched, 'activity-log-filtered-en-US');
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('reads in zh-TW, details included', async () => {
    const { user } = await auditedPartner('Aster Cloud Partners');
    const watched = await signedIn(user, 'zh-TW');
    const { page } = watched;
    await page.getByRole('heading', { level: 1, name: '活動記錄' }).waitFor();
    await expect.poll(() => rows(watched, '活動').count()).toBe(4);
    await page.getByRole('table', { name: '活動' }).getByText('已撤銷關係邀請').waitFor();
    await shots(watched, 'activity-log-zh-TW');
    await page.getByRole('button', { name: /「已重設管理員密碼」詳細資料/ }).click();
    await page.getByRole('dialog', { name: '已重設管理員密碼' }).getByText('新值').waitFor();
    await shots(watched, 'activity-log-details-zh-TW');
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('loads more past the first 50 records, and widens the dates up to 90 days back', async () => {
    const partner = await createPartner(server.db, { kind: 'direct', name: 'Delta Cloud Partners' });
    const user = await createUser(server.db, { partnerId: partner.id, roles: ['global_admin'] });
    const now = Date.now();
    const row = (at: number, operation: 'create_order' | 'add_customer') => ({
      id: randomUUID(),
      partner_id: partner.id,
      actor: user.email,
      operation_type: operation,
      resource_type: operation === 'create_order' ? 'order' : 'customer',
      resource_id: randomUUID(),
      new_value: JSON.stringify({ at }),
      created_at: new Date(at),
    });
    await server.db
      .insertInto('audit_records')
      .values([...Array.from({ length: 52 }, (_, i) => row(now - (i + 1) * 60_000, 'create_order')), row(now - 45 * 86_400_000, 'add_customer')])
      .execute();
    const watched = await signedIn(user);
    const { page } = watched;
    await page.getByText('50 records shown').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('52 records shown').waitFor();
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    // The record of 45 days ago is outside the default 30 days; an earlier start brings it in.
    const from = new Date(now - 60 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From').fill(from);
    await page.getByText('50 records shown').waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toBe(from);
    await page.getByLabel('Operation').selectOption({ label: 'Customer added' });
    await expect.poll(() => rows(watched).count()).toBe(2);
    expect(await page.getByLabel('From').getAttribute('min')).toBe(new Date(now - 90 * 86_400_000).toISOString().slice(0, 10));
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('is not offered to a role without the audit log', async () => {
    const { partner } = await auditedPartner('Cobalt Cloud Partners');
    const agent = await createUser(server.db, { partnerId: partner.id, roles: ['admin_agent'] });
    const watched = await signedIn(agent, 'en-US', '/customers');
    const { page } = watched;
    await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Activity log' }).count()).toBe(0);
    await page.goto('/activity-log');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});
