/**
 * The add-customer wizard in the portal (SPEC §3): every step, in both languages, by keyboard, with
 * axe on each step and screenshots at both sizes. One server over a fresh database; the partners,
 * offers and agreement are created here (no seed data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createCustomer, createPartner, createPartnership, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createOffer, createTemplate, uniquePrefix } from '#test/integration/onboarding-fixtures.ts';
import { launchBrowser } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { chooseOffer, draftSaved, EN, expectNoAxeViolations, field, fillAccount, newCustomer, screenshotBoth, signedInPage, signIn, toStep, ZH, type Account } from './helpers/wizard.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let browser: Browser;
let contoso: Account;
let fabrikam: Account;
let reseller: { id: string; name: string };
let inactiveReseller: { name: string };
let takenPrefix: string;
let elsewherePrefix: string;
const offers = { basic: 'Business Basic', standard: 'Business Standard', e3: 'Enterprise E3' };
let agreementLink: string;

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.db;

  const contosoPartner = await createPartner(db, { kind: 'direct', name: 'Contoso Direct', markets: ['US'] });
  contoso = await createUser(db, { partnerId: contosoPartner.id, roles: ['sales_agent'] });

  const fabrikamPartner = await createPartner(db, { kind: 'indirect_provider', name: 'Fabrikam Distribution', markets: ['US', 'CA'] });
  fabrikam = await createUser(db, { partnerId: fabrikamPartner.id, roles: ['sales_agent'] });
  const wingtip = await createPartner(db, { kind: 'indirect_reseller', name: 'Wingtip Resellers' });
  await createPartnership(db, fabrikamPartner.id, wingtip.id);
  reseller = { id: wingtip.id, name: wingtip.name };
  const dormant = await createPartner(db, { kind: 'indirect_reseller', name: 'Dormant Resellers' });
  await createPartnership(db, fabrikamPartner.id, dormant.id, 'inactive');
  inactiveReseller = { name: dormant.name };

  await createOffer(db, { name: offers.basic, category: 'small_business', min: 1, max: 300, markets: [{ country: 'US', currency: 'USD', listPrice: 6 }] });
  await createOffer(db, { name: offers.standard, category: 'small_business', min: 1, max: 300, markets: [{ country: 'US', currency: 'USD', listPrice: 12.5 }] });
  await createOffer(db, { name: offers.e3, category: 'enterprise', min: 5, max: 500, markets: [{ country: 'US', currency: 'USD', listPrice: 23 }] });
  await createTemplate(db, { versionRank: 1 });
  agreementLink = (await createTemplate(db, { versionRank: 2 })).link;

  takenPrefix = uniquePrefix('taken');
  await createCustomer(db, { partnerIds: [contosoPartner.id], domainPrefix: takenPrefix, companyName: 'Taken Company' });
  elsewherePrefix = uniquePrefix('else');
  await createCustomer(db, { partnerIds: [fabrikamPartner.id], domainPrefix: elsewherePrefix, companyName: 'Elsewhere Company' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signedIn = (account: Account, path = '/customers/new', locale = 'en-US') => signedInPage(browser, server.url, account, path, locale);

describe('add a customer', () => {
  it('as a direct partner with two offers, end to end, with axe and screenshots on every step', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(contoso);
    await toStep(page, 'account');
    await page.getByRole('heading', { level: 1, name: 'Add customer' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Steps' }).locator('[aria-current="step"]').textContent()).resolves.toContain('Account info');
    // One market: the country is fixed.
    await expect(field(page, 'Country/region').inputValue()).resolves.toBe('United States');
    await expect(field(page, 'Country/region').getAttribute('readonly')).resolves.not.toBeNull();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-1-account-empty');

    const customer = newCustomer('Northwind Traders');
    await fillAccount(page, customer);
    // The signer follows the primary contact, and the agreement links to the latest version.
    await expect(field(page, 'Signer’s first name').inputValue()).resolves.toBe(customer.first);
    await expect(field(page, 'Signer’s email address').inputValue()).resolves.toBe(`it@${customer.prefix}.example`);
    await expect(page.getByRole('link', { name: /Read the Microsoft Customer Agreement/ }).getAttribute('href')).resolves.toBe(agreementLink);
    await expect(field(page, 'Language').inputValue()).resolves.toBe('en');
    await expect(field(page, 'Culture').inputValue()).resolves.toBe('en-US');
    await draftSaved(page);
    expect(new URL(page.url()).searchParams.get('draft')).toMatch(/^[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-2-account-filled');

    await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
    await toStep(page, 'subscriptions');
    await page.getByRole('checkbox', { name: offers.basic }).waitFor();
    // Categories as tabs.
    await page.getByRole('tab', { name: 'Enterprise' }).click();
    await expect(page.getByRole('checkbox', { name: offers.basic }).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'All', exact: true }).click();
    await chooseOffer(page, offers.basic, 10);
    await chooseOffer(page, offers.standard, 4);
    // 10 × $6 + 4 × $12.50
    await page.getByText('$110.00').first().waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-3-subscriptions');

    await page.getByRole('button', { name: 'Next: Review' }).click();
    await toStep(page, 'review');
    const submit = page.getByRole('button', { name: 'Submit' });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await page.getByText(customer.company, { exact: true }).waitFor();
    await page.getByText(`${customer.prefix}.onmicrosoft.com`).waitFor();
    const table = page.getByRole('table', { name: 'Subscriptions to order' });
    await table.getByRole('row').filter({ hasText: offers.basic }).filter({ hasText: '$60.00' }).waitFor();
    await table.getByRole('row').filter({ hasText: 'Estimated monthly total' }).filter({ hasText: '$110.00' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-4-review');

    // Submit once: the button is disabled while the request runs.
    let submissions = 0;
    const requestIds: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/onboardings') {
        submissions++;
        requestIds.push(request.headers()['ms-requestid'] ?? '');
      }
    });
    await submit.click();
    await toStep(page, 'done');
    expect(submissions).toBe(1);
    expect(requestIds[0]).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Customer added' }).waitFor();
    await page.getByText('Copy these details now').waitFor();
    await expect(field(page, 'Domain').inputValue()).resolves.toBe(`${customer.prefix}.onmicrosoft.com`);
    await expect(field(page, 'Admin user').inputValue()).resolves.toBe(`admin@${customer.prefix}.onmicrosoft.com`);
    const password = await field(page, 'Temporary password').inputValue();
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await field(page, 'Customer ID').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByRole('button', { name: 'Copy', exact: true }).count()).resolves.toBe(4);
    await page.getByRole('button', { name: 'Copy all' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-5-done');

    // Never in the address or the browser's storage.
    expect(page.url()).not.toContain(password);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(password);

    await page.getByRole('link', { name: 'Done' }).click();
    await page.waitForURL((url) => url.pathname === '/customers');
    await page.getByRole('row').filter({ hasText: customer.company }).waitFor();

    // Back to the confirmation: the password is gone for good.
    await page.goBack();
    await toStep(page, 'done');
    await page.getByText('These details are no longer available').waitFor();
    expect(await page.content()).not.toContain(password);
    await page.reload();
    await page.getByText('These details are no longer available').waitFor();
    expect(await page.content()).not.toContain(password);
    await expectNoAxeViolations(page);
    assertNoUnexpectedErrors();
    await close();
  });

  it('as an indirect provider with a preselected reseller, in 繁體中文', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(fabrikam, `/customers/new?reseller=${reseller.id}`, 'zh-TW');
    await toStep(page, 'account');
    await page.getByRole('heading', { level: 1, name: '新增客戶' }).waitFor();
    const resellerSelect = page.getByRole('combobox', { name: '間接轉售商' });
    await expect.poll(() => resellerSelect.inputValue()).toBe(reseller.id);
    // Only active resellers are offered.
    await expect(resellerSelect.locator('option').allTextContents()).resolves.not.toContain(expect.stringContaining(inactiveReseller.name));
    // Two markets: the country is a choice.
    await expect(field(page, '國家/地區').locator('option').count()).resolves.toBe(2);
    await field(page, '國家/地區').selectOption('US');

    const customer = newCustomer('Tailwind Toys');
    await fillAccount(page, customer, ZH);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-zh-1-account');
    await page.getByRole('button', { name: '下一步：訂閱' }).click();
    await toStep(page, 'subscriptions');
    await chooseOffer(page, offers.e3, 5, (offer) => `${offer} 的授權數量`);
    await page.getByLabel(`${offers.e3} 的授權數量`).fill('6');
    await page.getByText('預估每月總計').waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-zh-2-subscriptions');
    await page.getByRole('button', { name: '下一步：檢閱' }).click();
    await toStep(page, 'review');
    await page.getByText(`${reseller.name} (`).waitFor();
    await page.getByText(/英文 \(en\)/).waitFor();
    const submit = page.getByRole('button', { name: '提交' });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-zh-3-review');
    await submit.click();
    await toStep(page, 'done');
    await page.getByRole('heading', { level: 1, name: '已新增客戶' }).waitFor();
    await page.getByText('暫時密碼不會再次顯示').waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-zh-4-done');
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('field errors', () => {
  it('says a taken domain may be an existing customer, and refuses a future date', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(contoso);
    await toStep(page, 'account');
    const customer = { ...newCustomer('Fourth Coffee'), prefix: takenPrefix };
    await field(page, 'Domain').fill(takenPrefix);
    await page.getByText(`${takenPrefix}.onmicrosoft.com is already your customer Taken Company.`).first().waitFor();
    // Already this partner's customer: a link to it, not a second customer.
    await page.getByRole('link', { name: 'Open Taken Company' }).waitFor();
    // Another partner's customer: not named, and the way to it is a relationship request.
    await field(page, 'Domain').fill(elsewherePrefix);
    await page.getByText(`${elsewherePrefix}.onmicrosoft.com belongs to a customer that already exists elsewhere`).first().waitFor();
    await expect(page.getByText('Elsewhere Company').count()).resolves.toBe(0);
    await field(page, 'Domain').fill('');
    await fillAccount(page, { ...customer, prefix: uniquePrefix('c') });
    await field(page, 'Domain').fill(takenPrefix);
    await page.getByText(/is already your customer/).first().waitFor();
    await field(page, 'Agreement acceptance date').fill('2099-01-01');

    await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
    await page.getByRole('alert').filter({ hasText: 'Fix 2 entries before you continue.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/customers/new/account');
    const domain = field(page, 'Domain');
    await expect(domain.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[class]') !== null && (document.activeElement as HTMLInputElement).value)).toBe(takenPrefix);
    const date = field(page, 'Agreement acceptance date');
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    await date.locator('xpath=ancestor::*[contains(@class, "fui-Field")][1]').getByText(/agreement date is in the future/).waitFor();
    // The summary counts them, each a link to its field.
    await page.getByRole('alert').filter({ hasText: 'Fix 2 entries' }).getByRole('link', { name: 'Agreement acceptance date' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-errors-account');

    // Typing clears the error; the fixed entries pass.
    await domain.fill(uniquePrefix('c'));
    await expect(domain.getAttribute('aria-invalid')).resolves.not.toBe('true');
    await date.fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
    await toStep(page, 'subscriptions');

    // Out of the offer's bounds: said at the field, and Next stays here.
    await chooseOffer(page, offers.basic, 5000);
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await page.getByRole('list', { name: 'Offers' }).getByText('Enter between 1 and 300 licenses for this offer').waitFor();
    // The summary links to the field it counts.
    await page.getByRole('alert').getByRole('link', { name: `Number of licenses for ${offers.basic}` }).waitFor();
    await expect(page.getByLabel(`Number of licenses for ${offers.basic}`).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(new URL(page.url()).pathname).toBe('/customers/new/subscriptions');
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'onboarding-errors-quantity');
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('entries are never lost', () => {
  it('Update from Review returns with the entries kept; reload and back keep them too', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(contoso);
    await toStep(page, 'account');
    const customer = newCustomer('Adventure Works');
    await fillAccount(page, customer);
    await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
    await toStep(page, 'subscriptions');
    await chooseOffer(page, offers.standard, 7);
    await draftSaved(page);

    // Reload in the middle: the draft in the address brings everything back.
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: offers.standard }).isChecked()).toBe(true);
    await expect(page.getByLabel(`Number of licenses for ${offers.standard}`).inputValue()).resolves.toBe('7');

    // Browser back: the account step, as it was.
    await page.goBack();
    await toStep(page, 'account');
    await expect(field(page, 'Company name').inputValue()).resolves.toBe(customer.company);
    await page.goForward();
    await toStep(page, 'subscriptions');
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await toStep(page, 'review');

    await page.getByRole('button', { name: 'Update: Account info' }).click();
    await toStep(page, 'account');
    await expect(field(page, 'Company name').inputValue()).resolves.toBe(customer.company);
    await expect(field(page, 'Postal code').inputValue()).resolves.toBe('98052');
    await field(page, 'Company name').fill('Adventure Works Cycles');
    // Opened from Review: one Next goes back there, with the subscriptions kept.
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await toStep(page, 'review');
    await page.getByText('Adventure Works Cycles', { exact: true }).waitFor();
    await page.getByRole('table', { name: 'Subscriptions to order' }).getByRole('row').filter({ hasText: offers.standard }).filter({ hasText: '7' }).waitFor();

    await page.getByRole('button', { name: 'Update: Subscriptions' }).click();
    await toStep(page, 'subscriptions');
    await expect(page.getByLabel(`Number of licenses for ${offers.standard}`).inputValue()).resolves.toBe('7');

    // Switching the language keeps every entry.
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitemradio', { name: '繁體中文' }).click();
    await page.getByRole('heading', { level: 2, name: '訂閱' }).waitFor();
    await expect(page.getByLabel(`${offers.standard} 的授權數量`).inputValue()).resolves.toBe('7');
    await page.getByRole('button', { name: '上一步' }).click();
    await toStep(page, 'account');
    await expect(field(page, '公司名稱').inputValue()).resolves.toBe('Adventure Works Cycles');
    await page.getByRole('button', { name: /^語言/ }).click();
    await page.getByRole('menuitemradio', { name: 'English (United States)' }).click();
    await field(page, 'Company name').waitFor();

    // Cancel asks, then discards the draft.
    const draftId = new URL(page.url()).searchParams.get('draft');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Discard this customer?' });
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await page.waitForURL((url) => url.pathname === '/customers');
    const response = await page.request.get(`/v1/onboardings/drafts/${draftId}`);
    expect(response.status()).toBe(404);
    assertNoUnexpectedErrors();
    await close();
  });

  it('resumes a draft after signing out and in again', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(contoso);
    await toStep(page, 'account');
    await field(page, 'Company name').fill('Litware Resumed');
    await field(page, 'City').fill('Seattle');
    await draftSaved(page);

    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.goto('/customers/new');
    await signIn(page, contoso);
    await toStep(page, 'account');
    const resume = page.getByText(/You have (an|\d+) unfinished customers?/);
    await resume.waitFor();
    await page.getByText(/Litware Resumed, last saved/).waitFor();
    await page.getByRole('button', { name: 'Resume' }).first().click();
    await expect.poll(() => field(page, 'Company name').inputValue()).toBe('Litware Resumed');
    await expect(field(page, 'City').inputValue()).resolves.toBe('Seattle');
    expect(new URL(page.url()).searchParams.get('draft')).toMatch(/^[0-9a-f-]{36}$/);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('keyboard', () => {
  /** Presses Tab until the focused element is `target` (at most `limit` times). */
  async function tabTo(page: Page, target: ReturnType<Page['getByLabel']>, limit = 60) {
    for (let i = 0; i < limit; i++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  it('adds a customer with the keyboard alone', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(contoso);
    await toStep(page, 'account');
    const customer = newCustomer('Keyboard Koffee');
    const type = async (label: string, text: string) => {
      await tabTo(page, field(page, label));
      await page.keyboard.type(text);
    };
    await type('Company name', customer.company);
    await type('Domain', customer.prefix);
    await type('Address line 1', '1 Microsoft Way');
    await type('City', 'Redmond');
    await tabTo(page, field(page, 'State/Province'));
    await field(page, 'State/Province').press('W');
    await field(page, 'State/Province').press('A');
    await expect.poll(() => field(page, 'State/Province').inputValue()).toBe('WA');
    await type('Postal code', '98052');
    await type('First name', customer.first);
    await type('Last name', customer.last);
    await type('Email address', `it@${customer.prefix}.example`);
    await type('Phone number', '+1 425 555 0100');
    const accepted = page.getByRole('checkbox', { name: EN.accepted });
    await tabTo(page, accepted);
    await page.keyboard.press('Space');
    await expect(accepted.isChecked()).resolves.toBe(true);
    await page.getByText(`${customer.prefix}.onmicrosoft.com is available.`).first().waitFor();
    const next = page.getByRole('button', { name: 'Next: Subscriptions' });
    await tabTo(page, next, 80);
    await page.keyboard.press('Enter');
    await toStep(page, 'subscriptions');
    // The step's heading has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Subscriptions');
    const offer = page.getByRole('checkbox', { name: offers.basic });
    await tabTo(page, offer);
    await page.keyboard.press('Space');
    const quantity = page.getByLabel(`Number of licenses for ${offers.basic}`);
    await tabTo(page, quantity);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await tabTo(page, page.getByRole('button', { name: 'Next: Review' }));
    await page.keyboard.press('Enter');
    await toStep(page, 'review');
    const submit = page.getByRole('button', { name: 'Submit' });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    await toStep(page, 'done');
    await page.getByRole('heading', { level: 1, name: 'Customer added' }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Done' }));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/customers');
    assertNoUnexpectedErrors();
    await close();
  });
});
