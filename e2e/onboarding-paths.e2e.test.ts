/**
 * The add-customer wizard on the paths people really take (issue: "Add a new customer, as people really
 * use it"): whatever path leads to a successful Submit shows the one-time credentials, exactly once;
 * who may not add customers is told why before any form and gets no draft; errors go when their entries
 * are fixed; the Cancel dialog by keyboard. At 1280×800 and 390×844, in en-US and zh-TW. One server over
 * a fresh database; every partner, user and offer is made here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createPartner, createPartnership, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createOffer, createTemplate } from '#test/integration/onboarding-fixtures.ts';
import { launchBrowser, VIEWPORTS, type ViewportName } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { chooseOffer, EN, expectNoAxeViolations, field, fillAccount, newCustomer, screenshotBoth, signedInPage, toStep, ZH, type Account } from './helpers/wizard.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
let browser: Browser;
const users = {} as Record<'sales' | 'adminAgent' | 'helpdesk' | 'billing' | 'reseller' | 'unvalidatedGov', Account>;
const organisations = { contoso: 'Contoso Paths', reseller: 'Northwind Paths', gov: 'Litware Gov Paths' };
const OFFER = 'Business Premium Paths';

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.db;
  const contoso = await createPartner(db, { kind: 'direct', name: organisations.contoso, markets: ['US'] });
  users.sales = await createUser(db, { partnerId: contoso.id, roles: ['sales_agent'] });
  users.adminAgent = await createUser(db, { partnerId: contoso.id, roles: ['admin_agent'] });
  users.helpdesk = await createUser(db, { partnerId: contoso.id, roles: ['helpdesk_agent'] });
  users.billing = await createUser(db, { partnerId: contoso.id, roles: ['billing_admin'] });
  const provider = await createPartner(db, { kind: 'indirect_provider', name: 'Fabrikam Paths', markets: ['US'] });
  const reseller = await createPartner(db, { kind: 'indirect_reseller', name: organisations.reseller, markets: ['US'] });
  await createPartnership(db, provider.id, reseller.id);
  users.reseller = await createUser(db, { partnerId: reseller.id, roles: ['global_admin'] });
  const gov = await createPartner(db, { kind: 'direct', instance: 'usgov', name: organisations.gov, markets: ['US'], usgovValidated: false });
  users.unvalidatedGov = await createUser(db, { partnerId: gov.id, roles: ['global_admin'] });
  await createOffer(db, { name: OFFER, category: 'small_business', min: 1, max: 300, markets: [{ country: 'US', currency: 'USD', listPrice: 22 }] });
  await createTemplate(db, { versionRank: 1 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const TEXT = {
  'en-US': {
    labels: EN,
    nextSubscriptions: 'Next: Subscriptions',
    nextReview: 'Next: Review',
    updateAccount: 'Update: Account info',
    submit: 'Submit',
    added: 'Customer added',
    password: 'Temporary password',
    adminUser: 'Admin user',
    quantity: (offer: string) => `Number of licenses for ${offer}`,
    gone: 'These details are no longer available',
    wasAdded: (name: string) => `${name} was added`,
    cannotAdd: 'You cannot add customers',
    fix: /Fix (\d+) entries before you continue/,
  },
  'zh-TW': {
    labels: ZH,
    nextSubscriptions: '下一步：訂閱',
    nextReview: '下一步：檢閱',
    updateAccount: '更新: 帳戶資訊',
    submit: '提交',
    added: '已新增客戶',
    password: '暫時密碼',
    adminUser: '系統管理員使用者',
    quantity: (offer: string) => `${offer} 的授權數量`,
    gone: '這些資料已無法再顯示',
    wasAdded: (name: string) => `已新增 ${name}`,
    cannotAdd: '您無法新增客戶',
    fix: /請先修正 (\d+) 個項目再繼續/,
  },
} as const;
type Locale = keyof typeof TEXT;

async function open(account: Account, locale: Locale, viewport: ViewportName, path = '/customers/new') {
  const watched = await signedInPage(browser, server.url, account, path, locale);
  await watched.page.setViewportSize(VIEWPORTS[viewport]);
  return watched;
}

/** Account info and one subscription, up to Review. */
async function fillToReview(page: Page, locale: Locale, company: string) {
  const text = TEXT[locale];
  await toStep(page, 'account');
  const customer = newCustomer(company);
  await fillAccount(page, customer, text.labels);
  await page.getByRole('button', { name: text.nextSubscriptions }).click();
  await toStep(page, 'subscriptions');
  await chooseOffer(page, OFFER, 3, text.quantity);
  await page.getByRole('button', { name: text.nextReview }).click();
  await toStep(page, 'review');
  return customer;
}

async function submitAndReadPassword(page: Page, locale: Locale, prefix: string): Promise<string> {
  const text = TEXT[locale];
  const submit = page.getByRole('button', { name: text.submit });
  await expect.poll(() => submit.isEnabled(), { timeout: 15_000 }).toBe(true);
  await submit.click();
  await toStep(page, 'done');
  await page.getByRole('heading', { level: 1, name: text.added }).waitFor();
  await expect(field(page, text.adminUser).inputValue()).resolves.toBe(`admin@${prefix}.onmicrosoft.com`);
  const password = await field(page, text.password).inputValue();
  expect(password.length).toBeGreaterThanOrEqual(12);
  return password;
}

const PATHS = {
  /** Review → Update (Account info) → one Next → Submit. */
  async update(page: Page, locale: Locale) {
    const text = TEXT[locale];
    await page.getByRole('button', { name: text.updateAccount }).click();
    await toStep(page, 'account');
    await page.getByRole('button', { name: text.nextReview }).click();
    await toStep(page, 'review');
  },
  /** The browser's Back, then Forward, back on Review. */
  async backForward(page: Page) {
    await page.goBack();
    await toStep(page, 'subscriptions');
    await page.goForward();
    await toStep(page, 'review');
  },
  /** A reload on Review: the draft in the address brings everything back. */
  async reload(page: Page) {
    await page.getByRole('status').filter({ hasText: /Draft saved|已儲存草稿/ }).waitFor();
    await page.reload();
    await toStep(page, 'review');
  },
};

describe('the one-time credentials', () => {
  const cases = (['update', 'backForward', 'reload'] as const).flatMap((path) => [
    { path, locale: 'en-US' as const, viewport: 'desktop' as const },
    { path, locale: 'zh-TW' as const, viewport: 'mobile' as const },
  ]);

  it.each(cases)('are shown after $path, then Submit ($locale, $viewport)', async ({ path, locale, viewport }) => {
    const { page, assertNoUnexpectedErrors, close } = await open(users.sales, locale, viewport);
    const customer = await fillToReview(page, locale, `Paths ${path} ${viewport}`);
    await PATHS[path](page, locale);
    const password = await submitAndReadPassword(page, locale, customer.prefix);
    await screenshotBoth(page, `paths-done-${path}-${locale}`);
    expect(page.url()).not.toContain(password);
    assertNoUnexpectedErrors();
    await close();
  });

  it('are shown once: Back after Submit says the customer was added, and the confirmation is gone afterwards', async () => {
    const { page, assertNoUnexpectedErrors, close } = await open(users.sales, 'en-US', 'desktop');
    const customer = await fillToReview(page, 'en-US', 'Paths Once');
    const password = await submitAndReadPassword(page, 'en-US', customer.prefix);

    // Back from the confirmation: not an empty step, but what became of the wizard.
    await page.goBack();
    await page.getByText(TEXT['en-US'].wasAdded(customer.company), { exact: true }).waitFor();
    await expect(page.getByRole('checkbox').count()).resolves.toBe(0);
    expect(await page.content()).not.toContain(password);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'paths-back-after-submit');

    // Forward to the confirmation: shown once, so gone now; a sales agent is told who can reset it.
    await page.goForward();
    await toStep(page, 'done');
    await page.getByText(TEXT['en-US'].gone).waitFor();
    await page.getByText(/ask a global admin, admin agent or helpdesk agent of Contoso Paths/).waitFor();
    expect(await page.content()).not.toContain(password);
    await page.getByRole('link', { name: `Open ${customer.company}` }).click();
    await page.waitForURL((url) => /^\/customers\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: customer.company }).waitFor();
    assertNoUnexpectedErrors();
    await close();
  });

  it('lost with the page: an admin agent is sent to the customer to reset the admin password', async () => {
    const { page, assertNoUnexpectedErrors, close } = await open(users.adminAgent, 'zh-TW', 'mobile');
    const customer = await fillToReview(page, 'zh-TW', 'Paths Lost');
    await submitAndReadPassword(page, 'zh-TW', customer.prefix);
    // The tab crashed or was reloaded: the memory is gone, the address and its history entry stay.
    await page.reload();
    await page.getByText(TEXT['zh-TW'].gone).waitFor();
    await page.getByText('若要取得新的暫時密碼，請開啟此客戶並選擇「重設系統管理員密碼」。').waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'paths-gone-admin-agent-zh');
    await page.getByRole('link', { name: `開啟 ${customer.company}` }).click();
    await page.getByRole('button', { name: /重設系統管理員密碼/ }).waitFor();
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('who may not add customers', () => {
  const cases = [
    { who: 'a helpdesk agent', user: 'helpdesk', reason: /Your roles \(Helpdesk agent\) do not include adding customers/, locale: 'en-US', viewport: 'desktop' },
    { who: 'a billing admin', user: 'billing', reason: /您的角色（帳務管理員）不包含新增客戶/, locale: 'zh-TW', viewport: 'mobile' },
    { who: 'an indirect reseller', user: 'reseller', reason: /Northwind Paths is an indirect reseller: its indirect provider adds new customers/, locale: 'en-US', viewport: 'mobile' },
    { who: 'an unvalidated US Government partner', user: 'unvalidatedGov', reason: /Litware Gov Paths 尚未通過 Microsoft Cloud for US Government 驗證/, locale: 'zh-TW', viewport: 'desktop' },
  ] as const;

  it.each(cases)('$who is told why before any form, and gets no draft ($locale, $viewport)', async ({ user, reason, locale, viewport }) => {
    const { page, assertNoUnexpectedErrors, close } = await open(users[user], locale, viewport, '/customers/new/account');
    const draftWrites: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/v1/onboardings')) draftWrites.push(request.url());
    });
    await page.getByText(TEXT[locale].cannotAdd).waitFor();
    await page.getByText(reason).waitFor();
    // No form to fill in, and nothing saved.
    await expect(page.getByRole('textbox').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: TEXT[locale].nextSubscriptions }).count()).resolves.toBe(0);
    await page.waitForTimeout(1500); // longer than the autosave's delay
    expect(draftWrites).toEqual([]);
    const drafts = await page.request.get('/v1/onboardings/drafts');
    expect(((await drafts.json()) as { items: unknown[] }).items).toEqual([]);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, `paths-denied-${user}`);

    // The Customers page offers no Add customer to them either.
    await page.goto('/customers');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(page.getByRole('link', { name: /^(Add customer|新增客戶)$/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^(Add customer|新增客戶)$/ }).count()).resolves.toBe(0);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('errors follow the entries', () => {
  it.each([
    { locale: 'en-US' as const, viewport: 'desktop' as const },
    { locale: 'zh-TW' as const, viewport: 'mobile' as const },
  ])('an early Next, then the contact typed: the copied signer fields and the summary clear ($locale, $viewport)', async ({ locale, viewport }) => {
    const text = TEXT[locale];
    const { page, assertNoUnexpectedErrors, close } = await open(users.sales, locale, viewport);
    await toStep(page, 'account');
    await page.getByRole('button', { name: text.nextSubscriptions }).click();
    const summary = page.getByRole('alert').filter({ hasText: text.fix });
    await summary.waitFor();
    const signerFirst = page.getByLabel(locale === 'en-US' ? /^Signer’s first name/ : /^簽署人名字/);
    await expect(signerFirst.getAttribute('aria-invalid')).resolves.toBe('true');
    const countOf = async () => Number(text.fix.exec((await summary.textContent()) ?? '')?.[1]);
    const before = await countOf();
    expect(before).toBeGreaterThan(4);

    // Each counted entry is a link to its field.
    await summary.getByRole('link', { name: text.labels.company }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('companyName');

    await field(page, text.labels.first).fill('Dana');
    await field(page, text.labels.last).fill('Whitfield');
    await field(page, text.labels.email).fill('dana@fourthcoffee.example');
    // The signer follows the contact: its fields are no longer wrong, and the summary counts them out.
    await expect.poll(() => signerFirst.getAttribute('aria-invalid')).not.toBe('true');
    await expect.poll(countOf).toBe(before - 6);
    await screenshotBoth(page, `paths-errors-${locale}`);
    assertNoUnexpectedErrors();
    await close();
  });

  it('a deep link to Review with nothing entered lands on Account info, its stepper unticked', async () => {
    const { page, assertNoUnexpectedErrors, close } = await open(users.sales, 'en-US', 'desktop', '/customers/new/review');
    await toStep(page, 'account');
    const steps = page.getByRole('navigation', { name: 'Steps' });
    await expect(steps.locator('[aria-current="step"]').textContent()).resolves.toContain('Account info');
    await expect(page.getByRole('button', { name: 'Submit' }).count()).resolves.toBe(0);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('the Cancel dialog by keyboard', () => {
  it('opens on the safe choice, keeps the focus inside on Escape, and Keep editing keeps the entries', async () => {
    const { page, assertNoUnexpectedErrors, close } = await open(users.sales, 'en-US', 'desktop');
    await toStep(page, 'account');
    await field(page, EN.company).fill('Keyboard Cancel');
    const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
    await cancel.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Discard this customer?' });
    await dialog.waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toBe('Keep editing');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await expect(dialog.isVisible()).resolves.toBe(true);
    // Tab stays inside the dialog.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      await expect(dialog.evaluate((element) => element.contains(document.activeElement))).resolves.toBe(true);
    }
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'paths-cancel-dialog');
    await dialog.getByRole('button', { name: 'Keep editing' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect(field(page, EN.company).inputValue()).resolves.toBe('Keyboard Cancel');
    // Back where the keyboard left: on Cancel.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    assertNoUnexpectedErrors();
    await close();
  });
});
