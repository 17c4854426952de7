/**
 * Issue 8, US Government (SPEC §8): a customer there must be recorded as eligible, whichever call adds
 * it. POST /v1/customers asks for the same eligibility as POST /v1/onboardings (one rule, in the
 * customers service), and an order for a usgov customer without an eligibility record is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, countCustomersWithDomain, createOffer, customerBody, expectError, newCaller, uniquePrefix, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let partner: Caller;
let offer: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  partner = await newCaller(t, { instance: 'usgov', usgovValidated: true });
  offer = await createOffer(t.db, { instance: 'usgov', category: 'government' });
});
afterAll(() => t.close());

const usgovBody = (prefix = uniquePrefix()) => ({ ...customerBody({ prefix }), companyProfile: { domain: `${prefix}.onmicrosoft.us` } });
const eligibility = { validationType: 'GovernmentEntity' as const, details: '  City of Redmond, a municipal government.  ' };

describe('POST /v1/customers in the US Government instance', () => {
  it('requires the eligibility, as the onboarding does (400 naming it), and creates nothing without it', async () => {
    const body = usgovBody();
    expectError(await api(t, partner.headers).post('/v1/customers', body), 400, 3000, 'eligibility', 'eligibility_required');
    expectError(await api(t, partner.headers).post('/v1/customers', { ...body, eligibility: { validationType: 'Other', details: 'x' } }), 400, 3000, 'eligibility.validationType');
    expect(await countCustomersWithDomain(t.db, body.companyProfile.domain)).toBe(0);
  });

  it('records the eligibility with the customer, and the customer can order', async () => {
    const response = await api(t, partner.headers).post('/v1/customers', { ...usgovBody(), eligibility });
    expect(response.statusCode, response.body).toBe(201);
    const customerId = response.json<{ id: string }>().id;
    const recorded = await api(t, partner.headers).get(`/v1/customers/${customerId}/eligibility`);
    expect(recorded.json()).toMatchObject({ totalCount: 1, items: [{ validationType: 'GovernmentEntity', details: 'City of Redmond, a municipal government.', partner: { id: partner.partner.id } }] });
    const order = await api(t, partner.headers).post(`/v1/customers/${customerId}/orders`, { lineItems: [{ offerId: offer.id, quantity: 2 }] });
    expect(order.statusCode, order.body).toBe(201);
  });

  it('takes no eligibility in the public instance (it is ignored there, as the onboarding ignores it)', async () => {
    const publicCaller = await newCaller(t);
    const response = await api(t, publicCaller.headers).post('/v1/customers', { ...customerBody(), eligibility });
    expect(response.statusCode, response.body).toBe(201);
    expect(await t.db.selectFrom('customer_eligibility_validations').select('id').where('customer_id', '=', response.json<{ id: string }>().id).execute()).toEqual([]);
  });
});

describe('POST /v1/customers/{id}/orders for a US Government customer', () => {
  it('is refused (403, 403004, saying what to do) while no eligibility is recorded; accepted once it is', async () => {
    // A customer added before eligibility was required of every call.
    const customer = await createCustomer(t.db, { partnerIds: [partner.partner.id], instance: 'usgov' });
    const refused = expectError(await api(t, partner.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] }), 403, 403004);
    expect(refused.description).toContain('POST /v1/customers/{id}/eligibility');
    expect(await t.db.selectFrom('orders').select('id').where('customer_id', '=', customer.id).execute()).toEqual([]);

    const recorded = await api(t, partner.headers).post(`/v1/customers/${customer.id}/eligibility`, eligibility);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ validationType: 'GovernmentEntity', details: 'City of Redmond, a municipal government.', attributes: { objectType: 'CustomerEligibilityValidation' } });
    const order = await api(t, partner.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] });
    expect(order.statusCode, order.body).toBe(201);
  });

  it('does not count another partner’s record, and keeps eligibility to the US Government instance', async () => {
    const other = await newCaller(t, { instance: 'usgov', usgovValidated: true });
    const customer = await createCustomer(t.db, { partnerIds: [other.partner.id, partner.partner.id], instance: 'usgov' });
    expect((await api(t, other.headers).post(`/v1/customers/${customer.id}/eligibility`, eligibility)).statusCode).toBe(201);
    expectError(await api(t, partner.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] }), 403, 403004);

    const publicCaller = await newCaller(t);
    const publicCustomer = await createCustomer(t.db, { partnerIds: [publicCaller.partner.id] });
    expectError(await api(t, publicCaller.headers).post(`/v1/customers/${publicCustomer.id}/eligibility`, eligibility), 403, 403002);
    expectError(await api(t, partner.headers).post(`/v1/customers/${publicCustomer.id}/eligibility`, eligibility), 404, 1000);
  });
});
