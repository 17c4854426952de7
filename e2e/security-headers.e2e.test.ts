import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createPartner, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { launchBrowser, openPage, screenshot } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { signIn } from './helpers/wizard.ts';

/**
 * Issue 8: the portal and the API docs work under the server's Content-Security-Policy (scripts from
 * the server only, styles also inline for Fluent UI's runtime <style> elements, no framing). Every
 * `securitypolicyviolation` the page reports is collected, and a console error fails the test as in
 * every browser test (Chromium logs each refused load or inline style there too).
 */
type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let browser: Browser;
let account: { email: string; password: string };

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const partner = await createPartner(server.db, { kind: 'direct', name: 'Policy Partners' });
  account = await createUser(server.db, { partnerId: partner.id, roles: ['admin_agent'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Records the page's CSP violations from its first script on, across navigations. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('the Content-Security-Policy', () => {
  it('lets the portal render, sign in, style itself and switch language, with no violation', async () => {
    const { page, assertNoUnexpectedErrors, close } = await openPage(browser, server.url);
    const violations = await watchViolations(page);
    const document = await page.goto('/customers');
    expect(document?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signIn(page, account);
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    // Fluent's styles arrived: the primary button is filled, not a browser default grey.
    const addCustomer = page.getByRole('link', { name: 'Add customer' }).or(page.getByRole('button', { name: 'Add customer' })).first();
    await addCustomer.waitFor();
    expect(await addCustomer.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toMatch(/^rgba?\(0, 0, 0(, 0)?\)$|^rgb\(239, 239, 239\)$/);
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitemradio', { name: '繁體中文' }).click();
    await page.getByRole('heading', { level: 1, name: '客戶' }).waitFor();
    await page.goto('/customers/new');
    await page.locator('main').getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, 'csp-wizard', 'desktop');
    expect(await violations()).toEqual([]);
    assertNoUnexpectedErrors();
    await close();
  });

  it('lets the API docs at /docs render the operations, with no violation', async () => {
    const { page, assertNoUnexpectedErrors, close } = await openPage(browser, server.url);
    const violations = await watchViolations(page);
    const document = await page.goto('/docs/');
    expect(document?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: /Partnerdesk API/ }).waitFor();
    await page.getByText('/v1/customers', { exact: true }).first().waitFor();
    await screenshot(page, 'csp-docs', 'desktop');
    expect(await violations()).toEqual([]);
    assertNoUnexpectedErrors();
    await close();
  });
});
