import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { agreementBody, api, createOffer, createTemplate, newCaller, onboardingBody, type Headers } from './onboarding-fixtures.ts';

/** SPEC §9: bad input never causes a 5xx. Odd values in every field of a submission, and odd query strings. */
let t: TestApp;
let headers: Headers;
let offerId: string;
beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db);
  offerId = (await createOffer(t.db)).id;
  headers = (await newCaller(t, { kind: 'indirect_provider', markets: ['US', 'BR'], roles: ['sales_agent'] })).headers;
});
afterAll(() => t.close());

const oddValues: unknown[] = [null, 0, -1, 1e308, '', ' ', '\u0000', 'ä'.repeat(3000), [], {}, [1], { a: 1 }, true, '2026-13-45', '9999-12-31T00:00:00Z', 'NaN'];
const fields = [
  'companyProfile.domain', 'companyProfile.organizationRegistrationNumber', 'billingProfile.email', 'billingProfile.culture', 'billingProfile.language',
  'billingProfile.defaultAddress.country', 'billingProfile.defaultAddress.state', 'billingProfile.defaultAddress.postalCode',
  'billingProfile.defaultAddress.phoneNumber', 'billingProfile.defaultAddress', 'agreement.dateAgreed', 'agreement.templateId',
  'agreement.primaryContact.phoneNumber', 'agreement', 'lineItems', 'billingCycle', 'associatedPartnerId', 'draftId',
];

function withValue(body: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let target = body;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return body;
}

describe('no input produces a 5xx', () => {
  it('answers odd values in every field of a submission with 2xx or 4xx', async () => {
    const failures: string[] = [];
    for (const field of fields) {
      for (const value of oddValues) {
        const body = withValue(structuredClone({ ...onboardingBody([{ offerId, quantity: 1 }]), agreement: agreementBody() }) as Record<string, unknown>, field, value);
        const response = await api(t, headers).post('/v1/onboardings/validations', body);
        if (response.statusCode >= 500) failures.push(`${field}=${JSON.stringify(value)?.slice(0, 20)}: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers odd query strings and ids with 4xx', async () => {
    const urls = [
      '/v1/customers?size=abc', '/v1/customers?filter=%7B%22Field%22:1%7D', '/v1/customers?filter=%00', '/v1/offers?country=%00',
      '/v1/offers?country=zz&offset=-1', '/v1/countryvalidationrules/%E4', '/v1/domains/%00/availability', '/v1/customers/not-a-guid/orders',
      '/v1/agreements?agreementType=x', '/v1/onboardings/drafts/xyz',
    ];
    for (const url of urls) {
      const response = await api(t, headers).get(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
    }
  });

  it('names the field that holds a NUL character', async () => {
    const body = withValue(structuredClone(onboardingBody()) as unknown as Record<string, unknown>, 'associatedPartnerId', 'a\u0000b');
    const response = await api(t, headers).post('/v1/customers', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'associatedPartnerId', code: 'invalid_character' });
  });
});
