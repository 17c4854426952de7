/**
 * Issue 7: language and culture come from the customer's country when a client leaves them out
 * (never a fixed en-US), and the country rules call offers what the wizard shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { agreementBody, api, brazilCustomerBody, createTemplate, newCaller, uniquePrefix, type CustomerBody } from './onboarding-fixtures.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db, { versionRank: 1 });
});
afterAll(() => t.close());

function taiwanCustomerBody(prefix = uniquePrefix()): CustomerBody {
  return {
    companyProfile: { domain: prefix },
    billingProfile: {
      email: `it@${prefix}.example`,
      companyName: `Contoso Taiwan ${prefix}`,
      defaultAddress: { firstName: 'Mei', lastName: 'Lin', addressLine1: 'No. 7 Xinyi Road', city: 'Taipei', postalCode: '110', country: 'TW', phoneNumber: '+886 2 2720 1234' },
    },
  };
}

/** The body without culture and language: absent, or null as SDKs send them. */
function withoutLocale(body: CustomerBody, as: 'absent' | 'null'): CustomerBody {
  const { culture: _culture, language: _language, ...billing } = body.billingProfile;
  return { ...body, billingProfile: as === 'absent' ? billing : { ...billing, culture: null, language: null } };
}

describe('language and culture default from the country', () => {
  it.each([
    ['TW', 'absent', 'zh-TW', 'zh'],
    ['BR', 'null', 'pt-BR', 'pt'],
  ] as const)('POST /v1/customers for %s with them %s: %s, %s', async (country, as, culture, language) => {
    const caller = await newCaller(t, { markets: ['US', 'TW', 'BR'] });
    const body = withoutLocale(country === 'TW' ? taiwanCustomerBody() : brazilCustomerBody(), as);
    const created = await api(t, caller.headers).post('/v1/customers', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().billingProfile).toMatchObject({ culture, language });
    const read = await api(t, caller.headers).get(`/v1/customers/${created.json().id}`);
    expect(read.json().billingProfile).toMatchObject({ culture, language });
  });

  it('POST /v1/onboardings for Taiwan without them: zh-TW, zh', async () => {
    const caller = await newCaller(t, { markets: ['TW'] });
    const response = await api(t, caller.headers).post('/v1/onboardings', { ...withoutLocale(taiwanCustomerBody(), 'absent'), agreement: agreementBody(), lineItems: [] });
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json().customer as { id: string };
    expect((await api(t, caller.headers).get(`/v1/customers/${id}`)).json().billingProfile).toMatchObject({ culture: 'zh-TW', language: 'zh' });
  });

  it('a culture alone brings its language, a language alone its culture', async () => {
    const caller = await newCaller(t, { markets: ['TW'] });
    const a = api(t, caller.headers);
    const cultureOnly = taiwanCustomerBody();
    cultureOnly.billingProfile.culture = 'EN-us';
    expect((await a.post('/v1/customers', cultureOnly)).json().billingProfile).toMatchObject({ culture: 'en-US', language: 'en' });
    const languageOnly = taiwanCustomerBody();
    languageOnly.billingProfile.language = 'En';
    expect((await a.post('/v1/customers', languageOnly)).json().billingProfile).toMatchObject({ culture: 'en-US', language: 'en' });
  });

  it('still refuses a culture of another country, at its field', async () => {
    const caller = await newCaller(t, { markets: ['TW'] });
    const body = taiwanCustomerBody();
    body.billingProfile.culture = 'pt-BR';
    const response = await api(t, caller.headers).post('/v1/customers', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ field: 'billingProfile.culture', code: 'culture_not_supported' }));
  });
});

describe('GET /v1/countryvalidationrules/{country} for forms', () => {
  it('offers states by name where one is required, keeps the strict list to US, CA, CN, MX, and none for Taiwan or the UK', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const brazil = (await a.get('/v1/countryvalidationrules/BR')).json();
    expect(brazil).toMatchObject({ isStateRequired: true, states: { value: [] }, supportedStatesList: [] });
    expect(brazil.stateOptions).toContainEqual({ code: 'SP', name: 'São Paulo' });
    expect((await a.get('/v1/countryvalidationrules/IN')).json().stateOptions).toContainEqual({ code: 'KA', name: 'Karnataka' });
    const us = (await a.get('/v1/countryvalidationrules/US')).json();
    expect(us.stateOptions).toContainEqual({ code: 'WA', name: 'Washington' });
    expect(us.supportedStatesList).toContain('WA');
    for (const country of ['TW', 'GB']) {
      expect((await a.get(`/v1/countryvalidationrules/${country}`)).json(), country).toMatchObject({ isStateRequired: false, stateOptions: [] });
    }
  });

  it('lists en-CA for Canada, first, and describes registration numbers in the caller’s language', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    expect((await a.get('/v1/countryvalidationrules/CA')).json()).toMatchObject({ defaultCulture: 'en-CA', supportedCulturesList: ['en-CA', 'fr-CA', 'en-US'], supportedLanguagesList: ['en', 'fr'] });
    expect((await a.get('/v1/countryvalidationrules/BR')).json().registrationNumberFormat).toMatchObject({ label: 'CNPJ', hint: expect.stringContaining('11.222.333/0001-81') });
    expect((await a.get('/v1/countryvalidationrules/BR?locale=zh-TW')).json().registrationNumberFormat.hint).toContain('檢查碼');
    expect((await a.get('/v1/countryvalidationrules/TW')).json().registrationNumberFormat).toBeNull();
  });

  it('agrees with validation: a Brazilian state from the list is accepted, and so is free text', async () => {
    const caller = await newCaller(t, { markets: ['BR'] });
    const a = api(t, caller.headers);
    const listed = brazilCustomerBody();
    listed.billingProfile.defaultAddress.state = 'RJ';
    expect((await a.post('/v1/customers', listed)).json().billingProfile.defaultAddress.state).toBe('RJ');
    const typed = brazilCustomerBody();
    typed.billingProfile.defaultAddress.state = 'Rio de Janeiro';
    expect((await a.post('/v1/customers', typed)).statusCode).toBe(201);
  });
});
