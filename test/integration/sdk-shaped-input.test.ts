/**
 * Issue 11 part 1: input as Partner Center clients send it. Its SDKs serialise every documented property
 * of a resource (PascalCase, most of them null): create-customer, agreement, order and the billing
 * profile's PUT succeed so; an undocumented property is still a 400 naming it; billing cycles in Partner
 * Center's spellings (`Monthly`, `OneTime`, `Unknown` = the offer's own); `size=0`; `agreementType=*`;
 * query parameter names in any case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { createCustomer } from '#test/factories.ts';
import { sdkAddress, sdkAgreement as sdkAgreementOf, sdkBillingProfile, sdkCustomer, sdkLine, sdkOrder } from '#test/conformance/sdk-bodies.ts';
import { api, createOffer, createTemplate, expectError, newCaller, uniquePrefix, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let caller: Caller;
let templateId: string;
let cloudTemplateId: string;
beforeAll(async () => {
  t = await createTestApp();
  caller = await newCaller(t, { roles: ['admin_agent'] });
  templateId = (await createTemplate(t.db, { versionRank: 5000 })).id;
  await createTemplate(t.db, { versionRank: 4999 });
  cloudTemplateId = (await createTemplate(t.db, { type: 'MicrosoftCloudAgreement', versionRank: 5000 })).id;
  await createTemplate(t.db, { type: 'MicrosoftCloudAgreement', versionRank: 4998 });
});
afterAll(() => t.close());

/** An Agreement as the SDK serialises it, for this file's template. */
const sdkAgreement = (overrides: Record<string, unknown> = {}) => sdkAgreementOf(templateId, overrides);

/** A customer of the caller's with the Customer Agreement confirmed through the SDK-shaped call. */
async function customerWithAgreement(): Promise<string> {
  const customer = await createCustomer(t.db, { partnerIds: [caller.partner.id] });
  const confirmed = await api(t, caller.headers).post(`/v1/customers/${customer.id}/agreements`, sdkAgreement());
  expect(confirmed.statusCode, confirmed.body).toBe(201);
  return customer.id;
}

async function order(customerId: string, body: unknown) {
  return api(t, caller.headers).post(`/v1/customers/${customerId}/orders`, body);
}

describe('SDK-shaped bodies', () => {
  it('creates a customer from a body with every documented property, most of them null', async () => {
    const body = sdkCustomer();
    const response = await api(t, caller.headers).post('/v1/customers', body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      companyProfile: { domain: body.CompanyProfile.Domain },
      billingProfile: { email: body.BillingProfile.Email, companyName: body.BillingProfile.CompanyName, defaultAddress: { firstName: 'Dana', lastName: 'Whitfield', city: 'Redmond', postalCode: '98052', country: 'US' } },
    });
  });

  it('still refuses a property Partner Center does not document, naming it (top level and nested)', async () => {
    const top = await api(t, caller.headers).post('/v1/customers', { ...sdkCustomer(), Nickname: 'x' });
    expectError(top, 400, 3000, 'Nickname', 'unknown_property');
    const body = sdkCustomer();
    const nested = await api(t, caller.headers).post('/v1/customers', { ...body, BillingProfile: { ...body.BillingProfile, DefaultAddress: { ...sdkAddress(), County: 'King' } } });
    expectError(nested, 400, 3000, 'billingProfile.defaultAddress.County', 'unknown_property');
    const customerId = await customerWithAgreement();
    const offerId = (await createOffer(t.db)).id;
    expectError(await order(customerId, sdkOrder([sdkLine(offerId, { Discount: 5 })])), 400, 3000, 'lineItems.0.Discount', 'unknown_property');
    const customer = await createCustomer(t.db, { partnerIds: [caller.partner.id] });
    expectError(await api(t, caller.headers).post(`/v1/customers/${customer.id}/agreements`, sdkAgreement({ Signature: 'x' })), 400, 3000, 'Signature', 'unknown_property');
  });

  it('validates the documented properties it honours (a wrong type is a 400 naming it)', async () => {
    const customerId = await customerWithAgreement();
    const offerId = (await createOffer(t.db)).id;
    expectError(await order(customerId, sdkOrder([sdkLine(offerId, { AttestationAccepted: 'yes' })])), 400, 3000, 'lineItems.0.attestationAccepted');
    expectError(await order(customerId, sdkOrder([sdkLine(offerId)], { BillingCycle: 'Fortnightly' })), 400, 3000, 'billingCycle');
    // The agreement confirmed with an order is the Customer Agreement: its Type is honoured, not ignored.
    const bare = await createCustomer(t.db, { partnerIds: [caller.partner.id] });
    const withCloud = await order(bare.id, sdkOrder([sdkLine(offerId)], { CustomerAgreement: { ...sdkAgreement({ Type: 'MicrosoftCloudAgreement' }), TemplateId: null } }));
    expectError(withCloud, 400, 3000, 'customerAgreement.type');
    const withMca = await order(bare.id, sdkOrder([sdkLine(offerId)], { CustomerAgreement: { ...sdkAgreement({ Type: 'microsoftCustomerAgreement' }), TemplateId: null } }));
    expect(withMca.statusCode, withMca.body).toBe(201);
    const partnerOfRecord = await order(customerId, sdkOrder([sdkLine(offerId, { PartnerIdOnRecord: '1234567' })], { PartnerOnRecordAttestationAccepted: false }));
    expectError(partnerOfRecord, 400, 3000, 'partnerOnRecordAttestationAccepted', 'attestation_required');
  });

  it('confirms an agreement from the SDK shape, recording the signed-in user whatever UserId says', async () => {
    const customer = await createCustomer(t.db, { partnerIds: [caller.partner.id] });
    const response = await api(t, caller.headers).post(`/v1/customers/${customer.id}/agreements`, sdkAgreement({ UserId: '00000000-0000-0000-0000-000000000001', Type: 'microsoftcustomeragreement' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ templateId, type: 'MicrosoftCustomerAgreement', userId: caller.user.id });
  });

  it('places an order from the SDK shape: BillingCycle Monthly, TermDuration P1M, read-only properties ignored', async () => {
    const customerId = await customerWithAgreement();
    const offerId = (await createOffer(t.db, { term: 'P1Y', otherTerms: ['P1M'] })).id;
    const body = sdkOrder([sdkLine(offerId, { TermDuration: 'P1M', TransactionType: 'New', Pricing: null, SubscriptionId: '11111111-1111-1111-1111-111111111111', ProvisioningContext: { a: 'b' }, AdditionalPartnerIdsOnRecord: ['7654321'], AttestationAccepted: true })], {
      TransactionType: 'UserPurchase',
      CurrencyCode: 'EUR',
      Status: 'completed',
      PartnerOnRecordAttestationAccepted: true,
    });
    const response = await order(customerId, body);
    expect(response.statusCode, response.body).toBe(201);
    const placed = response.json<{ billingCycle: string; currencyCode: string; lineItems: { termDuration: string; subscriptionId: string; quantity: number }[] }>();
    expect(placed).toMatchObject({ billingCycle: 'monthly', currencyCode: 'USD', lineItems: [{ termDuration: 'P1M', quantity: 2 }] });
    expect(placed.lineItems[0]!.subscriptionId).not.toBe('11111111-1111-1111-1111-111111111111');
  });

  it('updates the billing profile from the SDK shape (MiddleName, Region null, Links, Attributes.Etag)', async () => {
    const customer = await createCustomer(t.db, { partnerIds: [caller.partner.id] });
    const path = `/v1/customers/${customer.id}/profiles/billing`;
    const before = (await api(t, caller.headers).get(path)).json<{ id: string; email: string; attributes: { etag: string }; defaultAddress: { country: string } }>();
    const body = sdkBillingProfile({ id: before.id, country: before.defaultAddress.country, etag: before.attributes.etag, path });
    const response = await api(t, caller.headers).put(path, body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ firstName: 'Robin', lastName: 'Sato', email: 'billing@sdk-shape.example', companyName: 'SDK Shape Ltd' });
    const undocumented = await api(t, caller.headers).put(path, { ...body, Attributes: { Etag: response.json<{ attributes: { etag: string } }>().attributes.etag }, Nickname: 'x' });
    expectError(undocumented, 400, 3000, 'Nickname', 'unknown_property');
  });
});

describe('billing cycles as Partner Center spells them', () => {
  /** An offer billed monthly or annually, usually (first) annually; and a one-time offer. */
  let both: string;
  let oneTime: string;
  beforeAll(async () => {
    both = (await createOffer(t.db, { billingCycles: ['annual', 'monthly'] })).id;
    oneTime = (await createOffer(t.db, { billingCycles: ['one_time'], term: 'P1Y' })).id;
  });

  it.each([
    ['Monthly', 'monthly'],
    ['annual', 'annual'],
    ['ANNUAL', 'annual'],
    ['monthly', 'monthly'],
  ])('BillingCycle %s is %s', async (value, expected) => {
    const customerId = await customerWithAgreement();
    const response = await order(customerId, sdkOrder([sdkLine(both)], { BillingCycle: value }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ billingCycle: string }>().billingCycle).toBe(expected);
  });

  it('OneTime (and one_time) for a one-time offer', async () => {
    for (const value of ['OneTime', 'one_time', 'onetime']) {
      const response = await order(await customerWithAgreement(), sdkOrder([sdkLine(oneTime)], { BillingCycle: value }));
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<{ billingCycle: string }>().billingCycle).toBe('one_time');
    }
  });

  it('Unknown is the offer\'s own cycle, not the monthly default that a missing one gets', async () => {
    const unknown = await order(await customerWithAgreement(), sdkOrder([sdkLine(both)], { BillingCycle: 'unknown' }));
    expect(unknown.statusCode, unknown.body).toBe(201);
    expect(unknown.json<{ billingCycle: string }>().billingCycle).toBe('annual');
    const missing = await order(await customerWithAgreement(), sdkOrder([sdkLine(both)], { BillingCycle: null }));
    expect(missing.statusCode, missing.body).toBe(201);
    expect(missing.json<{ billingCycle: string }>().billingCycle).toBe('monthly');
  });

  it('None for an offer that is not billed so is refused naming billingCycle', async () => {
    expectError(await order(await customerWithAgreement(), sdkOrder([sdkLine(both)], { BillingCycle: 'None' })), 400, 3000, 'billingCycle', 'billing_cycle_not_supported');
  });

  it('a None (free) offer is ordered with BillingCycle None', async () => {
    const free = (await createOffer(t.db, { billingCycles: ['none'], term: 'P1M' })).id;
    const response = await order(await customerWithAgreement(), sdkOrder([sdkLine(free)], { BillingCycle: 'None' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ billingCycle: string }>().billingCycle).toBe('none');
  });
});

describe('query parameters', () => {
  it('size=0 is the default page size (100); Size and Filter match in any case, filter names too', async () => {
    const partner = await newCaller(t);
    const prefix = uniquePrefix('zz');
    for (let index = 0; index < 3; index++) await createCustomer(t.db, { partnerIds: [partner.partner.id], companyName: `${prefix} ${index}` });
    const zero = await api(t, partner.headers).get('/v1/customers?size=0');
    expect(zero.statusCode, zero.body).toBe(200);
    expect(zero.json<{ totalCount: number }>().totalCount).toBe(3);
    const filter = encodeURIComponent(JSON.stringify({ field: 'companyname', value: prefix, operator: 'STARTS_WITH' }));
    const paged = await api(t, partner.headers).get(`/v1/customers?Size=2&Filter=${filter}`);
    expect(paged.statusCode, paged.body).toBe(200);
    expect(paged.json<{ totalCount: number; items: { billingProfile: { companyName: string } }[] }>().items.map((item) => item.billingProfile.companyName)).toEqual([`${prefix} 0`, `${prefix} 1`]);
    expectError(await api(t, partner.headers).get('/v1/customers?size=-1'), 400, 3000, 'size');
    expectError(await api(t, partner.headers).get('/v1/customers?size=1&Size=2'), 400, 3000, 'size', 'duplicate_property');
  });

  it('agreementType=* gives the latest template of each type; AgreementType in any case', async () => {
    const all = await api(t, caller.headers).get('/v1/agreements?agreementType=*');
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json<{ items: { templateId: string; agreementType: string }[] }>().items;
    expect(items).toHaveLength(2);
    expect(items.find((item) => item.agreementType === 'MicrosoftCustomerAgreement')?.templateId).toBe(templateId);
    expect(items.find((item) => item.agreementType === 'MicrosoftCloudAgreement')?.templateId).toBe(cloudTemplateId);
    const cased = await api(t, caller.headers).get('/v1/agreements?AgreementType=microsoftcustomeragreement');
    expect(cased.statusCode, cased.body).toBe(200);
    expect(cased.json<{ items: { templateId: string; agreementType: string }[] }>().items[0]).toMatchObject({ templateId, agreementType: 'MicrosoftCustomerAgreement' });
    expectError(await api(t, caller.headers).get('/v1/agreements?agreementType=Other'), 400, 3000, 'agreementType');
  });
});
