/**
 * What the customer page reads (issue 7): a US Government customer's eligibility, an indirect
 * reseller's view of the customers it sells to, each partner's own orders of a multi-partner customer,
 * product names on orders, and an add-on's prerequisite named by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnership } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import {
  agreementBody,
  api,
  customerBody,
  createOffer,
  createTemplate,
  expectError,
  newCaller,
  onboardingBody,
  uniquePrefix,
  userOf,
  type Caller,
} from './onboarding-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createTemplate(t.db, { versionRank: 1 });
});
afterAll(() => t.close());

interface Line { offerId: string; offerName: string; quantity: number; subscriptionId: string }
interface OrderBody { id: string; lineItems: Line[] }

async function onboard(caller: Caller, body: object) {
  const response = await api(t, caller.headers).post('/v1/onboardings', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ customer: { id: string }; order: OrderBody | null }>();
}

/** An add-on offer that needs `prerequisiteIds` (the operator's catalog). */
async function createAddOn(name: string, prerequisiteIds: string[]) {
  const addOn = await createOffer(t.db, { name });
  await t.db.updateTable('offers').set({ is_add_on: true, prerequisite_offer_ids: prerequisiteIds }).where('id', '=', addOn.id).execute();
  return addOn;
}

describe('GET /v1/customers/{id}/eligibility (ours)', () => {
  const eligibility = { validationType: 'GovernmentEntity' as const, details: 'City of Redmond, a municipal government (charter 1912).' };

  it('returns the validation the onboarding recorded: type, details, who and when', async () => {
    const partner = await newCaller(t, { instance: 'usgov', usgovValidated: true });
    const prefix = uniquePrefix();
    const before = Date.now();
    const { customer } = await onboard(partner, { ...customerBody({ prefix }), companyProfile: { domain: `${prefix}.onmicrosoft.us` }, eligibility });

    const response = await api(t, partner.headers).get(`/v1/customers/${customer.id}/eligibility`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      totalCount: 1,
      items: [
        {
          validationType: 'GovernmentEntity',
          details: eligibility.details,
          validatedBy: { id: partner.user.id, email: partner.user.email, displayName: partner.user.email.split('@')[0] },
          partner: { id: partner.partner.id, name: partner.partner.name },
          attributes: { objectType: 'CustomerEligibilityValidation' },
        },
      ],
      links: { self: { uri: `/v1/customers/${customer.id}/eligibility` } },
      attributes: { objectType: 'Collection' },
    });
    expect(Date.parse(body.items[0].createdAt)).toBeGreaterThanOrEqual(before - 1000);

    // Any role that may view customers may read it.
    const helpdesk = await userOf(t, partner.partner.id, ['helpdesk_agent']);
    expect((await api(t, helpdesk.headers).get(`/v1/customers/${customer.id}/eligibility`)).statusCode).toBe(200);
  });

  it("is 404 for another partner's customer, as for one that does not exist", async () => {
    const owner = await newCaller(t, { instance: 'usgov', usgovValidated: true });
    const prefix = uniquePrefix();
    const { customer } = await onboard(owner, { ...customerBody({ prefix }), companyProfile: { domain: `${prefix}.onmicrosoft.us` }, eligibility });
    const stranger = await newCaller(t, { instance: 'usgov', usgovValidated: true });
    expectError(await api(t, stranger.headers).get(`/v1/customers/${customer.id}/eligibility`), 404, 1000);
    expectError(await api(t, stranger.headers).get('/v1/customers/00000000-0000-4000-8000-000000000000/eligibility'), 404, 1000);
    expectError(await api(t, stranger.headers).get('/v1/customers/not-a-guid/eligibility'), 400, 3000);
  });

  it('is empty for a public customer (it has an agreement instead)', async () => {
    const partner = await newCaller(t);
    const { customer } = await onboard(partner, onboardingBody());
    const response = await api(t, partner.headers).get(`/v1/customers/${customer.id}/eligibility`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ totalCount: 0, items: [] });
  });
});

describe("an indirect reseller's view of its customers", () => {
  it('sees itself as the reseller, its provider, and the subscriptions and orders sold through it', async () => {
    const provider = await newCaller(t, { kind: 'indirect_provider' });
    const reseller = await newCaller(t, { kind: 'indirect_reseller', roles: ['global_admin'] });
    await createPartnership(t.db, provider.partner.id, reseller.partner.id);
    const offer = await createOffer(t.db, { name: 'Microsoft 365 E3 (reseller test)' });
    const { customer, order } = await onboard(provider, { ...onboardingBody([{ offerId: offer.id, quantity: 12 }]), associatedPartnerId: reseller.partner.id });
    const as = api(t, reseller.headers);

    const seen = (await as.get(`/v1/customers/${customer.id}`)).json();
    expect(seen.indirectReseller).toEqual({ id: reseller.partner.id, name: reseller.partner.name });
    expect(seen.indirectProvider).toEqual({ id: provider.partner.id, name: provider.partner.name });

    const subscriptions = (await as.get(`/v1/customers/${customer.id}/subscriptions`)).json();
    expect(subscriptions.items.map((s: { offerId: string; offerName: string; quantity: number }) => [s.offerId, s.offerName, s.quantity])).toEqual([[offer.id, offer.name, 12]]);
    const subscriptionId = order!.lineItems[0]!.subscriptionId;
    expect((await as.get(`/v1/customers/${customer.id}/subscriptions/${subscriptionId}`)).statusCode).toBe(200);

    const orders = (await as.get(`/v1/customers/${customer.id}/orders`)).json();
    expect(orders.items.map((o: OrderBody) => o.id)).toEqual([order!.id]);
    expect(orders.items[0].lineItems[0]).toMatchObject({ offerId: offer.id, offerName: offer.name, quantity: 12 });
    expect((await as.get(`/v1/customers/${customer.id}/orders/${order!.id}`)).statusCode).toBe(200);

    // The provider still sees the customer with its reseller.
    expect((await api(t, provider.headers).get(`/v1/customers/${customer.id}`)).json().indirectReseller).toEqual({ id: reseller.partner.id, name: reseller.partner.name });
  });

  it("does not see what its provider sold through another reseller, or the provider's direct sales", async () => {
    const provider = await newCaller(t, { kind: 'indirect_provider' });
    const reseller = await newCaller(t, { kind: 'indirect_reseller' });
    await createPartnership(t.db, provider.partner.id, reseller.partner.id);
    const offer = await createOffer(t.db);
    const { customer } = await onboard(provider, { ...onboardingBody([{ offerId: offer.id, quantity: 3 }]), associatedPartnerId: reseller.partner.id });
    // The provider's own later order for the customer, recorded with no reseller (e.g. sold before the association).
    const direct = (await api(t, provider.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 4 }] })).json<OrderBody>();
    await t.db.updateTable('subscriptions').set({ indirect_reseller_id: null }).where('order_id', '=', direct.id).execute();

    const orders = (await api(t, reseller.headers).get(`/v1/customers/${customer.id}/orders`)).json();
    expect(orders.items.flatMap((o: OrderBody) => o.lineItems.map((l) => l.quantity))).toEqual([3]);
    expectError(await api(t, reseller.headers).get(`/v1/customers/${customer.id}/orders/${direct.id}`), 404, 1000);
    const subscriptions = (await api(t, reseller.headers).get(`/v1/customers/${customer.id}/subscriptions`)).json();
    expect(subscriptions.items.map((s: { quantity: number }) => s.quantity)).toEqual([3]);
    // The provider sees both.
    expect((await api(t, provider.headers).get(`/v1/customers/${customer.id}/subscriptions`)).json().totalCount).toBe(2);
  });
});

describe('a multi-partner customer', () => {
  it('shows each partner only its own orders and subscriptions', async () => {
    const first = await newCaller(t);
    const offer = await createOffer(t.db, { name: 'Microsoft 365 Business Basic (multi)' });
    const { customer, order } = await onboard(first, onboardingBody([{ offerId: offer.id, quantity: 5 }]));
    // A second partner the customer accepted later (SPEC §6), with its own order.
    const second = await newCaller(t);
    await t.db.insertInto('customer_relationships').values({ customer_id: customer.id, partner_id: second.partner.id, origin: 'invited', indirect_reseller_id: null, indirect_provider_id: null }).execute();
    // Each partner orders on its own confirmation of the customer's agreement (the first partner's does not count).
    expectError(await api(t, second.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 7 }] }), 403, 13605);
    const template = (await api(t, second.headers).get('/v1/agreements?agreementType=MicrosoftCustomerAgreement')).json<{ items: { templateId: string }[] }>().items[0]!;
    const confirmed = await api(t, second.headers).post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody(), templateId: template.templateId });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const placed = await api(t, second.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 7 }] });
    expect(placed.statusCode, placed.body).toBe(201);
    const secondOrder = placed.json<OrderBody>();

    for (const [caller, own, other] of [[first, order!, secondOrder], [second, secondOrder, order!]] as const) {
      const orders = (await api(t, caller.headers).get(`/v1/customers/${customer.id}/orders`)).json();
      expect(orders.items.map((o: OrderBody) => o.id)).toEqual([own.id]);
      const subscriptions = (await api(t, caller.headers).get(`/v1/customers/${customer.id}/subscriptions`)).json();
      expect(subscriptions.items.map((s: { orderId: string }) => s.orderId)).toEqual([own.id]);
      expectError(await api(t, caller.headers).get(`/v1/customers/${customer.id}/orders/${other.id}`), 404, 1000);
      expectError(await api(t, caller.headers).get(`/v1/customers/${customer.id}/subscriptions/${other.lineItems[0]!.subscriptionId}`), 404, 1000);
    }
  });
});

describe('product names', () => {
  it("gives each order line item its offer's name (ours), also without a friendly name", async () => {
    const partner = await newCaller(t);
    const e3 = await createOffer(t.db, { name: 'Microsoft 365 E3 (names)' });
    const basic = await createOffer(t.db, { name: 'Microsoft 365 Business Basic (names)' });
    const { customer, order } = await onboard(partner, onboardingBody([{ offerId: e3.id, quantity: 12 }, { offerId: basic.id, quantity: 2, friendlyName: 'Front desk' }]));
    expect(order!.lineItems.map((l) => [l.offerName, l.quantity])).toEqual([[e3.name, 12], [basic.name, 2]]);

    const listed = (await api(t, partner.headers).get(`/v1/customers/${customer.id}/orders`)).json();
    expect(listed.items[0].lineItems).toMatchObject([
      { offerId: e3.id, offerName: e3.name, friendlyName: null },
      { offerId: basic.id, offerName: basic.name, friendlyName: 'Front desk' },
    ]);
    const one = (await api(t, partner.headers).get(`/v1/customers/${customer.id}/orders/${order!.id}`)).json();
    expect(one.lineItems.map((l: Line) => l.offerName)).toEqual([e3.name, basic.name]);
    const subscriptions = (await api(t, partner.headers).get(`/v1/customers/${customer.id}/subscriptions`)).json();
    expect(subscriptions.items.map((s: { offerName: string; friendlyName: string }) => [s.offerName, s.friendlyName]).sort()).toEqual(
      [[e3.name, e3.name], [basic.name, 'Front desk']].sort(),
    );
  });
});

describe("an add-on's prerequisite", () => {
  it('is named by its name in the error, on an order and in the wizard\u2019s validation', async () => {
    const partner = await newCaller(t);
    const base = await createOffer(t.db, { name: 'Microsoft 365 E3 (base)' });
    const addOn = await createAddOn('Microsoft 365 Copilot (test)', [base.id]);
    const { customer } = await onboard(partner, onboardingBody());

    const refused = expectError(await api(t, partner.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: addOn.id, quantity: 1 }] }), 400, 800004, 'lineItems.0.offerId', 'prerequisite_missing');
    const message = `Microsoft 365 Copilot (test) is an add-on: the customer needs Microsoft 365 E3 (base) first. Order it too, or add Microsoft 365 Copilot (test) once the customer has it.`;
    expect(refused.errors[0]!.message).toBe(message);
    expect(refused.description).toBe(message);
    expect(refused.description).not.toContain(base.id);

    // The wizard's check: the error is at the add-on's own line, also after a line that is wrong.
    const checked = await api(t, partner.headers).post('/v1/onboardings/validations', onboardingBody([{ offerId: 'NOPE:0001', quantity: 1 }, { offerId: addOn.id, quantity: 1 }]));
    const errors = checked.json<{ errors: { field: string; code: string; message: string }[] }>().errors;
    expect(errors).toContainEqual({ field: 'lineItems.1.offerId', code: 'prerequisite_missing', message });

    // Ordered with its base it goes through; once held, the add-on alone does too.
    const together = await api(t, partner.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: base.id, quantity: 5 }, { offerId: addOn.id, quantity: 5 }] });
    expect(together.statusCode, together.body).toBe(201);
    const alone = await api(t, partner.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: addOn.id, quantity: 1 }] });
    expect(alone.statusCode, alone.body).toBe(201);
  });

  it('is met by any one of several prerequisites', async () => {
    const partner = await newCaller(t);
    const e3 = await createOffer(t.db, { name: 'E3 (any)' });
    const e5 = await createOffer(t.db, { name: 'E5 (any)' });
    const addOn = await createAddOn('Copilot (any)', [e3.id, e5.id]);
    const { customer } = await onboard(partner, onboardingBody([{ offerId: e5.id, quantity: 2 }]));
    const response = await api(t, partner.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: addOn.id, quantity: 1 }] });
    expect(response.statusCode, response.body).toBe(201);
  });
});
