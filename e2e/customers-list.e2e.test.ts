import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createCustomer, createPartner, createPartnership, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { axeViolations, launchBrowser, openPage, screenshot, screenshotBoth, VIEWPORTS, type WatchedPage } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface Account {
  email: string;
  password: string;
}

let server: Server;
let browser: Browser;
let direct: Account;
let provider: Account;
let bulk: Account;
let wingtip: { id: string; name: string };
let litware: { id: string; name: string };

/** [company, domain prefix, country, added on]: names whose search words sit inside other words. */
const directCustomers = [
  ['Northwind Traders', 'nwtraders', 'US', '2026-02-10T10:00:00Z'],
  ['Windy City Cafe', 'windycity', 'US', '2026-03-01T10:00:00Z'],
  ['Contoso Pharmacy', 'contosopharmacy', 'TW', '2025-11-20T10:00:00Z'],
  ['Adatum Bakery', 'adatum', 'TW', '2026-01-05T10:00:00Z'],
  ['Wide World Importers International Holdings Corporation', 'wideworldimportersintl', 'GB', '2025-12-24T10:00:00Z'],
  ['台北精品咖啡股份有限公司', 'taipeicoffee', 'TW', '2026-03-03T10:00:00Z'],
] as const;

async function addedOn(id: string, at: string) {
  await sql`update customers set created_at = ${at}::timestamptz where id = ${id}::uuid`.execute(server.db);
}

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);

  const fabrikam = await createPartner(server.db, { kind: 'direct', name: 'Fabrikam List Direct' });
  direct = await createUser(server.db, { partnerId: fabrikam.id, roles: ['sales_agent'] });
  for (const [companyName, domainPrefix, country, at] of directCustomers) {
    await addedOn((await createCustomer(server.db, { partnerIds: [fabrikam.id], companyName, domainPrefix, country })).id, at);
  }

  const tailspin = await createPartner(server.db, { kind: 'indirect_provider', name: 'Tailspin List Distribution' });
  const active = await createPartner(server.db, { kind: 'indirect_reseller', name: 'Wingtip List Resellers' });
  const inactive = await createPartner(server.db, { kind: 'indirect_reseller', name: 'Litware List Reselling' });
  await createPartnership(server.db, tailspin.id, active.id);
  await createPartnership(server.db, tailspin.id, inactive.id, 'inactive');
  wingtip = { id: active.id, name: active.name };
  litware = { id: inactive.id, name: inactive.name };
  provider = await createUser(server.db, { partnerId: tailspin.id, roles: ['admin_agent'] });
  await createCustomer(server.db, { partnerIds: [tailspin.id], companyName: 'Relecloud Clinic', domainPrefix: 'relecloudlist', resellerId: active.id });
  await createCustomer(server.db, { partnerIds: [tailspin.id], companyName: 'Lamna Healthcare', domainPrefix: 'lamnalist', resellerId: inactive.id });
  await createCustomer(server.db, { partnerIds: [tailspin.id], companyName: 'Proseware Direct Sale', domainPrefix: 'prosewarelist' });

  // More than a page (50), each added a minute after the one before, for Load more in date order.
  const many = await createPartner(server.db, { kind: 'direct', name: 'Bulk List Partner' });
  bulk = await createUser(server.db, { partnerId: many.id, roles: ['admin_agent'] });
  await sql`
    insert into customers (id, instance_id, commerce_id, company_name, domain, email, culture, language, billing_company_name,
                           first_name, last_name, address_line1, country, admin_password_hash, created_by_partner_id, created_at)
    select gen_random_uuid(), 'public', gen_random_uuid(), 'Bulk ' || lpad(n::text, 3, '0'), 'bulklist' || n || '.onmicrosoft.com',
           'it@bulk.example', 'en-US', 'en', 'Bulk', 'Dana', 'Whitfield', '1 Main Street', 'US', 'sha256$x', ${many.id}::uuid,
           timestamptz '2026-01-01' + n * interval '1 minute'
    from generate_series(1, 75) as n`.execute(server.db);
  await sql`insert into customer_relationships (customer_id, partner_id, origin) select id, ${many.id}::uuid, 'created' from customers where created_by_partner_id = ${many.id}::uuid`.execute(server.db);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(account: Account, locale: 'en-US' | 'zh-TW' = 'en-US', path = '/customers'): Promise<WatchedPage> {
  const watched = await openPage(browser, server.url, { locale });
  const { page } = watched;
  await page.goto(path);
  const labels = locale === 'zh-TW' ? { email: '電子郵件', password: '密碼', submit: '登入' } : { email: 'Email', password: 'Password', submit: 'Sign in' };
  await page.getByLabel(labels.email).fill(account.email);
  await page.getByLabel(labels.password).fill(account.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL((url) => url.pathname === new URL(path, server.url).pathname);
  return watched;
}

const companyNames = (page: Page, table = 'Customers') =>
  page.getByRole('table', { name: table }).getByRole('row').getByRole('link').allInnerTexts();

describe('customers list: search, sort, filters', () => {
  it('finds a word inside company names and domains, not only at the start', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct);
    await page.getByText('Showing 6 customers').waitFor();
    await page.getByLabel('Search customers').fill('wind');
    await page.getByText('Showing 2 customers').waitFor();
    expect(await companyNames(page)).toEqual(['Northwind Traders', 'Windy City Cafe']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('wind');

    await page.getByLabel('Search by').selectOption('Domain');
    await page.getByLabel('Search customers').fill('pharm');
    await expect.poll(() => companyNames(page)).toEqual(['Contoso Pharmacy']);

    // Nothing found says so, and offers the way back.
    await page.getByLabel('Search customers').fill('zzz');
    await page.getByRole('heading', { name: 'No customers match “zzz”' }).waitFor();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await page.getByText('Showing 6 customers').waitFor();
    await expect(page.getByLabel('Search customers').inputValue()).resolves.toBe('');
    assertNoUnexpectedErrors();
    await close();
  });

  it('sorts by name and by date added, both ways, from the Sort by list and the column headers', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct);
    const table = page.getByRole('table', { name: 'Customers' });
    await page.getByText('Showing 6 customers').waitFor();
    const byName = directCustomers.map(([name]) => name).sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : 1);
    expect(await companyNames(page)).toEqual(byName);
    await expect(table.getByRole('columnheader', { name: 'Company' }).getAttribute('aria-sort')).resolves.toBe('ascending');

    const byDate = [...directCustomers].sort((a, b) => (a[3] < b[3] ? 1 : -1)).map(([name]) => name);
    await page.getByLabel('Sort by').selectOption({ label: 'Date added, newest first' });
    await expect.poll(() => companyNames(page)).toEqual(byDate);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-createdAt');
    await expect(table.getByRole('columnheader', { name: 'Added on' }).getAttribute('aria-sort')).resolves.toBe('descending');

    // The header reverses the order it shows.
    await table.getByRole('columnheader', { name: 'Added on' }).getByRole('button').click();
    await expect.poll(() => companyNames(page)).toEqual([...byDate].reverse());
    await expect(page.getByLabel('Sort by').inputValue()).resolves.toBe('createdAt');
    await table.getByRole('columnheader', { name: 'Company' }).getByRole('button').click();
    await expect.poll(() => companyNames(page)).toEqual(byName);
    await table.getByRole('columnheader', { name: 'Company' }).getByRole('button').click();
    await expect.poll(() => companyNames(page)).toEqual([...byName].reverse());

    // A reload keeps the order.
    await page.reload();
    await page.getByText('Showing 6 customers').waitFor();
    expect(await companyNames(page)).toEqual([...byName].reverse());
    assertNoUnexpectedErrors();
    await close();
  });

  it('loads more in the chosen order, each customer once', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(bulk, 'en-US', '/customers?sort=-createdAt');
    await page.getByText('Showing 50 customers').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('Showing 75 customers').waitFor();
    const expected = Array.from({ length: 75 }, (_, i) => `Bulk ${String(75 - i).padStart(3, '0')}`);
    expect(await companyNames(page)).toEqual(expected);
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
    assertNoUnexpectedErrors();
    await close();
  });

  it('filters by country', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct);
    await page.getByText('Showing 6 customers').waitFor();
    const country = page.getByLabel('Country/region');
    await expect(country.locator('option').allInnerTexts()).resolves.toEqual(['All countries/regions', 'Taiwan', 'United Kingdom', 'United States']);
    await country.selectOption({ label: 'Taiwan' });
    await page.getByText('Showing 3 customers').waitFor();
    expect(await companyNames(page)).toEqual(['Adatum Bakery', 'Contoso Pharmacy', '台北精品咖啡股份有限公司']);
    expect(new URL(page.url()).searchParams.get('country')).toBe('TW');
    // With a search too.
    await page.getByLabel('Search customers').fill('bake');
    await page.getByText('Showing 1 customer', { exact: true }).waitFor();
    assertNoUnexpectedErrors();
    await close();
  });

  it("filters an indirect provider's customers by reseller, active or inactive", async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(provider);
    await page.getByText('Showing 3 customers').waitFor();
    const reseller = page.getByLabel('Indirect reseller', { exact: true });
    await expect(reseller.locator('option').allInnerTexts()).resolves.toEqual(['All indirect resellers', `${litware.name} (Inactive)`, wingtip.name]);
    await reseller.selectOption({ label: `${litware.name} (Inactive)` });
    await page.getByText('Showing 1 customer', { exact: true }).waitFor();
    expect(await companyNames(page)).toEqual(['Lamna Healthcare']);
    expect(new URL(page.url()).searchParams.get('reseller')).toBe(litware.id);
    await reseller.selectOption({ label: wingtip.name });
    await expect.poll(() => companyNames(page)).toEqual(['Relecloud Clinic']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBoth(page, 'customers-list-reseller-en-US');
    assertNoUnexpectedErrors();
    await close();
  });

  it('says all of it in Traditional Chinese', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(provider, 'zh-TW');
    await page.getByText('顯示 3 位客戶').waitFor();
    await expect(page.getByLabel('間接轉售商', { exact: true }).locator('option').allInnerTexts()).resolves.toEqual(['所有間接轉售商', `${litware.name}（非作用中）`, wingtip.name]);
    await page.getByLabel('排序方式').selectOption({ label: '新增日期，由新到舊' });
    await page.getByLabel('搜尋客戶').fill('zzz');
    await page.getByRole('heading', { name: '沒有符合「zzz」的客戶' }).waitFor();
    await page.getByRole('button', { name: '清除搜尋與篩選條件' }).waitFor();
    await page.getByLabel('搜尋客戶').fill('');
    await page.getByText('顯示 3 位客戶').waitFor();
    await screenshotBoth(page, 'customers-list-reseller-zh-TW');
    assertNoUnexpectedErrors();
    await close();
  });

  it('does not offer a reseller filter to a direct partner', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct);
    await page.getByText('Showing 6 customers').waitFor();
    await expect(page.getByLabel('Indirect reseller', { exact: true }).count()).resolves.toBe(0);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('customers list: Export CSV', () => {
  it('downloads every customer the search, filter and sort select, with a header row', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct);
    await page.getByText('Showing 6 customers').waitFor();
    await page.getByLabel('Search customers').fill('a');
    await page.getByLabel('Country/region').selectOption({ label: 'Taiwan' });
    await page.getByLabel('Sort by').selectOption({ label: 'Company name, Z to A' });
    await page.getByText('Showing 2 customers').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('customers.csv');
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Customer ID,Company name,Domain,Country/region,City,Primary contact,Email,Culture,Indirect reseller,Indirect reseller ID,Added on (UTC)');
    expect(lines.slice(1, -1).map((line) => line.split(',')[1])).toEqual(['Contoso Pharmacy', 'Adatum Bakery']);
    expect(lines.at(-1)).toBe('');
    assertNoUnexpectedErrors();
    await close();
  });

  it('holds more than the loaded page', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(bulk);
    await page.getByText('Showing 50 customers').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.split('\r\n').filter((line) => /,Bulk \d{3},/.test(line))).toHaveLength(75);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('customers list: layout', () => {
  it.each(['en-US', 'zh-TW'] as const)('fits a phone without cutting off or stacking a column one character per line (%s)', async (locale) => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(direct, locale);
    const tableName = locale === 'zh-TW' ? '客戶' : 'Customers';
    const table = page.getByRole('table', { name: tableName });
    await table.getByRole('link', { name: 'Wide World Importers International Holdings Corporation' }).waitFor();
    await screenshot(page, `customers-list-filters-${locale}`, 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize(VIEWPORTS.mobile);
    await page.waitForTimeout(150);
    await screenshot(page, `customers-list-filters-${locale}`, 'mobile');
    // Nothing wider than the screen: neither the page nor the table scrolls sideways.
    const widths = await page.evaluate((name) => {
      const tableElement = document.querySelector(`table[aria-label="${name}"]`)!;
      const region = tableElement.parentElement!;
      return { page: document.documentElement.scrollWidth, table: region.scrollWidth, region: region.clientWidth };
    }, tableName);
    expect(widths.page).toBeLessThanOrEqual(VIEWPORTS.mobile.width);
    expect(widths.table).toBeLessThanOrEqual(widths.region);
    // No text stacks a character or two per line: count the lines each piece of text takes.
    const stacked = await table.evaluate((element) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        if (text.length < 2) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
        if (lines > 1 && text.length / lines < 3) found.push(`${text} (${lines} lines)`);
      }
      return found;
    });
    expect(stacked).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    assertNoUnexpectedErrors();
    await close();
  });
});
