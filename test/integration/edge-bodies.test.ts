import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, customerBody, expectError, newCaller, type Headers } from './onboarding-fixtures.ts';

/**
 * Issue 8: what the edge does with a body before any route sees it. Nesting and the number of objects and
 * arrays are limited (checked on the raw text, before it is parsed), 413 and 415 say what is allowed, and every answer Fastify gives of its
 * own (bad JSON, an empty body, a bad URL) is in the one error shape.
 */
let t: TestApp;
let headers: Headers;
beforeAll(async () => {
  t = await createTestApp();
  headers = (await newCaller(t, { roles: ['admin_agent'] })).headers;
});
afterAll(() => t.close());

const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);
const post = (url: string, payload: string, extra: Headers = {}) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers, ...extra }, payload });

describe('nesting depth', () => {
  it('answers a body nested 10,000 levels with a 400 naming the limit, signed in or not', async () => {
    const deep = `{"companyProfile":${nested(10_000)}}`;
    for (const [url, extra] of [['/v1/customers', {}], ['/api/session', { authorization: '' }]] as const) {
      const body = expectError(await post(url, deep, extra), 400, 3000, 'body', 'too_deep');
      expect(body.description).toContain('32 levels');
    }
  });

  it('checks the depth before parsing: a deep body that is not JSON either is refused for its depth', async () => {
    const body = expectError(await post('/v1/customers', `${'['.repeat(40)}not json at all`), 400, 3000, 'body', 'too_deep');
    expect(body.description).toContain('32 levels');
  });

  it('takes a body at the limit, and brackets inside strings do not count', async () => {
    const atLimit = await post('/v1/onboardings/drafts', JSON.stringify({ data: { nested: JSON.parse(nested(30)) as unknown, text: '[[[['.repeat(100) } }));
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    const overLimit = await post('/v1/onboardings/drafts', JSON.stringify({ data: { nested: JSON.parse(nested(31)) as unknown } }));
    expectError(overLimit, 400, 3000, 'body', 'too_deep');
  });

  it('answers a body of more than 10,000 objects and arrays with a 400 naming the limit', async () => {
    const many = JSON.stringify({ data: { items: Array.from({ length: 10_001 }, () => []) } });
    const body = expectError(await post('/v1/onboardings/drafts', many), 400, 3000, 'body', 'too_many');
    expect(body.description).toContain('10000 objects and arrays');
  });

  it('still matches property names case-insensitively and names the field of a duplicate, deep in a body', async () => {
    const body = customerBody();
    const response = await api(t, headers).post('/v1/customers', { ...body, billingProfile: { ...body.billingProfile, defaultAddress: { ...body.billingProfile.defaultAddress, CITY: 'Redmond' } } });
    expectError(response, 400, 3000, 'billingProfile.defaultAddress.city', 'duplicate_property');
  });

  it('lists at most 50 field errors for a body with thousands of unknown properties, and says how many more', async () => {
    const body = customerBody();
    const wide = { ...body, companyProfile: { ...body.companyProfile, ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`extra${i}`, 'x'])) } };
    const error = expectError(await api(t, headers).post('/v1/customers', wide), 400, 3000);
    expect(error.errors.length).toBe(50);
    expect(error.errors[0]).toMatchObject({ field: 'companyProfile.extra0', code: 'unknown_property' });
    expect(error.description).toContain('19950 more');
    expect(error.description.length).toBeLessThan(20_000);
  });
});

describe('what a body may be', () => {
  it('answers a body over the limit with a 413 that names the limit', async () => {
    const response = await post('/v1/customers', JSON.stringify({ padding: 'x'.repeat(1024 * 1024) }));
    const body = expectError(response, 413, 413000, 'body', 'too_large');
    expect(body.description).toContain('1 MB (1048576 bytes)');
  });

  it('answers a content type it does not read with a 415 that names the accepted one', async () => {
    for (const type of ['application/xml', 'text/plain', 'application/x-www-form-urlencoded']) {
      const response = await post('/v1/customers', '<customer/>', { 'content-type': type });
      const body = expectError(response, 415, 415000, 'content-type', 'unsupported_media_type');
      expect(body.description).toContain(type);
      expect(body.description).toContain('application/json');
    }
  });

  it('answers malformed JSON with a 400 naming the body', async () => {
    const body = expectError(await post('/v1/customers', '{"companyProfile": '), 400, 3000, 'body', 'invalid_json');
    expect(body.description).toMatch(/not valid JSON/);
  });

  it('answers an empty JSON body with a 400 naming the body', async () => {
    expectError(await post('/v1/customers', ''), 400, 3000, 'body', 'required');
  });

  it('answers a prototype-poisoning property with a 400 in the error shape', async () => {
    expectError(await post('/v1/customers', '{"__proto__": {"admin": true}}'), 400, 3000, 'body', 'invalid_json');
  });
});

describe('answers Fastify gives of its own are in the error shape', () => {
  it('a URL that does not decode', async () => {
    for (const url of ['/%zz', '/v1/customers/%zz']) {
      const response = await t.app.inject({ method: 'GET', url, headers });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ code: 3000, source: 'Partnerdesk', description: expect.stringContaining('address'), errors: [{ field: 'url' }] });
      expect(response.headers, url).toMatchObject({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    }
  });

  it('a path parameter longer than any id', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/v1/customers/${'a'.repeat(500)}`, headers });
    expect(response.statusCode).toBe(414);
    expect(response.json()).toMatchObject({ code: 414000, source: 'Partnerdesk', errors: [{ field: 'url', code: 'too_long' }] });
  });

  it('a route that does not exist (404), a method a known path does not take (405, issue 11)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/nothing-here', headers });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 1000, source: 'Partnerdesk', data: [], errors: [] });
    for (const [method, url] of [['DELETE', '/healthz'], ['OPTIONS', '/v1/customers']] as const) {
      const wrong = await t.app.inject({ method, url, headers });
      expect(wrong.statusCode, `${method} ${url}`).toBe(405);
      expect(wrong.json()).toMatchObject({ code: 405, source: 'Partnerdesk', data: [], errors: [] });
    }
  });
});

describe('public routes', () => {
  it('ignore credentials they do not need: a bad bearer token or session cookie is no reason to refuse', async () => {
    for (const extra of [{ authorization: 'Bearer not-a-token' }, { authorization: 'Basic abc' }, { cookie: 'pd_session=forged' }]) {
      for (const url of ['/healthz', '/readyz', '/openapi.json']) {
        const response = await t.app.inject({ method: 'GET', url, headers: extra });
        expect(response.statusCode, `${url} ${JSON.stringify(extra)}`).toBe(200);
      }
    }
  });

  it('sign-in and sign-out still work with a stale bearer token beside them', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { authorization: 'Bearer revoked-long-ago' } });
    expect(response.statusCode).toBe(204);
  });

  it('routes that need a caller still refuse a bad token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/customers', headers: { authorization: 'Bearer not-a-token' } });
    expectError(response, 401, 401);
  });
});
