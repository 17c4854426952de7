/**
 * Issue 10 parts 1 and 3b in the browser: a sales agent adds a subscription to a customer created
 * without one and without an agreement confirmation, confirming the agreement on the way; the customer
 * page then lists both. An agreement confirmation added from the customer page's dialog. A helpdesk
 * agent is offered neither. Every new page at both sizes, in en-US and zh-TW.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCustomer, createPartner, createUser } from '#test/factories.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { createOffer, createTemplate } from '#test/integration/onboarding-fixtures.ts';
import { launchBrowser } from './helpers/browser.ts';
import { ensurePortalBuilt } from './helpers/portal.ts';
import { chooseOffer, expectNoAxeViolations, field, screenshotBoth, signedInPage, type Account } from './helpers/wizard.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
let browser: Browser;
let partnerId: string;
let sales: Account;
let helpdesk: Account;
const offers = { basic: 'Microsoft 365 Business Basic', e3: 'Microsoft 365 E3' };

beforeAll(async () => {
  ensurePortalBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  await createTemplate(server.db, { versionRank: 1 });
  await createTemplate(server.db, { type: 'MicrosoftCloudAgreement', versionRank: 1 });
  await createOffer(server.db, { name: offers.basic, min: 1, max: 300 });
  await createOffer(server.db, { name: offers.e3, category: 'enterprise', min: 1, max: 300 });
  const partner = await createPartner(server.db, { kind: 'direct', name: 'Contoso Direct' });
  partnerId = partner.id;
  sales = await createUser(server.db, { partnerId, roles: ['sales_agent'] });
  helpdesk = await createUser(server.db, { partnerId, roles: ['helpdesk_agent'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Add subscriptions', () => {
  it('a sales agent confirms the missing agreement and adds a subscription; the customer page lists both', async () => {
    const customer = await createCustomer(server.db, { partnerIds: [partnerId], companyName: 'Fourth Coffee' });
    const watched = await signedInPage(browser, server.url, sales, `/customers/${customer.id}`);
    const { page } = watched;

    await page.getByRole('heading', { name: 'Fourth Coffee', level: 1 }).waitFor();
    await page.getByText('No subscriptions yet.').waitFor();
    await page.getByRole('link', { name: 'Add subscriptions' }).click();
    await page.waitForURL((url) => url.pathname === `/customers/${customer.id}/add-subscriptions`);

    // The agreement first: the customer has no confirmation.
    await page.getByRole('heading', { name: 'Customer agreement', level: 2 }).waitFor();
    await expect(page.getByRole('link', { name: /Read the Microsoft Customer Agreement/ }).getAttribute('href')).resolves.toContain('MicrosoftCustomerAgreement');
    await screenshotBoth(page, 'add-subscriptions-agreement-en-US');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Enter a name.').first().waitFor();
    await field(page, 'Signer’s first name').fill('Amara');
    await field(page, 'Signer’s last name').fill('Okafor');
    await field(page, 'Signer’s email address').fill('amara@fourthcoffee.example');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('heading', { name: 'Offers', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Choose at least one offer.').waitFor();
    await chooseOffer(page, offers.basic, 7);
    await screenshotBoth(page, 'add-subscriptions-offers-en-US');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByText(/Accepted on .* by Amara Okafor \(amara@fourthcoffee\.example\)/).waitFor();
    await page.getByText(`7 × ${offers.basic}`).waitFor();
    await screenshotBoth(page, 'add-subscriptions-review-en-US');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.getByText('Subscriptions added').waitFor();
    await page.getByText('The Microsoft Customer Agreement confirmation was recorded with the order.').waitFor();
    await screenshotBoth(page, 'add-subscriptions-done-en-US');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Back to Fourth Coffee' }).click();

    await page.waitForURL((url) => url.pathname === `/customers/${customer.id}`);
    const subscriptions = page.getByRole('table', { name: 'Subscriptions' });
    await subscriptions.getByRole('row', { name: new RegExp(offers.basic) }).waitFor();
    await expect(subscriptions.getByRole('row', { name: new RegExp(offers.basic) }).getByRole('cell').nth(1).textContent()).resolves.toBe('7');
    const agreement = page.getByRole('region', { name: 'Customer agreement' });
    await agreement.getByText('Amara Okafor').waitFor();
    await agreement.getByText('You', { exact: true }).waitFor();
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('in zh-TW: every step in Taiwan wording', async () => {
    const customer = await createCustomer(server.db, { partnerIds: [partnerId], companyName: 'Tailspin Toys' });
    const watched = await signedInPage(browser, server.url, sales, `/customers/${customer.id}/add-subscriptions`, 'zh-TW');
    const { page } = watched;
    await page.getByRole('heading', { name: '新增訂閱', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '客戶合約', level: 2 }).waitFor();
    await screenshotBoth(page, 'add-subscriptions-agreement-zh-TW');
    await field(page, '簽署人名字').fill('美玲');
    await field(page, '簽署人姓氏').fill('林');
    await field(page, '簽署人電子郵件地址').fill('meiling@tailspin.example');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('checkbox', { name: offers.e3 }).check();
    await screenshotBoth(page, 'add-subscriptions-offers-zh-TW');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText(new RegExp(`${offers.e3}：1 個授權`)).waitFor();
    await screenshotBoth(page, 'add-subscriptions-review-zh-TW');
    await page.getByRole('button', { name: '下訂單' }).click();
    await page.getByText('已新增訂閱').waitFor();
    await screenshotBoth(page, 'add-subscriptions-done-zh-TW');
    await expectNoAxeViolations(page);
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('a helpdesk agent is offered neither Add subscriptions nor Add confirmation', async () => {
    const customer = await createCustomer(server.db, { partnerIds: [partnerId], companyName: 'Adventure Works' });
    const watched = await signedInPage(browser, server.url, helpdesk, `/customers/${customer.id}`);
    const { page } = watched;
    await page.getByRole('heading', { name: 'Adventure Works', level: 1 }).waitFor();
    await page.getByText('No subscriptions yet.').waitFor();
    expect(await page.getByRole('link', { name: 'Add subscriptions' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add confirmation' }).count()).toBe(0);
    await page.goto(`/customers/${customer.id}/add-subscriptions`);
    await page.getByText('Your role cannot add subscriptions.', { exact: false }).waitFor();
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});

describe('Add confirmation', () => {
  it('records a confirmation from the customer page, the signer checked by the server', async () => {
    const customer = await createCustomer(server.db, { partnerIds: [partnerId], companyName: 'Wide World Importers' });
    const watched = await signedInPage(browser, server.url, sales, `/customers/${customer.id}`);
    const { page } = watched;
    await page.getByRole('heading', { name: 'No agreement confirmation on record' }).or(page.getByText('No agreement confirmation on record')).first().waitFor();
    await page.getByRole('button', { name: 'Add confirmation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an agreement confirmation' });
    await dialog.waitFor();
    await dialog.getByLabel('Agreement').selectOption({ label: 'Microsoft Customer Agreement' });
    await field(page, 'Signer’s first name').fill('Kenji');
    await field(page, 'Signer’s last name').fill('Sato');
    await field(page, 'Signer’s email address').fill('not an email');
    watched.expectError({ status: 400, path: `/v1/customers/${customer.id}/agreements` });
    await dialog.getByRole('button', { name: 'Add confirmation' }).click();
    await dialog.getByText(/email address/i).last().waitFor();
    await screenshotBoth(page, 'add-confirmation-dialog-en-US');
    await expectNoAxeViolations(page);
    await field(page, 'Signer’s email address').fill('kenji@wideworld.example');
    await dialog.getByRole('button', { name: 'Add confirmation' }).click();
    await dialog.waitFor({ state: 'detached' });
    const agreement = page.getByRole('region', { name: 'Customer agreement' });
    await agreement.getByText('Kenji Sato').waitFor();
    await agreement.getByText('kenji@wideworld.example').waitFor();
    // With the agreement on file, Add subscriptions goes straight to the offers.
    await page.getByRole('link', { name: 'Add subscriptions' }).click();
    await page.getByRole('heading', { name: 'Offers', level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Customer agreement', level: 2 }).count()).toBe(0);
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });

  it('in zh-TW', async () => {
    const customer = await createCustomer(server.db, { partnerIds: [partnerId], companyName: 'Coho Winery' });
    const watched = await signedInPage(browser, server.url, sales, `/customers/${customer.id}`, 'zh-TW');
    const { page } = watched;
    await page.getByRole('button', { name: '新增確認' }).click();
    await page.getByRole('dialog', { name: '新增合約確認' }).waitFor();
    await screenshotBoth(page, 'add-confirmation-dialog-zh-TW');
    await expectNoAxeViolations(page);
    watched.assertNoUnexpectedErrors();
    await watched.close();
  });
});
