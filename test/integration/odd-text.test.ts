/**
 * Issue 8: odd text (bidi overrides, zero-width and control characters, line breaks in one-line
 * fields) is refused with a 400 naming the field and the character, not stored silently; what real
 * names need (a Persian ZWNJ, a Hebrew RLM) is kept. The same rule answers the portal's validations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '#test/helpers/app.ts';
import { agreementBody, api, appWithCaller, countCustomersWithDomain, customerBody, expectError, newCaller, onboardingBody, uniquePrefix, type Caller, type CustomerBody } from './onboarding-fixtures.ts';

let t: TestApp;
let caller: Caller;
beforeAll(async () => ({ t, caller } = await appWithCaller()));
afterAll(() => t.close());

type Change = (body: CustomerBody) => void;
const cases: [string, string, Change, string][] = [
  ['billingProfile.companyName', 'text_bidi_control', (b) => (b.billingProfile.companyName = 'Contoso \u202Egnp.exe'), 'U+202E (RIGHT-TO-LEFT OVERRIDE)'],
  ['billingProfile.defaultAddress.firstName', 'text_invisible_character', (b) => (b.billingProfile.defaultAddress.firstName = 'Da\u200Bna'), 'U+200B (ZERO WIDTH SPACE)'],
  ['billingProfile.defaultAddress.lastName', 'text_bidi_control', (b) => (b.billingProfile.defaultAddress.lastName = 'White\u2066field'), 'U+2066'],
  ['billingProfile.defaultAddress.addressLine1', 'text_line_break', (b) => (b.billingProfile.defaultAddress.addressLine1 = '1 Microsoft Way\nBuilding 92'), 'U+000A (LINE FEED)'],
  ['billingProfile.defaultAddress.city', 'text_control_character', (b) => (b.billingProfile.defaultAddress.city = 'Red\u0007mond'), 'U+0007'],
  ['billingProfile.defaultAddress.state', 'text_invisible_character', (b) => (b.billingProfile.defaultAddress.state = 'W\uFEFFA'), 'U+FEFF'],
  ['billingProfile.defaultAddress.postalCode', 'text_invisible_character', (b) => (b.billingProfile.defaultAddress.postalCode = '98\u2060052'), 'U+2060 (WORD JOINER)'],
  ['billingProfile.defaultAddress.phoneNumber', 'text_invisible_character', (b) => (b.billingProfile.defaultAddress.phoneNumber = '+1 425\u200D555 0100'), 'U+200D'],
  ['billingProfile.email', 'text_invisible_character', (b) => (b.billingProfile.email = `it\u200C@${uniquePrefix()}.example`), 'U+200C'],
  ['companyProfile.domain', 'text_invisible_character', (b) => (b.companyProfile.domain = `con\u00ADtoso${uniquePrefix()}`), 'U+00AD (SOFT HYPHEN)'],
];

describe('POST /v1/customers', () => {
  for (const [field, code, change, named] of cases) {
    it(`refuses ${code} in ${field}, naming the field and the character, and creates nothing`, async () => {
      const body = customerBody();
      const domain = body.companyProfile.domain;
      change(body);
      const error = expectError(await api(t, caller.headers).post('/v1/customers', body), 400, 3000, field, code);
      const fieldError = error.errors.find((e) => e.field === field)!;
      expect(fieldError.message).toContain(named);
      // One error for the field: the odd character, not a confusing rule failure beside it.
      expect(error.errors.filter((e) => e.field === field)).toHaveLength(1);
      expect(await countCustomersWithDomain(t.db, domain)).toBe(0);
    });
  }

  it('keeps what real names need: a Persian ZWNJ, a Hebrew RLM, an emoji', async () => {
    const body = customerBody();
    body.billingProfile.companyName = 'شرکت می\u200Cخواهم';
    body.billingProfile.defaultAddress.lastName = 'כהן\u200F';
    body.billingProfile.defaultAddress.addressLine2 = 'Suite 2 \u{1F3E2}';
    const response = await api(t, caller.headers).post('/v1/customers', body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ billingProfile: { companyName: 'شرکت می\u200Cخواهم', defaultAddress: { lastName: 'כהן\u200F' } } });
  });
});

describe('POST /v1/onboardings and its validations', () => {
  it('refuses odd text in the customer and in the signer, and the validations call says the same', async () => {
    const body = { ...onboardingBody(), agreement: agreementBody({ firstName: 'Dana\u202B', email: 'dana\u200B@signer.example' }) };
    body.billingProfile.defaultAddress.addressLine1 = '1 Microsoft Way\r\nRedmond';
    const refused = expectError(await api(t, caller.headers).post('/v1/onboardings', body), 400, 3000);
    const fields = Object.fromEntries(refused.errors.map((e) => [e.field, e.code]));
    expect(fields).toMatchObject({
      'billingProfile.defaultAddress.addressLine1': 'text_line_break',
      'agreement.primaryContact.firstName': 'text_bidi_control',
      'agreement.primaryContact.email': 'text_invisible_character',
    });
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);

    const validation = await api(t, caller.headers).post('/v1/onboardings/validations', body);
    expect(validation.statusCode).toBe(200);
    expect(validation.json<{ valid: boolean; errors: unknown[] }>()).toMatchObject({ valid: false });
    expect(validation.json<{ errors: unknown[] }>().errors).toEqual(expect.arrayContaining(refused.errors));
  });

  it('refuses a control character in a US Government eligibility, where line breaks are fine', async () => {
    const usgov = await newCaller(t, { instance: 'usgov', usgovValidated: true });
    const prefix = uniquePrefix();
    const base = { ...customerBody({ prefix }), companyProfile: { domain: `${prefix}.onmicrosoft.us` } };
    expectError(await api(t, usgov.headers).post('/v1/onboardings', { ...base, eligibility: { validationType: 'GovernmentEntity', details: 'City\u0000 of Redmond' } }), 400, 3000);
    expectError(await api(t, usgov.headers).post('/v1/onboardings', { ...base, eligibility: { validationType: 'GovernmentEntity', details: 'City of\u202E Redmond' } }), 400, 3000, 'eligibility.details', 'text_bidi_control');
    const accepted = await api(t, usgov.headers).post('/v1/onboardings', { ...base, eligibility: { validationType: 'GovernmentEntity', details: 'City of Redmond.\nCharter of 1912.' } });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });
});
