/**
 * Issue 10 part 5, in the browser: a global admin adds a helpdesk agent on Settings → Users and takes
 * its temporary password from the dialog; that person signs in in a fresh browser context, is made to
 * change the password before anything else, and then sees the customers list without Add customer,
 * Settings or the Activity log. The admin deactivates the user, and its open page is signed out. Every
 * new page in both sizes and both languages (artifacts/screenshots/team-*).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createCustomer, createPartner, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { expectNoAxeViolations, screenshotBoth, signIn, signedInPage, SIGN_IN_LABELS } from './helpers/wizard.ts';

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

async function organisation(name: string) {
  const partner = await createPartner(server.db, { kind: 'direct', name });
  const admin = await createUser(server.db, { partnerId: partner.id, roles: ['global_admin'] });
  await createCustomer(server.db, { partnerIds: [partner.id], companyName: `${name} Customer` });
  return { partner, admin };
}

const usersTable = (page: Page) => page.getByRole('table', { name: 'Users' });

describe('Settings → Users', () => {
  it('a global admin adds a helpdesk agent, who must change its password and then sees only what a helpdesk agent may', async () => {
    const { admin } = await organisation('Alpine Ski House');
    const adminSide = await signedInPage(browser, server.url, admin, '/customers');
    const { page } = adminSide;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await usersTable(page).getByRole('row').filter({ hasText: admin.email }).getByText('(you)').waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'team-users-en-US');

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    // Nothing filled: each field says what it needs.
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await dialog.getByText('Choose at least one role.').waitFor();
    await dialog.getByLabel(/^Name/).fill('Kai Helpdesk');
    await dialog.getByLabel(/^Email/).fill('kai@alpine-ski.example');
    await dialog.getByRole('checkbox', { name: 'Helpdesk agent' }).check();
    await dialog.getByText('Search and view customers, edit their details, support them. Cannot add customers.').waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'team-add-user-en-US');
    await dialog.getByRole('button', { name: 'Add user' }).click();

    const shown = page.getByRole('dialog', { name: 'User added' });
    await shown.getByText('Copy the temporary password now.').waitFor();
    const password = await shown.getByRole('textbox', { name: 'Temporary password' }).inputValue();
    expect(password).toHaveLength(16);
    expect(await shown.getByRole('textbox', { name: 'Sign-in email' }).inputValue()).toBe('kai@alpine-ski.example');
    await screenshotBoth(page, 'team-temporary-password-en-US');
    await shown.getByRole('button', { name: 'Done' }).click();
    const row = usersTable(page).getByRole('row').filter({ hasText: 'kai@alpine-ski.example' });
    await row.getByText('Temporary password').waitFor();
    await row.getByText('Helpdesk agent').waitFor();
    await row.getByText('Never').waitFor();
    // Not offered on one's own row: deactivating oneself.
    const ownRow = usersTable(page).getByRole('row').filter({ hasText: admin.email });
    expect(await ownRow.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);

    // The helpdesk agent, in a browser of its own.
    const agentSide = await openPage(browser, server.url);
    await agentSide.page.goto('/customers');
    await signIn(agentSide.page, { email: 'kai@alpine-ski.example', password });
    await agentSide.page.waitForURL('**/account/password');
    const agent = agentSide.page;
    await agent.getByText('Your password was set by someone else. Choose a new one before you go on.').waitFor();
    // Nowhere else to go: no navigation.
    expect(await agent.getByRole('navigation').count()).toBe(0);
    await expectNoAxeViolations(agent);
    await screenshotBoth(agent, 'team-change-password-forced-en-US');
    // Typing another address is sent back here. (That page's data requests start beside the redirect, and are refused: 403101.)
    for (const path of ['/v1/customers', '/v1/customers/countries', '/v1/onboardings/drafts']) agentSide.expectError({ status: 403, path });
    await agent.goto('/customers');
    await agent.waitForURL('**/account/password');
    await agent.getByLabel(/^Current password/).fill(password);
    await agent.getByLabel(/^New password/).fill('short');
    await agent.getByRole('button', { name: 'Change password' }).click();
    await agent.getByText('Use at least 12 characters.').waitFor();
    await agent.getByLabel(/^New password/).fill('Kai-chose-this-1');
    await agent.getByRole('button', { name: 'Change password' }).click();
    await agent.waitForURL('**/customers');
    await agent.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await agent.getByRole('table', { name: 'Customers' }).getByText('Alpine Ski House Customer').waitFor();
    const nav = agent.getByRole('navigation');
    await nav.getByRole('link', { name: 'Customers' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Activity log' }).count()).toBe(0);
    expect(await agent.getByRole('link', { name: 'Add customer' }).count()).toBe(0);
    expect(await agent.getByRole('button', { name: 'Add customer' }).count()).toBe(0);
    // The Users page does not exist for it.
    await agent.goto('/settings/users');
    await agent.getByRole('heading', { name: 'Page not found' }).waitFor();

    // The admin sees the new user's sign-in, and deactivates it: its open page is signed out at once.
    await page.reload();
    await row.getByText('Temporary password').waitFor({ state: 'detached' });
    expect(await row.getByText('Never').count()).toBe(0);
    await row.getByRole('button', { name: 'Deactivate' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Deactivate Kai Helpdesk?' });
    await screenshotBoth(page, 'team-deactivate-en-US');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText('Deactivated').waitFor();
    await row.getByRole('button', { name: 'Reactivate' }).waitFor();

    agentSide.expectError({ status: 401, path: '/v1/customers' });
    await agent.goto('/customers');
    await agent.waitForURL('**/sign-in**');
    await signIn(agent, { email: 'kai@alpine-ski.example', password: 'Kai-chose-this-1' });
    // The same words as for a wrong password: a deactivated account is not told apart.
    await agent.getByText('The email or password is not right. Check them and try again.').waitFor();

    // Edit roles: the dialog with the user's roles checked.
    await row.getByRole('button', { name: 'Edit roles' }).click();
    const roles = page.getByRole('dialog', { name: 'Edit roles of Kai Helpdesk' });
    expect(await roles.getByRole('checkbox', { name: 'Helpdesk agent' }).isChecked()).toBe(true);
    await roles.getByRole('checkbox', { name: 'Billing admin' }).check();
    await screenshotBoth(page, 'team-edit-roles-en-US');
    await roles.getByRole('button', { name: 'Save roles' }).click();
    await roles.waitFor({ state: 'detached' });
    await row.getByText('Billing admin').waitFor();
    await row.getByText('Helpdesk agent').waitFor();

    adminSide.assertNoUnexpectedErrors();
    agentSide.assertNoUnexpectedErrors();
    await adminSide.close();
    await agentSide.close();
  });

  it('in zh-TW: the users page, adding a user, resetting a password, and changing one’s own from the Account page', async () => {
    const { partner, admin } = await organisation('Tailspin Toys TW');
    await createUser(server.db, { partnerId: partner.id, roles: ['sales_agent'], email: `sales-${partner.id.slice(0, 8)}@tailspin.example` });
    const watched = await signedInPage(browser, server.url, admin, '/settings/users', 'zh-TW');
    const { page } = watched;
    await page.getByRole('heading', { level: 1, name: '使用者' }).waitFor();
    await page.getByRole('table', { name: '使用者' }).getByText('銷售代理人').waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'team-users-zh-TW');

    await page.getByRole('button', { name: '新增使用者' }).click();
    const dialog = page.getByRole('dialog', { name: '新增使用者' });
    await dialog.getByLabel(/^姓名/).fill('林小美');
    await dialog.getByLabel(/^電子郵件/).fill('mei@tailspin.example');
    await dialog.getByRole('checkbox', { name: '帳務管理員' }).check();
    await screenshotBoth(page, 'team-add-user-zh-TW');
    await dialog.getByRole('button', { name: '新增使用者' }).click();
    const shown = page.getByRole('dialog', { name: '已新增使用者' });
    await shown.getByText('請立即複製暫時密碼。').waitFor();
    await screenshotBoth(page, 'team-temporary-password-zh-TW');
    await shown.getByRole('button', { name: '完成' }).click();

    const row = page.getByRole('table', { name: '使用者' }).getByRole('row').filter({ hasText: 'mei@tailspin.example' });
    await row.getByRole('button', { name: '重設密碼' }).click();
    const reset = page.getByRole('alertdialog', { name: '要重設 林小美 的密碼嗎？' });
    await screenshotBoth(page, 'team-reset-password-zh-TW');
    await reset.getByRole('button', { name: '重設密碼' }).click();
    await page.getByRole('alertdialog', { name: '已重設密碼' }).getByRole('textbox', { name: '暫時密碼' }).waitFor();
    await page.getByRole('button', { name: '完成' }).click();

    await page.getByRole('navigation').getByRole('link', { name: '帳戶' }).click();
    await page.getByRole('link', { name: '變更密碼' }).click();
    await page.waitForURL('**/account/password');
    await page.getByRole('heading', { level: 1, name: '變更密碼' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'team-change-password-zh-TW');
    await page.getByLabel(/^目前的密碼/).fill(admin.password);
    await page.getByLabel(/^新密碼/).fill('Tailspin-admin-2');
    await page.getByRole('button', { name: '變更密碼' }).click();
    await page.waitForURL('**/account');
    watched.assertNoUnexpectedErrors();
    await watched.close();

    // The new password signs in.
    const again = await signedInPage(browser, server.url, { email: admin.email, password: 'Tailspin-admin-2' }, '/customers', 'zh-TW');
    await again.page.getByRole('heading', { level: 1 }).waitFor();
    expect(SIGN_IN_LABELS['zh-TW'].submit).toBe('登入');
    await again.close();
  });

  it('the change password page in en-US from the Account page, and Users in zh-TW on a forced user', async () => {
    const { partner, admin } = await organisation('Wide World Importers');
    const watched = await signedInPage(browser, server.url, admin, '/account');
    await watched.page.getByRole('link', { name: 'Change password' }).click();
    await watched.page.waitForURL('**/account/password');
    await watched.page.getByText('Your other sessions are signed out; this one stays signed in.').waitFor();
    await screenshotBoth(watched.page, 'team-change-password-en-US');
    await watched.close();

    // A user whose password was reset, in zh-TW: the forced page.
    const forced = await createUser(server.db, { partnerId: partner.id, roles: ['admin_agent'] });
    await server.db.updateTable('partner_users').set({ must_change_password: true }).where('id', '=', forced.id).execute();
    const forcedSide = await openPage(browser, server.url, { locale: 'zh-TW' });
    await forcedSide.page.goto('/customers');
    await signIn(forcedSide.page, forced, SIGN_IN_LABELS['zh-TW']);
    await forcedSide.page.waitForURL('**/account/password');
    await forcedSide.page.getByText('您的密碼是由他人設定的。請先設定新密碼再繼續。').waitFor();
    await screenshotBoth(forcedSide.page, 'team-change-password-forced-zh-TW');
    forcedSide.assertNoUnexpectedErrors();
    await forcedSide.close();
  });
});
