/**
 * Issue 11 part 2: the offer and the subscription in Partner Center's documented shapes (offer-resources,
 * "get an offer by ID", subscription-resources), GET /v1/offers/{id}?country= (404 unknown, X-Locale,
 * country), a subscription's `links.offer` that resolves to it, and the subscription list's documented
 * filters `order_id` and `mpn_id` ("get a list of subscriptions by order", "by partner MPN ID").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '#contracts/offers.ts';
import type { Subscription } from '#contracts/orders.ts';
import { createCustomer } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { agreementBody, api, createOffer, createTemplate, expectError, newCaller, today, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let caller: Caller;
let templateId: string;
let base: Awaited<ReturnType<typeof createOffer>>;
let addOn: Awaited<ReturnType<typeof createOffer>>;
let once: Awaited<ReturnType<typeof createOffer>>;
let plain: Awaited<ReturnType<typeof createOffer>>;

const markets = [
  { country: 'US', currency: 'USD', listPrice: 6 },
  { country: 'GB', currency: 'GBP', listPrice: 5 },
];

beforeAll(async () => {
  t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '0' });
  templateId = (await createTemplate(t.db, { type: 'MicrosoftCustomerAgreement' })).id;
  caller = await newCaller(t);
  base = await createOffer(t.db, { name: 'Shape Base', category: 'enterprise', markets, descriptions: { 'zh-TW': '基本方案。' } });
  addOn = await createOffer(t.db, { name: 'Shape Add-on', prerequisites: [base.id], markets });
  once = await createOffer(t.db, { name: 'Shape Once', term: 'none', billingCycles: ['one_time'], markets });
  plain = await createOffer(t.db, { name: 'Shape Plain', markets });
});
afterAll(() => t.close());

const getOffer = (id: string, query: string, headers: Record<string, string> = {}) => api(t, caller.headers).get(`/v1/offers/${encodeURIComponent(id)}?${query}`, headers);

/** A customer of the caller in `country` (agreement confirmed) and an order of one line per offer, some naming a partner on record. */
async function ordered(country: string, offerIds: string[], partnerIdsOnRecord: Record<number, string> = {}) {
  const customer = await createCustomer(t.db, { partnerIds: [caller.partner.id], country });
  const agreed = await api(t, caller.headers).post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody(), dateAgreed: today(), templateId });
  expect(agreed.statusCode, agreed.body).toBe(201);
  const order = await api(t, caller.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: offerIds.map((offerId, index) => ({ lineItemNumber: index, offerId, quantity: 1, partnerIdOnRecord: partnerIdsOnRecord[index] ?? null })) });
  expect(order.statusCode, order.body).toBe(201);
  const { id: orderId, lineItems } = order.json<{ id: string; lineItems: { subscriptionId: string }[] }>();
  return { customerId: customer.id, orderId, subscriptionIds: lineItems.map((line) => line.subscriptionId) };
}

async function listSubscriptions(customerId: string, query = '') {
  const response = await api(t, caller.headers).get(`/v1/customers/${customerId}/subscriptions${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ totalCount: number; items: Subscription[]; links: { self: { uri: string } }; attributes: { objectType: string } }>();
}

describe('GET /v1/offers/{offer-id}?country=', () => {
  it("answers the offer with Partner Center's documented properties, names and nesting", async () => {
    const response = await getOffer(base.id, 'country=GB');
    expect(response.statusCode, response.body).toBe(200);
    const offer = response.json<Offer>();
    const uri = `/v1/offers/${encodeURIComponent(base.id)}?country=GB`;
    expect(offer).toMatchObject({
      id: base.id,
      name: 'Shape Base',
      minimumQuantity: 1,
      maximumQuantity: 300,
      rank: 0,
      uri,
      locale: 'en-US',
      country: 'GB',
      category: { id: 'enterprise', name: 'Enterprise', rank: 1, locale: 'en-US', country: 'GB', attributes: { objectType: 'OfferCategory' } },
      prerequisiteOffers: [],
      isAddOn: false,
      hasAddOns: true,
      isAvailableForPurchase: true,
      billing: 'license',
      isAutoRenewable: true,
      product: { id: base.id, name: 'Shape Base', unit: 'Licenses' },
      unitType: 'Licenses',
      salesGroupId: null,
      isInternal: false,
      links: { self: { uri, method: 'GET', headers: [] } },
      listPrice: { amount: 5, currency: 'GBP' },
      attributes: { objectType: 'Offer' },
    });
    // The documented lists, empty: nothing here upgrades, converts or asks qualifications.
    for (const list of ['upgradeTargetOffers', 'conversionTargetOffers', 'reselleeQualifications', 'resellerQualifications'] as const) expect(offer[list], list).toEqual([]);
  });

  it("tells an add-on from the offer it builds on, and an offer sold once from one that renews", async () => {
    expect((await getOffer(addOn.id, 'country=US')).json()).toMatchObject({ isAddOn: true, hasAddOns: false, prerequisiteOffers: [base.id], isAutoRenewable: true });
    expect((await getOffer(once.id, 'country=US')).json()).toMatchObject({ isAutoRenewable: false, hasAddOns: false });
  });

  it('answers the description in X-Locale where the catalog has it, and names its locale', async () => {
    expect((await getOffer(base.id, 'country=US', { 'X-Locale': 'zh-TW' })).json()).toMatchObject({ description: '基本方案。', locale: 'zh-TW' });
    expect((await getOffer(base.id, 'country=US', { 'X-Locale': 'fr-FR' })).json()).toMatchObject({ description: 'The Shape Base for tests.', locale: 'en-US' });
  });

  it('answers the list with the same offer as the call by id', async () => {
    const list = await api(t, caller.headers).get('/v1/offers?country=GB&q=Shape%20Base', { 'X-Locale': 'zh-TW' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: Offer[] }>().items).toEqual([(await getOffer(base.id, 'country=GB', { 'X-Locale': 'zh-TW' })).json()]);
  });

  it('answers an offer no longer for sale (a subscription may still name it)', async () => {
    const retired = await createOffer(t.db, { active: false });
    expect((await getOffer(retired.id, 'country=US')).json()).toMatchObject({ id: retired.id, isAvailableForPurchase: false });
  });

  it('is 404 with the not-found error for an unknown offer, one not sold in the country, or another instance’s', async () => {
    expectError(await getOffer('NOSUCHOFFER:0001', 'country=US'), 404, 1000);
    expectError(await getOffer(base.id, 'country=FR'), 404, 1000);
    const usgov = await createOffer(t.db, { instance: 'usgov', category: 'government' });
    expectError(await getOffer(usgov.id, 'country=US'), 404, 1000);
  });

  it('is 400 naming country when it is missing or not a country code, in any case of the name', async () => {
    expectError(await api(t, caller.headers).get(`/v1/offers/${encodeURIComponent(base.id)}`), 400, 3000, 'country');
    expectError(await getOffer(base.id, 'country=ZZ'), 400, 3000, 'country');
    expect((await getOffer(base.id, 'Country=gb')).json()).toMatchObject({ id: base.id, country: 'GB' });
  });
});

describe('the subscription resource', () => {
  it("has Partner Center's documented properties, and keeps its etag", async () => {
    const { customerId, orderId, subscriptionIds } = await ordered('US', [base.id]);
    const [subscription] = (await listSubscriptions(customerId)).items;
    // Every property is asserted by onboarding-endpoints' order test; here those this offer makes differ.
    expect(subscription).toMatchObject({ id: subscriptionIds[0], entitlementId: subscriptionIds[0], offerId: base.id, orderId, status: 'active', actions: ['edit'], suspensionReasons: [] });
    expect(subscription).toMatchObject({ hasPurchasableAddons: true, contractType: 'subscription', isMicrosoftProduct: true, attributes: { etag: 'W/"1"', objectType: 'Subscription' } });
  });

  it('says why it is suspended while it is, and is a trial when its offer is', async () => {
    const trial = await createOffer(t.db, { trial: true, category: 'trial', markets: [{ country: 'US', currency: 'USD', listPrice: 0 }] });
    const { customerId, subscriptionIds } = await ordered('US', [base.id, addOn.id]);
    const url = `/v1/customers/${customerId}/subscriptions/${subscriptionIds[1]}`;
    const read = async (u: string) => (await api(t, caller.headers).get(u)).json<Subscription>();
    expect(await read(url)).toMatchObject({ offerId: addOn.id, hasPurchasableAddons: false, isTrial: false });
    const trialOrder = await ordered('US', [trial.id]);
    expect(await read(`/v1/customers/${trialOrder.customerId}/subscriptions/${trialOrder.subscriptionIds[0]}`)).toMatchObject({ isTrial: true });

    const patched = await t.app.inject({ method: 'PATCH', url, headers: { 'content-type': 'application/json', ...caller.headers }, payload: JSON.stringify({ status: 'suspended' }) });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'suspended', suspensionReasons: ['CustomerCancellation'], actions: ['edit'] });
    expect(await read(url)).toMatchObject({ status: 'suspended', suspensionReasons: ['CustomerCancellation'] });
  });

  it("links its offer in the customer's country, and the link answers that offer", async () => {
    const { customerId, subscriptionIds } = await ordered('GB', [base.id]);
    const subscription = (await api(t, caller.headers).get(`/v1/customers/${customerId}/subscriptions/${subscriptionIds[0]}`)).json<Subscription>();
    expect(subscription.links.offer).toEqual({ uri: `/v1/offers/${encodeURIComponent(base.id)}?country=GB`, method: 'GET', headers: [] });
    const followed = await api(t, caller.headers).get(subscription.links.offer.uri);
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json()).toMatchObject({ id: base.id, country: 'GB', listPrice: { currency: 'GBP' } });
  });
});

describe('GET /v1/customers/{id}/subscriptions?order_id= and ?mpn_id=', () => {
  it("lists the subscriptions of one order, with the filter in the collection's self link", async () => {
    const first = await ordered('US', [base.id, plain.id]);
    const second = await api(t, caller.headers).post(`/v1/customers/${first.customerId}/orders`, { lineItems: [{ offerId: addOn.id, quantity: 1 }] });
    expect(second.statusCode, second.body).toBe(201);

    expect((await listSubscriptions(first.customerId)).totalCount).toBe(3);
    const byOrder = await listSubscriptions(first.customerId, `?order_id=${first.orderId}`);
    expect(byOrder).toMatchObject({ totalCount: 2, attributes: { objectType: 'Collection' }, links: { self: { uri: `/v1/customers/${first.customerId}/subscriptions?order_id=${first.orderId}` } } });
    expect(byOrder.items.map((s) => s.id).sort()).toEqual([...first.subscriptionIds].sort());
    // The name in any case, as Partner Center reads query names.
    expect((await listSubscriptions(first.customerId, `?ORDER_ID=${first.orderId}`)).totalCount).toBe(2);
    expect((await listSubscriptions(first.customerId, `?order_id=${second.json<{ id: string }>().id}`)).items.map((s) => s.offerId)).toEqual([addOn.id]);
  });

  it('lists the subscriptions whose partner on record is the Partner ID', async () => {
    const { customerId, orderId, subscriptionIds } = await ordered('US', [base.id, plain.id], { 1: '4847383' });
    const byPartner = await listSubscriptions(customerId, '?mpn_id=4847383');
    expect(byPartner.items.map((s) => ({ id: s.id, partnerId: s.partnerId }))).toEqual([{ id: subscriptionIds[1], partnerId: '4847383' }]);
    expect((await listSubscriptions(customerId, '?Mpn_Id=1111111')).totalCount).toBe(0);
    expect((await listSubscriptions(customerId, `?order_id=${orderId}&mpn_id=4847383`)).totalCount).toBe(1);
  });

  it('refuses a filter value that is not an order id or a Partner ID, naming the filter', async () => {
    const { customerId } = await ordered('US', [base.id]);
    expectError(await api(t, caller.headers).get(`/v1/customers/${customerId}/subscriptions?order_id=not-a-guid`), 400, 3000, 'order_id');
    expectError(await api(t, caller.headers).get(`/v1/customers/${customerId}/subscriptions?mpn_id=abc`), 400, 3000, 'mpn_id');
  });
});
