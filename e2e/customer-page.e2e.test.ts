/**
 * The customer page as people read it (issue 7): a US Government customer's eligibility and no
 * agreement warning, product names on orders, an indirect reseller's own view, and an add-on's
 * prerequisite named in the wizard. Both sizes and both languages, long pages whole.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bearerFor, createPartner, createPartnership, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createOffer, createTemplate, customerBody, onboardingBody, uniquePrefix } from '#test/integration/onboarding-fixtures.ts';
import { axeViolations, launchBrowser, openPage, screenshotBoth, type WatchedPage } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { customerDetailEnUS } from '../src/web/features/customers/locales/en-US.ts';
import { customerDetailZhTW } from '../src/web/features/customers/locales/zh-TW.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface Account { id: string; email: string; password: string }
type Language = 'en-US' | 'zh-TW';

let server: Server;
let browser: Browser;
let govAgent: Account;
let directAgent: Account;
let directPartnerId: string;
let resellerAdmin: Account;
let govCustomer: string;
let soldCustomer: string;
let resoldCustomer: string;
const names = { g3: 'Microsoft 365 G3 GCC', e3: 'Microsoft 365 E3', basic: 'Microsoft 365 Business Basic', copilot: 'Microsoft 365 Copilot', reseller: 'Northwind Traders', provider: 'Fabrikam Distribution' };
const offerIds: Record<'g3' | 'e3' | 'basic' | 'copilot', string> = { g3: '', e3: '', basic: '', copilot: '' };
const eligibilityDetails = 'Department of Parks, a federal agency of the United States (agency code 1234).';

async function post(account: Account, url: string, payload: unknown) {
  const headers = { ...(await bearerFor(server, account.email)), 'content-type': 'application/json' };
  const response = await server.app.inject({ method: 'POST', url, headers, payload: JSON.stringify(payload) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ customer: { id: string } }>();
}

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.db;

  // US Government: a validated partner adds a customer with its eligibility and an order.
  const adatum = await createPartner(db, { instance: 'usgov', usgovValidated: true, name: 'Adatum Federal' });
  govAgent = await createUser(db, { partnerId: adatum.id, roles: ['admin_agent'], email: 'ari.adatum@adatum-federal.example' });
  offerIds.g3 = (await createOffer(db, { instance: 'usgov', category: 'government', name: names.g3 })).id;
  const govPrefix = uniquePrefix('parks');
  govCustomer = (
    await post(govAgent, '/v1/onboardings', {
      ...customerBody({ prefix: govPrefix, companyName: 'Department of Parks' }),
      companyProfile: { domain: `${govPrefix}.onmicrosoft.us` },
      eligibility: { validationType: 'GovernmentEntity', details: eligibilityDetails },
      lineItems: [{ offerId: offerIds.g3, quantity: 150 }],
    })
  ).customer.id;

  // Public: a direct partner's customer with several orders (a long page).
  await createTemplate(db, { versionRank: 1 });
  const contoso = await createPartner(db, { kind: 'direct', name: 'Contoso Direct' });
  directPartnerId = contoso.id;
  directAgent = await createUser(db, { partnerId: contoso.id, roles: ['admin_agent'] });
  offerIds.e3 = (await createOffer(db, { category: 'enterprise', name: names.e3 })).id;
  offerIds.basic = (await createOffer(db, { name: names.basic })).id;
  const copilot = await createOffer(db, { category: 'enterprise', name: names.copilot });
  offerIds.copilot = copilot.id;
  await db.updateTable('offers').set({ is_add_on: true, prerequisite_offer_ids: [offerIds.e3] }).where('id', '=', copilot.id).execute();
  soldCustomer = (
    await post(directAgent, '/v1/onboardings', {
      ...onboardingBody([{ offerId: offerIds.e3, quantity: 12 }, { offerId: offerIds.basic, quantity: 3, friendlyName: 'Front desk' }]),
      billingProfile: { ...customerBody().billingProfile, companyName: 'Fourth Coffee' },
    })
  ).customer.id;
  for (const quantity of [5, 8, 20, 2]) {
    await post(directAgent, `/v1/customers/${soldCustomer}/orders`, { lineItems: [{ offerId: offerIds.basic, quantity }, { offerId: offerIds.copilot, quantity: 1 }] });
  }

  // Indirect: a provider sells to a customer through its reseller.
  const fabrikam = await createPartner(db, { kind: 'indirect_provider', name: names.provider });
  const northwind = await createPartner(db, { kind: 'indirect_reseller', name: names.reseller });
  await createPartnership(db, fabrikam.id, northwind.id);
  const providerAgent = await createUser(db, { partnerId: fabrikam.id, roles: ['admin_agent'] });
  resellerAdmin = await createUser(db, { partnerId: northwind.id, roles: ['global_admin'] });
  resoldCustomer = (
    await post(providerAgent, '/v1/onboardings', {
      ...onboardingBody([{ offerId: offerIds.basic, quantity: 40 }]),
      billingProfile: { ...customerBody().billingProfile, companyName: 'Southridge Video' },
      associatedPartnerId: northwind.id,
    })
  ).customer.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const SIGN_IN = {
  'en-US': { email: 'Email', password: 'Password', submit: 'Sign in' },
  'zh-TW': { email: '電子郵件', password: '密碼', submit: '登入' },
} as const;

async function signedIn(account: Account, path: string, language: Language = 'en-US'): Promise<WatchedPage> {
  const watched = await openPage(browser, server.url, { locale: language });
  await watched.page.emulateMedia({ reducedMotion: 'reduce' });
  await watched.page.goto(path);
  const labels = SIGN_IN[language];
  await watched.page.getByLabel(labels.email).fill(account.email);
  await watched.page.getByLabel(labels.password).fill(account.password);
  await watched.page.getByRole('button', { name: labels.submit }).click();
  await watched.page.waitForURL((url) => url.pathname === path.split('?')[0]);
  return watched;
}

/** Both sizes from the top, axe at both. */
async function capture(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await axeViolations(page)).toEqual([]);
  await screenshotBoth(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The page's words in each language, from its own locale files (so a change of wording moves with them). */
const TEXT = Object.fromEntries(
  ([['en-US', customerDetailEnUS], ['zh-TW', customerDetailZhTW]] as const).map(([language, strings]) => [
    language,
    {
      eligibility: strings.eligibility.title,
      type: strings.eligibility.types.GovernmentEntity,
      agreement: strings.agreements.title,
      noAgreementWarning: strings.agreements.emptyTitle,
      orders: strings.orders.tableLabel,
      subscriptions: strings.subscriptions.tableLabel,
      relationship: strings.relationship.title,
      reseller: strings.relationship.indirectReseller,
      provider: strings.relationship.indirectProvider,
    },
  ]),
) as Record<Language, Record<'eligibility' | 'type' | 'agreement' | 'noAgreementWarning' | 'orders' | 'subscriptions' | 'relationship' | 'reseller' | 'provider', string>>;

describe.each(['en-US', 'zh-TW'] as const)('the customer page in %s', (language) => {
  const text = TEXT[language];

  it("shows a US Government customer's eligibility and never asks for an agreement", async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(govAgent, `/customers/${govCustomer}`, language);
    await page.getByRole('heading', { level: 1, name: 'Department of Parks' }).waitFor();
    const eligibility = page.getByRole('region', { name: text.eligibility });
    await eligibility.getByText(eligibilityDetails).waitFor();
    const values = await eligibility.getByRole('definition').allInnerTexts();
    expect(values[0]).toBe(text.type);
    expect(values[1]).toBe(`ari.adatum\n${govAgent.email}`);
    expect(values[2]).toMatch(language === 'en-US' ? /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/ : /^\d{4}年\d{1,2}月\d{1,2}日/);
    await page.getByRole('table', { name: text.orders }).getByRole('row').filter({ hasText: `${names.g3} × 150` }).waitFor();
    await expect(page.getByRole('region', { name: text.agreement, exact: true }).count()).resolves.toBe(0);
    await expect(page.getByText(text.noAgreementWarning).count()).resolves.toBe(0);
    await capture(page, `customer-page-usgov-${language}`);
    assertNoUnexpectedErrors();
    await close();
  });

  it('names the products of every order, never their catalog ids (a long page)', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(directAgent, `/customers/${soldCustomer}`, language);
    const orders = page.getByRole('table', { name: text.orders });
    const first = orders.getByRole('row').filter({ hasText: `${names.e3} × 12` });
    await first.waitFor();
    await expect(first.innerText()).resolves.toContain(`${names.basic} × 3`);
    await expect(first.innerText()).resolves.toContain('Front desk');
    await expect(orders.getByRole('row').filter({ hasText: `${names.copilot} × 1` }).count()).resolves.toBe(4);
    const subscriptions = page.getByRole('table', { name: text.subscriptions });
    await subscriptions.getByRole('row').filter({ hasText: names.e3 }).waitFor();
    const body = await page.locator('main').innerText();
    for (const id of Object.values(offerIds)) expect(body).not.toContain(id);
    // A public customer keeps its agreement section.
    await page.getByRole('region', { name: text.agreement, exact: true }).waitFor();
    await capture(page, `customer-page-orders-${language}`);
    assertNoUnexpectedErrors();
    await close();
  });

  it('shows an indirect reseller itself as the reseller, and what it sold', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(resellerAdmin, `/customers/${resoldCustomer}`, language);
    await page.getByRole('heading', { level: 1, name: 'Southridge Video' }).waitFor();
    const relationship = page.getByRole('region', { name: text.relationship });
    const terms = await relationship.getByRole('term').allInnerTexts();
    const values = await relationship.getByRole('definition').allInnerTexts();
    expect(values[terms.indexOf(text.reseller)]).toBe(names.reseller);
    expect(values[terms.indexOf(text.provider)]).toBe(names.provider);
    const subscription = page.getByRole('table', { name: text.subscriptions }).getByRole('row').filter({ hasText: names.basic });
    await subscription.waitFor();
    expect((await subscription.getByRole('cell').allInnerTexts())[1]).toBe('40');
    await page.getByRole('table', { name: text.orders }).getByRole('row').filter({ hasText: `${names.basic} × 40` }).waitFor();
    await capture(page, `customer-page-reseller-${language}`);
    assertNoUnexpectedErrors();
    await close();
  });
});

/** A draft of the wizard with a complete US account, waiting on its subscriptions step. */
async function accountDraft(account: Account) {
  const id = randomUUID();
  const prefix = uniquePrefix('addon');
  const data = {
    country: 'US', companyName: 'Alpine Ski House', domain: prefix, organizationRegistrationNumber: '', addressLine1: '1 Microsoft Way', addressLine2: '', city: 'Redmond',
    state: 'WA', postalCode: '98052', firstName: 'Dana', lastName: 'Whitfield', email: `it@${prefix}.example`, phoneNumber: '+1 425 555 0100', language: 'en', culture: 'en-US',
    agreementAccepted: true, dateAgreed: new Date().toISOString().slice(0, 10), signerFirstName: 'Dana', signerLastName: 'Whitfield', signerEmail: `it@${prefix}.example`,
    signerPhoneNumber: '', signerEdited: false, eligibilityType: '', eligibilityDetails: '', resellerId: '', lineItems: [], addressReviewed: '',
  };
  await server.db
    .insertInto('onboarding_drafts')
    .values({ id, user_id: account.id, partner_id: directPartnerId, step: 'subscriptions', data: JSON.stringify(data), request_id: null })
    .execute();
  return id;
}

describe("an add-on's prerequisite in the wizard", () => {
  it.each([
    ['en-US', 'Next: Review', `${names.copilot} is an add-on: the customer needs ${names.e3} first.`],
    ['zh-TW', '下一步：檢閱', `${names.copilot} 是附加元件：客戶必須先有 ${names.e3}。`],
  ] as const)('is named by its name (%s)', async (language, next, message) => {
    const draft = await accountDraft(directAgent);
    const { page, assertNoUnexpectedErrors, close } = await signedIn(directAgent, `/customers/new/subscriptions?draft=${draft}`, language);
    await page.getByRole('checkbox', { name: names.copilot }).check();
    await page.getByRole('button', { name: next }).click();
    const error = page.getByRole('list', { name: language === 'en-US' ? 'Offers' : '供應項目' }).getByText(message);
    await error.waitFor();
    await expect(page.getByText(offerIds.e3).count()).resolves.toBe(0);
    // From the top: a full-page shot of a scrolled page draws the fixed header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshotBoth(page, `customer-page-addon-error-${language}`);
    assertNoUnexpectedErrors();
    await close();
  });
});
