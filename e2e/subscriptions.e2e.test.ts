/**
 * Issue 7, the subscriptions step and the shell: a term and billing frequency per chosen offer (seen in
 * the estimate and on Review, and submitted), a trial of a fixed number of licenses, the step on a
 * phone without sideways scrolling, offer descriptions in 繁體中文, and the shell's navigation on a
 * long page (full height, no entrance animation). One server over a fresh database, no seed data; the
 * account step comes from a draft (its own tests are in onboarding.e2e.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bearerFor, createCustomer, createPartner, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createOffer, createTemplate, uniquePrefix } from '#test/integration/onboarding-fixtures.ts';
import { axeViolations, launchBrowser, openPage, screenshot, screenshotBoth as screenshotBothSizes, VIEWPORTS, type WatchedPage } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface Account {
  id: string;
  email: string;
  password: string;
}

let server: Server;
let browser: Browser;
let seller: Account;
const offers = { flexible: 'Flexible Business Plan', trial: 'Premium Trial', suite: 'Enterprise Suite' };

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.db;
  const partner = await createPartner(db, { kind: 'direct', name: 'Contoso Direct', markets: ['US'] });
  seller = await createUser(db, { partnerId: partner.id, roles: ['sales_agent'] });
  await createTemplate(db, { versionRank: 1 });

  const usd = (listPrice: number) => [{ country: 'US', currency: 'USD', listPrice }];
  await createOffer(db, {
    name: offers.flexible,
    category: 'small_business',
    term: 'P1Y',
    otherTerms: ['P1M'],
    markets: usd(6),
    descriptions: { 'zh-TW': '適用於小型企業的彈性方案。' },
  });
  await createOffer(db, { name: offers.trial, category: 'trial', trial: true, min: 25, max: 25, purchaseLimit: 25, markets: usd(0) });
  await createOffer(db, { name: offers.suite, category: 'enterprise', term: 'P1Y', otherTerms: ['P1M', 'P3Y'], min: 5, max: 500, markets: usd(23) });
  // Every category, so that the tabs are as many as a catalog can have.
  for (const category of ['government', 'education', 'nonprofit'] as const) await createOffer(db, { name: `A ${category} offer`, category, markets: usd(4) });

  // A long customer list for the shell's tests.
  for (let i = 0; i < 40; i++) await createCustomer(db, { partnerIds: [partner.id], companyName: `Long List Customer ${String(i).padStart(2, '0')}` });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, account: Account, labels = { email: 'Email', password: 'Password', submit: 'Sign in' }) {
  await page.getByLabel(labels.email).fill(account.email);
  await page.getByLabel(labels.password).fill(account.password);
  await page.getByRole('button', { name: labels.submit }).click();
}

/** A draft whose account step is complete, as the wizard saves it, for `account`. */
async function accountDraft(account: Account): Promise<string> {
  const prefix = uniquePrefix('t');
  const today = new Date().toISOString().slice(0, 10);
  const data = {
    country: 'US',
    companyName: `Terms Test ${prefix}`,
    domain: prefix,
    organizationRegistrationNumber: '',
    addressLine1: '1 Microsoft Way',
    addressLine2: '',
    city: 'Redmond',
    state: 'WA',
    postalCode: '98052',
    firstName: 'Dana',
    lastName: 'Whitfield',
    email: `it@${prefix}.example`,
    phoneNumber: '+1 425 555 0100',
    language: 'en',
    culture: 'en-US',
    agreementAccepted: true,
    dateAgreed: today,
    signerFirstName: 'Dana',
    signerLastName: 'Whitfield',
    signerEmail: `it@${prefix}.example`,
    signerPhoneNumber: '',
    signerEdited: false,
    eligibilityType: '',
    eligibilityDetails: '',
    resellerId: '',
    lineItems: [],
    addressReviewed: ['US', '1 Microsoft Way', '', 'Redmond', 'WA', '98052'].join('|').toLowerCase(),
  };
  const response = await server.app.inject({
    method: 'POST',
    url: '/v1/onboardings/drafts',
    headers: { ...(await bearerFor(server, account.email)), 'content-type': 'application/json' },
    payload: JSON.stringify({ step: 'subscriptions', data }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

/** A fresh context signed in on `path`, with or without reduced motion. */
async function signedIn(path: string, options: { locale?: string; reducedMotion?: boolean } = {}): Promise<WatchedPage> {
  const locale = options.locale ?? 'en-US';
  const watched = await openPage(browser, server.url, { locale });
  if (options.reducedMotion !== false) await watched.page.emulateMedia({ reducedMotion: 'reduce' });
  await watched.page.goto(path);
  await signIn(watched.page, seller, locale === 'zh-TW' ? { email: '電子郵件', password: '密碼', submit: '登入' } : undefined);
  await watched.page.waitForURL((url) => url.pathname === path.split('?')[0]);
  return watched;
}

async function onSubscriptions(options: { locale?: string } = {}) {
  const draft = await accountDraft(seller);
  const watched = await signedIn(`/customers/new/subscriptions?draft=${draft}`, options);
  await watched.page.getByRole('checkbox', { name: offers.flexible }).waitFor();
  return watched;
}

/** The page scrolls sideways neither as a whole nor in the step's layout. */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const wide = [...document.querySelectorAll('main *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(element).visibility !== 'hidden')
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 2).join('.')} "${(element.textContent ?? '').trim().slice(0, 30)}"`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 5) };
  });
}

/** Both sizes, from the top (a full-page shot of a scrolled page draws the sticky top bar mid-page). */
async function screenshotBoth(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotBothSizes(page, name);
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('subscriptions step: term and billing frequency', () => {
  it('offers the term and billing frequency of a chosen offer, the estimate and Review follow it, and the submission carries it', async () => {
    const { page, assertNoUnexpectedErrors, close } = await onSubscriptions();
    await page.getByRole('checkbox', { name: offers.flexible }).check();
    const term = page.getByLabel(`Term for ${offers.flexible}`);
    const billing = page.getByLabel(`Billing frequency for ${offers.flexible}`);
    // The offer's usual: a year, billed monthly.
    await expect(term.inputValue()).resolves.toBe('P1Y');
    await expect(billing.inputValue()).resolves.toBe('monthly');
    await page.getByLabel(`Number of licenses for ${offers.flexible}`).fill('10');
    const estimate = page.getByRole('region', { name: 'Estimate' });
    await estimate.getByText('$60.00 per month').first().waitFor();

    await billing.selectOption('annual');
    await estimate.getByText('1 year term, billed annually').waitFor();
    await estimate.getByText('Estimated annual total').waitFor();
    await expect(estimate.getByText('$720.00 per year').count()).resolves.toBe(2);
    // A one-month term is billed monthly only.
    await term.selectOption('P1M');
    await expect(billing.inputValue()).resolves.toBe('monthly');
    await expect(billing.isDisabled()).resolves.toBe(true);
    await term.selectOption('P1Y');
    await billing.selectOption('annual');
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'subscriptions-terms');

    await page.getByRole('button', { name: 'Next: Review' }).click();
    await page.waitForURL((url) => url.pathname === '/customers/new/review');
    const table = page.getByRole('table', { name: 'Subscriptions to order' });
    await table.getByRole('row').filter({ hasText: offers.flexible }).filter({ hasText: '1 year term, billed annually' }).filter({ hasText: '$720.00 per year' }).waitFor();
    await table.getByRole('row').filter({ hasText: 'Estimated annual total' }).waitFor();
    const submit = page.getByRole('button', { name: 'Submit' });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'subscriptions-terms-review');

    const submitted = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/v1/onboardings');
    await submit.click();
    const body = (await submitted).postDataJSON() as { lineItems: { termDuration: string; billingCycle: string }[] };
    expect(body.lineItems).toEqual([expect.objectContaining({ quantity: 10, termDuration: 'P1Y', billingCycle: 'annual' })]);
    await page.waitForURL((url) => url.pathname === '/customers/new/done');
    const customerId = await page.getByLabel(/^Customer ID/).inputValue();
    const subscription = await server.db.selectFrom('subscriptions').select(['term', 'billing_cycle', 'quantity']).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
    expect(subscription).toEqual({ term: 'P1Y', billing_cycle: 'annual', quantity: 10 });
    assertNoUnexpectedErrors();
    await close();
  });

  it('says a trial of a fixed number of licenses is fixed, with no field to change it', async () => {
    const { page, assertNoUnexpectedErrors, close } = await onSubscriptions();
    const row = page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: offers.trial }) });
    await row.getByText('25 licenses, fixed for this trial').waitFor();
    await expect(row.getByText('25–25').count()).resolves.toBe(0);
    await page.getByRole('checkbox', { name: offers.trial }).check();
    await row.getByText('25 licenses, fixed for this trial').waitFor();
    await expect(page.getByLabel(`Number of licenses for ${offers.trial}`).count()).resolves.toBe(0);
    await expect(row.getByRole('spinbutton').count()).resolves.toBe(0);
    // One term, not billed: nothing to choose either.
    await expect(page.getByLabel(`Billing frequency for ${offers.trial}`).count()).resolves.toBe(0);
    await page.getByRole('region', { name: 'Estimate' }).getByText('Free').waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'subscriptions-trial');

    await page.getByRole('button', { name: 'Next: Review' }).click();
    await page.waitForURL((url) => url.pathname === '/customers/new/review');
    const table = page.getByRole('table', { name: 'Subscriptions to order' });
    await table.getByRole('row').filter({ hasText: offers.trial }).filter({ hasText: '1 month term, not billed' }).filter({ hasText: '25' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Submit' }).isEnabled()).toBe(true);
    assertNoUnexpectedErrors();
    await close();
  });

  it('fits a phone (390×844): the category tabs and the estimate, with no sideways scrolling, in both languages', async () => {
    for (const locale of ['en-US', 'zh-TW']) {
      const { page, assertNoUnexpectedErrors, close } = await onSubscriptions({ locale });
      await page.setViewportSize(VIEWPORTS.mobile);
      await page.getByRole('checkbox', { name: offers.suite }).check();
      await page.getByRole('checkbox', { name: offers.flexible }).check();
      const tabs = page.getByRole('tablist');
      await tabs.waitFor();
      await expect(tabs.getByRole('tab').count()).resolves.toBe(7);
      const overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, JSON.stringify(overflow)).toBeLessThanOrEqual(overflow.clientWidth);
      expect(overflow.wide).toEqual([]);
      // Every tab is on screen, none cut off at the edge.
      for (const box of await tabs.getByRole('tab').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().right))) {
        expect(box).toBeLessThanOrEqual(VIEWPORTS.mobile.width);
      }
      await expectNoAxeViolations(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `subscriptions-phone-${locale}`, 'mobile');
      assertNoUnexpectedErrors();
      await close();
    }
  });

  it("keeps the estimate's heading clear of the top bar while the offers scroll", async () => {
    const { page, assertNoUnexpectedErrors, close } = await onSubscriptions();
    await page.getByRole('checkbox', { name: offers.flexible }).check();
    await page.getByRole('checkbox', { name: offers.suite }).check();
    await page.setViewportSize({ width: 1280, height: 500 });
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
    const heading = await page.getByRole('heading', { name: 'Estimate' }).boundingBox();
    const topBar = await page.getByRole('banner').boundingBox();
    expect(heading && topBar && heading.y >= topBar.y + topBar.height, JSON.stringify({ heading, topBar })).toBe(true);
    // What the window shows (a full-page shot of a scrolled page would draw the sticky parts mid-page).
    await page.screenshot({ path: 'artifacts/screenshots/subscriptions-estimate-scrolled-viewport.png' });
    assertNoUnexpectedErrors();
    await close();
  });

  it('shows the offer descriptions in 繁體中文 where the catalog has them', async () => {
    const { page, assertNoUnexpectedErrors, close } = await onSubscriptions({ locale: 'zh-TW' });
    const row = page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: offers.flexible }) });
    await row.getByText('適用於小型企業的彈性方案。').waitFor();
    await page.getByRole('checkbox', { name: offers.flexible }).check();
    await expect(page.getByLabel(`${offers.flexible} 的計費頻率`).inputValue()).resolves.toBe('monthly');
    await page.getByText('1 年期限，每月計費').first().waitFor();
    // An offer the catalog has no translation for keeps its English description.
    await page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: offers.suite }) }).getByText(`The ${offers.suite} for tests.`).waitFor();
    await expectNoAxeViolations(page);
    await screenshotBoth(page, 'subscriptions-zh-TW');
    assertNoUnexpectedErrors();
    await close();
  });
});

describe('shell on a long page', () => {
  it('runs the navigation background the full height of the page, and does not slide it in on load', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn('/customers', { reducedMotion: false });
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.waitFor();
    // Right after the page appears: nothing moves in.
    // Animations that move or resize the navigation or anything in it (a slide-in). The selected item's
    // colour fade (its indicator and icon, 100 ms) is a selection effect, not an entrance: not counted.
    const moving = () =>
      navigation.evaluate((element) => {
        const moves = (property: string) => /^(transform|translate|scale|width|height|margin|inset|left|right|top|bottom|clip)/i.test(property);
        const own = [element, ...(element.parentElement ? [element.parentElement] : [])].flatMap((node) => node.getAnimations());
        const inside = element.getAnimations({ subtree: true }).filter((animation) => {
          const effect = animation.effect;
          return effect instanceof KeyframeEffect && effect.getKeyframes().some((frame) => Object.keys(frame).some(moves));
        });
        return [...new Set([...own, ...inside])].map((animation) => {
          const target = animation.effect instanceof KeyframeEffect ? animation.effect.target : null;
          const frames = animation.effect instanceof KeyframeEffect ? JSON.stringify(animation.effect.getKeyframes()) : '';
          return `${target?.className ?? '?'}: ${frames}`;
        });
      });
    const onLoad = await moving();
    await page.getByRole('row').filter({ hasText: 'Long List Customer 39' }).waitFor();
    await screenshot(page, 'shell-long-page', 'desktop');
    await page.setViewportSize(VIEWPORTS.mobile);
    await page.waitForTimeout(150);
    await screenshot(page, 'shell-long-page', 'mobile');
    await page.setViewportSize(VIEWPORTS.desktop);
    // Back at desktop width the navigation leaves the drawer for its column again: wait for that render.
    await navigation.waitFor({ state: 'visible' });

    const measure = () =>
      page.evaluate(() => {
        const column = document.querySelector('[role="navigation"][aria-label="Main navigation"]')?.parentElement;
        const main = document.querySelector('main');
        return {
          pageHeight: (document.scrollingElement ?? document.documentElement).scrollHeight,
          columnBottom: column ? column.getBoundingClientRect().bottom + window.scrollY : 0,
          mainBottom: main ? main.getBoundingClientRect().bottom + window.scrollY : 0,
          columnBackground: column ? getComputedStyle(column).backgroundColor : '',
        };
      });
    const desktop = await measure();
    expect(desktop.pageHeight).toBeGreaterThan(VIEWPORTS.desktop.height * 1.5);
    expect(desktop.columnBottom, JSON.stringify(desktop)).toBeGreaterThanOrEqual(desktop.mainBottom - 1);
    expect(desktop.columnBackground).not.toBe('rgba(0, 0, 0, 0)');
    expect(onLoad).toEqual([]);
    await page.reload();
    await navigation.waitFor();
    expect(await moving()).toEqual([]);
    // Scrolled to the end, the navigation is still in view below the top bar.
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
    const box = await navigation.boundingBox();
    expect(box?.y).toBe(48);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe("Fluent's focus helpers (tabster dummies)", () => {
  it('never keep the focus: Tab and Shift+Tab through the step pass them at once', async () => {
    const { page, assertNoUnexpectedErrors, close } = await onSubscriptions();
    await page.getByRole('checkbox', { name: offers.flexible }).check();
    const dummies = await page.evaluate(() => [...document.querySelectorAll('[data-tabster-dummy]')].map((element) => element.outerHTML));
    // They are there (around the tab list, the navigation's items), hidden and focusable on purpose.
    expect(dummies.length).toBeGreaterThan(0);
    expect(dummies.every((html) => /^<i\b/.test(html) && html.includes('aria-hidden="true"') && html.includes('tabindex="0"'))).toBe(true);
    const focusedDummy = () => page.evaluate(() => document.activeElement?.hasAttribute('data-tabster-dummy') ?? false);
    // From the search box: next come the tab list and the offers, each group fenced by dummies.
    await page.getByRole('searchbox', { name: 'Search offers' }).focus();
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await focusedDummy()).toBe(false);
      seen.add(await page.evaluate(() => `${document.activeElement?.getAttribute('role') ?? ''}/${document.activeElement?.getAttribute('type') ?? ''}`));
    }
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusedDummy()).toBe(false);
    }
    // Focus went through the tab list and the offers (the dummies' groups), not stuck before them.
    expect(seen).toContain('tab/button');
    expect(seen).toContain('/checkbox');
    assertNoUnexpectedErrors();
    await close();
  });
});
