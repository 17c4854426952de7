/**
 * Issue 11 part 2: GET /v1/countryvalidationrules/{country} answers Partner Center's CountryInformation
 * ("get address formatting rules by market"; country-information-resources): the documented names,
 * nesting and types, the tax and VAT fields, with ours beside them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, newCaller } from './onboarding-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const strings = expect.arrayContaining([expect.any(String)]);

describe('country validation rules', () => {
  it('have the documented CountryInformation names, nesting and types', async () => {
    const caller = await newCaller(t);
    const response = await api(t, caller.headers).get('/v1/countryvalidationrules/US');
    expect(response.statusCode, response.body).toBe(200);
    const us = response.json();
    expect(us).toMatchObject({
      iso2Code: 'US',
      defaultCulture: 'en-US',
      isStateRequired: true,
      // The resource page's and the SDKs' plain arrays...
      supportedStatesList: expect.arrayContaining(['WA', 'NY']),
      supportedLanguagesList: ['en', 'es'],
      supportedCulturesList: ['en-US', 'es-US'],
      countryCallingCodesList: ['1'],
      // ...and the documented sample's { value: [...] } lists, the same values.
      states: { value: us.supportedStatesList },
      supportedLanguages: { value: ['en', 'es'] },
      supportedCultures: { value: ['en-US', 'es-US'] },
      countryCallingCodes: { value: ['1'] },
      isPostalCodeRequired: true,
      postalCodeRegex: expect.any(String),
      isCityRequired: true,
      phoneNumberRegex: expect.any(String),
      isRegistrationNumberSupported: false,
      // No VAT or tax id is taken for a customer here.
      isVatIdSupported: false,
      vatIdRegex: null,
      isTaxIdSupported: false,
      isTaxIdOptional: true,
      taxIdFormat: null,
      taxIdSample: null,
      attributes: { objectType: 'CountryInformation' },
    });
    expect(us.supportedStatesList).toEqual(strings);
  });

  it('keep ours beside them: the name, the states by name, the registration number', async () => {
    const caller = await newCaller(t);
    const brazil = (await api(t, caller.headers).get('/v1/countryvalidationrules/br?locale=en')).json();
    expect(brazil).toMatchObject({
      iso2Code: 'BR',
      name: 'Brazil',
      isRegistrationNumberSupported: true,
      isRegistrationNumberRequired: true,
      isPhoneRequired: true,
      registrationNumberFormat: { label: 'CNPJ', hint: expect.any(String) },
      states: { value: [] },
      supportedStatesList: [],
    });
    expect(brazil.stateOptions).toContainEqual({ code: 'SP', name: 'São Paulo' });
  });
});
