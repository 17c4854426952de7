/**
 * Issue 9 part 5, multi-partner: a customer with relationships to several partners appears in each
 * one's list, and each partner sees only its OWN agreement confirmations, orders, subscriptions and
 * audit records of it (the queries filter by the caller's partner, not only by the customer). Each
 * partner records its own confirmation of the customer's acceptance, and orders only on its own.
 * The second relationship is made the real way: the second partner invites, the customer's admin
 * accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { createCustomer, createPartner, createPartnership } from '#test/factories.ts';
import { agreementBody, api, createOffer, createTemplate, expectError, newCaller, onboardingBody, userOf, type Caller, type Headers } from './onboarding-fixtures.ts';

let t: TestApp;
let templateId: string;
beforeAll(async () => {
  t = await createTestApp();
  templateId = (await createTemplate(t.db)).id;
});
afterAll(() => t.close());

interface Order { id: string; lineItems: { subscriptionId: string }[] }

/** `partner` invites the customer, whose admin (its temporary password reset by `owner`) accepts. */
async function acceptedBy(customerId: string, owner: Caller, partner: Caller) {
  const reset = await api(t, owner.headers).post(`/v1/customers/${customerId}/adminpasswordresets`, {});
  expect(reset.statusCode, reset.body).toBe(201);
  const { userPrincipalName, password } = reset.json<{ userPrincipalName: string; password: string }>();
  const signIn = await t.app.inject({ method: 'POST', url: '/api/tenant/session', payload: { userPrincipalName, password } });
  const cookie = signIn.cookies.find((c) => c.name === 'pd_tenant_session')!;
  const admin = { cookie: `pd_tenant_session=${cookie.value}`, 'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken };
  expect((await t.app.inject({ method: 'POST', url: '/api/tenant/password', headers: admin, payload: { currentPassword: password, newPassword: 'Chosen-by-admin-7' } })).statusCode).toBe(200);
  const invited = await api(t, partner.headers).post('/v1/relationshipinvitations', { recipientName: 'Robin Admin', recipientEmail: 'robin@customer.example' });
  expect(invited.statusCode, invited.body).toBe(201);
  const token = new URL(invited.json<{ url: string }>().url).hash.slice(1);
  const accepted = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { token } });
  expect(accepted.statusCode, accepted.body).toBe(200);
}

const ids = (response: { json(): unknown }) => (response.json() as { items: { id: string }[] }).items.map((item) => item.id);

async function confirmAgreement(headers: Headers, customerId: string) {
  const response = await api(t, headers).post(`/v1/customers/${customerId}/agreements`, { ...agreementBody(), templateId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id?: string; dateAgreed: string }>();
}

/** Partner A (direct) onboards a customer with an order; partner B (direct) is accepted later, confirms its own agreement and orders. */
async function sharedCustomer() {
  const a = await newCaller(t, { roles: ['global_admin'] });
  const b = await newCaller(t, { roles: ['global_admin'] });
  const offer = await createOffer(t.db);
  const onboarded = await api(t, a.headers).post('/v1/onboardings', onboardingBody([{ offerId: offer.id, quantity: 3 }]));
  expect(onboarded.statusCode, onboarded.body).toBe(201);
  const { customer, order: aOrder } = onboarded.json<{ customer: { id: string }; order: Order }>();
  await acceptedBy(customer.id, a, b);
  return { a, b, offer, customerId: customer.id, aOrder };
}

describe('a customer shared by two partners', () => {
  it("appears in each partner's list and reads the same to both", async () => {
    const { a, b, customerId } = await sharedCustomer();
    expect(ids(await api(t, a.headers).get('/v1/customers?size=100'))).toContain(customerId);
    expect(ids(await api(t, b.headers).get('/v1/customers?size=100'))).toContain(customerId);
    expect((await api(t, b.headers).get(`/v1/customers/${customerId}`)).statusCode).toBe(200);
  });

  it("gives B none of A's agreement confirmations; B orders only once it confirmed its own (13605 before)", async () => {
    const { a, b, offer, customerId } = await sharedCustomer();
    expect((await api(t, a.headers).get(`/v1/customers/${customerId}/agreements`)).json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await api(t, b.headers).get(`/v1/customers/${customerId}/agreements`)).json<{ items: unknown[] }>().items).toEqual([]);

    const order = { lineItems: [{ offerId: offer.id, quantity: 2 }] };
    expectError(await api(t, b.headers).post(`/v1/customers/${customerId}/orders`, order), 403, 13605);
    // The same signer as A's is B's own confirmation, not a conflict with A's.
    await confirmAgreement(b.headers, customerId);
    expect((await api(t, b.headers).get(`/v1/customers/${customerId}/agreements`)).json<{ items: { userId: string | null }[] }>().items).toHaveLength(1);
    expect((await api(t, a.headers).get(`/v1/customers/${customerId}/agreements`)).json<{ items: unknown[] }>().items).toHaveLength(1);
    // The same signer twice for one partner still is.
    expectError(await api(t, b.headers).post(`/v1/customers/${customerId}/agreements`, { ...agreementBody(), templateId }), 409, 600061);
    expect((await api(t, b.headers).post(`/v1/customers/${customerId}/orders`, order)).statusCode).toBe(201);
  });

  it("gives each partner only its own orders and subscriptions, and 404 for the other's", async () => {
    const { a, b, offer, customerId, aOrder } = await sharedCustomer();
    await confirmAgreement(b.headers, customerId);
    const placed = await api(t, b.headers).post(`/v1/customers/${customerId}/orders`, { lineItems: [{ offerId: offer.id, quantity: 4 }] });
    expect(placed.statusCode, placed.body).toBe(201);
    const bOrder = placed.json<Order>();
    for (const [caller, own, other] of [[a, aOrder, bOrder], [b, bOrder, aOrder]] as const) {
      expect(ids(await api(t, caller.headers).get(`/v1/customers/${customerId}/orders`))).toEqual([own.id]);
      expect(ids(await api(t, caller.headers).get(`/v1/customers/${customerId}/subscriptions`))).toEqual([own.lineItems[0]!.subscriptionId]);
      expectError(await api(t, caller.headers).get(`/v1/customers/${customerId}/orders/${other.id}`), 404, 1000);
      expectError(await api(t, caller.headers).get(`/v1/customers/${customerId}/subscriptions/${other.lineItems[0]!.subscriptionId}`), 404, 1000);
    }
  });

  it("gives each partner only its own audit records of the customer", async () => {
    const { a, b, customerId } = await sharedCustomer();
    await confirmAgreement(b.headers, customerId);
    const filter = encodeURIComponent(JSON.stringify({ Field: 'CustomerId', Value: customerId, Operator: 'equals' }));
    const read = async (caller: Caller) => {
      const response = await api(t, caller.headers).get(`/v1/auditrecords?size=100&filter=${filter}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: { operationType: string; partnerId?: string }[] }>().items.map((item) => item.operationType);
    };
    const ofA = await read(a);
    const ofB = await read(b);
    expect(ofA).toContain('onboard_customer');
    expect(ofA).not.toContain('accept_relationship_request');
    expect(ofB).not.toContain('onboard_customer');
    expect(ofB).not.toContain('create_order');
    expect(ofB).toEqual(expect.arrayContaining(['accept_relationship_request', 'create_customer_agreement']));
    const rows = await t.db.selectFrom('audit_records').select(['partner_id', 'operation_type']).where('customer_id', '=', customerId).execute();
    expect(rows.filter((row) => row.partner_id === b.partner.id).map((row) => row.operation_type).sort()).toEqual([...ofB].sort());
  });

  it("answers 404 to B for a customer only A has, on every read and write", async () => {
    const { a, b, offer } = await sharedCustomer();
    const onlyA = await api(t, a.headers).post('/v1/onboardings', onboardingBody([{ offerId: offer.id, quantity: 1 }]));
    const { customer, order } = onlyA.json<{ customer: { id: string }; order: Order }>();
    expect(ids(await api(t, b.headers).get('/v1/customers?size=100'))).not.toContain(customer.id);
    for (const path of ['', '/agreements', '/orders', `/orders/${order.id}`, '/subscriptions', `/subscriptions/${order.lineItems[0]!.subscriptionId}`, '/relationships']) {
      expectError(await api(t, b.headers).get(`/v1/customers/${customer.id}${path}`), 404, 1000);
    }
    expectError(await api(t, b.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] }), 404, 1000);
    expectError(await api(t, b.headers).post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody(), templateId }), 404, 1000);
  });
});

describe('an indirect pair and a direct partner sharing a customer', () => {
  it("keeps the provider's and reseller's sales from the direct partner, and the direct partner's from them", async () => {
    const provider = await newCaller(t, { kind: 'indirect_provider', roles: ['global_admin'] });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller' });
    await createPartnership(t.db, provider.partner.id, reseller.id);
    const direct = await newCaller(t, { roles: ['global_admin'] });
    const offer = await createOffer(t.db);
    const onboarded = await api(t, provider.headers).post('/v1/onboardings', { ...onboardingBody([{ offerId: offer.id, quantity: 2 }]), associatedPartnerId: reseller.id });
    expect(onboarded.statusCode, onboarded.body).toBe(201);
    const { customer, order } = onboarded.json<{ customer: { id: string }; order: Order }>();
    await acceptedBy(customer.id, provider, direct);
    const resellerUser = await userOf(t, reseller.id, ['global_admin']);

    // The reseller sees what its provider sold through it, and its provider's confirmation; the direct partner neither.
    expect(ids(await api(t, resellerUser.headers).get(`/v1/customers/${customer.id}/orders`))).toEqual([order.id]);
    expect((await api(t, resellerUser.headers).get(`/v1/customers/${customer.id}/agreements`)).json<{ items: { userId: string | null }[] }>().items).toEqual([expect.objectContaining({ userId: null })]);
    expect(ids(await api(t, direct.headers).get(`/v1/customers/${customer.id}/orders`))).toEqual([]);
    expect((await api(t, direct.headers).get(`/v1/customers/${customer.id}/agreements`)).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await api(t, direct.headers).get(`/v1/customers/${customer.id}/relationships`)).json<{ items: unknown[] }>().items).toEqual([]);

    await confirmAgreement(direct.headers, customer.id);
    const placed = (await api(t, direct.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] })).json<Order>();
    expect(ids(await api(t, provider.headers).get(`/v1/customers/${customer.id}/orders`))).toEqual([order.id]);
    expect(ids(await api(t, resellerUser.headers).get(`/v1/customers/${customer.id}/orders`))).toEqual([order.id]);
    expectError(await api(t, resellerUser.headers).get(`/v1/customers/${customer.id}/subscriptions/${placed.lineItems[0]!.subscriptionId}`), 404, 1000);
  });

  it('lists a customer the factory gave two partners in both lists only', async () => {
    const a = await newCaller(t);
    const b = await newCaller(t);
    const c = await newCaller(t);
    const shared = await createCustomer(t.db, { partnerIds: [a.partner.id, b.partner.id] });
    expect(ids(await api(t, a.headers).get('/v1/customers?size=100'))).toContain(shared.id);
    expect(ids(await api(t, b.headers).get('/v1/customers?size=100'))).toContain(shared.id);
    expect(ids(await api(t, c.headers).get('/v1/customers?size=100'))).not.toContain(shared.id);
  });
});
