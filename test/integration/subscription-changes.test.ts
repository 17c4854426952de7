/**
 * Issue 10 part 2, SPEC §7: PATCH /v1/customers/{id}/subscriptions/{id} with the full resource and
 * If-Match. Licenses up at any time; down only within 7 days of the purchase that added them (a fixed
 * clock moves past the window); suspend and reactivate; friendly name; auto-renew; each change in the
 * history (GET .../changes) and the audit log; a stale etag is a 412 and two concurrent changes from one
 * etag give one 200 and one 412 (on PostgreSQL over a real pool, TEST_DB=postgres).
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '#contracts/orders.ts';
import type { SubscriptionChange } from '#contracts/subscriptions.ts';
import { createCustomer, createPartner, createPartnership } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { adjustableClock } from '#test/helpers/server.ts';
import { agreementBody, api, createOffer, createTemplate, expectError, newCaller, onboardingBody, userOf, type Caller, type Headers } from './onboarding-fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;
const clock = adjustableClock(new Date('2026-11-02T09:00:00.000Z'));
let t: TestApp;
let templateId: string;

beforeAll(async () => {
  t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '0' }, { clock });
  templateId = (await createTemplate(t.db)).id;
});
afterAll(() => t.close());

interface Bought { caller: Caller; customerId: string; subscriptionId: string; url: string }

/** A direct partner's admin agent, its customer (agreement confirmed) and a subscription of `quantity` licenses of an offer sold 1–20. */
async function bought(quantity = 5, offer: { min?: number; max?: number; purchaseLimit?: number | null } = {}): Promise<Bought> {
  const caller = await newCaller(t);
  const customer = await createCustomer(t.db, { partnerIds: [caller.partner.id] });
  // Agreed on the fixed clock's day (the API refuses a date after its today).
  const agreed = await api(t, caller.headers).post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody(), dateAgreed: clock.now().toISOString().slice(0, 10), templateId });
  expect(agreed.statusCode, agreed.body).toBe(201);
  const { id: offerId } = await createOffer(t.db, { min: offer.min ?? 1, max: offer.max ?? 20, purchaseLimit: offer.purchaseLimit ?? null });
  const order = await api(t, caller.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId, quantity }] });
  expect(order.statusCode, order.body).toBe(201);
  const subscriptionId = order.json<{ lineItems: { subscriptionId: string }[] }>().lineItems[0]!.subscriptionId;
  return { caller, customerId: customer.id, subscriptionId, url: `/v1/customers/${customer.id}/subscriptions/${subscriptionId}` };
}

function patch(url: string, headers: Headers, payload: unknown, extra: Headers = {}) {
  return t.app.inject({ method: 'PATCH', url, headers: { 'content-type': 'application/json', ...headers, ...extra }, payload: JSON.stringify(payload) });
}

async function read(s: Bought): Promise<Subscription> {
  const response = await api(t, s.caller.headers).get(s.url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Subscription>();
}

/** GET, change, PATCH with If-Match: what a Partner Center client does. */
async function change(s: Bought, edit: Partial<Subscription>, headers: Headers = s.caller.headers): Promise<LightMyRequestResponse> {
  const current = await read(s);
  return patch(s.url, headers, { ...current, ...edit }, { 'If-Match': current.attributes.etag });
}

async function history(s: Bought, headers: Headers = s.caller.headers) {
  const response = await api(t, headers).get(`${s.url}/changes`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ totalCount: number; items: SubscriptionChange[]; attributes: { objectType: string } }>();
}

const purchases = (subscriptionId: string) =>
  t.db.selectFrom('subscription_purchases').select(['quantity', 'remaining']).where('subscription_id', '=', subscriptionId).orderBy('purchased_at').orderBy('id').execute();

describe('licenses', () => {
  it('shows what may be removed and until when, and the offer’s bounds', async () => {
    const s = await bought(5);
    const subscription = await read(s);
    expect(subscription).toMatchObject({
      quantity: 5,
      attributes: { etag: 'W/"1"' },
      quantityBounds: { minimum: 1, maximum: 20 },
      refundableQuantity: { totalQuantity: 5, details: [{ quantity: 5, allowedUntilDateTime: new Date(clock.now().getTime() + 7 * DAY).toISOString() }] },
    });
  });

  it('raises the count at any time: a purchase of its own, in the answer, the history and the audit log', async () => {
    const s = await bought(5);
    clock.advance(30 * DAY);
    const raised = await change(s, { quantity: 8 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({
      quantity: 8,
      attributes: { etag: 'W/"2"', objectType: 'Subscription' },
      // The order's five are past their window; the three just bought are not.
      refundableQuantity: { totalQuantity: 3, details: [{ quantity: 3, allowedUntilDateTime: new Date(clock.now().getTime() + 7 * DAY).toISOString() }] },
    });
    expect(await read(s)).toMatchObject({ quantity: 8, attributes: { etag: 'W/"2"' } });
    expect(await purchases(s.subscriptionId)).toEqual([{ quantity: 5, remaining: 5 }, { quantity: 3, remaining: 3 }]);
    const { items, totalCount, attributes } = await history(s);
    expect(attributes.objectType).toBe('Collection');
    expect(totalCount).toBe(1);
    expect(items[0]).toMatchObject({ subscriptionId: s.subscriptionId, userPrincipalName: s.caller.user.email, changeDate: clock.now().toISOString(), version: 2, changes: [{ field: 'quantity', oldValue: 5, newValue: 8 }] });
    const audit = await t.db.selectFrom('audit_records').selectAll().where('resource_id', '=', s.subscriptionId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operation_type: 'update_subscription', resource_type: 'subscription', customer_id: s.customerId, user_id: s.caller.user.id });
    expect(audit[0]!.new_value).toMatchObject({ changes: [{ field: 'quantity', oldValue: 5, newValue: 8 }], subscription: { quantity: 8 } });
  });

  it('lowers the count within 7 days of the purchase that added the licenses', async () => {
    const s = await bought(5);
    clock.advance(6 * DAY + 23 * 60 * 60 * 1000);
    const lowered = await change(s, { quantity: 2 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json()).toMatchObject({ quantity: 2, refundableQuantity: { totalQuantity: 2 } });
    expect(await purchases(s.subscriptionId)).toEqual([{ quantity: 5, remaining: 2 }]);
  });

  it('refuses a decrease after the window (fixed clock), naming quantity, and changes nothing', async () => {
    const s = await bought(5);
    clock.advance(7 * DAY);
    const refused = await change(s, { quantity: 4 });
    const body = expectError(refused, 400, 400901, 'quantity', 'quantity_decrease_not_allowed');
    expect(body.description).toMatch(/within 7 days/);
    expect(await read(s)).toMatchObject({ quantity: 5, attributes: { etag: 'W/"1"' }, refundableQuantity: { totalQuantity: 0, details: [] } });
    expect(await purchases(s.subscriptionId)).toEqual([{ quantity: 5, remaining: 5 }]);
    expect((await history(s)).items).toEqual([]);
  });

  it('removes only the licenses still in their window: those bought this week, not the order’s', async () => {
    const s = await bought(5);
    clock.advance(10 * DAY);
    expect((await change(s, { quantity: 9 })).statusCode).toBe(200);
    clock.advance(2 * DAY);
    expectError(await change(s, { quantity: 4 }), 400, 400901, 'quantity');
    const lowered = await change(s, { quantity: 6 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json()).toMatchObject({ quantity: 6, refundableQuantity: { totalQuantity: 1 } });
    expect(await purchases(s.subscriptionId)).toEqual([{ quantity: 5, remaining: 5 }, { quantity: 4, remaining: 1 }]);
    clock.advance(5 * DAY);
    expectError(await change(s, { quantity: 5 }), 400, 400901, 'quantity');
  });

  it("keeps the count within the offer's bounds and the per-customer limit (2002), and whole", async () => {
    const s = await bought(5, { min: 2, max: 10 });
    expectError(await change(s, { quantity: 11 }), 400, 2002, 'quantity', 'quantity_out_of_bounds');
    expectError(await change(s, { quantity: 1 }), 400, 2002, 'quantity', 'quantity_out_of_bounds');
    expectError(await change(s, { quantity: 6.5 }), 400, 3000, 'quantity', 'quantity_not_integer');
    expectError(await change(s, { quantity: '6' as unknown as number }), 400, 3000, 'quantity');
    const limited = await bought(5, { purchaseLimit: 6 });
    expectError(await change(limited, { quantity: 7 }), 400, 2002, 'quantity', 'purchase_limit_exceeded');
    expect((await change(limited, { quantity: 6 })).statusCode).toBe(200);
    expect((await read(s)).quantity).toBe(5);
  });
});

describe('status, name and auto-renew', () => {
  it('suspends and reactivates; a suspended subscription can only be reactivated (409002)', async () => {
    const s = await bought(5);
    const suspended = await change(s, { status: 'suspended' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json()).toMatchObject({ status: 'suspended', refundableQuantity: { totalQuantity: 0 } });
    expectError(await change(s, { quantity: 6 }), 409, 409002, 'quantity', 'subscription_not_active');
    expectError(await change(s, { friendlyName: 'While away' }), 409, 409002, 'friendlyName');
    expectError(await change(s, { status: 'active', quantity: 6 }), 409, 409002, 'quantity');
    const reactivated = await change(s, { status: 'active' });
    expect(reactivated.statusCode, reactivated.body).toBe(200);
    expect(reactivated.json()).toMatchObject({ status: 'active', quantity: 5, refundableQuantity: { totalQuantity: 5 } });
    expect((await history(s)).items.map((item) => item.changes)).toEqual([
      [{ field: 'status', oldValue: 'suspended', newValue: 'active' }],
      [{ field: 'status', oldValue: 'active', newValue: 'suspended' }],
    ]);
  });

  it('renames and turns auto-renew off and on, in one change or several', async () => {
    const s = await bought(5);
    const both = await change(s, { friendlyName: '  Sales team seats ', autoRenewEnabled: false });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json()).toMatchObject({ friendlyName: 'Sales team seats', autoRenewEnabled: false });
    expect((await change(s, { autoRenewEnabled: true })).json()).toMatchObject({ autoRenewEnabled: true, attributes: { etag: 'W/"3"' } });
    const [latest, first] = (await history(s)).items;
    expect(latest!.changes).toEqual([{ field: 'autoRenewEnabled', oldValue: false, newValue: true }]);
    expect(first!.changes).toEqual([
      { field: 'friendlyName', oldValue: expect.any(String), newValue: 'Sales team seats' },
      { field: 'autoRenewEnabled', oldValue: true, newValue: false },
    ]);
  });

  it('refuses a blank or odd name and a status other than active or suspended, naming the field', async () => {
    const s = await bought(5);
    expectError(await change(s, { friendlyName: '   ' }), 400, 3000, 'friendlyName', 'friendly_name_required');
    expectError(await change(s, { friendlyName: 'Two\nlines' }), 400, 3000, 'friendlyName', 'text_line_break');
    expectError(await change(s, { friendlyName: 'x'.repeat(201) }), 400, 3000, 'friendlyName');
    expectError(await change(s, { status: 'deleted' }), 400, 3000, 'status', 'status_invalid');
    expectError(await change(s, { autoRenewEnabled: 'yes' as unknown as boolean }), 400, 3000, 'autoRenewEnabled');
    expect(await read(s)).toMatchObject({ attributes: { etag: 'W/"1"' } });
  });

  it('takes the whole resource as read, Partner Center properties we lack and any case, and ignores the read-only ones', async () => {
    const s = await bought(5);
    const current = await read(s);
    const response = await patch(
      s.url,
      s.caller.headers,
      { ...current, quantity: undefined, Quantity: 7, offerId: 'SOMETHING-ELSE', orderId: randomUUID(), isTrial: false, suspensionReasons: null, contractType: 'subscription', hasPurchasableAddons: false, links: { self: null } },
      { 'If-Match': current.attributes.etag },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ quantity: 7, offerId: current.offerId, orderId: current.orderId });
    expectError(await patch(s.url, s.caller.headers, { ...current, quantityy: 9 }), 400, 3000);
  });

  it('answers the subscription unchanged, without a new version or history, when nothing changed', async () => {
    const s = await bought(5);
    const same = await change(s, {});
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ attributes: { etag: 'W/"1"' } });
    expect((await history(s)).items).toEqual([]);
  });
});

describe('etags and concurrency', () => {
  it('refuses a stale etag (412), from If-Match or the body’s attributes.etag; If-Match wins', async () => {
    const s = await bought(5);
    const stale = await read(s);
    expect((await change(s, { quantity: 6 })).statusCode).toBe(200);
    expectError(await patch(s.url, s.caller.headers, { ...stale, quantity: 9 }, { 'If-Match': stale.attributes.etag }), 412, 412000, 'If-Match', 'etag_stale');
    expectError(await patch(s.url, s.caller.headers, { ...stale, quantity: 9 }), 412, 412000);
    const fresh = await read(s);
    expect((await patch(s.url, s.caller.headers, { ...stale, quantity: 9 }, { 'If-Match': fresh.attributes.etag })).statusCode).toBe(200);
    expect(await read(s)).toMatchObject({ quantity: 9, attributes: { etag: 'W/"3"' } });
    expectError(await patch(s.url, s.caller.headers, { quantity: 10 }, { 'If-Match': 'yesterday' }), 400, 3000, 'If-Match', 'etag_invalid');
    expectError(await patch(s.url, s.caller.headers, { quantity: 10, attributes: { etag: 'W/"x"' } }), 400, 3000, 'attributes.etag', 'etag_invalid');
  });

  it('applies a change without an etag to the subscription as it is (Partner Center does not require If-Match here)', async () => {
    const s = await bought(5);
    expect((await patch(s.url, s.caller.headers, { quantity: 6 })).statusCode).toBe(200);
    expect((await patch(s.url, s.caller.headers, { quantity: 7 }, { 'If-Match': '*' })).statusCode).toBe(200);
    expect(await read(s)).toMatchObject({ quantity: 7, attributes: { etag: 'W/"3"' } });
  });

  it('two concurrent changes from one etag: one 200, one 412, and the history holds the one', async () => {
    for (let round = 0; round < 3; round++) {
      const s = await bought(5);
      const current = await read(s);
      const answers = await Promise.all(
        [6, 7].map((quantity) => patch(s.url, s.caller.headers, { ...current, quantity }, { 'If-Match': current.attributes.etag })),
      );
      const statuses = answers.map((answer) => answer.statusCode).sort();
      expect(statuses, `round ${round}: ${answers.map((a) => a.body).join(' | ')}`).toEqual([200, 412]);
      const won = answers.find((answer) => answer.statusCode === 200)!.json<Subscription>();
      expect(await read(s)).toMatchObject({ quantity: won.quantity, attributes: { etag: 'W/"2"' } });
      expect((await history(s)).items).toHaveLength(1);
      expect((await purchases(s.subscriptionId)).reduce((sum, p) => sum + p.quantity, 0)).toBe(won.quantity);
    }
  });

  it('two sequential changes each with the etag it read both apply; concurrent ones without an etag lose none', async () => {
    const s = await bought(5);
    expect((await change(s, { quantity: 6 })).statusCode).toBe(200);
    expect((await change(s, { friendlyName: 'Second' })).statusCode).toBe(200);
    expect(await read(s)).toMatchObject({ quantity: 6, friendlyName: 'Second', attributes: { etag: 'W/"3"' } });
    const answers = await Promise.all([patch(s.url, s.caller.headers, { autoRenewEnabled: false }), patch(s.url, s.caller.headers, { friendlyName: 'Third' })]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    expect(await read(s)).toMatchObject({ autoRenewEnabled: false, friendlyName: 'Third', attributes: { etag: 'W/"5"' } });
    expect((await history(s)).items).toHaveLength(4);
  });

  it('with MS-RequestId, a repeated PATCH answers as the first and applies once', async () => {
    const s = await bought(5);
    const current = await read(s);
    const requestId = randomUUID();
    const first = await patch(s.url, s.caller.headers, { ...current, quantity: 8 }, { 'If-Match': current.attributes.etag, 'MS-RequestId': requestId });
    const again = await patch(s.url, s.caller.headers, { ...current, quantity: 8 }, { 'If-Match': current.attributes.etag, 'MS-RequestId': requestId });
    expect(first.statusCode, first.body).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await history(s)).items).toHaveLength(1);
  });
});

describe('who may', () => {
  it('lets an admin agent and a global admin change; refuses the other roles (900308); history for whoever sees the customer', async () => {
    const s = await bought(5);
    const admin = await userOf(t, s.caller.partner.id, ['global_admin']);
    expect((await change(s, { quantity: 6 }, admin.headers)).statusCode).toBe(200);
    for (const role of ['sales_agent', 'helpdesk_agent', 'billing_admin'] as const) {
      const user = await userOf(t, s.caller.partner.id, [role]);
      expectError(await change(s, { quantity: 7 }, user.headers), 403, 900308);
    }
    const helpdesk = await userOf(t, s.caller.partner.id, ['helpdesk_agent']);
    expect((await history(s, helpdesk.headers)).items).toHaveLength(1);
    expect(await read(s)).toMatchObject({ quantity: 6 });
  });

  it("answers another partner's subscription as one that does not exist (404), even with the customer shared", async () => {
    const s = await bought(5);
    const other = await newCaller(t);
    expectError(await patch(s.url, other.headers, { quantity: 6 }), 404, 1000);
    expectError(await api(t, other.headers).get(`${s.url}/changes`), 404, 1000);
    await t.db.insertInto('customer_relationships').values({ customer_id: s.customerId, partner_id: other.partner.id, origin: 'invited' }).execute();
    expectError(await patch(s.url, other.headers, { quantity: 6 }), 404, 1000);
    expectError(await api(t, other.headers).get(`${s.url}/changes`), 404, 1000);
    expectError(await patch(`/v1/customers/${s.customerId}/subscriptions/${randomUUID()}`, s.caller.headers, { quantity: 6 }), 404, 1000);
    expect(await read(s)).toMatchObject({ quantity: 5 });
  });

  it('lets an indirect reseller read, not change, what its provider sold through it (403: the provider manages it)', async () => {
    const provider = await newCaller(t, { kind: 'indirect_provider' });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller' });
    await createPartnership(t.db, provider.partner.id, reseller.id);
    const { id: offerId } = await createOffer(t.db);
    const body = { ...onboardingBody([{ offerId, quantity: 4 }]), agreement: { ...agreementBody(), dateAgreed: clock.now().toISOString().slice(0, 10) }, associatedPartnerId: reseller.id };
    const created = await api(t, provider.headers).post('/v1/onboardings', body);
    expect(created.statusCode, created.body).toBe(201);
    const { customer, order } = created.json<{ customer: { id: string }; order: { lineItems: { subscriptionId: string }[] } }>();
    const url = `/v1/customers/${customer.id}/subscriptions/${order.lineItems[0]!.subscriptionId}`;
    const resellerAdmin = await userOf(t, reseller.id, ['global_admin']);
    expect((await api(t, resellerAdmin.headers).get(url)).statusCode).toBe(200);
    expect((await api(t, resellerAdmin.headers).get(`${url}/changes`)).statusCode).toBe(200);
    expectError(await patch(url, resellerAdmin.headers, { quantity: 5 }), 403, 900308);
    expect((await patch(url, provider.headers, { quantity: 5 })).statusCode).toBe(200);
  });
});
