/**
 * The account step per country (SPEC §3–§4): what the form shows is what Review shows and what the
 * created customer gets (language and culture default from the country's rules), the state field
 * as the country has it, and the reseller's country preselected. One server over a fresh database;
 * the partners and the agreement are created here (no seed data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createPartner, createPartnership, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createTemplate, uniquePrefix } from '#test/integration/onboarding-fixtures.ts';
import { axeViolations, launchBrowser, VIEWPORTS, type ViewportName, type WatchedPage } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { EN, field, screenshotBoth, signedInPage, ZH, type Account } from './helpers/wizard.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
let browser: Browser;
/** Sells in several countries; the United States first, so the form opens on a country other than those tested. */
let seller: Account;
let provider: Account;
let brazilReseller: { id: string };

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.db;
  const partner = await createPartner(db, { kind: 'direct', name: 'Worldwide Direct', markets: ['US', 'TW', 'BR', 'IN', 'GB', 'CA'] });
  seller = await createUser(db, { partnerId: partner.id, roles: ['sales_agent'] });

  const distributor = await createPartner(db, { kind: 'indirect_provider', name: 'Americas Distribution', markets: ['US', 'BR'] });
  provider = await createUser(db, { partnerId: distributor.id, roles: ['sales_agent'] });
  const reseller = await createPartner(db, { kind: 'indirect_reseller', name: 'Revenda Paulista', markets: ['BR'] });
  await createPartnership(db, distributor.id, reseller.id);
  brazilReseller = { id: reseller.id };
  await createTemplate(db, { versionRank: 1 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Locale = 'en-US' | 'zh-TW';

/** The shared wizard labels (helpers/wizard.ts), and those of the fields this test reads besides. */
const LABELS = {
  'en-US': {
    ...EN,
    contactEmail: EN.email,
    country: 'Country/region',
    registration: 'Organization registration number',
    language: 'Language',
    culture: 'Culture',
    nextSubscriptions: 'Next: Subscriptions',
    nextReview: 'Next: Review',
    submit: 'Submit',
    customerId: 'Customer ID',
    reviewHeading: 'Review',
  },
  'zh-TW': {
    ...ZH,
    contactEmail: ZH.email,
    country: '國家/地區',
    registration: '組織註冊號碼',
    language: '語言',
    culture: '文化特性',
    nextSubscriptions: '下一步：訂閱',
    nextReview: '下一步：檢閱',
    submit: '提交',
    customerId: '客戶識別碼',
    reviewHeading: '檢閱',
  },
};

/** What a select shows: the value of its selected option, as the browser draws it. */
const shown = (page: Page, label: string) => field(page, label).evaluate((select: HTMLSelectElement) => select.options[select.selectedIndex]?.value ?? '');

async function signedIn(account: Account, locale: Locale, viewport: ViewportName, path = '/customers/new'): Promise<WatchedPage> {
  const watched = await signedInPage(browser, server.url, account, path, locale);
  await watched.page.setViewportSize(VIEWPORTS[viewport]);
  await watched.page.waitForURL((url) => url.pathname === '/customers/new/account');
  return watched;
}

interface CountryCase {
  country: 'TW' | 'BR';
  language: string;
  culture: string;
  city: string;
  /** A code from the country's list, or null where the form has no state field. */
  state: string | null;
  line1: string;
  postal: string;
  phone: string;
  registration: string | null;
}

const TAIWAN: CountryCase = { country: 'TW', language: 'zh', culture: 'zh-TW', city: 'Taipei', state: null, line1: 'No. 7 Xinyi Road Section 5', postal: '110', phone: '+886 2 2720 1234', registration: null };
const BRAZIL: CountryCase = {
  country: 'BR',
  language: 'pt',
  culture: 'pt-BR',
  city: 'São Paulo',
  state: 'SP',
  line1: 'Avenida Paulista 1000',
  postal: '01310-100',
  phone: '+55 11 3456 7890',
  registration: '11.222.333/0001-81',
};

/** Creates the customer through the wizard and checks language and culture on the form, on Review, and on the customer. */
async function createThroughWizard(watched: WatchedPage, locale: Locale, viewport: ViewportName, target: CountryCase) {
  const { page } = watched;
  const labels = LABELS[locale];
  // The form opens on the partner's first market, the United States, with its defaults.
  await expect.poll(() => shown(page, labels.culture)).toBe('en-US');
  await field(page, labels.country).selectOption(target.country);

  // The country's defaults, shown and held.
  await expect.poll(() => shown(page, labels.language)).toBe(target.language);
  await expect.poll(() => shown(page, labels.culture)).toBe(target.culture);

  const prefix = uniquePrefix('w');
  await field(page, labels.company).fill(`Contoso ${target.country} ${prefix}`);
  await field(page, labels.domain).fill(prefix);
  await field(page, labels.line1).fill(target.line1);
  await field(page, labels.city).fill(target.city);
  if (target.state === null) {
    await expect(page.getByLabel(new RegExp(`^${labels.state}`)).count()).resolves.toBe(0);
  } else {
    await field(page, labels.state).selectOption(target.state);
  }
  await field(page, labels.postal).fill(target.postal);
  if (target.registration !== null) await field(page, labels.registration).fill(target.registration);
  await field(page, labels.first).fill('Mei');
  await field(page, labels.last).fill('Lin');
  await field(page, labels.contactEmail).fill(`it@${prefix}.example`);
  await field(page, labels.phone).fill(target.phone);
  await page.getByRole('checkbox', { name: labels.accepted }).check();
  await page.getByText(`${prefix}.onmicrosoft.com ${labels.available}`).first().waitFor();
  const language = await shown(page, labels.language);
  const culture = await shown(page, labels.culture);
  expect([language, culture]).toEqual([target.language, target.culture]);
  expect(await axeViolations(page)).toEqual([]);
  await screenshotBoth(page, `countries-${target.country}-${locale}-account`);

  await page.getByRole('button', { name: labels.nextSubscriptions }).click();
  await page.waitForURL((url) => url.pathname === '/customers/new/subscriptions');
  await page.getByRole('button', { name: labels.nextReview }).click();
  await page.waitForURL((url) => url.pathname === '/customers/new/review');

  // Review shows the same language and culture.
  await page.getByText(`(${language}), `).filter({ hasText: `(${culture})` }).waitFor();
  await expect(page.getByText('(en-US)').count()).resolves.toBe(0);
  await screenshotBoth(page, `countries-${target.country}-${locale}-review`);
  await page.setViewportSize(VIEWPORTS[viewport]);

  const submit = page.getByRole('button', { name: labels.submit });
  await expect.poll(() => submit.isEnabled()).toBe(true);
  await submit.click();
  await page.waitForURL((url) => url.pathname === '/customers/new/done');
  const id = await field(page, labels.customerId).inputValue();

  // And so does the customer that was created.
  const response = await page.request.get(`/v1/customers/${id}`);
  expect(response.status()).toBe(200);
  const customer = (await response.json()) as { billingProfile: { language: string; culture: string; defaultAddress: { country: string; state: string | null } } };
  expect(customer.billingProfile).toMatchObject({ language, culture, defaultAddress: { country: target.country, state: target.state } });
}

describe('language and culture follow the country', () => {
  const cases: { target: CountryCase; locale: Locale; viewport: ViewportName }[] = [
    { target: TAIWAN, locale: 'en-US', viewport: 'desktop' },
    { target: BRAZIL, locale: 'en-US', viewport: 'mobile' },
    { target: TAIWAN, locale: 'zh-TW', viewport: 'mobile' },
    { target: BRAZIL, locale: 'zh-TW', viewport: 'desktop' },
  ];
  it.each(cases)('a customer in $target.country is created with the language and culture shown ($locale, $viewport)', async ({ target, locale, viewport }) => {
    const watched = await signedIn(seller, locale, viewport);
    await createThroughWizard(watched, locale, viewport, target);
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});

describe('the account step per country', () => {
  it('Add new customer from a reseller’s row starts in the reseller’s country, with its defaults', async () => {
    const watched = await signedIn(provider, 'en-US', 'desktop', `/customers/new?reseller=${brazilReseller.id}`);
    const { page } = watched;
    const labels = LABELS['en-US'];
    await expect.poll(() => field(page, labels.country).inputValue()).toBe('BR');
    await expect.poll(() => shown(page, labels.culture)).toBe('pt-BR');
    await expect(page.getByRole('combobox', { name: 'Indirect reseller' }).inputValue()).resolves.toBe(brazilReseller.id);
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('lists states by name (the value is the code), none where none is asked for, and en-CA for Canada', async () => {
    for (const locale of ['en-US', 'zh-TW'] as const) {
      const watched = await signedIn(seller, locale, 'desktop');
      const { page } = watched;
      const labels = LABELS[locale];
      const state = field(page, labels.state);
      await state.locator('option', { hasText: 'Washington' }).waitFor({ state: 'attached' });
      await state.selectOption({ label: 'Washington' });
      await expect(state.inputValue()).resolves.toBe('WA');

      await field(page, labels.country).selectOption('IN');
      await state.locator('option', { hasText: 'Karnataka' }).waitFor({ state: 'attached' });
      await expect.poll(() => shown(page, labels.culture)).toBe('en-IN');
      await field(page, labels.registration).waitFor();
      await screenshotBoth(page, `countries-IN-${locale}-account`);

      await field(page, labels.country).selectOption('GB');
      await expect.poll(() => shown(page, labels.culture)).toBe('en-GB');
      await expect(page.getByLabel(new RegExp(`^${labels.state}`)).count()).resolves.toBe(0);

      await field(page, labels.country).selectOption('CA');
      await expect.poll(() => field(page, labels.culture).locator('option').evaluateAll((options: HTMLOptionElement[]) => options.map((option) => option.value))).toEqual(['en-CA', 'fr-CA', 'en-US']);
      await expect.poll(() => shown(page, labels.culture)).toBe('en-CA');
      // A culture the user chose stays where the next country has it.
      await field(page, labels.culture).selectOption('en-US');
      await field(page, labels.country).selectOption('TW');
      await expect.poll(() => shown(page, labels.language)).toBe('zh');
      await expect.poll(() => shown(page, labels.culture)).toBe('en-US');
      watched.assertNoUnexpectedErrors();
      await watched.close();
    }
  });

  it('says in zh-TW what a Brazilian registration number looks like', async () => {
    const watched = await signedIn(seller, 'zh-TW', 'mobile');
    const { page } = watched;
    const labels = LABELS['zh-TW'];
    await field(page, labels.country).selectOption('BR');
    await page.getByText('CNPJ：14 個字元並含正確的檢查碼').waitFor();
    await field(page, labels.registration).fill('12345');
    await page.getByRole('button', { name: labels.nextSubscriptions }).click();
    await page.getByText('「12345」不是有效的CNPJ；請輸入14 個字元並含正確的檢查碼，例如 11.222.333/0001-81。').waitFor();
    await screenshotBoth(page, 'countries-BR-zh-TW-errors');
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});
