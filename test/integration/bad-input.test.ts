import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, countCustomersWithDomain, createOffer, createTemplate, customerBody, expectError, newCaller, onboardingBody, type Headers } from './onboarding-fixtures.ts';

/**
 * Issue 8, "500s on bad input": values that reached PostgreSQL (or an int4 column) and came back as a
 * 5xx. Each is a 400 naming the field, and nothing is written. The lone surrogate fails only on a real
 * PostgreSQL server (PGlite stores it), so run this file on both.
 */
let t: TestApp;
let headers: Headers;
let offerId: string;
let customerId: string;
const DRAFTS = '/v1/onboardings/drafts';
const INT4_OVERFLOW = 2 ** 31;

beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db);
  offerId = (await createOffer(t.db)).id;
  headers = (await newCaller(t, { roles: ['admin_agent'] })).headers;
  // Through onboarding, with the agreement accepted: orders for it are then taken.
  const created = await api(t, headers).post('/v1/onboardings', onboardingBody());
  expect(created.statusCode, created.body).toBe(201);
  customerId = created.json().customer.id;
});
afterAll(() => t.close());

/** A raw JSON body, so that escapes such as \ud800 reach the server exactly as written. */
function raw(method: 'POST' | 'PUT', url: string, payload: string, extra: Headers = {}) {
  return t.app.inject({ method, url, headers: { 'content-type': 'application/json', ...headers, ...extra }, payload });
}

describe('a lone surrogate in JSON text', () => {
  it('is refused in draft data, naming the field, on POST and PUT', async () => {
    const post = await raw('POST', DRAFTS, '{"step":"account","data":{"companyName":"Bad \\ud800 Ltd"}}');
    expectError(post, 400, 3000, 'data.companyName', 'invalid_character');
    expect((await api(t, headers).get(DRAFTS)).json().totalCount).toBe(0);

    const draft = (await api(t, headers).post(DRAFTS, { step: 'account', data: { companyName: 'Good Ltd' } })).json();
    const put = await raw('PUT', `${DRAFTS}/${draft.id}`, '{"step":"account","data":{"nested":[{"x":"\\udfff"}]}}', { 'If-Match': '"1"' });
    expectError(put, 400, 3000, 'data.nested.0.x', 'invalid_character');
    expect((await api(t, headers).get(`${DRAFTS}/${draft.id}`)).json()).toMatchObject({ version: 1, data: { companyName: 'Good Ltd' } });
  });

  it('is refused in a property name of draft data (jsonb keys are text too)', async () => {
    const response = await raw('POST', DRAFTS, '{"step":"account","data":{"a\\ud800":"x"}}');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ code: 'invalid_character' });
    expect(response.json().errors[0].field).toBe('data.a\\ud800');
  });

  it('is refused in a text column (a customer name), and nothing is written', async () => {
    const body = customerBody();
    const payload = JSON.stringify(body).replace(body.billingProfile.companyName!, 'Contoso \\ud83d');
    const response = await raw('POST', '/v1/customers', payload);
    expectError(response, 400, 3000, 'billingProfile.companyName', 'invalid_character');
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
  });

  it('is refused in a query string', async () => {
    const response = await api(t, headers).get(`/v1/customers?filter=${encodeURIComponent('{"Field":"CompanyName","Value":"\\ud800","Operator":"starts_with"}')}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('filter');
  });

  it('accepts a well-formed pair (an emoji) as before', async () => {
    const response = await raw('POST', DRAFTS, '{"step":"account","data":{"companyName":"Smile \\ud83d\\ude00 Ltd"}}');
    expect(response.statusCode).toBe(201);
    expect(response.json().data.companyName).toBe('Smile \u{1F600} Ltd');
  });
});

describe('numbers beyond int4', () => {
  it('refuses a lineItemNumber of 2147483648 in an order, naming it', async () => {
    const response = await api(t, headers).post(`/v1/customers/${customerId}/orders`, { lineItems: [{ lineItemNumber: INT4_OVERFLOW, offerId, quantity: 1 }] });
    expectError(response, 400, 3000, 'lineItems.0.lineItemNumber');
    const orders = await api(t, headers).get(`/v1/customers/${customerId}/orders`);
    expect(orders.json().totalCount).toBe(0);
  });

  it('refuses a lineItemNumber of 2147483648 in an onboarding, and creates no customer', async () => {
    const body = onboardingBody([{ offerId, quantity: 1, lineItemNumber: INT4_OVERFLOW } as never]);
    const response = await api(t, headers).post('/v1/onboardings', body);
    expectError(response, 400, 3000, 'lineItems.0.lineItemNumber');
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
  });

  it('still takes the largest int4 lineItemNumber', async () => {
    const response = await api(t, headers).post(`/v1/customers/${customerId}/orders`, { lineItems: [{ lineItemNumber: INT4_OVERFLOW - 1, offerId, quantity: 1 }] });
    expect(response.statusCode).toBe(201);
  });

  it('answers an If-Match of 2147483648 or more with a 4xx, and leaves the draft alone', async () => {
    const draft = (await api(t, headers).post(DRAFTS, { step: 'account', data: { companyName: 'Versioned Ltd' } })).json();
    for (const ifMatch of [`"${INT4_OVERFLOW}"`, '"99999999999999999999999"', `W/"${INT4_OVERFLOW}"`]) {
      const response = await api(t, headers).put(`${DRAFTS}/${draft.id}`, { step: 'review', data: {} }, { 'If-Match': ifMatch });
      expect([400, 412], ifMatch).toContain(response.statusCode);
      expect(String(response.json().errors?.[0]?.field ?? 'if-match').toLowerCase(), ifMatch).toBe('if-match');
    }
    expect((await api(t, headers).get(`${DRAFTS}/${draft.id}`)).json()).toMatchObject({ version: 1, step: 'account' });
  });
});

describe('continuation tokens and filters', () => {
  const lists = () => [
    '/v1/customers',
    `/v1/customers/${customerId}/orders`,
    `/v1/customers/${customerId}/subscriptions`,
    `/v1/customers/${customerId}/agreements`,
    '/v1/offers?country=US',
    DRAFTS,
    '/v1/agreements?agreementType=MicrosoftCustomerAgreement',
    '/v1/relationships?relationship_type=IsIndirectResellerOf',
  ];
  const nulToken = Buffer.from(JSON.stringify(['companyName', 'a\u0000b', randomUUID(), 'x'])).toString('base64url');
  const surrogateToken = Buffer.from('["companyName","\\ud800","00000000-0000-0000-0000-000000000000","x"]').toString('base64url');
  const tokens = ['not a token!', '%%%', 'eyJ9', nulToken, surrogateToken, 'A'.repeat(1999)];

  it('refuses a malformed MS-ContinuationToken on every paged list with a 400 naming it', async () => {
    const failures: string[] = [];
    for (const url of lists()) {
      const ok = await api(t, headers).get(url);
      if (ok.statusCode !== 200) failures.push(`${url} without a token: ${ok.statusCode}`);
      for (const token of tokens) {
        const response = await api(t, headers).get(url, { 'MS-ContinuationToken': token });
        const field = response.statusCode === 400 ? response.json().errors?.[0]?.field : undefined;
        if (response.statusCode !== 400 || field !== 'MS-ContinuationToken') failures.push(`${url} ${token.slice(0, 12)}: ${response.statusCode} ${field}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers continuationToken and seekOperation in the query (not our form) without a 5xx, and a NUL in them with a 400', async () => {
    const failures: string[] = [];
    for (const url of lists()) {
      for (const token of [encodeURIComponent(nulToken), 'garbage', '%ED%A0%80']) {
        const response = await api(t, headers).get(`${url}${url.includes('?') ? '&' : '?'}continuationToken=${token}&seekOperation=Next`);
        if (response.statusCode >= 500) failures.push(`${url} ${token.slice(0, 12)}: ${response.statusCode}`);
      }
      const nul = await api(t, headers).get(`${url}${url.includes('?') ? '&' : '?'}continuationToken=a%00b`);
      if (nul.statusCode !== 400 || nul.json().errors?.[0]?.field !== 'continuationToken') failures.push(`${url} NUL: ${nul.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses a NUL in a filter, raw or as a JSON escape, naming the filter', async () => {
    for (const filter of ['%00', encodeURIComponent('{"Field":"CompanyName","Value":"a\\u0000","Operator":"starts_with"}')]) {
      const response = await api(t, headers).get(`/v1/customers?filter=${filter}`);
      expectError(response, 400, 3000, 'filter');
    }
  });

  it('still follows a real continuation token', async () => {
    await api(t, headers).post('/v1/customers', customerBody());
    const first = (await api(t, headers).get('/v1/customers?size=1')).json();
    const next = first.links.next;
    expect(next).toBeDefined();
    const second = await api(t, headers).get(next.uri, Object.fromEntries(next.headers.map((h: { key: string; value: string }) => [h.key, h.value])));
    expect(second.statusCode).toBe(200);
    expect(second.json().items[0].id).not.toBe(first.items[0].id);
  });
});
