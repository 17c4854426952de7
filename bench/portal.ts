/**
 * The portal as a person feels it (issue 8): Debian's Chromium, driven by playwright-core, against a
 * real server on a fresh database serving the built portal. Each step is timed in the page, from the
 * user's click (a capture listener on `window`) to the first frame that shows the result, painted (the
 * condition is checked on every animation frame; the time is taken once that frame is done). Every run
 * is a fresh browser context (empty cache, no cookies), as a person opening the portal.
 *
 *   node --import tsx bench/portal.ts            (builds the portal first when it is stale)
 *   BENCH_PORTAL_RUNS=7  runs (default 7);  BENCH_SMOKE=1  two runs;  BENCH_PORTAL_TRACE=1  a Chrome
 *   performance trace of each step of the last run in artifacts/bench-portal/ (open in DevTools).
 *   TEST_DB=postgres TEST_DATABASE_URL=...  runs the server on PostgreSQL (default: in-memory PGlite).
 *
 * Writes bench/results/portal.json and portal.md. Where the time goes is printed beside each step: the
 * time the server spent on the step's requests (their union, from Fastify's own hooks) and the
 * requests the page made, as a waterfall from the click.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { testDatabaseKind } from '#test/helpers/db.ts';
import { startTestServer } from '#test/helpers/server.ts';
import { bearerFor, createCustomer, createPartner, createUser, FACTORY_PASSWORD } from '#test/factories.ts';
import { createOffer, createTemplate, customerBody } from '#test/integration/onboarding-fixtures.ts';
import { launchBrowser } from '../e2e/helpers/browser.ts';
import { ensurePortalBuilt } from '../e2e/helpers/portal.ts';
import { chooseOffer, fillAccount, newCustomer, toStep } from '../e2e/helpers/wizard.ts';
import { enUS } from '../src/web/app/locales/en-US.ts';
import { zhTW } from '../src/web/app/locales/zh-TW.ts';
import { customerDetailZhTW } from '../src/web/features/customers/locales/zh-TW.ts';
import { onboardingLaterEnUS } from '../src/web/features/onboarding/locales/en-US-later-strings.ts';

const smoke = process.env.BENCH_SMOKE === '1';
const runs = Number(process.env.BENCH_PORTAL_RUNS ?? (smoke ? 2 : 7));
const tracing = process.env.BENCH_PORTAL_TRACE === '1';
/** A person reads the list before opening a customer, and rests the pointer on a link before clicking it. */
const READ_MS = 1000;
const HOVER_MS = 100;

type StepName = 'signIn' | 'openCustomer' | 'switchLanguage' | 'wizardColdLoad' | 'submit';
const STEPS: { name: StepName; label: string; target: string; targetMs: number | null }[] = [
  { name: 'signIn', label: 'Sign in → customers list shown', target: '≤ 200 ms', targetMs: 200 },
  { name: 'openCustomer', label: 'Open a customer from the list → its page with its data', target: '≤ 200 ms', targetMs: 200 },
  { name: 'switchLanguage', label: 'Switch to 繁體中文 → page re-rendered in zh-TW', target: '≤ 300 ms', targetMs: 300 },
  { name: 'wizardColdLoad', label: 'Wizard cold load (navigation → account step shown)', target: '≤ 300 KB gz JS', targetMs: null },
  { name: 'submit', label: 'Submit in the wizard → credentials shown', target: '≤ 200 ms', targetMs: 200 },
];

// ---------------------------------------------------------------------------------------------------
// The server: e2e's, timing every API request.

interface ServerTiming {
  method: string;
  url: string;
  status: number;
  start: number;
  end: number;
}
const serverTimings: ServerTiming[] = [];

/** What e2e runs on, with Fastify hooks that time every API request. */
function startServer() {
  const started = new WeakMap<object, number>();
  return startTestServer({}, (app) => {
    app.addHook('onRequest', async (request) => {
      started.set(request, performance.now());
    });
    app.addHook('onResponse', async (request, reply) => {
      if (!/^\/(v1|api)\//.test(request.url)) return;
      const url = request.url.split('?')[0]!;
      serverTimings.push({ method: request.method, url, status: reply.statusCode, start: started.get(request) ?? performance.now(), end: performance.now() });
    });
  });
}

/** The time the server was busy on at least one of these requests (their intervals' union). */
function serverBusy(timings: ServerTiming[]): number {
  const sorted = [...timings].sort((a, b) => a.start - b.start);
  let total = 0;
  let end = -Infinity;
  for (const timing of sorted) {
    if (timing.end <= end) continue;
    total += timing.end - Math.max(timing.start, end);
    end = timing.end;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------
// In the page: the click, the frame that shows the result, and the requests in between.

interface BenchState {
  actionAt: number | null;
  shown: Promise<number> | null;
  /** Watches for `condition` from the next click (or, `fromNavigation`, from now on: a page loading). */
  arm(condition: (arg: unknown) => boolean, arg: unknown, fromNavigation: boolean): void;
}
interface BenchWindow {
  __bench: BenchState;
}

/**
 * Runs before the portal's own scripts in every document of the context. From the next click (a
 * capture listener on `window`, before the app's own), every animation frame checks the condition;
 * the first frame where it holds is the end, timed once that frame has been laid out and painted (a
 * message posted from its animation frame callback runs after the frame's rendering).
 */
function installBench() {
  // tsx (esbuild, keepNames) wraps named functions in `__name(...)`: the functions sent to the page need it.
  (globalThis as unknown as { __name: (target: unknown) => unknown }).__name = (target) => target;
  const state: BenchState = {
    actionAt: null,
    shown: null,
    arm(condition, arg, fromNavigation) {
      state.actionAt = fromNavigation ? 0 : null;
      if (!fromNavigation) performance.clearResourceTimings();
      state.shown = new Promise<number>((resolve) => {
        const check = () => {
          if (state.actionAt !== null && condition(arg)) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now());
            channel.port2.postMessage(null);
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },
  };
  (window as unknown as BenchWindow).__bench = state;
  window.addEventListener(
    'click',
    () => {
      state.actionAt ??= performance.now();
    },
    true,
  );
}

/**
 * Arms the page's watch for `shown`. The condition goes as source in an expression (DevTools
 * evaluation, which a Content-Security-Policy does not block, unlike `new Function` in the page).
 */
async function arm<A>(page: Page, shown: (arg: A) => boolean, arg: A, fromNavigation = false): Promise<void> {
  await page.evaluate(`window.__bench.arm(${shown.toString()}, ${JSON.stringify(arg)}, ${fromNavigation})`);
}

interface RequestTiming {
  /** Method is not in Resource Timing: the path only. */
  path: string;
  start: number;
  end: number;
  /** Time to first byte: the server's answer, seen from the page. */
  ttfb: number;
  encodedBytes: number;
  kind: string;
}

interface Sample {
  ms: number;
  serverMs: number;
  /**
   * CPU time spent meanwhile by Chromium (all its processes) and by this process (the server, mostly):
   * the step's work whatever else the machine runs, where the wall-clock figures rise with the load.
   */
  browserCpuMs: number;
  serverCpuMs: number;
  requests: RequestTiming[];
  server: ServerTiming[];
}

interface CpuMark {
  browser: number;
  server: NodeJS.CpuUsage;
}

/** CPU time so far: Chromium's processes (CDP SystemInfo, in 10 ms ticks) and this process. */
async function cpuMark(): Promise<CpuMark> {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  return { browser: processInfo.reduce((sum, info) => sum + info.cpuTime * 1000, 0), server: process.cpuUsage() };
}

async function collect(page: Page, before: CpuMark, serverFrom: number, origin: 'action' | 'navigation'): Promise<Sample> {
  const result = await page.evaluate(async (from) => {
    const state = (window as unknown as BenchWindow).__bench;
    const end = await state.shown!;
    const start = from === 'navigation' ? 0 : state.actionAt!;
    const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.startTime >= start - 1 && entry.startTime <= end)
      .map((entry) => ({
        path: new URL(entry.name).pathname,
        start: entry.startTime - start,
        end: entry.responseEnd - start,
        ttfb: entry.responseStart - entry.requestStart,
        encodedBytes: entry.encodedBodySize,
        kind: entry.initiatorType,
      }));
    return { ms: end - start, requests };
  }, origin);
  const after = await cpuMark();
  const serverCpu = process.cpuUsage(before.server);
  const server = serverTimings.slice(serverFrom);
  return { ...result, browserCpuMs: after.browser - before.browser, serverCpuMs: (serverCpu.user + serverCpu.system) / 1000, serverMs: serverBusy(server), server };
}

/** Times `action` (which clicks) until `shown` holds in a painted frame. */
async function timeStep<A>(page: Page, action: () => Promise<void>, shown: (arg: A) => boolean, arg: A): Promise<Sample> {
  await arm(page, shown, arg);
  const serverFrom = serverTimings.length;
  const before = await cpuMark();
  await action();
  return collect(page, before, serverFrom, 'action');
}

// Conditions, evaluated in the page (self-contained: no closures over this module).
function listShown(arg: { title: string; company: string }): boolean {
  const heading = document.querySelector('main h1');
  const link = Array.from(document.querySelectorAll('main table a')).some((a) => a.textContent === arg.company);
  return heading?.textContent === arg.title && link && document.querySelector('main [role="progressbar"]') === null;
}

function customerShown(arg: { company: string; offer: string }): boolean {
  const main = document.querySelector('main');
  return (
    main?.querySelector('h1')?.textContent === arg.company &&
    (main.textContent ?? '').includes(arg.offer) &&
    main.querySelector('[role="progressbar"]') === null
  );
}

function translatedShown(arg: { lang: string; texts: string[] }): boolean {
  const text = document.body.textContent ?? '';
  return document.documentElement.lang === arg.lang && arg.texts.every((t) => text.includes(t)) && document.querySelector('main [role="progressbar"]') === null;
}

function wizardShown(arg: { title: string; field: string }): boolean {
  const main = document.querySelector('main');
  const label = Array.from(main?.querySelectorAll('label') ?? []).some((l) => (l.textContent ?? '').startsWith(arg.field));
  return main?.querySelector('h1')?.textContent === arg.title && label && main.querySelector('[role="progressbar"]') === null;
}

function credentialsShown(arg: { title: string; password: string }): boolean {
  const main = document.querySelector('main');
  if (main?.querySelector('h1')?.textContent !== arg.title) return false;
  const label = Array.from(main.querySelectorAll('label')).find((l) => (l.textContent ?? '').startsWith(arg.password));
  const input = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
  return input instanceof HTMLInputElement && input.value.length >= 12;
}

// ---------------------------------------------------------------------------------------------------
// The data: one direct partner with a page of customers, one of them with orders (the one opened).

const COMPANY = 'Adatum Corporation';
const OFFERS = { basic: 'Microsoft 365 Business Basic', standard: 'Microsoft 365 Business Standard' };

async function seed(server: Awaited<ReturnType<typeof startServer>>) {
  const db = server.db;
  const partner = await createPartner(db, { kind: 'direct', name: 'Contoso Direct', markets: ['US'] });
  const user = await createUser(db, { partnerId: partner.id, roles: ['admin_agent'] });
  await createTemplate(db, { versionRank: 1 });
  const basic = await createOffer(db, { name: OFFERS.basic, category: 'small_business', markets: [{ country: 'US', currency: 'USD', listPrice: 6 }] });
  const standard = await createOffer(db, { name: OFFERS.standard, category: 'small_business', markets: [{ country: 'US', currency: 'USD', listPrice: 12.5 }] });
  for (let i = 0; i < 60; i++) await createCustomer(db, { partnerIds: [partner.id], companyName: `Customer ${String(i).padStart(3, '0')}` });
  // Through the API, as the wizard would: customer, agreement and order.
  const headers = { ...(await bearerFor(server.app, user.email)), 'content-type': 'application/json' };
  const template = await server.app.inject({ url: '/v1/agreements?agreementType=MicrosoftCustomerAgreement', headers });
  const templateId = (template.json() as { items: { templateId: string }[] }).items[0]?.templateId;
  const body = {
    ...customerBody({ companyName: COMPANY }),
    agreement: { primaryContact: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@adatum.example', phoneNumber: '+1 425 555 0100' }, templateId, dateAgreed: new Date().toISOString() },
    lineItems: [
      { offerId: basic.id, quantity: 10 },
      { offerId: standard.id, quantity: 3 },
    ],
  };
  const onboarded = await server.app.inject({ method: 'POST', url: '/v1/onboardings', headers, payload: JSON.stringify(body) });
  if (onboarded.statusCode !== 201) throw new Error(`seeding the opened customer: ${onboarded.statusCode} ${onboarded.body}`);
  for (const quantity of [5, 8]) {
    const customerId = (onboarded.json() as { customer: { id: string } }).customer.id;
    const order = await server.app.inject({ method: 'POST', url: `/v1/customers/${customerId}/orders`, headers, payload: JSON.stringify({ lineItems: [{ offerId: basic.id, quantity }] }) });
    if (order.statusCode !== 201) throw new Error(`seeding an order: ${order.statusCode} ${order.body}`);
  }
  return { email: user.email, password: FACTORY_PASSWORD };
}

// ---------------------------------------------------------------------------------------------------
// One run: sign in, open a customer, switch the language; then, in a new context, the wizard.

async function withTrace<T>(browser: Browser, page: Page, name: string, trace: boolean, fn: () => Promise<T>): Promise<T> {
  if (!trace) return fn();
  const dir = path.resolve('artifacts/bench-portal');
  mkdirSync(dir, { recursive: true });
  await browser.startTracing(page, { path: path.join(dir, `${name}.json`), screenshots: true });
  try {
    return await fn();
  } finally {
    await browser.stopTracing();
  }
}

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript(installBench);
  return context;
}

async function run(browser: Browser, baseURL: string, account: { email: string; password: string }, trace: boolean): Promise<Record<StepName, Sample> & { jsBytes: number }> {
  const context = await newContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  const signIn = await withTrace(browser, page, 'sign-in', trace, () =>
    timeStep(page, () => page.getByRole('button', { name: 'Sign in' }).click(), listShown, { title: enUS.customers.title, company: COMPANY }),
  );
  await page.getByRole('heading', { level: 1, name: enUS.customers.title }).waitFor();

  await page.waitForTimeout(READ_MS);
  const link = page.getByRole('link', { name: COMPANY });
  await link.hover();
  await page.waitForTimeout(HOVER_MS);
  const openCustomer = await withTrace(browser, page, 'open-customer', trace, () =>
    timeStep(page, () => link.click(), customerShown, { company: COMPANY, offer: OFFERS.standard }),
  );
  await page.getByRole('heading', { level: 1, name: COMPANY }).waitFor();

  await page.waitForTimeout(READ_MS);
  await page.getByRole('button', { name: /^Language/ }).click();
  const chinese = page.getByRole('menuitemradio', { name: '繁體中文' });
  await chinese.hover();
  await page.waitForTimeout(HOVER_MS);
  const switchLanguage = await withTrace(browser, page, 'switch-language', trace, () =>
    timeStep(page, () => chinese.click(), translatedShown, {
      lang: 'zh-TW',
      texts: [zhTW.languages['zh-TW'], customerDetailZhTW.profile.title, customerDetailZhTW.orders.title, customerDetailZhTW.subscriptions.title],
    }),
  );
  await page.getByRole('heading', { name: customerDetailZhTW.orders.title }).waitFor();
  await context.close();

  // The wizard, cold: a signed-in browser with an empty cache opens /customers/new.
  const wizardContext = await newContext(browser, baseURL);
  const signedIn = await wizardContext.request.post('/api/session', { data: account });
  if (!signedIn.ok()) throw new Error(`sign-in for the wizard: ${signedIn.status()}`);
  const wizard = await wizardContext.newPage();
  const serverFrom = serverTimings.length;
  const before = await cpuMark();
  const onboarding = enUS.onboarding;
  const wizardColdLoad = await withTrace(browser, wizard, 'wizard-cold-load', trace, async () => {
    await wizard.goto('/customers/new', { waitUntil: 'commit' });
    await arm(wizard, wizardShown, { title: onboarding.title, field: onboarding.account.companyName }, true);
    return collect(wizard, before, serverFrom, 'navigation');
  });
  const jsBytes = wizardColdLoad.requests.filter((request) => request.path.endsWith('.js')).reduce((sum, request) => sum + request.encodedBytes, 0);

  await wizard.emulateMedia({ reducedMotion: 'reduce' });
  const customer = newCustomer(`Bench ${Date.now()}`);
  await fillAccount(wizard, customer);
  await wizard.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await toStep(wizard, 'subscriptions');
  await chooseOffer(wizard, OFFERS.basic, 10);
  await wizard.getByRole('button', { name: 'Next: Review' }).click();
  await toStep(wizard, 'review');
  const submitButton = wizard.getByRole('button', { name: 'Submit' });
  await wizard.waitForFunction(() => Array.from(document.querySelectorAll('button')).some((b) => b.textContent === 'Submit' && !b.disabled));
  await wizard.getByText(customer.company, { exact: true }).waitFor();
  await wizard.waitForTimeout(READ_MS);
  await submitButton.hover();
  await wizard.waitForTimeout(HOVER_MS);
  const submit = await withTrace(browser, wizard, 'submit', trace, () =>
    timeStep(wizard, () => submitButton.click(), credentialsShown, { title: onboardingLaterEnUS.done.title, password: onboardingLaterEnUS.done.password }),
  );
  await wizard.getByRole('heading', { level: 1, name: onboardingLaterEnUS.done.title }).waitFor();
  await wizardContext.close();
  return { signIn, openCustomer, switchLanguage, wizardColdLoad, submit, jsBytes };
}

// ---------------------------------------------------------------------------------------------------

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${Math.round(value)} ms`;

ensurePortalBuilt();
const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
/** The browser's own DevTools session: the CPU time of its processes. */
const browserCdp: CDPSession = await browser.newBrowserCDPSession();
try {
  const account = await seed(server);
  // One run to warm the server (JIT, PGlite's caches) and the browser (its CJK font, first drawn on the
  // first switch to 繁體中文): not counted, but reported as what a freshly started browser meets.
  process.stdout.write('warm-up run… ');
  const warmUp = await run(browser, server.url, account, false);
  const samples: Awaited<ReturnType<typeof run>>[] = [];
  for (let i = 0; i < runs; i++) {
    process.stdout.write(`run ${i + 1}/${runs}… `);
    samples.push(await run(browser, server.url, account, tracing && i === runs - 1));
  }
  process.stdout.write('\n');

  const steps = STEPS.map((step) => {
    const values = samples.map((sample) => sample[step.name].ms);
    const server = samples.map((sample) => sample[step.name].serverMs);
    const browserCpu = samples.map((sample) => sample[step.name].browserCpuMs);
    const serverCpu = samples.map((sample) => sample[step.name].serverCpuMs);
    const last = samples[samples.length - 1]![step.name];
    const med = median(values);
    return {
      step: step.name,
      label: step.label,
      target: step.target,
      medianMs: Math.round(med),
      p90Ms: Math.round(quantile(values, 0.9)),
      maxMs: Math.round(Math.max(...values)),
      minMs: Math.round(Math.min(...values)),
      samplesMs: values.map(Math.round),
      browserCpuMedianMs: Math.round(median(browserCpu)),
      serverCpuMedianMs: Math.round(median(serverCpu)),
      serverMedianMs: Math.round(median(server)),
      met: step.targetMs === null ? null : med <= step.targetMs,
      // The last run's requests, from the click: where the time went.
      waterfall: last.requests.map((request) => ({ ...request, start: Math.round(request.start), end: Math.round(request.end), ttfb: Math.round(request.ttfb) })),
      serverRequests: last.server.map((timing) => ({ method: timing.method, url: timing.url, status: timing.status, ms: Math.round(timing.end - timing.start) })),
    };
  });
  const jsKB = median(samples.map((sample) => sample.jsBytes)) / 1024;
  const submitPost = samples.map((sample) => sample.submit.server.find((timing) => timing.method === 'POST' && timing.url === '/v1/onboardings'));
  const postMs = median(submitPost.map((timing) => (timing ? timing.end - timing.start : 0)));

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}, Node ${process.version}, ${browser.version()} (Chromium), ${testDatabaseKind()}`;
  const header = ['step', 'median', 'p90 / max', 'CPU browser + server', 'server busy', 'target', ''];
  const rows = steps.map((step) => [
    step.label,
    ms(step.medianMs),
    `${ms(step.p90Ms)} / ${ms(step.maxMs)}`,
    `${ms(step.browserCpuMedianMs)} + ${ms(step.serverCpuMedianMs)}`,
    ms(step.serverMedianMs),
    step.step === 'wizardColdLoad' ? `${step.target} (${jsKB.toFixed(1)} KB)` : step.target,
    step.met === null ? (jsKB <= 300 ? 'ok' : 'MISSED') : step.met ? 'ok' : 'MISSED',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(`\nThe portal as a person feels it: medians of ${runs} runs (${machine})`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`POST /v1/onboardings on the server (median): ${ms(postMs)} of Submit's ${ms(steps.find((step) => step.step === 'submit')!.medianMs)}`);

  const firstRunMs = Object.fromEntries(STEPS.map((step) => [step.name, Math.round(warmUp[step.name].ms)]));
  const firstRun = STEPS.map((step) => `${step.name} ${ms(firstRunMs[step.name]!)}`).join(', ');
  console.log(`The warm-up run (a freshly started browser and server, not counted): ${firstRun}`);
  const results = { bench: 'portal', date: new Date().toISOString(), machine, runs, readMs: READ_MS, hoverMs: HOVER_MS, wizardColdLoadJsKB: Number(jsKB.toFixed(1)), onboardingPostMedianMs: Math.round(postMs), firstRunMs, steps };
  mkdirSync(path.resolve('bench/results'), { recursive: true });
  writeFileSync(path.resolve('bench/results/portal.json'), `${JSON.stringify(results, null, 2)}\n`);
  const md = [
    '# Portal timings',
    '',
    `${results.date}, ${machine}. \`node --import tsx bench/portal.ts\`, medians of ${runs} runs (each a fresh browser context), after one warm-up run.`,
    '',
    `| ${header.slice(0, -1).join(' | ')} | |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `POST /v1/onboardings on the server (median): ${ms(postMs)}.`,
    '',
    `The warm-up run (a freshly started browser and server, not counted): ${firstRun}.`,
    '',
  ].join('\n');
  writeFileSync(path.resolve('bench/results/portal.md'), md);
} finally {
  await browser.close();
  await server.close();
}
