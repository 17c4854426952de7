/**
 * Issue 7 (drafts): a change made just before a reload or a closed tab is not lost (the wizard saves
 * on page hide, with keepalive), on a new wizard as on a saved draft; and the Customers page's list of
 * drafts names each one by its company name, with its domain, country and when it is deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createPartner, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createTemplate, uniquePrefix } from '#test/integration/onboarding-fixtures.ts';
import { axeViolations, launchBrowser, openPage, screenshotBoth, type WatchedPage } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';

type Account = Awaited<ReturnType<typeof createUser>>;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let agent: Account;

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const partner = await createPartner(server.db, { kind: 'direct', name: 'Contoso Direct', markets: ['US'] });
  agent = await createUser(server.db, { partnerId: partner.id, roles: ['sales_agent'] });
  await createTemplate(server.db, { versionRank: 1 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(account: Account, path: string, locale = 'en-US'): Promise<WatchedPage> {
  const watched = await openPage(browser, server.url, { locale });
  await watched.page.emulateMedia({ reducedMotion: 'reduce' });
  await watched.page.goto(path);
  const zh = locale === 'zh-TW';
  await watched.page.getByLabel(zh ? '電子郵件' : 'Email').fill(account.email);
  await watched.page.getByLabel(zh ? '密碼' : 'Password').fill(account.password);
  await watched.page.getByRole('button', { name: zh ? '登入' : 'Sign in' }).click();
  await watched.page.waitForURL((url) => url.pathname.startsWith(path));
  return watched;
}

/** A field by its whole label (a required field's label ends in an asterisk). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*\\*?$`));

const draftOf = (page: Page) => new URL(page.url()).searchParams.get('draft');

async function storedDraft(id: string) {
  return server.db.selectFrom('onboarding_drafts').select(['data', 'version']).where('id', '=', id).where('user_id', '=', agent.id).executeTakeFirst();
}

describe('a change just before the page goes is kept', () => {
  it('on a new wizard: typed, reloaded at once, still there (the first save is the keepalive one)', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(agent, '/customers/new/account');
    await field(page, 'Company name').waitFor();
    await field(page, 'Company name').fill('Relecloud Labs');
    // No waiting for the second's autosave: the reload comes at once.
    await page.reload();
    const id = draftOf(page);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => field(page, 'Company name').inputValue()).toBe('Relecloud Labs');
    expect((await storedDraft(id!))?.data).toMatchObject({ companyName: 'Relecloud Labs' });
    assertNoUnexpectedErrors();
    await close();
  });

  it('on a saved draft: the next change, reloaded at once, and then a closed tab', async () => {
    const prefix = uniquePrefix('rl');
    const { page, assertNoUnexpectedErrors, close } = await signedIn(agent, '/customers/new/account');
    await field(page, 'Company name').fill('Fourth Coffee');
    await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
    const id = draftOf(page)!;
    const saved = await storedDraft(id);
    expect(saved?.data).toMatchObject({ companyName: 'Fourth Coffee' });

    await field(page, 'Address line 1').fill('1 Microsoft Way');
    await page.reload();
    await expect.poll(() => field(page, 'Address line 1').inputValue()).toBe('1 Microsoft Way');
    await expect(field(page, 'Company name').inputValue()).resolves.toBe('Fourth Coffee');
    expect(draftOf(page)).toBe(id);
    // The keepalive save carried the version it replaced (If-Match), the CSRF token and the session.
    expect((await storedDraft(id))?.version).toBe(saved!.version + 1);

    await field(page, 'Domain').fill(prefix);
    await page.close({ runBeforeUnload: true });
    await expect.poll(async () => ((await storedDraft(id))?.data as { domain?: string } | undefined)?.domain).toBe(prefix);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('the drafts list on the Customers page', () => {
  it('names each draft by its company name, with domain, country, step, last save and the date it is deleted', async () => {
    const prefix = uniquePrefix('nw');
    const wizard = await signedIn(agent, '/customers/new/account');
    await field(wizard.page, 'Company name').fill('Northwind Traders');
    await field(wizard.page, 'Domain').fill(prefix);
    await wizard.page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
    const id = draftOf(wizard.page)!;
    wizard.assertNoUnexpectedErrors();
    await wizard.close();

    for (const locale of ['en-US', 'zh-TW'] as const) {
      const { page, assertNoUnexpectedErrors, close } = await signedIn(agent, '/customers', locale);
      const zh = locale === 'zh-TW';
      const drafts = page.getByRole('region', { name: zh ? '未完成的客戶' : 'Unfinished customers' });
      const item = drafts.getByRole('listitem').filter({ hasText: 'Northwind Traders' });
      await item.waitFor();
      const text = await item.innerText();
      expect(text).not.toContain(zh ? '未命名的草稿' : 'Untitled draft');
      expect(text).toContain(`${prefix}.onmicrosoft.com · ${zh ? '美國' : 'United States'}`);
      const expires = await item.locator('time').nth(1).getAttribute('datetime');
      expect(new Date(expires!).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
      expect(text).toContain(zh ? '保留至' : 'kept until');
      await expect(drafts.getByRole('link', { name: zh ? '繼續 Northwind Traders' : 'Resume Northwind Traders' }).getAttribute('href')).resolves.toBe(`/customers/new/account?draft=${id}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshotBoth(page, `drafts-list-${locale}`);
      assertNoUnexpectedErrors();
      await close();
    }
  });
});
