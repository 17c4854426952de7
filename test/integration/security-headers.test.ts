import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '#server/app.ts';
import { applyInstanceConfig } from '#server/bootstrap.ts';
import { createPartner, createUser, FACTORY_PASSWORD, signIn } from '#test/factories.ts';
import { testConfig } from '#test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '#test/helpers/db.ts';
import { createTemplate, customerBody, onboardingBody, type Headers } from './onboarding-fixtures.ts';

/**
 * Issue 8: security headers on every answer (@fastify/helmet), HSTS only over https, `no-store` on every
 * API answer (some carry passwords and tokens), and the portal's index.html revalidated while its hashed
 * assets are cached for a year. Over a portal of two files written here, so no build is needed.
 */
let database: TestDatabase;
const apps: App[] = [];
let webRoot: string;
let app: App;

async function appWith(overrides: Record<string, string> = {}) {
  const config = testConfig(overrides);
  await applyInstanceConfig(database.db, config);
  const built = await buildApp({ config, db: database.db, webRoot });
  await built.ready();
  apps.push(built);
  return built;
}

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerdesk-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Partnerdesk</title><script type="module" src="/assets/index-Abc123.js"></script>');
  fs.writeFileSync(path.join(webRoot, 'assets', 'index-Abc123.js'), 'console.log("portal")');
  database = await createTestDatabase();
  app = await appWith();
});
afterAll(async () => {
  for (const built of apps) await built.close();
  await database?.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

function expectSecurityHeaders(response: LightMyRequestResponse, what: string) {
  const csp = String(response.headers['content-security-policy']);
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) {
    expect(csp, what).toContain(directive);
  }
  expect(csp, what).not.toMatch(/script-src[^;]*unsafe/);
  expect(response.headers['x-content-type-options'], what).toBe('nosniff');
  expect(response.headers['referrer-policy'], what).toBe('no-referrer');
  expect(response.headers['x-frame-options'], what).toBe('DENY');
}

describe('security headers', () => {
  it('are on every kind of answer: API, errors, health, the portal, its assets, the docs', async () => {
    const requests: [string, string, Record<string, string>][] = [
      ['GET', '/v1/customers', {}],
      ['GET', '/nothing', {}],
      ['POST', '/api/session', { 'content-type': 'application/json' }],
      ['GET', '/healthz', {}],
      ['GET', '/index.html', {}],
      ['GET', '/customers/new', { accept: 'text/html' }],
      ['GET', '/assets/index-Abc123.js', {}],
      ['GET', '/docs/', {}],
      ['GET', '/openapi.json', {}],
    ];
    for (const [method, url, headers] of requests) {
      const response = await app.inject({ method, url, headers, ...(method === 'POST' ? { payload: '{}' } : {}) });
      expectSecurityHeaders(response, `${method} ${url} (${response.statusCode})`);
    }
  });

  it('send no HSTS over plain http, where it means nothing and a mistake would lock users out', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(String(response.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });

  it('send HSTS when the public URL is https', async () => {
    const secure = await appWith({ PUBLIC_URL: 'https://partnerdesk.example' });
    const response = await secure.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it('send HSTS for a request that came over https through a trusted proxy', async () => {
    const proxied = await appWith({ TRUST_PROXY: 'true' });
    const secure = await proxied.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000');
    const plain = await proxied.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('caching', () => {
  let headers: Headers;
  let session: { cookie: string; csrfToken: string };
  let tokenAnswer: LightMyRequestResponse;
  beforeAll(async () => {
    await createTemplate(database.db);
    const partner = await createPartner(database.db, { kind: 'direct', markets: ['US'] });
    const user = await createUser(database.db, { partnerId: partner.id, roles: ['global_admin', 'admin_agent'] });
    session = await signIn(app, user.email, FACTORY_PASSWORD);
    tokenAnswer = await app.inject({ method: 'POST', url: '/v1/auth/token', payload: { email: user.email, password: FACTORY_PASSWORD } });
    headers = { authorization: `Bearer ${tokenAnswer.json<{ access_token: string }>().access_token}` };
  });

  it('forbids storing every answer that carries a password or a token', async () => {
    const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    const created = await post('/v1/customers', customerBody());
    expect(created.statusCode, created.body).toBe(201);
    const customerId = created.json<{ id: string }>().id;
    const answers: [string, LightMyRequestResponse][] = [
      ['POST /v1/auth/token (the access token)', tokenAnswer],
      ['POST /v1/customers (the admin password)', created],
      ['POST /v1/onboardings (the admin password)', await post('/v1/onboardings', onboardingBody())],
      ['POST adminpasswordresets', await post(`/v1/customers/${customerId}/adminpasswordresets`, {})],
      ['POST /api/session (the CSRF token)', await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'nobody@nowhere.example', password: 'x' } })],
      ['GET /api/session (the CSRF token)', await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } })],
      ['POST /api/tokens (the token)', await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken }, payload: { name: 'ci' } })],
    ];
    for (const [what, response] of answers) {
      expect(response.statusCode, `${what}: ${response.body}`).toBeLessThan(500);
      expect(response.headers['cache-control'], what).toBe('no-store');
    }
    expect(answers.map(([, response]) => response.statusCode)).toEqual([200, 201, 201, 201, 401, 200, 201]);
  });

  it('forbids storing any other API answer too: lists, one customer, errors, health', async () => {
    for (const url of ['/v1/customers', '/v1/offers?country=US', '/v1/customers/00000000-0000-4000-8000-000000000000', '/healthz', '/nothing']) {
      const response = await app.inject({ method: 'GET', url, headers });
      expect(response.headers['cache-control'], `${url} (${response.statusCode})`).toBe('no-store');
    }
  });

  it('has index.html revalidated, under any address the portal answers', async () => {
    for (const [url, accept] of [['/index.html', '*/*'], ['/', 'text/html'], ['/customers/new', 'text/html']] as const) {
      const response = await app.inject({ method: 'GET', url, headers: { accept } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('caches the hashed assets for a year', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-Abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('the API docs', () => {
  it('are public, like the document they show', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui-bundle.js');
    const initializer = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    expect(initializer.body).toContain('validatorUrl');
  });
});
