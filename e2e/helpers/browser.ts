import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { findChromium } from './chromium.mjs';

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** SCREENSHOT_DIR puts them elsewhere (outside the checkout, to look at them without committing them). */
const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? 'artifacts/screenshots');

/** Debian's Chromium, found as scripts/ensure-chromium.mjs finds it (run that first: `npm run test:e2e` does). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs` (npm run test:e2e does).');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A console error the app is expected to cause: the browser logs every 4xx of a fetch, and some are
 * the point (no session yet, a wrong password).
 */
export interface ExpectedError {
  status: number;
  /** The path of the request, e.g. `/api/session`. */
  path: string;
}

/** Not signed in yet: the portal asks `GET /api/session` and gets 401. Always expected. */
const ALWAYS_EXPECTED: ExpectedError[] = [{ status: 401, path: '/api/session' }];

export interface WatchedPage {
  page: Page;
  /** Allows a console error for a response this test provokes on purpose. */
  expectError(expected: ExpectedError): void;
  /** Fails with every console error and page error not expected; call at the end of the test. */
  assertNoUnexpectedErrors(): void;
  close(): Promise<void>;
}

function isExpected(message: ConsoleMessage, expected: ExpectedError[]): boolean {
  const match = /status of (\d{3})/.exec(message.text());
  if (match === null) return false;
  const status = Number(match[1]);
  const url = message.location().url;
  const requestPath = url === '' ? '' : new URL(url).pathname;
  return expected.some((e) => e.status === status && e.path === requestPath);
}

/**
 * A fresh browser context (no cookies, no storage) and page on `baseURL`, watching for console and
 * page errors: an unexpected one fails the test.
 */
export async function openPage(browser: Browser, baseURL: string, options: { locale?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORTS.desktop, locale: options.locale ?? 'en-US' });
  const page = await context.newPage();
  const expected = [...ALWAYS_EXPECTED];
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' || isExpected(message, expected)) return;
    problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  return {
    page,
    expectError: (error) => expected.push(error),
    assertNoUnexpectedErrors() {
      if (problems.length > 0) throw new Error(`Unexpected errors in the browser:\n${problems.join('\n')}`);
    },
    close: () => context.close(),
  };
}

/** `artifacts/screenshots/<name>-<viewport>.png` (or under SCREENSHOT_DIR), full page. */
export async function screenshot(page: Page, name: string, viewport: ViewportName): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}-${viewport}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Screenshots at 1280×800 and 390×844, leaving the page at the desktop size. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  for (const viewport of ['desktop', 'mobile'] as const) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    // Let layout settle (media queries switch the navigation to a drawer).
    await page.waitForTimeout(150);
    await screenshot(page, name, viewport);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

/**
 * Runs axe on the page as it is now; returns the violations, described for a failure message.
 * One kind of finding is left out, and only that one: `aria-hidden-focus` on the focus helpers of
 * Fluent's focus manager (tabster), `<i data-tabster-dummy aria-hidden tabindex=0>` at the edges of an
 * arrow-key group, which hand focus on the moment they get it (docs/decisions/008-axe-tabster-dummies.md).
 * Every other rule still checks those elements, and any other aria-hidden element that can hold focus fails.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((violation) => {
    const nodes = violation.id === 'aria-hidden-focus' ? violation.nodes.filter((node) => !onlyTabsterDummies(node)) : violation.nodes;
    if (nodes.length === 0) return [];
    return [
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n` +
        nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n'),
    ];
  });
}

type AxeNode = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]['nodes'][number];

const isTabsterDummy = (html: string) => /^<i\b[^>]*\sdata-tabster-dummy\b/.test(html);

/** The aria-hidden element is a tabster dummy, or every focusable element it hides is one. */
function onlyTabsterDummies(node: AxeNode): boolean {
  if (isTabsterDummy(node.html)) return true;
  const related = [...node.any, ...node.all, ...node.none].flatMap((check) => check.relatedNodes ?? []);
  return related.length > 0 && related.every((relatedNode) => isTabsterDummy(relatedNode.html));
}
