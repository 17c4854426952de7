/**
 * Issue 11 part 2, the customer in Partner Center's documented shape (customer-resources; the "create a
 * customer" and "get a customer by ID" samples): the billing profile's `id`, names, links and
 * `attributes.etag` (the same etag as GET .../profiles/billing, which a PUT takes back); the company
 * profile's `address`, `email` and links (also at GET .../profiles/company); `customDomains`;
 * `allowDelegatedAccess` as `enableGDAPByDefault` asked; in every answer that carries a customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { agreementBody, api, createTemplate, customerBody, expectError, newCaller, uniquePrefix, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let owner: Caller;
beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db);
  owner = await newCaller(t, { roles: ['global_admin'] });
});
afterAll(() => t.close());

interface CustomerAnswer {
  id: string;
  companyProfile: Record<string, unknown>;
  billingProfile: { attributes: { etag: string } } & Record<string, unknown>;
  allowDelegatedAccess: boolean;
  customDomains: string[];
}

const link = (uri: string) => ({ self: { uri, method: 'GET', headers: [] } });

async function created(extra: Record<string, unknown> = {}, prefix = uniquePrefix()) {
  const response = await api(t, owner.headers).post('/v1/customers', { ...customerBody({ prefix }), ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return { prefix, customer: response.json<CustomerAnswer>() };
}

/** What a customer made from `customerBody({ prefix })` answers, nested as Partner Center documents it. */
function documentedShape(id: string, prefix: string) {
  const domain = `${prefix}.onmicrosoft.com`;
  const email = `it@${prefix}.example`;
  const address = { country: 'US', city: 'Redmond', state: 'WA', addressLine1: '1 Microsoft Way', addressLine2: null, addressLine3: null, postalCode: '98052', phoneNumber: '+14255550100' };
  return {
    id,
    commerceId: expect.any(String),
    companyProfile: {
      tenantId: id,
      domain,
      companyName: `Contoso ${prefix}`,
      // The company address names the state `region` too, as Partner Center's sample does.
      address: { ...address, region: 'WA' },
      email,
      organizationRegistrationNumber: null,
      links: link(`/v1/customers/${id}/profiles/company`),
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    billingProfile: {
      id,
      firstName: 'Dana',
      lastName: 'Whitfield',
      email,
      culture: 'en-US',
      language: 'en',
      companyName: `Contoso ${prefix}`,
      defaultAddress: { ...address, firstName: 'Dana', lastName: 'Whitfield' },
      links: link(`/v1/customers/${id}/profiles/billing`),
      attributes: { etag: expect.any(String), objectType: 'CustomerBillingProfile' },
    },
    relationshipToPartner: 'reseller',
    allowDelegatedAccess: true,
    customDomains: [domain],
    links: link(`/v1/customers/${id}`),
    attributes: { objectType: 'Customer' },
  };
}

describe('the customer resource', () => {
  it('answers POST, GET by id and the list with the documented properties and nesting', async () => {
    const { prefix, customer } = await created();
    expect(customer).toMatchObject(documentedShape(customer.id, prefix));
    const read = await api(t, owner.headers).get(`/v1/customers/${customer.id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject(documentedShape(customer.id, prefix));
    const list = await api(t, owner.headers).get(`/v1/customers?filter=${encodeURIComponent(JSON.stringify({ Field: 'Domain', Value: prefix, Operator: 'starts_with' }))}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: unknown[] }>().items).toEqual([expect.objectContaining(documentedShape(customer.id, prefix))]);
  });

  it("answers the billing profile's etag that GET .../profiles/billing gives, which a PUT takes back", async () => {
    const { customer } = await created();
    const profile = await api(t, owner.headers).get(`/v1/customers/${customer.id}/profiles/billing`);
    expect(profile.json()).toEqual(customer.billingProfile);
    // The billing profile as the customer answered it, sent back as Partner Center's clients do.
    const put = await api(t, owner.headers).put(`/v1/customers/${customer.id}/profiles/billing`, { ...customer.billingProfile, firstName: 'Robin' });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await api(t, owner.headers).get(`/v1/customers/${customer.id}`)).json<CustomerAnswer>();
    expect(after.billingProfile).toEqual(put.json());
    expect(after.billingProfile.attributes.etag).not.toBe(customer.billingProfile.attributes.etag);
  });

  it('answers GET .../profiles/company as the customer carries it', async () => {
    const { customer } = await created();
    const company = await api(t, owner.headers).get(`/v1/customers/${customer.id}/profiles/company`);
    expect(company.statusCode, company.body).toBe(200);
    expect(company.json()).toEqual(customer.companyProfile);
  });
});

describe('enableGDAPByDefault', () => {
  it('is answered as allowDelegatedAccess: false when refused, in any case, and kept', async () => {
    const { customer } = await created({ EnableGDAPByDefault: false });
    expect(customer.allowDelegatedAccess).toBe(false);
    expect((await api(t, owner.headers).get(`/v1/customers/${customer.id}`)).json<CustomerAnswer>().allowDelegatedAccess).toBe(false);
  });

  it('grants delegated access when true, null or left out (as Partner Center does since November 2023)', async () => {
    for (const value of [true, null]) expect((await created({ enableGDAPByDefault: value })).customer.allowDelegatedAccess).toBe(true);
  });

  it('is honoured by POST /v1/onboardings too', async () => {
    const response = await api(t, owner.headers).post('/v1/onboardings', { ...customerBody(), agreement: agreementBody(), lineItems: [], enableGDAPByDefault: false });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ customer: CustomerAnswer }>().customer.allowDelegatedAccess).toBe(false);
  });

  it('refuses a value that is not a boolean with a 400 naming it', async () => {
    const response = await api(t, owner.headers).post('/v1/customers', { ...customerBody(), enableGDAPByDefault: 'yes' });
    expectError(response, 400, 3000, 'enableGDAPByDefault');
  });
});
