/**
 * Issue 3, tests 1 and 9: every onboarding endpoint's happy path, in Partner Center's shapes
 * (`attributes.objectType`, camelCase, `links.self`, collections), and the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createPartnership } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import {
  agreementBody,
  api,
  createOffer,
  createTemplate,
  customerBody,
  expectError,
  newCaller,
  onboardingBody,
  uniquePrefix,
} from './onboarding-fixtures.ts';

let t: TestApp;
let latestCustomerAgreement: Awaited<ReturnType<typeof createTemplate>>;
let olderCustomerAgreement: Awaited<ReturnType<typeof createTemplate>>;
let cloudAgreement: Awaited<ReturnType<typeof createTemplate>>;

beforeAll(async () => {
  t = await createTestApp();
  olderCustomerAgreement = await createTemplate(t.db, { type: 'MicrosoftCustomerAgreement', versionRank: 1 });
  latestCustomerAgreement = await createTemplate(t.db, { type: 'MicrosoftCustomerAgreement', versionRank: 2 });
  cloudAgreement = await createTemplate(t.db, { type: 'MicrosoftCloudAgreement', versionRank: 1 });
});
afterAll(() => t.close());

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const selfLink = (uri: string) => ({ self: { uri, method: 'GET', headers: [] } });

/** A customer with a confirmed Customer Agreement, made through POST /v1/onboardings. */
async function onboarded(headers: Record<string, string>, lineItems: { offerId: string; quantity: number }[] = []) {
  const response = await api(t, headers).post('/v1/onboardings', onboardingBody(lineItems));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('domains', () => {
  it('HEAD answers 404 for a free domain and 200 once a customer has it, by prefix or full domain, in any case', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const prefix = uniquePrefix();
    const free = await a.head(`/v1/domains/${prefix}.onmicrosoft.com`);
    expect(free.statusCode).toBe(404);
    expect(free.body).toBe('');
    expect((await a.head(`/v1/domains/${prefix}`)).statusCode).toBe(404);

    const created = await a.post('/v1/customers', customerBody({ prefix }));
    expect(created.statusCode, created.body).toBe(201);
    expect((await a.head(`/v1/domains/${prefix}.onmicrosoft.com`)).statusCode).toBe(200);
    expect((await a.head(`/v1/domains/${prefix.toUpperCase()}`)).statusCode).toBe(200);
    // Taken in the instance, for every partner, not only for the one that created it.
    const other = await newCaller(t);
    expect((await api(t, other.headers).head(`/v1/domains/${prefix}.onmicrosoft.com`)).statusCode).toBe(200);
  });

  it('GET availability answers as JSON, and names the bad domain', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const prefix = uniquePrefix();
    const free = await a.get(`/v1/domains/${prefix.toUpperCase()}/availability`);
    expect(free.statusCode).toBe(200);
    expect(free.json()).toEqual({ domain: `${prefix}.onmicrosoft.com`, available: true, yourCustomer: null, attributes: { objectType: 'DomainAvailability' } });
    const created = (await a.post('/v1/customers', customerBody({ prefix }))).json<{ id: string; companyProfile: { companyName: string } }>();
    // Taken by the caller's own customer: named, so the portal links to it instead of adding it again.
    expect((await a.get(`/v1/domains/${prefix}.onmicrosoft.com/availability`)).json()).toMatchObject({
      available: false,
      yourCustomer: { id: created.id, companyName: created.companyProfile.companyName },
    });
    // Another partner learns only that it exists.
    const other = await newCaller(t);
    expect((await api(t, other.headers).get(`/v1/domains/${prefix}/availability`)).json()).toMatchObject({ available: false, yourCustomer: null });
    expectError(await a.get('/v1/domains/con-toso/availability'), 400, 3000, 'domain', 'domain_prefix_invalid');
    expectError(await a.get('/v1/domains/contoso.example.com/availability'), 400, 3000, 'domain', 'domain_suffix_mismatch');
  });

  it('needs a caller, and echoes MS-RequestId and MS-CorrelationId on errors too', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/domains/contoso/availability', headers: { 'MS-RequestId': 'r-401', 'MS-CorrelationId': 'c-401' } });
    expectError(response, 401, 401);
    expect(response.headers['ms-requestid']).toBe('r-401');
    expect(response.headers['ms-correlationid']).toBe('c-401');
  });
});

describe('country rules and address validation', () => {
  it('GET /v1/countryvalidationrules/{country} serves the country rules in the model shape', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const response = await a.get('/v1/countryvalidationrules/us');
    expect(response.statusCode).toBe(200);
    const rules = response.json();
    expect(rules).toMatchObject({
      iso2Code: 'US',
      defaultCulture: 'en-US',
      isStateRequired: true,
      isPostalCodeRequired: true,
      postalCodeRegex: String.raw`^\d{5}(-\d{4})?$`,
      isCityRequired: true,
      phoneNumberRegex: expect.any(String),
      supportedLanguagesList: ['en', 'es'],
      supportedCulturesList: ['en-US', 'es-US'],
      isRegistrationNumberSupported: false,
      countryCallingCodesList: ['1'],
      attributes: { objectType: 'CountryInformation' },
    });
    expect(rules.supportedStatesList).toContain('WA');

    const india = (await a.get('/v1/countryvalidationrules/IN')).json();
    expect(india).toMatchObject({ iso2Code: 'IN', isRegistrationNumberSupported: true, isRegistrationNumberRequired: true, isPhoneRequired: true, countryCallingCodesList: ['91'] });
    // UK is accepted as GB (ours).
    expect((await a.get('/v1/countryvalidationrules/UK')).json()).toMatchObject({ iso2Code: 'GB', supportedStatesList: [] });
    expectError(await a.get('/v1/countryvalidationrules/QQ'), 404, 1000);
  });

  it('POST /v1/validations/address verifies a well-formed address and suggests the normalised one', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const original = { addressLine1: '1  Microsoft Way', city: 'Redmond', state: 'wa', postalCode: '98052', country: 'us' };
    const response = await a.post('/v1/validations/address', original);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      originalAddress: original,
      suggestedAddresses: [{ addressLine1: '1 Microsoft Way', addressLine2: null, addressLine3: null, city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US' }],
      status: 'Verified',
      validationMessage: expect.any(String),
      attributes: { objectType: 'AddressValidationResponse' },
    });
    const partial = await a.post('/v1/validations/address', { addressLine1: 'Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US' });
    expect(partial.json()).toMatchObject({ status: 'StreetPartial' });
    const bad = await a.post('/v1/validations/address', { addressLine1: '1 Main St', city: 'Redmond', state: 'WA', postalCode: '9805', country: 'US' });
    expect(bad.json()).toMatchObject({ status: 'None', suggestedAddresses: [] });
  });
});

describe('agreements', () => {
  it('GET /v1/agreements lists templates of a type, latest first; no parameter means the Cloud Agreement', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const response = await a.get('/v1/agreements?agreementType=MicrosoftCustomerAgreement');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      totalCount: 2,
      items: [
        { templateId: latestCustomerAgreement.id, agreementType: 'MicrosoftCustomerAgreement', agreementLink: latestCustomerAgreement.link, versionRank: 2, attributes: { objectType: 'AgreementMetaData' } },
        { templateId: olderCustomerAgreement.id, agreementType: 'MicrosoftCustomerAgreement', agreementLink: olderCustomerAgreement.link, versionRank: 1, attributes: { objectType: 'AgreementMetaData' } },
      ],
      links: selfLink('/v1/agreements?agreementType=MicrosoftCustomerAgreement'),
      attributes: { objectType: 'Collection' },
    });
    const byDefault = (await a.get('/v1/agreements')).json();
    expect(byDefault.items.map((i: { templateId: string }) => i.templateId)).toEqual([cloudAgreement.id]);
    expectError(await a.get('/v1/agreements?agreementType=Nope'), 400, 3000, 'agreementType');
  });

  it('POST /v1/customers/{id}/agreements confirms an agreement with the confirming user, and GET lists the confirmations', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const customer = (await a.post('/v1/customers', customerBody())).json();
    const confirm = await a.post(`/v1/customers/${customer.id}/agreements`, {
      primaryContact: { firstName: 'Ana', lastName: 'Bowman', email: 'ana@customer.example', phoneNumber: '+1 425 555 0101' },
      templateId: latestCustomerAgreement.id,
      dateAgreed: '2025-03-31',
      type: 'MicrosoftCustomerAgreement',
    });
    expect(confirm.statusCode, confirm.body).toBe(201);
    const agreement = confirm.json();
    expect(agreement).toEqual({
      id: expect.stringMatching(GUID),
      primaryContact: { firstName: 'Ana', lastName: 'Bowman', email: 'ana@customer.example', phoneNumber: '+14255550101' },
      templateId: latestCustomerAgreement.id,
      dateAgreed: '2025-03-31T00:00:00.000Z',
      type: 'MicrosoftCustomerAgreement',
      agreementLink: latestCustomerAgreement.link,
      userId: caller.user.id,
      partnerId: caller.partner.id,
      attributes: { objectType: 'Agreement' },
    });
    // A legacy Cloud Agreement can still be recorded and read.
    const legacy = await a.post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody(), templateId: cloudAgreement.id, type: 'MicrosoftCloudAgreement' });
    expect(legacy.statusCode, legacy.body).toBe(201);

    const list = await a.get(`/v1/customers/${customer.id}/agreements`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ totalCount: 2, links: selfLink(`/v1/customers/${customer.id}/agreements`), attributes: { objectType: 'Collection' } });
    expect(list.json().items.map((i: { id: string }) => i.id).sort()).toEqual([agreement.id, legacy.json().id].sort());
    const onlyCustomer = (await a.get(`/v1/customers/${customer.id}/agreements?agreementType=MicrosoftCustomerAgreement`)).json();
    expect(onlyCustomer.items.map((i: { id: string }) => i.id)).toEqual([agreement.id]);
  });
});

describe('offers', () => {
  it('GET /v1/offers?country= lists the market offers in the model shape, paged by offset and size', async () => {
    const caller = await newCaller(t, { markets: ['IE'] });
    const a = api(t, caller.headers);
    // Ireland is this test's own market: no other test of this file sells there.
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await createOffer(t.db, { name: `Irish Offer ${i}`, markets: [{ country: 'IE', currency: 'EUR', listPrice: 5.5 + i }], min: 2, max: 50, purchaseLimit: i === 0 ? 10 : null })).id);
    await createOffer(t.db, { markets: [{ country: 'US', currency: 'USD', listPrice: 1 }] });

    const first = await a.get('/v1/offers?country=ie&offset=0&size=2');
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page).toMatchObject({ totalCount: 2, attributes: { objectType: 'Collection' }, links: { self: { uri: '/v1/offers?country=IE&size=2&offset=0', method: 'GET' }, next: { uri: '/v1/offers?country=IE&size=2&offset=2' } } });
    expect(page.items[0]).toEqual({
      id: ids[0],
      name: 'Irish Offer 0',
      description: expect.any(String),
      minimumQuantity: 2,
      maximumQuantity: 50,
      rank: 0,
      uri: `/v1/offers/${encodeURIComponent(ids[0]!)}?country=IE`,
      locale: 'en-US',
      country: 'IE',
      category: { id: 'small_business', name: 'Small business', rank: 2, locale: 'en-US', country: 'IE', attributes: { objectType: 'OfferCategory' } },
      prerequisiteOffers: [],
      isAddOn: false,
      hasAddOns: false,
      isAvailableForPurchase: true,
      isAutoRenewable: true,
      product: { id: ids[0], name: 'Irish Offer 0', unit: 'Licenses' },
      salesGroupId: null,
      upgradeTargetOffers: [],
      conversionTargetOffers: [],
      reselleeQualifications: [],
      resellerQualifications: [],
      isInternal: false,
      billing: 'license',
      supportedBillingCycles: ['monthly', 'annual'],
      termDuration: 'P1Y',
      terms: [{ duration: 'P1Y', billingCycles: ['monthly', 'annual'] }],
      unitType: 'Licenses',
      isTrial: false,
      limit: 10,
      limitUnitOfMeasure: 'Licenses',
      listPrice: { amount: 5.5, currency: 'EUR' },
      links: { self: { uri: `/v1/offers/${encodeURIComponent(ids[0]!)}?country=IE`, method: 'GET', headers: [] } },
      attributes: { objectType: 'Offer' },
    });

    const seen: string[] = [];
    let url: string | undefined = '/v1/offers?country=IE&size=2';
    while (url) {
      const response: { totalCount: number; items: { id: string }[]; links: { next?: { uri: string } } } = (await a.get(url)).json();
      expect(response.totalCount).toBe(response.items.length);
      seen.push(...response.items.map((o) => o.id));
      url = response.links.next?.uri;
    }
    expect(seen.sort()).toEqual([...ids].sort());
    expectError(await a.get('/v1/offers?country=IE&size=0'), 400, 3000, 'size');
    expectError(await a.get('/v1/offers?offset=0'), 400, 3000, 'country');
  });
});

describe('customers', () => {
  it('POST /v1/customers creates the customer and shows the admin credentials once; GET reads it back without them', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const prefix = uniquePrefix();
    const response = await a.post('/v1/customers', customerBody({ prefix }));
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toEqual({
      id: expect.stringMatching(GUID),
      commerceId: expect.stringMatching(GUID),
      companyProfile: {
        tenantId: created.id,
        domain: `${prefix}.onmicrosoft.com`,
        companyName: `Contoso ${prefix}`,
        address: { country: 'US', region: 'WA', city: 'Redmond', state: 'WA', addressLine1: '1 Microsoft Way', addressLine2: null, addressLine3: null, postalCode: '98052', phoneNumber: '+14255550100' },
        email: `it@${prefix}.example`,
        organizationRegistrationNumber: null,
        links: selfLink(`/v1/customers/${created.id}/profiles/company`),
        attributes: { objectType: 'CustomerCompanyProfile' },
      },
      billingProfile: {
        id: created.id,
        firstName: 'Dana',
        lastName: 'Whitfield',
        email: `it@${prefix}.example`,
        culture: 'en-US',
        language: 'en',
        companyName: `Contoso ${prefix}`,
        defaultAddress: { country: 'US', city: 'Redmond', state: 'WA', addressLine1: '1 Microsoft Way', addressLine2: null, addressLine3: null, postalCode: '98052', firstName: 'Dana', lastName: 'Whitfield', phoneNumber: '+14255550100' },
        links: selfLink(`/v1/customers/${created.id}/profiles/billing`),
        attributes: { etag: 'W/"1"', objectType: 'CustomerBillingProfile' },
      },
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: true,
      customDomains: [`${prefix}.onmicrosoft.com`],
      associatedPartnerId: null,
      indirectReseller: null,
      indirectProvider: null,
      createdAt: expect.any(String),
      links: selfLink(`/v1/customers/${created.id}`),
      attributes: { objectType: 'Customer' },
      userCredentials: { userName: 'admin', userPrincipalName: `admin@${prefix}.onmicrosoft.com`, password: expect.stringMatching(/^\S{12,}$/) },
    });

    const read = await a.get(`/v1/customers/${created.id}`);
    expect(read.statusCode).toBe(200);
    const { userCredentials: _credentials, ...withoutCredentials } = created;
    expect(read.json()).toEqual(withoutCredentials);

    const list = await a.get('/v1/customers');
    expect(list.json()).toMatchObject({ totalCount: 1, items: [{ id: created.id }], links: { self: { uri: '/v1/customers?size=100', method: 'GET' } }, attributes: { objectType: 'Collection' } });
    expect(list.json().links.next).toBeUndefined();
  });

  it('GET /v1/relationships lists the provider’s indirect resellers', async () => {
    const provider = await newCaller(t, { kind: 'indirect_provider' });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller', markets: ['US'] });
    await createPartnership(t.db, provider.partner.id, reseller.id);
    const response = await api(t, provider.headers).get('/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      totalCount: 1,
      items: [{ id: reseller.id, name: reseller.name, relationshipType: 'is_indirect_cloud_solution_provider_of', state: 'Active', mpnId: expect.stringMatching(/^\d+$/), location: expect.any(String), attributes: { objectType: 'PartnerRelationship' } }],
      links: { self: expect.objectContaining({ method: 'GET' }) },
      attributes: { objectType: 'Collection' },
    });
  });
});

describe('orders and subscriptions', () => {
  it('POST /v1/customers/{id}/orders places an order, a subscription per line item, readable through every GET', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const basic = await createOffer(t.db, { name: 'Basic for orders', term: 'P1M', billingCycles: ['monthly'] });
    const standard = await createOffer(t.db, { name: 'Standard for orders', markets: [{ country: 'US', currency: 'USD', listPrice: 12.5 }] });
    const customer = (await onboarded(caller.headers)).customer;

    const response = await a.post(`/v1/customers/${customer.id}/orders`, {
      lineItems: [
        { lineItemNumber: 0, offerId: basic.id, quantity: 5, friendlyName: 'Front office', partnerIdOnRecord: '1234567' },
        { lineItemNumber: 1, offerId: standard.id, quantity: 2 },
      ],
      billingCycle: 'monthly',
    });
    expect(response.statusCode, response.body).toBe(201);
    const order = response.json();
    const orderUri = `/v1/customers/${customer.id}/orders/${order.id}`;
    const lineLinks = { subscription: expect.objectContaining({ method: 'GET' }), provisioningStatus: { uri: `${orderUri}/provisioningstatus`, method: 'GET', headers: [] } };
    const newLine = { transactionType: 'New', provisioningContext: {}, links: lineLinks };
    expect(order).toEqual({
      id: expect.stringMatching(GUID),
      alternateId: order.id,
      referenceCustomerId: customer.id,
      billingCycle: 'monthly',
      transactionType: 'UserPurchase',
      currencyCode: 'USD',
      currencySymbol: '$',
      lineItems: [
        { lineItemNumber: 0, offerId: basic.id, offerName: 'Basic for orders', subscriptionId: expect.stringMatching(GUID), friendlyName: 'Front office', quantity: 5, termDuration: 'P1M', partnerIdOnRecord: '1234567', ...newLine },
        { lineItemNumber: 1, offerId: standard.id, offerName: 'Standard for orders', subscriptionId: expect.stringMatching(GUID), friendlyName: null, quantity: 2, termDuration: 'P1Y', partnerIdOnRecord: null, ...newLine },
      ],
      status: 'completed',
      creationDate: expect.any(String),
      links: { ...selfLink(orderUri), provisioningStatus: lineLinks.provisioningStatus },
      attributes: { etag: expect.any(String), objectType: 'Order' },
    });

    const orders = await a.get(`/v1/customers/${customer.id}/orders`);
    expect(orders.statusCode).toBe(200);
    expect(orders.json()).toMatchObject({ totalCount: 1, items: [order], links: selfLink(`/v1/customers/${customer.id}/orders`), attributes: { objectType: 'Collection' } });
    const one = await a.get(`/v1/customers/${customer.id}/orders/${order.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(order);

    const subscriptions = await a.get(`/v1/customers/${customer.id}/subscriptions`);
    expect(subscriptions.statusCode).toBe(200);
    expect(subscriptions.json()).toMatchObject({ totalCount: 2, attributes: { objectType: 'Collection' }, links: selfLink(`/v1/customers/${customer.id}/subscriptions`) });
    const subscriptionId = order.lineItems[0].subscriptionId as string;
    expect(order.lineItems[0].links.subscription.uri).toBe(`/v1/customers/${customer.id}/subscriptions/${subscriptionId}`);
    const subscription = await a.get(`/v1/customers/${customer.id}/subscriptions/${subscriptionId}`);
    expect(subscription.statusCode).toBe(200);
    expect(subscription.json()).toEqual({
      id: subscriptionId,
      offerId: basic.id,
      entitlementId: subscriptionId,
      offerName: 'Basic for orders',
      friendlyName: 'Front office',
      quantity: 5,
      unitType: 'Licenses',
      parentSubscriptionId: null,
      creationDate: expect.any(String),
      effectiveStartDate: expect.any(String),
      commitmentEndDate: expect.any(String),
      status: 'active',
      autoRenewEnabled: true,
      billingType: 'license',
      billingCycle: 'monthly',
      hasPurchasableAddons: false,
      isTrial: false,
      isMicrosoftProduct: true,
      publisherName: 'Microsoft Corporation',
      actions: ['edit'],
      suspensionReasons: [],
      contractType: 'subscription',
      termDuration: 'P1M',
      orderId: order.id,
      partnerId: '1234567',
      // All five removable for the 7 days after the order (issue 10), within the offer's bounds.
      refundableQuantity: { totalQuantity: 5, details: [{ quantity: 5, allowedUntilDateTime: expect.any(String) }] },
      quantityBounds: { minimum: 1, maximum: 300 },
      links: {
        self: { uri: `/v1/customers/${customer.id}/subscriptions/${subscriptionId}`, method: 'GET', headers: [] },
        offer: { uri: `/v1/offers/${encodeURIComponent(basic.id)}?country=US`, method: 'GET', headers: [] },
      },
      attributes: { etag: expect.any(String), objectType: 'Subscription' },
    });
    // The unnamed line item's subscription is named after its offer.
    const second = (subscriptions.json().items as { offerId: string; friendlyName: string }[]).find((s) => s.offerId === standard.id);
    expect(second?.friendlyName).toBe('Standard for orders');
    expectError(await a.get(`/v1/customers/${customer.id}/orders/00000000-0000-4000-8000-000000000000`), 404, 1000);
    expectError(await a.get(`/v1/customers/${customer.id}/subscriptions/00000000-0000-4000-8000-000000000000`), 404, 1000);
  });
});

describe('POST /v1/onboardings', () => {
  it('creates the customer, its latest Customer Agreement confirmation and its order in one answer', async () => {
    const caller = await newCaller(t);
    const a = api(t, caller.headers);
    const offer = await createOffer(t.db, { name: 'Onboarding offer' });
    const prefix = uniquePrefix();
    const response = await a.post('/v1/onboardings', onboardingBody([{ offerId: offer.id, quantity: 7, friendlyName: 'Sales team' }], { prefix }), { 'MS-RequestId': `req-${prefix}`, 'MS-CorrelationId': `corr-${prefix}` });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['ms-requestid']).toBe(`req-${prefix}`);
    expect(response.headers['ms-correlationid']).toBe(`corr-${prefix}`);
    const body = response.json();
    expect(body).toMatchObject({
      customer: { companyProfile: { domain: `${prefix}.onmicrosoft.com` }, links: { self: { uri: `/v1/customers/${body.customer.id}` } }, attributes: { objectType: 'Customer' } },
      agreement: { templateId: latestCustomerAgreement.id, type: 'MicrosoftCustomerAgreement', userId: caller.user.id, attributes: { objectType: 'Agreement' } },
      order: { referenceCustomerId: body.customer.id, lineItems: [{ offerId: offer.id, quantity: 7, friendlyName: 'Sales team' }], attributes: { objectType: 'Order' } },
      userCredentials: { userName: 'admin', userPrincipalName: `admin@${prefix}.onmicrosoft.com`, password: expect.any(String) },
      warnings: [],
      attributes: { objectType: 'Onboarding' },
    });
    expect(body.customer.userCredentials).toBeUndefined();

    // Everything it made is readable through the Partner Center calls.
    const agreements = (await a.get(`/v1/customers/${body.customer.id}/agreements`)).json();
    expect(agreements.items.map((i: { id: string }) => i.id)).toEqual([body.agreement.id]);
    const orders = (await a.get(`/v1/customers/${body.customer.id}/orders`)).json();
    expect(orders.items).toEqual([body.order]);
    const subscriptions = (await a.get(`/v1/customers/${body.customer.id}/subscriptions`)).json();
    expect(subscriptions.items).toMatchObject([{ id: body.order.lineItems[0].subscriptionId, offerId: offer.id, quantity: 7 }]);
    const audit = await t.db.selectFrom('audit_records').select(['operation_type', 'request_id', 'correlation_id']).where('customer_id', '=', body.customer.id).execute();
    expect(audit.map((r) => r.operation_type).sort()).toEqual(['add_customer', 'create_customer_agreement', 'create_order', 'onboard_customer']);
    expect(audit.every((r) => r.request_id === `req-${prefix}` && r.correlation_id === `corr-${prefix}`)).toBe(true);
  });

  it('answers exactly what the Partner Center calls then read: reseller, agreement, lines numbered out of order', async () => {
    // The answer is built from what the transaction wrote, not read back: it must not differ by a field.
    const provider = await newCaller(t, { kind: 'indirect_provider' });
    const a = api(t, provider.headers);
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller', name: `Fabrikam ${uniquePrefix()}` });
    await createPartnership(t.db, provider.partner.id, reseller.id);
    const first = await createOffer(t.db, { name: 'Answer offer A' });
    const second = await createOffer(t.db, { name: 'Answer offer B' });
    const lineItems = [
      { lineItemNumber: 2, offerId: first.id, quantity: 4, friendlyName: 'Second line' },
      { lineItemNumber: 0, offerId: second.id, quantity: 1 },
    ];
    const response = await a.post('/v1/onboardings', { ...onboardingBody(lineItems), associatedPartnerId: reseller.id, agreement: { ...agreementBody({ phoneNumber: '+1 425 555 0199' }) } });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();

    expect((await a.get(`/v1/customers/${body.customer.id}`)).json()).toEqual(body.customer);
    expect((await a.get(`/v1/customers/${body.customer.id}/agreements`)).json().items).toEqual([body.agreement]);
    expect(body.order.lineItems.map((line: { lineItemNumber: number }) => line.lineItemNumber)).toEqual([0, 2]);
    expect((await a.get(`/v1/customers/${body.customer.id}/orders/${body.order.id}`)).json()).toEqual(body.order);
    const audit = await t.db.selectFrom('audit_records').select(['operation_type', 'new_value']).where('customer_id', '=', body.customer.id).execute();
    const newValueOf = (type: string) => audit.find((record) => record.operation_type === type)?.new_value;
    expect(newValueOf('add_customer')).toEqual(body.customer);
    expect(newValueOf('create_customer_agreement')).toEqual(body.agreement);
    expect(newValueOf('create_order')).toEqual(body.order);
    expect(newValueOf('onboard_customer')).toEqual({ orderId: body.order.id, agreementId: body.agreement.id });
  });

  it('creates a customer alone (no offer chosen): no order', async () => {
    const caller = await newCaller(t);
    const response = await api(t, caller.headers).post('/v1/onboardings', onboardingBody([]));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ order: null, agreement: { type: 'MicrosoftCustomerAgreement' } });
  });

  it('confirms the template given by id', async () => {
    const caller = await newCaller(t);
    const body = { ...onboardingBody(), agreement: { ...agreementBody(), templateId: olderCustomerAgreement.id } };
    const response = await api(t, caller.headers).post('/v1/onboardings', body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().agreement.templateId).toBe(olderCustomerAgreement.id);
  });
});

describe('GET /openapi.json', () => {
  it('documents every onboarding path with its methods', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\./);
    const expected: Record<string, string[]> = {
      '/v1/domains/{domain}': ['head'],
      '/v1/domains/{domain}/availability': ['get'],
      '/v1/countryvalidationrules/{country}': ['get'],
      '/v1/validations/address': ['post'],
      '/v1/agreements': ['get'],
      '/v1/customers/{customerId}/agreements': ['get', 'post'],
      '/v1/offers': ['get'],
      '/v1/customers': ['get', 'post'],
      '/v1/customers/{customerId}': ['get'],
      '/v1/customers/{customerId}/orders': ['get', 'post'],
      '/v1/customers/{customerId}/orders/{orderId}': ['get'],
      '/v1/customers/{customerId}/subscriptions': ['get'],
      '/v1/customers/{customerId}/subscriptions/{subscriptionId}': ['get'],
      '/v1/relationships': ['get'],
      '/v1/onboardings': ['post'],
      '/v1/onboardings/drafts': ['get', 'post'],
      '/v1/onboardings/drafts/{draftId}': ['delete', 'get', 'put'],
    };
    const missing = Object.entries(expected).flatMap(([path, methods]) => methods.filter((method) => document.paths[path]?.[method] === undefined).map((method) => `${method.toUpperCase()} ${path}`));
    // The submission documents its body and its answers, errors included.
    const submit = document.paths['/v1/onboardings']?.post as { requestBody?: unknown; responses?: Record<string, unknown> };
    expect(submit.requestBody).toBeDefined();
    expect(Object.keys(submit.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '403', '409']));
    expect(missing).toEqual([]);
  });
});
