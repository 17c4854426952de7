/**
 * What the wizard's browser tests share: signing in as a person does, the fields by their labels, a valid
 * US customer typed into the account step, and the steps' addresses.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { uniquePrefix } from '#test/integration/onboarding-fixtures.ts';
import { axeViolations, openPage, screenshotBoth as screenshotBothSizes, type WatchedPage } from './browser.ts';

export interface Account {
  email: string;
  password: string;
}

export const SIGN_IN_LABELS = {
  'en-US': { email: 'Email', password: 'Password', submit: 'Sign in' },
  'zh-TW': { email: '電子郵件', password: '密碼', submit: '登入' },
} as const;

export async function signIn(page: Page, account: Account, labels: { email: string; password: string; submit: string } = SIGN_IN_LABELS['en-US']) {
  await page.getByLabel(labels.email).fill(account.email);
  await page.getByLabel(labels.password).fill(account.password);
  await page.getByRole('button', { name: labels.submit }).click();
}

/** A fresh context on `baseURL`, signed in as `account`, on `path` (the sign-in page sends it there). */
export async function signedInPage(browser: Browser, baseURL: string, account: Account, path = '/customers/new', locale = 'en-US'): Promise<WatchedPage> {
  const watched = await openPage(browser, baseURL, { locale });
  // No transitions: axe must not catch a button halfway between its disabled and enabled colours.
  await watched.page.emulateMedia({ reducedMotion: 'reduce' });
  await watched.page.goto(path);
  await signIn(watched.page, account, locale === 'zh-TW' ? SIGN_IN_LABELS['zh-TW'] : undefined);
  await watched.page.waitForURL((url) => url.pathname.startsWith(path.split('?')[0] ?? path));
  return watched;
}

/** Both sizes, from the top of the page (a full-page shot of a scrolled page draws the fixed header mid-page). */
export async function screenshotBoth(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotBothSizes(page, name);
}

export async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** A field by its whole label (a required field's label ends in an asterisk). */
export const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*\\*?$`));

export interface Customer {
  company: string;
  prefix: string;
  first: string;
  last: string;
}

export function newCustomer(company: string): Customer {
  return { company, prefix: uniquePrefix('c'), first: 'Dana', last: 'Whitfield' };
}

export const EN = {
  company: 'Company name',
  domain: 'Domain',
  line1: 'Address line 1',
  city: 'City',
  state: 'State/Province',
  postal: 'Postal code',
  first: 'First name',
  last: 'Last name',
  email: 'Email address',
  phone: 'Phone number',
  accepted: 'The customer has accepted the latest Microsoft Customer Agreement',
  available: 'is available.',
};
export const ZH: typeof EN = {
  company: '公司名稱',
  domain: '網域',
  line1: '地址第 1 行',
  city: '城市',
  state: '州/省',
  postal: '郵遞區號',
  first: '名字',
  last: '姓氏',
  email: '電子郵件地址',
  phone: '電話號碼',
  accepted: '客戶已接受最新的 Microsoft 客戶合約',
  available: '可以使用。',
};

/** Fills the account step with a valid US customer. */
export async function fillAccount(page: Page, customer: Customer, labels = EN) {
  await field(page, labels.company).fill(customer.company);
  await field(page, labels.domain).fill(customer.prefix);
  await field(page, labels.line1).fill('1 Microsoft Way');
  await field(page, labels.city).fill('Redmond');
  await field(page, labels.state).selectOption('WA');
  await field(page, labels.postal).fill('98052');
  await field(page, labels.first).fill(customer.first);
  await field(page, labels.last).fill(customer.last);
  await field(page, labels.email).fill(`it@${customer.prefix}.example`);
  await field(page, labels.phone).fill('+1 425 555 0100');
  await page.getByRole('checkbox', { name: labels.accepted }).check();
  await page.getByText(`${customer.prefix}.onmicrosoft.com ${labels.available}`).first().waitFor();
}

export async function toStep(page: Page, step: string) {
  await page.waitForURL((url) => url.pathname === `/customers/new/${step}`);
}

export async function draftSaved(page: Page, text = 'Draft saved') {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/** The offer's checkbox and, once chosen, its number of licenses. */
export async function chooseOffer(page: Page, name: string, quantity?: number, quantityLabel = (offer: string) => `Number of licenses for ${offer}`) {
  await page.getByRole('checkbox', { name }).check();
  if (quantity !== undefined) await page.getByLabel(quantityLabel(name)).fill(String(quantity));
}
