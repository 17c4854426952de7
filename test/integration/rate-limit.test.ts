/**
 * Issue 8: the API rate limit (API_RATE_LIMIT_PER_MINUTE). Counted per partner organisation (all its
 * users, tokens and sessions together), unauthenticated calls per client address; on /v1 and /api only.
 * Answers carry the IETF draft's RateLimit-Limit/-Remaining/-Reset, a 429 also Retry-After and the error
 * shape with Partner Center's code for throttling (429). On PostgreSQL the counters live in a table that
 * every server process shares; on PGlite (one process) in memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { createTestApp, testConfig, type TestApp } from '#test/helpers/app.ts';
import { testDatabaseKind } from '#test/helpers/db.ts';
import { createPartner, createUser, FACTORY_PASSWORD } from '#test/factories.ts';

const LIMIT = 5;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
});
afterAll(() => t.close());

/** Every sign-in from an address of its own, so that the address's own count never gets in the way. */
let addresses = 0;
const nextAddress = () => `203.0.113.${++addresses}`;

async function tokenFor(app: TestApp['app'], email: string) {
  const response = await app.inject({ method: 'POST', url: '/v1/auth/token', payload: { email, password: FACTORY_PASSWORD }, remoteAddress: nextAddress() });
  expect(response.statusCode, response.body).toBe(200);
  return { authorization: `Bearer ${response.json<{ access_token: string }>().access_token}` };
}

async function newPartnerUser(app: TestApp['app'] = t.app) {
  const partner = await createPartner(t.db);
  const user = await createUser(t.db, { partnerId: partner.id, roles: ['admin_agent'] });
  return { partner, user, headers: await tokenFor(app, user.email) };
}

const list = (headers: Record<string, string>, app: TestApp['app'] = t.app) => app.inject({ method: 'GET', url: '/v1/customers', headers });

function expectRateLimited(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(429);
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(response.headers['ratelimit-limit']).toBe(String(LIMIT));
  expect(response.headers['ratelimit-remaining']).toBe('0');
  expect(Number(response.headers['ratelimit-reset'])).toBe(retryAfter);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.json()).toEqual({
    code: 429,
    description: `Rate limit is exceeded. Try again in ${retryAfter} seconds.`,
    data: [],
    source: 'Partnerdesk',
    errors: [],
  });
}

describe('API_RATE_LIMIT_PER_MINUTE', () => {
  it('answers the request past the limit with 429, Retry-After and the error shape; the answers before carry RateLimit-*', async () => {
    const { headers } = await newPartnerUser();
    for (let n = 1; n <= LIMIT; n++) {
      const response = await list(headers);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['ratelimit-limit']).toBe(String(LIMIT));
      expect(response.headers['ratelimit-remaining']).toBe(String(LIMIT - n));
      const reset = Number(response.headers['ratelimit-reset']);
      expect(reset).toBeGreaterThanOrEqual(1);
      expect(reset).toBeLessThanOrEqual(60);
    }
    expectRateLimited(await list(headers));
    // Any route of the API counts, and refuses, alike.
    expectRateLimited(await t.app.inject({ method: 'POST', url: '/v1/onboardings/drafts', headers, payload: { step: 'account', data: {} } }));
  });

  it('counts per partner organisation: its other users share the count, another partner is unaffected', async () => {
    const first = await newPartnerUser();
    const colleague = await createUser(t.db, { partnerId: first.partner.id, roles: ['sales_agent'] });
    const colleagueHeaders = await tokenFor(t.app, colleague.email);
    for (let n = 1; n <= LIMIT; n++) expect((await list(n % 2 ? first.headers : colleagueHeaders)).statusCode).toBe(200);
    expectRateLimited(await list(colleagueHeaders));
    expectRateLimited(await list(first.headers));

    const other = await newPartnerUser();
    const response = await list(other.headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
  });

  it('counts a portal session with its partner, after the caller is known', async () => {
    const { user, headers } = await newPartnerUser();
    const signIn = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: FACTORY_PASSWORD }, remoteAddress: nextAddress() });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const cookie = `pd_session=${signIn.cookies.find((c) => c.name === 'pd_session')!.value}`;
    for (let n = 1; n <= LIMIT - 1; n++) expect((await list(headers)).statusCode).toBe(200);
    const session = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.headers['ratelimit-remaining']).toBe('0');
    expectRateLimited(await t.app.inject({ method: 'GET', url: '/api/tokens', headers: { cookie } }));
  });

  it('counts unauthenticated calls per client address', async () => {
    // A body without credentials: refused by validation, which comes after the count (no sign-in is tried).
    const tokenCall = (remoteAddress: string) => t.app.inject({ method: 'POST', url: '/v1/auth/token', payload: {}, remoteAddress });
    const address = nextAddress();
    for (let n = 1; n <= LIMIT; n++) {
      const response = await tokenCall(address);
      expect(response.statusCode).toBe(400);
      expect(response.headers['ratelimit-remaining']).toBe(String(LIMIT - n));
    }
    expectRateLimited(await tokenCall(address));
    const elsewhere = await tokenCall(nextAddress());
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
  });

  it('counts a HEAD (explicit or GET’s) once, and an OPTIONS (no such route: 405) not at all', async () => {
    const { headers } = await newPartnerUser();
    const remaining = (response: LightMyRequestResponse) => response.headers['ratelimit-remaining'];
    expect(remaining(await t.app.inject({ method: 'HEAD', url: '/v1/domains/nobody-has-this.onmicrosoft.com', headers }))).toBe(String(LIMIT - 1));
    expect(remaining(await t.app.inject({ method: 'HEAD', url: '/v1/customers', headers }))).toBe(String(LIMIT - 2));
    const options = await t.app.inject({ method: 'OPTIONS', url: '/v1/customers', headers });
    expect(options.statusCode).toBe(405);
    expect(remaining(options)).toBeUndefined();
    expect(remaining(await list(headers))).toBe(String(LIMIT - 3));
  });

  it('leaves /healthz, /readyz, the OpenAPI document and the portal’s files alone', async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerdesk-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Partnerdesk</title>');
    fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'export {};');
    const app = await buildApp({ config: t.config, db: t.db, databaseKind: t.database.kind, webRoot });
    try {
      for (let n = 0; n <= LIMIT * 2; n++) {
        for (const url of ['/healthz', '/readyz', '/openapi.json', '/assets/app.js', '/customers']) {
          const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' }, remoteAddress: '203.0.113.250' });
          expect(response.statusCode, url).toBe(200);
          expect(response.headers['ratelimit-limit'], url).toBeUndefined();
        }
      }
    } finally {
      await app.close();
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });

  it('lets exactly the limit through when the calls arrive at once', async () => {
    const { headers } = await newPartnerUser();
    const responses = await Promise.all(Array.from({ length: LIMIT * 4 }, () => list(headers)));
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(LIMIT * 3);
  });

  it('documents the 429 answer of every rate-limited route in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>();
    expect(document.paths['/v1/customers']?.get?.responses['429']).toBeDefined();
    expect(document.paths['/v1/onboardings']?.post?.responses['429']).toBeDefined();
    expect(document.paths['/healthz']?.get?.responses['429']).toBeUndefined();
  });
});

describe.skipIf(testDatabaseKind() !== 'postgres')('on PostgreSQL (the counters are in a table)', () => {
  it('counts across two servers on one database', async () => {
    const second = await buildApp({ config: t.config, db: t.db, databaseKind: 'postgres', webRoot: '/nonexistent' });
    try {
      const { headers } = await newPartnerUser();
      for (let n = 1; n <= LIMIT; n++) {
        const response = await list(headers, n % 2 ? t.app : second);
        expect(response.statusCode).toBe(200);
        expect(response.headers['ratelimit-remaining']).toBe(String(LIMIT - n));
      }
      expectRateLimited(await list(headers, second));
      expectRateLimited(await list(headers, t.app));
    } finally {
      await second.close();
    }
  });
});

describe('API_RATE_LIMIT_PER_MINUTE=0', () => {
  it('turns the limit off', async () => {
    const app = await buildApp({ config: testConfig({ API_RATE_LIMIT_PER_MINUTE: '0' }), db: t.db, databaseKind: t.database.kind, webRoot: '/nonexistent' });
    try {
      const { headers } = await newPartnerUser(app);
      for (let n = 0; n < LIMIT * 3; n++) {
        const response = await list(headers, app);
        expect(response.statusCode).toBe(200);
        expect(response.headers['ratelimit-limit']).toBeUndefined();
      }
    } finally {
      await app.close();
    }
  });

  it('is 3000 a minute by default, and refuses a negative or fractional value', async () => {
    expect(testConfig().apiRateLimitPerMinute).toBe(3000);
    expect(() => testConfig({ API_RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
    expect(() => testConfig({ API_RATE_LIMIT_PER_MINUTE: '2.5' })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
  });
});
