/**
 * Issue 3, test 3 (customer part): each rule of SPEC §4 on a new customer's fields fails with its
 * status, its Partner Center code and the field it names, through POST /v1/customers and
 * POST /v1/onboardings. Nothing is created by a refused request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import {
  agreementBody,
  api,
  brazilCustomerBody,
  countCustomersWithDomain,
  createTemplate,
  customerBody,
  expectError,
  indiaCustomerBody,
  newCaller,
  onboardingBody,
  uniquePrefix,
  type Caller,
  type CustomerBody,
} from './onboarding-fixtures.ts';

let t: TestApp;
let caller: Caller;

beforeAll(async () => {
  t = await createTestApp({ RESERVED_EMAIL_DOMAINS: 'reservedbyoperator.example' });
  await createTemplate(t.db);
  caller = await newCaller(t, { markets: ['US', 'IN', 'BR'] });
});
afterAll(() => t.close());

const ADDRESS = 'billingProfile.defaultAddress';

/** A valid US customer with one change made by `edit`. */
function changed(edit: (body: CustomerBody) => void, base: CustomerBody = customerBody()): CustomerBody {
  const body = structuredClone(base);
  edit(body);
  return body;
}

async function postCustomer(body: unknown) {
  return api(t, caller.headers).post('/v1/customers', body);
}

/** The request was refused and wrote nothing for its domain. */
async function expectNothingCreated(body: CustomerBody) {
  const domain = body.companyProfile.domain.includes('.') ? body.companyProfile.domain : `${body.companyProfile.domain}.onmicrosoft.com`;
  expect(await countCustomersWithDomain(t.db, domain)).toBe(0);
}

describe('domain prefix', () => {
  it('refuses characters other than letters and digits', async () => {
    const body = changed((b) => (b.companyProfile.domain = 'con-toso_1.onmicrosoft.com'));
    expectError(await postCustomer(body), 400, 3000, 'companyProfile.domain', 'domain_prefix_invalid');
  });

  it('refuses a prefix of 28 characters and accepts 27', async () => {
    expectError(await postCustomer(changed((b) => (b.companyProfile.domain = `a${'b'.repeat(27)}`))), 400, 3000, 'companyProfile.domain', 'domain_prefix_too_long');
    const prefix = `x${uniquePrefix().padEnd(26, '0')}`.slice(0, 27);
    const ok = await postCustomer(changed((b) => (b.companyProfile.domain = prefix)));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().companyProfile.domain).toBe(`${prefix}.onmicrosoft.com`);
  });

  it('refuses another instance’s suffix', async () => {
    expectError(await postCustomer(changed((b) => (b.companyProfile.domain = `${uniquePrefix()}.onmicrosoft.us`))), 400, 3000, 'companyProfile.domain', 'domain_suffix_mismatch');
  });

  it('answers 409 (600060) naming companyProfile.domain for a taken domain, whoever took it, in any case', async () => {
    const prefix = uniquePrefix();
    expect((await postCustomer(customerBody({ prefix }))).statusCode).toBe(201);
    const again = await postCustomer(customerBody({ prefix: prefix.toUpperCase() }));
    expectError(again, 409, 600060, 'companyProfile.domain', 'domain_taken');
    const other = await newCaller(t);
    expectError(await api(t, other.headers).post('/v1/onboardings', onboardingBody([], { prefix })), 409, 600060, 'companyProfile.domain');
    expect(await countCustomersWithDomain(t.db, `${prefix}.onmicrosoft.com`)).toBe(1);
  });
});

describe('company name', () => {
  for (const [name, code] of [
    ['LLC', 'company_name_abbreviation_only'],
    ['Inc.', 'company_name_abbreviation_only'],
    ['!!!', 'company_name_symbols_only'],
    ['   ', 'company_name_required'],
    ['aaaa', 'company_name_repeated_character'],
    ['Q', 'company_name_too_short'],
    ['x'.repeat(256), 'company_name_too_long'],
  ] as const) {
    it(`refuses "${name.slice(0, 10)}" (${code})`, async () => {
      const body = changed((b) => (b.billingProfile.companyName = name));
      expectError(await postCustomer(body), 400, 3000, 'billingProfile.companyName', code);
      await expectNothingCreated(body);
    });
  }

  it('names companyProfile.companyName when the name comes from the company profile', async () => {
    const body = changed((b) => {
      b.billingProfile.companyName = null;
      b.companyProfile.companyName = 'LLC';
    });
    expectError(await postCustomer(body), 400, 3000, 'companyProfile.companyName', 'company_name_abbreviation_only');
  });

  it('names billingProfile.companyName, where the name belongs, when neither profile has one (issue 8)', async () => {
    for (const missing of [null, undefined]) {
      const body = changed((b) => {
        b.billingProfile.companyName = missing;
        delete b.companyProfile.companyName;
      });
      const error = expectError(await postCustomer(body), 400, 3000, 'billingProfile.companyName', 'company_name_required');
      expect(error.errors.map((e) => e.field)).not.toContain('companyProfile.companyName');
      await expectNothingCreated(body);
    }
  });

  it('accepts a name that ends like a web domain, with a warning', async () => {
    const prefix = uniquePrefix();
    const body = { ...onboardingBody([], { prefix }), billingProfile: { ...customerBody({ prefix }).billingProfile, companyName: 'Contoso.com' } };
    const response = await api(t, caller.headers).post('/v1/onboardings', body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().warnings).toEqual([{ field: 'billingProfile.companyName', code: 'company_name_ends_with_domain', message: expect.any(String) }]);
    expect(response.json().customer.companyProfile.companyName).toBe('Contoso.com');
  });
});

describe('people and email', () => {
  it('refuses a placeholder first or last name', async () => {
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.firstName = 'test'))), 400, 3000, `${ADDRESS}.firstName`, 'name_placeholder');
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.lastName = 'Nobody'))), 400, 3000, `${ADDRESS}.lastName`, 'name_placeholder');
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.lastName = '12345'))), 400, 3000, `${ADDRESS}.lastName`, 'name_digits_or_symbols_only');
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.firstName = 'A'.repeat(51)))), 400, 3000, `${ADDRESS}.firstName`, 'name_too_long');
  });

  it('refuses an invalid email and one on the partner’s own domain', async () => {
    expectError(await postCustomer(changed((b) => (b.billingProfile.email = 'it@@contoso'))), 400, 3000, 'billingProfile.email', 'email_invalid');
    expectError(await postCustomer(changed((b) => (b.billingProfile.email = `someone@${caller.emailDomain}`))), 400, 3000, 'billingProfile.email', 'email_partner_domain');
    expectError(await postCustomer(changed((b) => (b.billingProfile.email = `someone@mail.${caller.emailDomain.toUpperCase()}`))), 400, 3000, 'billingProfile.email', 'email_partner_domain');
  });

  it('refuses an email on a domain the operator reserves', async () => {
    expectError(await postCustomer(changed((b) => (b.billingProfile.email = 'it@Mail.ReservedByOperator.example'))), 400, 3000, 'billingProfile.email', 'email_reserved_domain');
  });

  it('refuses a signer placeholder name or bad email in the onboarding’s agreement', async () => {
    const body = { ...onboardingBody(), agreement: agreementBody({ firstName: 'admin', email: 'not-an-email' }) };
    const error = expectError(await api(t, caller.headers).post('/v1/onboardings', body), 400, 3000, 'agreement.primaryContact.firstName', 'name_placeholder');
    expect(error.errors.map((e) => e.field)).toContain('agreement.primaryContact.email');
  });
});

describe('address', () => {
  it('refuses a US postal code that is not a ZIP code', async () => {
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.postalCode = '9805'))), 400, 3000, `${ADDRESS}.postalCode`, 'postal_code_invalid');
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.postalCode = 'SW1A 1AA'))), 400, 3000, `${ADDRESS}.postalCode`, 'postal_code_invalid');
  });

  it('refuses a state that is not a US state code', async () => {
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.state = 'ZZ'))), 400, 3000, `${ADDRESS}.state`, 'state_invalid');
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.state = null))), 400, 3000, `${ADDRESS}.state`, 'state_required');
  });

  it('refuses a missing or blank line 1, and a line over 200 characters', async () => {
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.addressLine1 = '   '))), 400, 3000, `${ADDRESS}.addressLine1`, 'address_line_required');
    const missing = changed((b) => {
      const { addressLine1: _line, ...rest } = b.billingProfile.defaultAddress;
      b.billingProfile.defaultAddress = rest as typeof b.billingProfile.defaultAddress;
    });
    expectError(await postCustomer(missing), 400, 3000, `${ADDRESS}.addressLine1`);
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.addressLine1 = `1 ${'x'.repeat(199)}`))), 400, 3000, `${ADDRESS}.addressLine1`, 'address_line_too_long');
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.addressLine2 = 'y'.repeat(201)))), 400, 3000, `${ADDRESS}.addressLine2`, 'address_line_too_long');
    // 200 is allowed.
    const ok = await postCustomer(changed((b) => (b.billingProfile.defaultAddress.addressLine2 = 'y'.repeat(200))));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a missing city where the country requires one', async () => {
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.city = null))), 400, 3000, `${ADDRESS}.city`, 'city_required');
  });

  it('refuses an unknown country naming it', async () => {
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.country = 'QQ'))), 400, 3000, `${ADDRESS}.country`, 'country_invalid');
  });
});

describe('phone', () => {
  it('refuses a phone number that is not valid for the country', async () => {
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.phoneNumber = '12345'))), 400, 3000, `${ADDRESS}.phoneNumber`, 'phone_invalid');
    expectError(await postCustomer(changed((b) => (b.billingProfile.defaultAddress.phoneNumber = '+44 20 7946 0958'))), 400, 3000, `${ADDRESS}.phoneNumber`, 'phone_wrong_country');
  });

  it('answers 600051 for a missing phone where it is required (IN, BR)', async () => {
    for (const base of [indiaCustomerBody(), brazilCustomerBody()]) {
      const body = changed((b) => (b.billingProfile.defaultAddress.phoneNumber = null), base);
      expectError(await postCustomer(body), 400, 600051, `${ADDRESS}.phoneNumber`, 'phone_missing');
      await expectNothingCreated(body);
    }
    // The same customers with their phones are accepted.
    for (const body of [indiaCustomerBody(), brazilCustomerBody()]) {
      const response = await postCustomer(body);
      expect(response.statusCode, response.body).toBe(201);
    }
  });
});

describe('organisation registration number', () => {
  it('answers 600049 when it is missing where required (BR, IN)', async () => {
    for (const base of [brazilCustomerBody(), indiaCustomerBody()]) {
      const body = changed((b) => (b.companyProfile.organizationRegistrationNumber = null), base);
      expectError(await postCustomer(body), 400, 600049, 'companyProfile.organizationRegistrationNumber', 'registration_number_missing');
    }
  });

  it('answers 600050 when it is invalid', async () => {
    const body = changed((b) => (b.companyProfile.organizationRegistrationNumber = '11.222.333/0001-82'), brazilCustomerBody());
    expectError(await postCustomer(body), 400, 600050, 'companyProfile.organizationRegistrationNumber', 'registration_number_invalid');
  });

  it('answers 600002 when given where the country does not support it (US)', async () => {
    const body = changed((b) => (b.companyProfile.organizationRegistrationNumber = '123456789'));
    expectError(await postCustomer(body), 400, 600002, 'companyProfile.organizationRegistrationNumber', 'registration_number_not_supported');
  });

  it('stores a valid one, upper case', async () => {
    const body = changed((b) => (b.companyProfile.organizationRegistrationNumber = 'aapfu0939f'), indiaCustomerBody());
    const response = await postCustomer(body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().companyProfile.organizationRegistrationNumber).toBe('AAPFU0939F');
  });
});

describe('language and culture', () => {
  it('refuses a culture or language the country does not support', async () => {
    expectError(await postCustomer(changed((b) => (b.billingProfile.culture = 'fr-FR'))), 400, 3000, 'billingProfile.culture', 'culture_not_supported');
    expectError(await postCustomer(changed((b) => (b.billingProfile.language = 'de'))), 400, 3000, 'billingProfile.language', 'language_not_supported');
    // es-US is one of the US cultures.
    const ok = await postCustomer(changed((b) => { b.billingProfile.culture = 'ES-us'; b.billingProfile.language = 'ES'; }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().billingProfile).toMatchObject({ culture: 'es-US', language: 'es' });
  });
});

describe('agreement date', () => {
  it('refuses an agreement date in the future', async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const body = { ...onboardingBody(), agreement: { ...agreementBody(), dateAgreed: future } };
    expectError(await api(t, caller.headers).post('/v1/onboardings', body), 400, 3000, 'agreement.dateAgreed', 'agreement_date_in_future');
    await expectNothingCreated(body);
  });

  it('refuses a date that is not a date', async () => {
    const body = { ...onboardingBody(), agreement: { ...agreementBody(), dateAgreed: '31/03/2025' } };
    expectError(await api(t, caller.headers).post('/v1/onboardings', body), 400, 3000, 'agreement.dateAgreed', 'agreement_date_invalid');
  });
});

describe('one answer names every wrong field', () => {
  it('reports the customer’s, the agreement’s and the order’s errors together', async () => {
    const body = {
      ...changed((b) => {
        b.billingProfile.email = 'bad';
        b.billingProfile.defaultAddress.postalCode = '1';
      }),
      agreement: { ...agreementBody(), dateAgreed: '2999-01-01' },
      lineItems: [{ offerId: 'NO-SUCH-OFFER', quantity: 1 }],
    };
    const error = expectError(await api(t, caller.headers).post('/v1/onboardings', body), 400, 3000);
    expect(error.errors.map((e) => e.field).sort()).toEqual(['agreement.dateAgreed', 'billingProfile.defaultAddress.postalCode', 'billingProfile.email', 'lineItems.0.offerId'].sort());
  });
});
