/**
 * Issue 3, test 2 (SPEC §5 Input): property names matched case-insensitively, two keys differing only
 * in case refused naming the field, read-only fields ignored, `null` accepted for optional fields,
 * code values normalised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { agreementBody, api, createOffer, createTemplate, customerBody, expectError, newCaller, uniquePrefix, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let caller: Caller;

beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db);
  caller = await newCaller(t, { markets: ['US', 'GB'] });
});
afterAll(() => t.close());

describe('property names are matched case-insensitively', () => {
  it('creates a customer from a body in PascalCase and lower case', async () => {
    const prefix = uniquePrefix();
    const response = await api(t, caller.headers).post('/v1/customers', {
      CompanyProfile: { Domain: `${prefix}.onmicrosoft.com` },
      BillingProfile: {
        EMAIL: `it@${prefix}.example`,
        Culture: 'en-US',
        language: 'en',
        CompanyName: `Pascal ${prefix}`,
        DefaultAddress: {
          FirstName: 'Dana',
          lastname: 'Whitfield',
          addressline1: '1 Microsoft Way',
          AddressLine2: 'Building 92',
          City: 'Redmond',
          STATE: 'WA',
          PostalCode: '98052',
          Country: 'US',
          PhoneNumber: '+1 425 555 0100',
        },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    // Answers are camelCase whatever the request's case.
    expect(response.json()).toMatchObject({
      companyProfile: { domain: `${prefix}.onmicrosoft.com`, companyName: `Pascal ${prefix}` },
      billingProfile: { email: `it@${prefix}.example`, defaultAddress: { firstName: 'Dana', lastName: 'Whitfield', addressLine1: '1 Microsoft Way', addressLine2: 'Building 92', city: 'Redmond', state: 'WA', postalCode: '98052' } },
    });
    const row = await t.db.selectFrom('customers').select(['address_line1', 'address_line2', 'last_name']).where('domain', '=', `${prefix}.onmicrosoft.com`).executeTakeFirstOrThrow();
    expect(row).toEqual({ address_line1: '1 Microsoft Way', address_line2: 'Building 92', last_name: 'Whitfield' });
  });

  it('matches the onboarding’s nested objects and array items too', async () => {
    const offer = await createOffer(t.db);
    const body = customerBody();
    const response = await api(t, caller.headers).post('/v1/onboardings', {
      CompanyProfile: body.companyProfile,
      BillingProfile: body.billingProfile,
      Agreement: { DateAgreed: agreementBody().dateAgreed, PrimaryContact: { FirstName: 'Ana', LASTNAME: 'Bowman', Email: 'ana@customer.example' } },
      LineItems: [{ OfferId: offer.id, Quantity: 3, FriendlyName: 'Team' }],
      BillingCycle: 'monthly',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      agreement: { primaryContact: { firstName: 'Ana', lastName: 'Bowman' } },
      order: { lineItems: [{ offerId: offer.id, quantity: 3, friendlyName: 'Team' }], billingCycle: 'monthly' },
    });
  });

  it('refuses two keys that differ only in case, naming the field, at any depth', async () => {
    const a = api(t, caller.headers);
    const body = customerBody();
    const top = await a.post('/v1/customers', { ...body, BillingProfile: body.billingProfile });
    expectError(top, 400, 3000, 'billingProfile', 'duplicate_property');

    const nested = await a.post('/v1/customers', { ...body, billingProfile: { ...body.billingProfile, defaultAddress: { ...body.billingProfile.defaultAddress, City: 'Seattle' } } });
    expectError(nested, 400, 3000, 'billingProfile.defaultAddress.city', 'duplicate_property');

    const inArray = await a.post('/v1/onboardings', { ...body, agreement: agreementBody(), lineItems: [{ offerId: 'A', OFFERID: 'B', quantity: 1 }] });
    expectError(inArray, 400, 3000, 'lineItems.0.offerId', 'duplicate_property');
    // Nothing was created by any of them.
    expect((await a.head(`/v1/domains/${body.companyProfile.domain}`)).statusCode).toBe(404);
  });

  it('still refuses a property the schema does not have', async () => {
    const body = customerBody();
    const response = await api(t, caller.headers).post('/v1/customers', { ...body, companyProfile: { ...body.companyProfile, favouriteColour: 'blue' } });
    const error = expectError(response, 400, 3000);
    expect(error.errors[0]?.field).toMatch(/^companyProfile/);
    expect(error.description).toContain('favouriteColour');
  });
});

describe('read-only fields and nulls', () => {
  it('ignores the read-only fields a Partner Center client sends back', async () => {
    const body = customerBody();
    const sentId = '11111111-1111-4111-8111-111111111111';
    const response = await api(t, caller.headers).post('/v1/customers', {
      id: sentId,
      commerceId: '22222222-2222-4222-8222-222222222222',
      attributes: { objectType: 'Customer' },
      links: { self: { uri: '/v1/customers/x', method: 'GET', headers: [] } },
      userCredentials: null,
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: true,
      companyProfile: { ...body.companyProfile, tenantId: sentId, Attributes: { objectType: 'CustomerCompanyProfile' } },
      billingProfile: { ...body.billingProfile, id: 'billing', attributes: { objectType: 'CustomerBillingProfile' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created.id).not.toBe(sentId);
    expect(created.commerceId).not.toBe('22222222-2222-4222-8222-222222222222');
    expect(created.userCredentials.password).toEqual(expect.any(String));
  });

  it('accepts null for every optional field, and defaults culture and language from the country', async () => {
    const prefix = uniquePrefix();
    const body = customerBody({ prefix });
    const response = await api(t, caller.headers).post('/v1/customers', {
      companyProfile: { domain: prefix, companyName: null, organizationRegistrationNumber: null },
      billingProfile: {
        ...body.billingProfile,
        culture: null,
        language: null,
        defaultAddress: { ...body.billingProfile.defaultAddress, addressLine2: null, addressLine3: null, region: null, phoneNumber: null },
      },
      associatedPartnerId: null,
      enableGDAPByDefault: null,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      companyProfile: { domain: `${prefix}.onmicrosoft.com`, organizationRegistrationNumber: null },
      billingProfile: { culture: 'en-US', language: 'en', defaultAddress: { addressLine2: null, phoneNumber: null } },
    });
  });

  it('accepts null for the onboarding’s optional sections', async () => {
    const body = customerBody();
    const response = await api(t, caller.headers).post('/v1/onboardings', { ...body, agreement: { ...agreementBody(), templateId: null, primaryContact: { ...agreementBody().primaryContact, phoneNumber: null } }, eligibility: null, billingCycle: null, draftId: null });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().order).toBeNull();
  });

  it('accepts null for the onboarding’s optional line items (no order)', async () => {
    const response = await api(t, caller.headers).post('/v1/onboardings', { ...customerBody(), agreement: agreementBody(), lineItems: null });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().order).toBeNull();
  });

  it('accepts null for a draft’s optional step (the first step)', async () => {
    const response = await api(t, caller.headers).post('/v1/onboardings/drafts', { step: null, data: {}, requestId: null });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().step).toBe('account');
  });
});

describe('code values are normalised', () => {
  it('normalises culture, language, country, state and domain case', async () => {
    const prefix = uniquePrefix();
    const body = customerBody({ prefix });
    const response = await api(t, caller.headers).post('/v1/customers', {
      ...body,
      companyProfile: { domain: `${prefix.toUpperCase()}.OnMicrosoft.com` },
      billingProfile: { ...body.billingProfile, culture: 'EN-US', language: 'En', defaultAddress: { ...body.billingProfile.defaultAddress, country: 'us', state: 'wa' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      companyProfile: { domain: `${prefix}.onmicrosoft.com` },
      billingProfile: { culture: 'en-US', language: 'en', defaultAddress: { country: 'US', state: 'WA' } },
    });
    const row = await t.db.selectFrom('customers').select(['culture', 'language', 'country', 'state', 'domain']).where('domain', '=', `${prefix}.onmicrosoft.com`).executeTakeFirstOrThrow();
    expect(row).toEqual({ culture: 'en-US', language: 'en', country: 'US', state: 'WA', domain: `${prefix}.onmicrosoft.com` });
  });

  it('takes UK as GB, also for the partner’s markets', async () => {
    const prefix = uniquePrefix();
    const response = await api(t, caller.headers).post('/v1/customers', {
      companyProfile: { domain: prefix },
      billingProfile: {
        email: `it@${prefix}.example`,
        culture: 'en-gb',
        language: 'EN',
        companyName: `Adventure Works ${prefix}`,
        defaultAddress: { firstName: 'Oliver', lastName: 'Hughes', addressLine1: '10 Downing Street', city: 'London', state: null, postalCode: 'sw1a 2aa', country: 'UK', phoneNumber: '+44 20 7946 0958' },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().billingProfile).toMatchObject({ culture: 'en-GB', language: 'en', defaultAddress: { country: 'GB', postalCode: 'SW1A 2AA' } });
  });
});
