/**
 * Issue 10 part 1: adding subscriptions to an existing customer (POST /v1/customers/{id}/orders), with
 * the Customer Agreement confirmed on the way when it is missing (`customerAgreement`, ours): both are
 * written in one transaction or neither; the refusals (roles, another partner's customer, a confirmation
 * on file already, the US Government instance); an indirect provider's reseller of record; MS-RequestId.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { createCustomer, createPartner, createPartnership } from '#test/factories.ts';
import { agreementBody, api, createOffer, createTemplate, expectError, newCaller, userOf, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let templateId: string;
let offerId: string;
beforeAll(async () => {
  t = await createTestApp();
  templateId = (await createTemplate(t.db, { versionRank: 1000 })).id;
  offerId = (await createOffer(t.db, { min: 1, max: 50 })).id;
});
afterAll(() => t.close());

/** A direct partner's customer created without an agreement confirmation or subscriptions. */
async function bareCustomer(caller: Caller) {
  return createCustomer(t.db, { partnerIds: [caller.partner.id] });
}

const orderPath = (customerId: string) => `/v1/customers/${customerId}/orders`;
const signer = (overrides: Parameters<typeof agreementBody>[0] = {}) => agreementBody({ lastName: 'Okafor', email: 'amara@signer.example', ...overrides });

/** What the customer holds afterwards: its confirmations, orders, subscriptions and their audit records. */
async function written(customerId: string) {
  const count = async (table: 'agreement_confirmations' | 'orders' | 'subscriptions' | 'audit_records') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow()).n);
  return { agreements: await count('agreement_confirmations'), orders: await count('orders'), subscriptions: await count('subscriptions'), audits: await count('audit_records') };
}

describe('a customer without a Customer Agreement confirmation', () => {
  it('is refused an order without one (13605), and nothing is written', async () => {
    const caller = await newCaller(t, { roles: ['sales_agent'] });
    const customer = await bareCustomer(caller);
    const response = await api(t, caller.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 2 }] });
    expect(expectError(response, 403, 13605).description).toContain('customerAgreement');
    expect(await written(customer.id)).toEqual({ agreements: 0, orders: 0, subscriptions: 0, audits: 0 });
  });

  it('gets the confirmation and the order in one call, each audited', async () => {
    const caller = await newCaller(t, { roles: ['sales_agent'] });
    const customer = await bareCustomer(caller);
    const response = await api(t, caller.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 3, friendlyName: 'Front desk' }], customerAgreement: signer({ phoneNumber: '+1 425 555 0100' }) });
    expect(response.statusCode, response.body).toBe(201);
    const order = response.json<{ id: string; lineItems: { subscriptionId: string; quantity: number; partnerIdOnRecord: string | null }[] }>();
    expect(order.lineItems).toMatchObject([{ quantity: 3, partnerIdOnRecord: null }]);

    const agreements = (await api(t, caller.headers).get(`/v1/customers/${customer.id}/agreements`)).json<{ items: unknown[] }>().items;
    expect(agreements).toEqual([
      expect.objectContaining({ type: 'MicrosoftCustomerAgreement', templateId, userId: caller.user.id, partnerId: caller.partner.id, primaryContact: { firstName: 'Dana', lastName: 'Okafor', email: 'amara@signer.example', phoneNumber: '+14255550100' } }),
    ]);
    const subscriptions = (await api(t, caller.headers).get(`/v1/customers/${customer.id}/subscriptions`)).json<{ items: { id: string; friendlyName: string; orderId: string }[] }>().items;
    expect(subscriptions).toEqual([expect.objectContaining({ id: order.lineItems[0]!.subscriptionId, friendlyName: 'Front desk', orderId: order.id })]);

    const audits = await t.db.selectFrom('audit_records').select(['operation_type', 'resource_type', 'user_id']).where('customer_id', '=', customer.id).orderBy('operation_type').execute();
    expect(audits).toEqual([
      { operation_type: 'create_customer_agreement', resource_type: 'agreement', user_id: caller.user.id },
      { operation_type: 'create_order', resource_type: 'order', user_id: caller.user.id },
    ]);
  });

  it('confirms the latest Customer Agreement template when none is named, and refuses a template that is not one', async () => {
    const caller = await newCaller(t, { roles: ['admin_agent'] });
    const customer = await bareCustomer(caller);
    const cloud = await createTemplate(t.db, { type: 'MicrosoftCloudAgreement', versionRank: 1001 });
    const wrong = await api(t, caller.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }], customerAgreement: { ...signer(), templateId: cloud.id } });
    expectError(wrong, 400, 3000, 'customerAgreement.templateId', 'template_type_mismatch');
    expect(await written(customer.id)).toMatchObject({ agreements: 0, orders: 0 });
  });

  it('rolls back both on a bad line item: no confirmation, no order', async () => {
    const caller = await newCaller(t);
    const customer = await bareCustomer(caller);
    const response = await api(t, caller.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }, { offerId, quantity: 51 }], customerAgreement: signer() });
    expectError(response, 400, 2002, 'lineItems.1.quantity');
    expect(await written(customer.id)).toEqual({ agreements: 0, orders: 0, subscriptions: 0, audits: 0 });
  });

  it('rolls back both on a bad signer, naming each field under customerAgreement', async () => {
    const caller = await newCaller(t);
    const customer = await bareCustomer(caller);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const response = await api(t, caller.headers).post(orderPath(customer.id), {
      lineItems: [{ offerId, quantity: 1 }],
      customerAgreement: { dateAgreed: tomorrow, primaryContact: { firstName: '', lastName: 'Okafor', email: 'not-an-email' } },
    });
    const body = expectError(response, 400, 3000);
    expect(body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['customerAgreement.dateAgreed', 'customerAgreement.primaryContact.firstName', 'customerAgreement.primaryContact.email']));
    expect(await written(customer.id)).toEqual({ agreements: 0, orders: 0, subscriptions: 0, audits: 0 });
  });

  it('reports the signer and the line items together in one answer', async () => {
    const caller = await newCaller(t);
    const customer = await bareCustomer(caller);
    const response = await api(t, caller.headers).post(orderPath(customer.id), { lineItems: [{ offerId: 'NOPE:0001', quantity: 1 }], customerAgreement: signer({ email: 'nobody' }) });
    const body = expectError(response, 400, 3000);
    expect(body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['lineItems.0.offerId', 'customerAgreement.primaryContact.email']));
  });
});

describe('a customer whose acceptance is confirmed already', () => {
  it('orders without customerAgreement, and is refused one with it (600061): nothing written', async () => {
    const caller = await newCaller(t);
    const customer = await bareCustomer(caller);
    const confirmed = await api(t, caller.headers).post(`/v1/customers/${customer.id}/agreements`, { ...signer(), templateId });
    expect(confirmed.statusCode, confirmed.body).toBe(201);

    const twice = await api(t, caller.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }], customerAgreement: signer({ lastName: 'Other' }) });
    expectError(twice, 409, 600061, 'customerAgreement', 'agreement_already_confirmed');
    expect(await written(customer.id)).toMatchObject({ agreements: 1, orders: 0 });

    const plain = await api(t, caller.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }] });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(await written(customer.id)).toMatchObject({ agreements: 1, orders: 1, subscriptions: 1 });
  });

  it("does not count another partner's confirmation", async () => {
    const first = await newCaller(t);
    const second = await newCaller(t);
    const customer = await createCustomer(t.db, { partnerIds: [first.partner.id, second.partner.id] });
    expect((await api(t, first.headers).post(`/v1/customers/${customer.id}/agreements`, { ...signer(), templateId })).statusCode).toBe(201);
    expectError(await api(t, second.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }] }, {}), 403, 13605);
    const own = await api(t, second.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }], customerAgreement: signer() });
    expect(own.statusCode, own.body).toBe(201);
  });
});

describe('who may order', () => {
  for (const role of ['helpdesk_agent', 'billing_admin'] as const) {
    it(`refuses a ${role} (900308), with or without customerAgreement, and writes nothing`, async () => {
      const owner = await newCaller(t);
      const customer = await bareCustomer(owner);
      const user = await userOf(t, owner.partner.id, [role]);
      expectError(await api(t, user.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }] }), 403, 900308);
      expectError(await api(t, user.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }], customerAgreement: signer() }), 403, 900308);
      expect(await written(customer.id)).toEqual({ agreements: 0, orders: 0, subscriptions: 0, audits: 0 });
    });
  }

  it("answers 404 (1000) for another partner's customer", async () => {
    const owner = await newCaller(t);
    const stranger = await newCaller(t);
    const customer = await bareCustomer(owner);
    expectError(await api(t, stranger.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }], customerAgreement: signer() }), 404, 1000);
    expect(await written(customer.id)).toEqual({ agreements: 0, orders: 0, subscriptions: 0, audits: 0 });
  });

  it('refuses customerAgreement in the US Government instance, which has no agreement step (SPEC §8)', async () => {
    const caller = await newCaller(t, { instance: 'usgov', usgovValidated: true });
    const customer = await createCustomer(t.db, { partnerIds: [caller.partner.id], instance: 'usgov' });
    const government = await createOffer(t.db, { instance: 'usgov', category: 'government' });
    expectError(await api(t, caller.headers).post(orderPath(customer.id), { lineItems: [{ offerId: government.id, quantity: 1 }], customerAgreement: signer() }), 400, 3000, 'customerAgreement', 'agreement_not_applicable');
    expect(await written(customer.id)).toMatchObject({ agreements: 0, orders: 0 });
  });
});

describe("an indirect provider's reseller of record", () => {
  async function channel() {
    const provider = await newCaller(t, { kind: 'indirect_provider' });
    const north = await createPartner(t.db, { kind: 'indirect_reseller' });
    const south = await createPartner(t.db, { kind: 'indirect_reseller' });
    await createPartnership(t.db, provider.partner.id, north.id);
    await createPartnership(t.db, provider.partner.id, south.id);
    const mpn = async (id: string) => (await t.db.selectFrom('partner_organizations').select('mpn_id').where('id', '=', id).executeTakeFirstOrThrow()).mpn_id;
    return { provider, north: { ...north, mpn: await mpn(north.id) }, south: { ...south, mpn: await mpn(south.id) } };
  }

  it("is the customer's associated reseller: each line names it, and the subscription is sold through it", async () => {
    const { provider, north } = await channel();
    const customer = await createCustomer(t.db, { partnerIds: [provider.partner.id], resellerId: north.id });
    const response = await api(t, provider.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }, { offerId, quantity: 2, partnerIdOnRecord: north.mpn }], customerAgreement: signer() });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ lineItems: { partnerIdOnRecord: string }[] }>().lineItems.map((line) => line.partnerIdOnRecord)).toEqual([north.mpn, north.mpn]);
    const rows = await t.db.selectFrom('subscriptions').select(['indirect_reseller_id', 'partner_id_on_record']).where('customer_id', '=', customer.id).execute();
    expect(rows).toEqual([{ indirect_reseller_id: north.id, partner_id_on_record: north.mpn }, { indirect_reseller_id: north.id, partner_id_on_record: north.mpn }]);
  });

  it('refuses a line naming another reseller (800016), and one naming a reseller for a customer without one', async () => {
    const { provider, north, south } = await channel();
    const customer = await createCustomer(t.db, { partnerIds: [provider.partner.id], resellerId: north.id });
    expectError(await api(t, provider.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1, partnerIdOnRecord: south.mpn }], customerAgreement: signer() }), 400, 800016, 'lineItems.0.partnerIdOnRecord', 'reseller_invalid');
    const alone = await createCustomer(t.db, { partnerIds: [provider.partner.id] });
    expectError(await api(t, provider.headers).post(orderPath(alone.id), { lineItems: [{ offerId, quantity: 1, partnerIdOnRecord: north.mpn }], customerAgreement: signer() }), 400, 800016, 'lineItems.0.partnerIdOnRecord', 'reseller_invalid');
    expect(await written(customer.id)).toMatchObject({ agreements: 0, orders: 0 });
    expect(await written(alone.id)).toMatchObject({ agreements: 0, orders: 0 });
    const direct = await api(t, provider.headers).post(orderPath(alone.id), { lineItems: [{ offerId, quantity: 1 }], customerAgreement: signer() });
    expect(direct.statusCode, direct.body).toBe(201);
    expect(direct.json<{ lineItems: { partnerIdOnRecord: string | null }[] }>().lineItems[0]!.partnerIdOnRecord).toBeNull();
  });
});

describe('MS-RequestId', () => {
  it('returns the first answer to a retry (one confirmation, one order) and 409 to another body under the same id', async () => {
    const caller = await newCaller(t);
    const customer = await bareCustomer(caller);
    const requestId = randomUUID();
    const body = { lineItems: [{ offerId, quantity: 4 }], customerAgreement: signer() };
    const first = await api(t, caller.headers).post(orderPath(customer.id), body, { 'MS-RequestId': requestId });
    const again = await api(t, caller.headers).post(orderPath(customer.id), body, { 'MS-RequestId': requestId });
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    expect(await written(customer.id)).toMatchObject({ agreements: 1, orders: 1, subscriptions: 1 });
    expectError(await api(t, caller.headers).post(orderPath(customer.id), { ...body, lineItems: [{ offerId, quantity: 5 }] }, { 'MS-RequestId': requestId }), 409, 409001);
  });

  it('records the agreement once when two orders confirming it arrive at once', async () => {
    const caller = await newCaller(t);
    const customer = await bareCustomer(caller);
    const answers = await Promise.all(
      [signer(), signer({ lastName: 'Second' })].map((customerAgreement) => api(t, caller.headers).post(orderPath(customer.id), { lineItems: [{ offerId, quantity: 1 }], customerAgreement })),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    expectError(answers.find((answer) => answer.statusCode === 409)!, 409, 600061);
    expect(await written(customer.id)).toMatchObject({ agreements: 1, orders: 1, subscriptions: 1 });
  });
});
