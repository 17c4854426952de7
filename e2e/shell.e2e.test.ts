import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createCustomer, createPartner, createPartnership, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { axeViolations, launchBrowser, openPage, screenshot, screenshotBoth, type WatchedPage } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface Account {
  email: string;
  password: string;
}

let server: Server;
let browser: Browser;
let direct: Account & { partnerName: string; customers: string[] };
let provider: Account & { resellerName: string };
let throttled: Account;

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer({ SIGN_IN_MAX_FAILURES: '3' }), launchBrowser()]);

  const directPartner = await createPartner(server.db, { kind: 'direct', name: 'Fabrikam Direct' });
  const directUser = await createUser(server.db, { partnerId: directPartner.id, roles: ['global_admin', 'admin_agent'], email: 'ada@fabrikam.example' });
  // 55 customers: more than one page of 50, so "Load more" has something to load.
  const customers: string[] = [];
  for (let i = 0; i < 55; i++) {
    const name = `${i % 2 === 0 ? 'Contoso' : 'Northwind'} Shop ${String(i).padStart(2, '0')}`;
    customers.push((await createCustomer(server.db, { partnerIds: [directPartner.id], companyName: name, country: i % 3 === 0 ? 'TW' : 'US' })).companyName);
  }
  direct = { ...directUser, partnerName: directPartner.name, customers };

  const providerPartner = await createPartner(server.db, { kind: 'indirect_provider', name: 'Tailspin Distribution' });
  const reseller = await createPartner(server.db, { kind: 'indirect_reseller', name: 'Wingtip Resellers' });
  await createPartnership(server.db, providerPartner.id, reseller.id);
  provider = { ...(await createUser(server.db, { partnerId: providerPartner.id, roles: ['admin_agent'] })), resellerName: reseller.name };

  throttled = await createUser(server.db, { partnerId: directPartner.id, roles: ['sales_agent'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a fresh browser context and signs in from the sign-in page. */
async function signedIn(account: Account, path = '/customers'): Promise<WatchedPage> {
  const watched = await openPage(browser, server.url);
  const { page } = watched;
  await page.goto(path);
  await signIn(page, account);
  await page.waitForURL((url) => url.pathname === path);
  return watched;
}

async function signIn(page: Page, account: Account) {
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('sign-in', () => {
  it('sends a visitor to sign-in and, with the right password, on to the customers they asked for', async () => {
    const { page, assertNoUnexpectedErrors, close } = await openPage(browser, server.url);
    await page.goto('/customers');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/customers');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ state: 'visible' });
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'sign-in');

    await signIn(page, direct);
    await page.waitForURL((url) => url.pathname === '/customers');
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    const table = page.getByRole('table', { name: 'Customers' });
    await table.waitFor();
    // The shell: product, partner organisation, navigation.
    await page.getByRole('banner').getByText('Partnerdesk').waitFor({ state: 'visible' });
    await page.getByRole('banner').getByText(direct.partnerName).waitFor({ state: 'visible' });
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Customers' }).getAttribute('aria-current')).resolves.toBe('page');
    await nav.getByRole('link', { name: 'Account' }).waitFor({ state: 'visible' });
    expect(await table.getByRole('row').count()).toBe(1 + 50);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'customers');
    assertNoUnexpectedErrors();
    await close();
  });

  it('shows field errors, a wrong password, and throttling with when to try again', async () => {
    const { page, expectError, assertNoUnexpectedErrors, close } = await openPage(browser, server.url);
    expectError({ status: 401, path: '/api/session' });
    expectError({ status: 429, path: '/api/session' });
    await page.goto('/sign-in');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter an email address such as name@example.com.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBe('true');

    for (let attempt = 0; attempt < 3; attempt++) {
      await signIn(page, { email: throttled.email, password: `wrong-${attempt}` });
      await page.getByRole('alert').filter({ hasText: 'The email or password is not right.' }).waitFor();
    }
    await signIn(page, throttled);
    await page.getByRole('alert').filter({ hasText: /Too many sign-in attempts\. Try again in \d+ (seconds?|minutes?|hours?)\./ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshotBoth(page, 'sign-in-throttled');
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('customers', () => {
  it('loads the next page through the continuation and searches by name and domain', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct);
    const table = page.getByRole('table', { name: 'Customers' });
    await page.getByText('Showing 50 customers').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('Showing 55 customers').waitFor();
    expect(await table.getByRole('row').count()).toBe(1 + 55);
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);

    await page.getByLabel('Search customers').fill('northwind shop 1');
    await page.getByText('Showing 5 customers').waitFor(); // 11, 13, 15, 17, 19
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows.slice(1).every((row) => row.startsWith('Northwind Shop 1'))).toBe(true);

    await page.getByLabel('Search customers').fill('no such company');
    await page.getByRole('heading', { name: 'No customers match “no such company”' }).waitFor();
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('language', () => {
  it('switches to 繁體中文 and keeps it after a reload', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct);
    // The page whole first: a menu opened while the page still arrives is closed when it takes the focus.
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitemradio', { name: '繁體中文' }).click();
    const nav = page.getByRole('navigation', { name: '主要導覽' });
    await nav.getByRole('link', { name: '客戶' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-TW');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '客戶' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-TW');
    await nav.getByRole('link', { name: '帳戶' }).waitFor({ state: 'visible' });
    await page.getByRole('columnheader', { name: '新增日期' }).waitFor({ state: 'visible' });
    await screenshotBoth(page, 'customers-zh-TW');
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('navigation by partner kind', () => {
  it('shows Indirect resellers to an indirect provider, with its resellers', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(provider);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Indirect resellers' }).click();
    await page.waitForURL((url) => url.pathname === '/resellers');
    const table = page.getByRole('table', { name: 'Indirect resellers' });
    const row = table.getByRole('row').filter({ hasText: provider.resellerName });
    await row.waitFor();
    await row.getByText('Active').waitFor({ state: 'visible' });
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'resellers');
    assertNoUnexpectedErrors();
    await close();
  });

  it('does not show Indirect resellers to a direct partner', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Customers' }).waitFor();
    await expect(nav.getByRole('link', { name: 'Indirect resellers' }).count()).resolves.toBe(0);
    assertNoUnexpectedErrors();
    await close();
  });

  it('opens the navigation from the menu button on a phone', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(provider);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'Indirect resellers' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'navigation-open', 'mobile');
    await page.getByRole('link', { name: 'Account' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('account', () => {
  it('shows who I am, creates an API token shown once, and revokes it', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    const profile = page.getByRole('region', { name: 'Your profile' });
    await profile.getByText(direct.email).waitFor();
    await expect(profile.getByText(/Global admin/).textContent()).resolves.toMatch(/Admin agent/);
    await profile.getByText('Direct-bill partner').waitFor({ state: 'visible' });
    await page.getByText('No API tokens').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Give the token a name.').waitFor();
    await dialog.getByLabel('Name').fill('Billing export');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Copy the token now.').waitFor();
    const token = await dialog.getByLabel('API token Billing export').inputValue();
    expect(token.length).toBeGreaterThan(20);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'account-token-created');

    // The token works against the API...
    const withToken = await fetch(`${server.url}/v1/customers?size=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);

    // ...and is never shown again.
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: 'Billing export' });
    await row.waitFor();
    expect(await page.content()).not.toContain(token);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'account');

    await row.getByRole('button', { name: 'Revoke token Billing export' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke “Billing export”?' });
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('No API tokens').waitFor();
    const revoked = await fetch(`${server.url}/v1/customers?size=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status).toBe(401);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('account tokens from sign-in', () => {
  it('lists a token from POST /v1/auth/token beside personal ones, and revokes it at once', async () => {
    const issued = await fetch(`${server.url}/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: provider.email, password: provider.password }),
    });
    const { access_token: token } = (await issued.json()) as { access_token: string };
    const { page, assertNoUnexpectedErrors, close } = await signedIn(provider, '/account');
    const row = page.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: 'From sign-in (POST /v1/auth/token)' });
    await row.waitFor();
    expect(await page.content()).not.toContain(token);
    await row.getByRole('button', { name: 'Revoke token access token' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke “access token”?' });
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('No API tokens').waitFor();
    expect((await fetch(`${server.url}/v1/customers?size=1`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('sign-out', () => {
  it('signs out from the user menu and the pages need a new sign-in', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct, '/account');
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    await page.goto('/customers');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/customers');
    assertNoUnexpectedErrors();
    await close();
  });
});
