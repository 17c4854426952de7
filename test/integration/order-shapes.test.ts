/**
 * Issue 11 part 2: the order in Partner Center's documented shape (order-resources; "create an order",
 * "get an order by ID": etag, alternateId, transactionType, currencySymbol, the lines' provisioningContext
 * and links) and GET .../orders/{id}/provisioningstatus ("get order provisioning status").
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { createCustomer } from '#test/factories.ts';
import { agreementBody, api, createOffer, createTemplate, expectError, newCaller, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let offerId: string;
beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db, { versionRank: 1000 });
  offerId = (await createOffer(t.db, { min: 1, max: 50 })).id;
});
afterAll(() => t.close());

const link = (uri: string) => ({ uri, method: 'GET', headers: [] });

/** A customer of the caller's (and of `others`) with one order of two lines, the agreement confirmed with it. */
async function placedOrder(caller: Caller, others: string[] = []) {
  const customer = await createCustomer(t.db, { partnerIds: [caller.partner.id, ...others] });
  const response = await api(t, caller.headers).post(`/v1/customers/${customer.id}/orders`, {
    lineItems: [
      { offerId, quantity: 3, friendlyName: 'Front desk' },
      { offerId, quantity: 2 },
    ],
    customerAgreement: agreementBody({ lastName: 'Okafor', email: 'amara@signer.example' }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return { customerId: customer.id, order: response.json<{ id: string; lineItems: { subscriptionId: string }[] }>() };
}

describe('the order', () => {
  it('has the documented properties, nesting and types, on create, get and list alike', async () => {
    const caller = await newCaller(t, { roles: ['admin_agent'] });
    const { customerId, order } = await placedOrder(caller);
    const self = `/v1/customers/${customerId}/orders/${order.id}`;
    const line = (lineItemNumber: number, quantity: number, friendlyName: string | null) => ({
      lineItemNumber,
      offerId,
      subscriptionId: order.lineItems[lineItemNumber]!.subscriptionId,
      friendlyName,
      quantity,
      termDuration: 'P1Y',
      transactionType: 'New',
      provisioningContext: {},
      links: { subscription: link(`/v1/customers/${customerId}/subscriptions/${order.lineItems[lineItemNumber]!.subscriptionId}`), provisioningStatus: link(`${self}/provisioningstatus`) },
    });
    const documented = {
      id: order.id,
      alternateId: order.id,
      referenceCustomerId: customerId,
      transactionType: 'UserPurchase',
      currencyCode: 'USD',
      currencySymbol: '$',
      status: 'completed',
      creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lineItems: [line(0, 3, 'Front desk'), line(1, 2, null)],
      links: { self: link(self), provisioningStatus: link(`${self}/provisioningstatus`) },
      attributes: { etag: expect.any(String), objectType: 'Order' },
    };
    expect(order).toMatchObject(documented);
    // No PATCH of an order here: the documented patchOperation link is left out rather than pointing nowhere.
    expect(Object.keys((order as unknown as { links: object }).links).sort()).toEqual(['provisioningStatus', 'self']);

    const got = await api(t, caller.headers).get(self);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toEqual(order);
    const listed = await api(t, caller.headers).get(`/v1/customers/${customerId}/orders`);
    expect(listed.json<{ items: unknown[] }>().items).toEqual([order]);
  });
});

describe('GET /v1/customers/{id}/orders/{id}/provisioningstatus', () => {
  const statusPath = (customerId: string, orderId: string) => `/v1/customers/${customerId}/orders/${orderId}/provisioningstatus`;

  it("is a collection of each line's provisioning status, fulfilled once the order completed", async () => {
    const caller = await newCaller(t, { roles: ['admin_agent'] });
    const { customerId, order } = await placedOrder(caller);
    const response = await api(t, caller.headers).get(statusPath(customerId, order.id));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      totalCount: 2,
      items: [
        { orderLineItemId: 0, lineItemNumber: 0, status: 'fulfilled', quantityProvisioningInformation: [{ quantity: 3, status: 'fulfilled' }], subscriptionId: order.lineItems[0]!.subscriptionId },
        { orderLineItemId: 1, lineItemNumber: 1, status: 'fulfilled', quantityProvisioningInformation: [{ quantity: 2, status: 'fulfilled' }], subscriptionId: order.lineItems[1]!.subscriptionId },
      ],
      links: { self: link(statusPath(customerId, order.id)) },
      attributes: { objectType: 'Collection' },
    });
  });

  it("follows the order's status: unfulfilled when cancelled, pending before it completes", async () => {
    const caller = await newCaller(t, { roles: ['admin_agent'] });
    const { customerId, order } = await placedOrder(caller);
    const statuses = async () => (await api(t, caller.headers).get(statusPath(customerId, order.id))).json<{ items: { status: string }[] }>().items.map((item) => item.status);
    await t.db.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', order.id).execute();
    expect(await statuses()).toEqual(['unfulfilled', 'unfulfilled']);
    await t.db.updateTable('orders').set({ status: 'pending' }).where('id', '=', order.id).execute();
    expect(await statuses()).toEqual(['prefulfillmentPending', 'prefulfillmentPending']);
  });

  it("is 404 for an unknown order and for another partner's order of a shared customer", async () => {
    const caller = await newCaller(t, { roles: ['admin_agent'] });
    const other = await newCaller(t, { roles: ['admin_agent'] });
    const { customerId, order } = await placedOrder(caller, [other.partner.id]);
    expectError(await api(t, caller.headers).get(statusPath(customerId, randomUUID())), 404, 1000);
    // The other partner sees the customer (its own relationship), not this partner's order.
    expect((await api(t, other.headers).get(`/v1/customers/${customerId}`)).statusCode).toBe(200);
    expectError(await api(t, other.headers).get(statusPath(customerId, order.id)), 404, 1000);
    expectError(await api(t, caller.headers).get(statusPath(customerId, 'not-a-guid')), 400, 3000, 'orderId');
  });
});
