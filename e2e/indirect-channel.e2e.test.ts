/**
 * The indirect channel in the portal (issue 9 part 6): an indirect provider changes a customer's
 * reseller in the customer page's dialog, which offers active partnerships only, and the page then
 * shows the new one; the reseller's portal has no "Add customer", lists the customers associated with
 * it, and offers no change of reseller. Both languages; the dialog at both sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bearerFor, createPartner, createPartnership, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createTemplate, customerBody, onboardingBody } from '#test/integration/onboarding-fixtures.ts';
import { axeViolations, launchBrowser, screenshotBoth } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { signedInPage } from './helpers/wizard.ts';
import { customerDetailEnUS } from '../src/web/features/customers/locales/en-US.ts';
import { customerDetailZhTW } from '../src/web/features/customers/locales/zh-TW.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface Account { id: string; email: string; password: string }
type Language = 'en-US' | 'zh-TW';

let server: Server;
let browser: Browser;
let providerAgent: Account;
let helpdesk: Account;
let southAdmin: Account;
const names = { provider: 'Fabrikam Distribution', north: 'Northwind Traders', south: 'Southridge Resellers', dormant: 'Dormant Reselling Co' };
const customers: Record<Language, string> = { 'en-US': '', 'zh-TW': '' };
const companies: Record<Language, string> = { 'en-US': 'Alpine Ski House', 'zh-TW': 'Wide World Importers' };
let southCustomer = '';

async function onboard(account: Account, company: string, resellerId: string) {
  const headers = { ...(await bearerFor(server, account.email)), 'content-type': 'application/json' };
  const body = { ...onboardingBody(), billingProfile: { ...customerBody().billingProfile, companyName: company }, associatedPartnerId: resellerId };
  const response = await server.app.inject({ method: 'POST', url: '/v1/onboardings', headers, payload: JSON.stringify(body) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ customer: { id: string } }>().customer.id;
}

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.db;
  await createTemplate(db, { versionRank: 1 });
  const fabrikam = await createPartner(db, { kind: 'indirect_provider', name: names.provider });
  const north = await createPartner(db, { kind: 'indirect_reseller', name: names.north });
  const south = await createPartner(db, { kind: 'indirect_reseller', name: names.south });
  const dormant = await createPartner(db, { kind: 'indirect_reseller', name: names.dormant });
  await createPartnership(db, fabrikam.id, north.id);
  await createPartnership(db, fabrikam.id, south.id);
  await createPartnership(db, fabrikam.id, dormant.id, 'inactive');
  providerAgent = await createUser(db, { partnerId: fabrikam.id, roles: ['admin_agent'] });
  helpdesk = await createUser(db, { partnerId: fabrikam.id, roles: ['helpdesk_agent'] });
  southAdmin = await createUser(db, { partnerId: south.id, roles: ['global_admin'] });
  customers['en-US'] = await onboard(providerAgent, companies['en-US'], north.id);
  customers['zh-TW'] = await onboard(providerAgent, companies['zh-TW'], north.id);
  southCustomer = await onboard(providerAgent, 'Southridge Video', south.id);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the reseller's list is checked for, in each language. */
const LIST = {
  'en-US': { addCustomer: 'Add customer', customers: 'Customers' },
  'zh-TW': { addCustomer: '新增客戶', customers: '客戶' },
} as const;

const signedIn = (account: Account, path: string, language: Language = 'en-US') => signedInPage(browser, server.url, account, path, language);

const STRINGS = { 'en-US': customerDetailEnUS, 'zh-TW': customerDetailZhTW } as const;

describe.each(['en-US', 'zh-TW'] as const)('changing a customer’s reseller (%s)', (language) => {
  const text = STRINGS[language];

  it('offers the active resellers only, saves the choice, and the page shows the new reseller', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(providerAgent, `/customers/${customers[language]}`, language);
    await page.getByRole('heading', { level: 1, name: companies[language] }).waitFor();
    const relationship = page.getByRole('region', { name: text.relationship.title });
    const resellerValue = async () => {
      const terms = await relationship.getByRole('term').allInnerTexts();
      return (await relationship.getByRole('definition').allInnerTexts())[terms.indexOf(text.relationship.indirectReseller)];
    };
    expect(await resellerValue()).toBe(names.north);

    await relationship.getByRole('button', { name: text.changeReseller.button }).click();
    const dialog = page.getByRole('dialog', { name: text.changeReseller.title });
    await dialog.waitFor();
    const save = dialog.getByRole('button', { name: text.changeReseller.save });
    // Nothing changed yet: nothing to save.
    await expect(save.isDisabled()).resolves.toBe(true);
    const list = dialog.getByRole('combobox', { name: text.changeReseller.label });
    const options = await list.getByRole('option').allInnerTexts();
    expect(options.some((option) => option.startsWith(names.north))).toBe(true);
    expect(options.some((option) => option.startsWith(names.south))).toBe(true);
    expect(options).toContain(text.changeReseller.none);
    expect(options.some((option) => option.includes(names.dormant))).toBe(false);
    await list.selectOption({ label: options.find((option) => option.startsWith(names.south))! });
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBoth(page, `indirect-change-reseller-dialog-${language}`);

    await save.click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(resellerValue).toBe(names.south);
    // Read again from the server, the page still says so.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: companies[language] }).waitFor();
    await expect.poll(resellerValue).toBe(names.south);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe("what is not offered", () => {
  it('has no "Change reseller" for a helpdesk agent of the provider', async () => {
    const { page, assertNoUnexpectedErrors, close } = await signedIn(helpdesk, `/customers/${southCustomer}`);
    await page.getByRole('heading', { level: 1, name: 'Southridge Video' }).waitFor();
    await page.getByRole('region', { name: customerDetailEnUS.relationship.title }).waitFor();
    await expect(page.getByRole('button', { name: customerDetailEnUS.changeReseller.button }).count()).resolves.toBe(0);
    assertNoUnexpectedErrors();
    await close();
  });
});

describe.each(['en-US', 'zh-TW'] as const)("the reseller's portal (%s)", (language) => {
  it('lists the customers associated with it, with no "Add customer" and no "Change reseller"', async () => {
    const labels = LIST[language];
    const { page, assertNoUnexpectedErrors, close } = await signedIn(southAdmin, '/customers', language);
    const table = page.getByRole('table', { name: labels.customers });
    await table.getByRole('row').filter({ hasText: 'Southridge Video' }).waitFor();
    await expect(page.getByRole('link', { name: labels.addCustomer }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: labels.addCustomer }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBoth(page, `indirect-reseller-customers-${language}`);

    await table.getByRole('row').filter({ hasText: 'Southridge Video' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Southridge Video' }).waitFor();
    await page.getByRole('region', { name: STRINGS[language].relationship.title }).waitFor();
    await expect(page.getByRole('button', { name: STRINGS[language].changeReseller.button }).count()).resolves.toBe(0);
    assertNoUnexpectedErrors();
    await close();
  });
});
