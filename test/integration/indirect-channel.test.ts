/**
 * Issue 9 part 6, the indirect channel as Partner Center documents it: associatedPartnerId is the
 * reseller's tenant id (requests and responses), the IndirectReseller filter takes it, a customer's
 * resellers or providers (GET /v1/customers/{id}/relationships), relationshipType in snake case,
 * inactive partnerships flagged and never offered; the provider changes a customer's reseller (PUT
 * .../indirectreseller, audited); the reseller's side: its list, what it may not do, and that it orders
 * only with a relationship of its own. Each call and each refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#contracts/auth.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { createPartner, createPartnership, type FactoryPartner } from '#test/factories.ts';
import { agreementBody, api, createOffer, createTemplate, customerBody, expectError, newCaller, onboardingBody, userOf, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let templateId: string;
beforeAll(async () => {
  t = await createTestApp();
  templateId = (await createTemplate(t.db)).id;
});
afterAll(() => t.close());

/** An indirect provider with an admin agent, two active resellers and an inactive one. */
async function channel() {
  const provider = await newCaller(t, { kind: 'indirect_provider' });
  const north = await createPartner(t.db, { kind: 'indirect_reseller', name: `North ${provider.partner.id.slice(0, 6)}` });
  const south = await createPartner(t.db, { kind: 'indirect_reseller', name: `South ${provider.partner.id.slice(0, 6)}` });
  const dormant = await createPartner(t.db, { kind: 'indirect_reseller', name: `Dormant ${provider.partner.id.slice(0, 6)}` });
  await createPartnership(t.db, provider.partner.id, north.id);
  await createPartnership(t.db, provider.partner.id, south.id);
  await createPartnership(t.db, provider.partner.id, dormant.id, 'inactive');
  return { provider, north, south, dormant };
}

async function resellerUser(reseller: FactoryPartner, roles: Role[] = ['global_admin']) {
  return userOf(t, reseller.id, roles);
}

/** A customer of the provider, created through the API with `reseller` (or none) and its own agreement confirmation. */
async function providerCustomer(provider: Caller, reseller: FactoryPartner | null) {
  const body = { ...onboardingBody(), ...(reseller ? { associatedPartnerId: reseller.id } : {}) };
  const response = await api(t, provider.headers).post('/v1/onboardings', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ customer: { id: string; associatedPartnerId: string | null } }>().customer;
}

/**
 * The reseller asks the customer for a relationship for itself and its provider at once; the customer's
 * admin (its temporary password reset by the provider) accepts.
 */
async function acceptResellerRequest(customerId: string, provider: Caller, resellerHeaders: Record<string, string>, providerId: string) {
  const reset = await api(t, provider.headers).post(`/v1/customers/${customerId}/adminpasswordresets`, {});
  expect(reset.statusCode, reset.body).toBe(201);
  const { userPrincipalName, password } = reset.json<{ userPrincipalName: string; password: string }>();
  const signIn = await t.app.inject({ method: 'POST', url: '/api/tenant/session', payload: { userPrincipalName, password } });
  const cookie = signIn.cookies.find((c) => c.name === 'pd_tenant_session')!;
  const admin = { cookie: `pd_tenant_session=${cookie.value}`, 'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken };
  expect((await t.app.inject({ method: 'POST', url: '/api/tenant/password', headers: admin, payload: { currentPassword: password, newPassword: 'Chosen-by-admin-7' } })).statusCode).toBe(200);
  const invited = await api(t, resellerHeaders).post('/v1/relationshipinvitations', { recipientName: 'Robin Admin', recipientEmail: 'robin@customer.example', indirectProviderId: providerId });
  expect(invited.statusCode, invited.body).toBe(201);
  const token = new URL(invited.json<{ url: string }>().url).hash.slice(1);
  const accepted = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { token } });
  expect(accepted.statusCode, accepted.body).toBe(200);
}

const listIds = async (headers: Record<string, string>, query = '') => {
  const response = await api(t, headers).get(`/v1/customers?size=100${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json<{ items: { id: string }[] }>().items).map((item) => item.id);
};
const filterOf = (field: string, value: string) => `&filter=${encodeURIComponent(JSON.stringify({ Field: field, Value: value, Operator: 'starts_with' }))}`;

describe('associatedPartnerId', () => {
  it("is the reseller's tenant id in POST /v1/customers and in every customer answer", async () => {
    const { provider, north } = await channel();
    const created = await api(t, provider.headers).post('/v1/customers', { ...customerBody(), associatedPartnerId: north.id });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect(created.json()).toMatchObject({ associatedPartnerId: north.id, indirectReseller: { id: north.id, name: north.name } });
    expect((await api(t, provider.headers).get(`/v1/customers/${id}`)).json()).toMatchObject({ associatedPartnerId: north.id });
    const page = (await api(t, provider.headers).get('/v1/customers?size=100')).json<{ items: { id: string; associatedPartnerId: string | null }[] }>();
    expect(page.items.find((item) => item.id === id)?.associatedPartnerId).toBe(north.id);
    const direct = await providerCustomer(provider, null);
    expect(direct.associatedPartnerId).toBeNull();
  });

  it('is a 400 naming associatedPartnerId when it is not a GUID (a Partner ID), and writes nothing', async () => {
    const { provider, north } = await channel();
    const mpn = (await t.db.selectFrom('partner_organizations').select('mpn_id').where('id', '=', north.id).executeTakeFirstOrThrow()).mpn_id;
    const body = { ...customerBody(), associatedPartnerId: mpn };
    const refused = expectError(await api(t, provider.headers).post('/v1/customers', body), 400, 3000, 'associatedPartnerId', 'invalid_tenant_id');
    expect(refused.description).toContain('tenant id');
    expectError(await api(t, provider.headers).post('/v1/onboardings', { ...onboardingBody(), associatedPartnerId: 'Northwind' }), 400, 3000, 'associatedPartnerId', 'invalid_tenant_id');
    const rows = await t.db.selectFrom('customers').select('id').where('domain', '=', body.companyProfile.domain).execute();
    expect(rows).toEqual([]);
  });

  it('refuses an inactive partnership (800016) and a reseller that is not the provider’s (800015)', async () => {
    const { provider, dormant } = await channel();
    expectError(await api(t, provider.headers).post('/v1/customers', { ...customerBody(), associatedPartnerId: dormant.id }), 400, 800016, 'associatedPartnerId', 'reseller_invalid');
    const stranger = await createPartner(t.db, { kind: 'indirect_reseller' });
    expectError(await api(t, provider.headers).post('/v1/customers', { ...customerBody(), associatedPartnerId: stranger.id }), 400, 800015, 'associatedPartnerId', 'reseller_not_found');
  });
});

describe('the IndirectReseller filter of GET /v1/customers', () => {
  it("takes the reseller's tenant id, in any case, and lists only that reseller's customers", async () => {
    const { provider, north, south } = await channel();
    const a = await providerCustomer(provider, north);
    const b = await providerCustomer(provider, south);
    await providerCustomer(provider, null);
    expect(await listIds(provider.headers, filterOf('IndirectReseller', north.id))).toEqual([a.id]);
    expect(await listIds(provider.headers, filterOf('IndirectReseller', south.id.toUpperCase()))).toEqual([b.id]);
    // The reseller's own list by its provider (IndirectCloudSolutionProvider, the other partner field).
    const northUser = await resellerUser(north);
    expect(await listIds(northUser.headers, filterOf('IndirectCloudSolutionProvider', provider.partner.id))).toEqual([a.id]);
    expect(await listIds(northUser.headers, filterOf('IndirectReseller', north.id))).toEqual([a.id]);
  });

  it('is a 400 naming filter for a value that is not a GUID (a name, a Partner ID)', async () => {
    const { provider, north } = await channel();
    for (const value of [north.name, '4300303', 'nor']) {
      const response = await api(t, provider.headers).get(`/v1/customers?size=5${filterOf('IndirectReseller', value)}`);
      expectError(response, 400, 3000, 'filter', 'invalid_filter');
    }
    expectError(await api(t, provider.headers).get(`/v1/customers?size=5${filterOf('IndirectCloudSolutionProvider', 'Fabrikam')}`), 400, 3000, 'filter');
  });
});

describe('GET /v1/customers/{id}/relationships', () => {
  it("lists a provider's reseller of the customer and a reseller's provider, as PartnerRelationship items", async () => {
    const { provider, north } = await channel();
    const customer = await providerCustomer(provider, north);
    const mine = await api(t, provider.headers).get(`/v1/customers/${customer.id}/relationships`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      totalCount: 1,
      items: [{ id: north.id, name: north.name, relationshipType: 'is_indirect_cloud_solution_provider_of', state: 'Active', mpnId: expect.stringMatching(/^\d+$/), location: 'US', attributes: { objectType: 'PartnerRelationship' } }],
      attributes: { objectType: 'Collection' },
    });
    const northUser = await resellerUser(north);
    const theirs = (await api(t, northUser.headers).get(`/v1/customers/${customer.id}/relationships`)).json();
    expect(theirs.items).toEqual([expect.objectContaining({ id: provider.partner.id, name: provider.partner.name, relationshipType: 'is_indirect_reseller_of', state: 'Active' })]);
    // A customer without a reseller has none; a direct partner's customer has none.
    const alone = await providerCustomer(provider, null);
    expect((await api(t, provider.headers).get(`/v1/customers/${alone.id}/relationships`)).json()).toMatchObject({ totalCount: 0, items: [] });
  });

  it('flags a partnership that became inactive, and is 404 for a customer the caller has no relationship with', async () => {
    const { provider, north } = await channel();
    const customer = await providerCustomer(provider, north);
    await t.db.updateTable('partnerships').set({ state: 'inactive' }).where('provider_id', '=', provider.partner.id).where('reseller_id', '=', north.id).execute();
    expect((await api(t, provider.headers).get(`/v1/customers/${customer.id}/relationships`)).json().items).toEqual([expect.objectContaining({ id: north.id, state: 'Inactive' })]);
    const other = await newCaller(t, { kind: 'indirect_provider' });
    expectError(await api(t, other.headers).get(`/v1/customers/${customer.id}/relationships`), 404, 1000);
    expectError(await api(t, provider.headers).get('/v1/customers/not-a-guid/relationships'), 400, 3000);
  });
});

describe('GET /v1/relationships', () => {
  it('writes relationshipType in snake case, takes the PascalCase and the snake-case query, and flags inactive partnerships', async () => {
    const { provider, north, dormant } = await channel();
    for (const type of ['IsIndirectCloudSolutionProviderOf', 'is_indirect_cloud_solution_provider_of']) {
      const response = await api(t, provider.headers).get(`/v1/relationships?relationship_type=${type}`);
      expect(response.statusCode, response.body).toBe(200);
      const items = response.json<{ items: { id: string; relationshipType: string; state: string }[] }>().items;
      expect(items.map((item) => item.relationshipType)).toEqual(['is_indirect_cloud_solution_provider_of', 'is_indirect_cloud_solution_provider_of', 'is_indirect_cloud_solution_provider_of']);
      expect(items.find((item) => item.id === dormant.id)?.state).toBe('Inactive');
    }
    const northUser = await resellerUser(north);
    for (const type of ['IsIndirectResellerOf', 'is_indirect_reseller_of']) {
      const items = (await api(t, northUser.headers).get(`/v1/relationships?relationship_type=${type}`)).json<{ items: unknown[] }>().items;
      expect(items).toEqual([expect.objectContaining({ id: provider.partner.id, relationshipType: 'is_indirect_reseller_of', state: 'Active' })]);
    }
    expectError(await api(t, provider.headers).get('/v1/relationships?relationship_type=IsPartnerOf'), 400, 3000, 'relationship_type');
  });
});

describe('PUT /v1/customers/{id}/indirectreseller', () => {
  it('changes the reseller: the old one loses the customer, the new one sees it; audited with the old and new value', async () => {
    const { provider, north, south } = await channel();
    const customer = await providerCustomer(provider, north);
    const northUser = await resellerUser(north);
    const southUser = await resellerUser(south);
    expect(await listIds(northUser.headers)).toContain(customer.id);

    const changed = await api(t, provider.headers).put(`/v1/customers/${customer.id}/indirectreseller`, { indirectResellerId: south.id });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ id: customer.id, associatedPartnerId: south.id, indirectReseller: { id: south.id, name: south.name } });
    expect(await listIds(northUser.headers)).not.toContain(customer.id);
    expectError(await api(t, northUser.headers).get(`/v1/customers/${customer.id}`), 404, 1000);
    expect(await listIds(southUser.headers)).toContain(customer.id);
    expect((await api(t, southUser.headers).get(`/v1/customers/${customer.id}`)).json()).toMatchObject({ indirectProvider: { id: provider.partner.id } });

    const records = await t.db.selectFrom('audit_records').select(['operation_type', 'resource_type', 'new_value', 'partner_id']).where('customer_id', '=', customer.id).where('operation_type', '=', 'update_customer_indirect_reseller').execute();
    expect(records).toEqual([
      { operation_type: 'update_customer_indirect_reseller', resource_type: 'customer', partner_id: provider.partner.id, new_value: { oldIndirectResellerId: north.id, oldIndirectResellerName: north.name, indirectResellerId: south.id, indirectResellerName: south.name } },
    ]);
    // In the provider's activity log, and in no one else's.
    const filter = encodeURIComponent(JSON.stringify({ Field: 'OperationType', Value: 'update_customer_indirect_reseller', Operator: 'equals' }));
    const log = await api(t, (await userOf(t, provider.partner.id, ['global_admin'])).headers).get(`/v1/auditrecords?size=50&filter=${filter}`);
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json<{ items: { customerId: string }[] }>().items.map((item) => item.customerId)).toEqual([customer.id]);
    expect((await api(t, (await resellerUser(south)).headers).get(`/v1/auditrecords?size=50&filter=${filter}`)).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('assigns one to a customer without, and clears it with null', async () => {
    const { provider, north } = await channel();
    const customer = await providerCustomer(provider, null);
    const northUser = await resellerUser(north);
    expect(await listIds(northUser.headers)).not.toContain(customer.id);
    expect((await api(t, provider.headers).put(`/v1/customers/${customer.id}/indirectreseller`, { indirectResellerId: north.id })).json()).toMatchObject({ associatedPartnerId: north.id });
    expect(await listIds(northUser.headers)).toContain(customer.id);
    const cleared = await api(t, provider.headers).put(`/v1/customers/${customer.id}/indirectreseller`, { indirectResellerId: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ associatedPartnerId: null, indirectReseller: null });
    expect(await listIds(northUser.headers)).not.toContain(customer.id);
    const values = (await t.db.selectFrom('audit_records').select('new_value').where('customer_id', '=', customer.id).where('operation_type', '=', 'update_customer_indirect_reseller').orderBy('created_at').execute()).map((row) => row.new_value);
    expect(values).toMatchObject([{ oldIndirectResellerId: null, indirectResellerId: north.id }, { oldIndirectResellerId: north.id, indirectResellerId: null }]);
  });

  it('refuses an inactive partnership, a stranger, a non-GUID and a missing body, changing nothing', async () => {
    const { provider, north, dormant } = await channel();
    const customer = await providerCustomer(provider, north);
    const put = (body: unknown) => api(t, provider.headers).put(`/v1/customers/${customer.id}/indirectreseller`, body);
    expectError(await put({ indirectResellerId: dormant.id }), 400, 800016, 'indirectResellerId', 'reseller_invalid');
    expectError(await put({ indirectResellerId: (await createPartner(t.db, { kind: 'indirect_reseller' })).id }), 400, 800015, 'indirectResellerId', 'reseller_not_found');
    expectError(await put({ indirectResellerId: '4300303' }), 400, 3000, 'indirectResellerId');
    expectError(await put({}), 400, 3000, 'indirectResellerId');
    expect((await api(t, provider.headers).get(`/v1/customers/${customer.id}`)).json()).toMatchObject({ associatedPartnerId: north.id });
    const audited = await t.db.selectFrom('audit_records').select('id').where('customer_id', '=', customer.id).where('operation_type', '=', 'update_customer_indirect_reseller').execute();
    expect(audited).toEqual([]);
  });

  it('is for an indirect provider’s admin agent, sales agent or global admin: 403 for other roles, a direct partner and a reseller; 404 for another’s customer', async () => {
    const { provider, north, south } = await channel();
    const customer = await providerCustomer(provider, north);
    const put = (headers: Record<string, string>) => api(t, headers).put(`/v1/customers/${customer.id}/indirectreseller`, { indirectResellerId: south.id });
    for (const role of ['sales_agent', 'global_admin'] as const) {
      expect((await put((await userOf(t, provider.partner.id, [role])).headers)).statusCode).toBe(200);
    }
    for (const role of ['helpdesk_agent', 'billing_admin'] as const) expectError(await put((await userOf(t, provider.partner.id, [role])).headers), 403, 900308);
    expectError(await put((await resellerUser(south)).headers), 403, 900308);
    const direct = await newCaller(t, { roles: ['global_admin'] });
    expectError(await put(direct.headers), 403, 900308);
    const otherProvider = await newCaller(t, { kind: 'indirect_provider' });
    expectError(await put(otherProvider.headers), 404, 1000);
  });
});

describe("the reseller's side", () => {
  it('lists the customers it is associated with and those it has a relationship of its own with', async () => {
    const { provider, north } = await channel();
    const associated = await providerCustomer(provider, north);
    // A customer that accepted the reseller's own request (a relationship of its own, with no provider).
    const own = await providerCustomer(await newCaller(t), null);
    await t.db.insertInto('customer_relationships').values({ customer_id: own.id, partner_id: north.id, origin: 'invited', indirect_reseller_id: null, indirect_provider_id: null }).execute();
    const ids = await listIds((await resellerUser(north, ['admin_agent'])).headers);
    expect(ids.sort()).toEqual([associated.id, own.id].sort());
  });

  it('cannot add customers or confirm agreements: 403 (900308), nothing written', async () => {
    const { provider, north } = await channel();
    const customer = await providerCustomer(provider, north);
    const user = await resellerUser(north);
    const body = customerBody();
    expectError(await api(t, user.headers).post('/v1/customers', body), 403, 900308);
    expectError(await api(t, user.headers).post('/v1/onboardings', onboardingBody()), 403, 900308);
    expectError(await api(t, user.headers).post(`/v1/customers/${customer.id}/agreements`, { ...agreementBody({ lastName: 'Reseller' }), templateId }), 403, 900308);
    expect(await t.db.selectFrom('customers').select('id').where('domain', '=', body.companyProfile.domain).execute()).toEqual([]);
    expect(await t.db.selectFrom('agreement_confirmations').select('id').where('customer_id', '=', customer.id).where('partner_id', '=', north.id).execute()).toEqual([]);
    const session = (await api(t, user.headers).get('/api/session')).json<{ user: { actions: string[] } }>().user;
    expect(session.actions).not.toContain('customers.add');
    expect(session.actions).not.toContain('agreements.confirm');
    expect(session.actions).not.toContain('customers.assign_reseller');
  });

  it("cannot order on its provider's customer without a relationship of its own; with one it orders on its provider's confirmation", async () => {
    const { provider, north } = await channel();
    const offer = await createOffer(t.db);
    const customer = await providerCustomer(provider, north);
    const user = await resellerUser(north);
    const order = { lineItems: [{ offerId: offer.id, quantity: 1 }] };
    const refused = expectError(await api(t, user.headers).post(`/v1/customers/${customer.id}/orders`, order), 403, 900308);
    expect(refused.description).toContain('relationship of its own');
    expect(await t.db.selectFrom('orders').select('id').where('customer_id', '=', customer.id).where('partner_id', '=', north.id).execute()).toEqual([]);
    // The provider orders for it.
    expect((await api(t, provider.headers).post(`/v1/customers/${customer.id}/orders`, order)).statusCode).toBe(201);

    // The customer accepts the reseller's own request (both tiers): now it orders, on the provider's confirmation.
    await acceptResellerRequest(customer.id, provider, user.headers, provider.partner.id);
    const own = await t.db.selectFrom('customer_relationships').select(['origin', 'indirect_provider_id']).where('customer_id', '=', customer.id).where('partner_id', '=', north.id).executeTakeFirstOrThrow();
    expect(own).toEqual({ origin: 'invited', indirect_provider_id: provider.partner.id });
    const placed = await api(t, user.headers).post(`/v1/customers/${customer.id}/orders`, order);
    expect(placed.statusCode, placed.body).toBe(201);
    const row = await t.db.selectFrom('subscriptions').select(['partner_id', 'indirect_reseller_id']).where('order_id', '=', placed.json<{ id: string }>().id).executeTakeFirstOrThrow();
    expect(row).toEqual({ partner_id: north.id, indirect_reseller_id: north.id });
  });

  it('keeps a relationship of its own when its provider moves the customer to another reseller', async () => {
    const { provider, north, south } = await channel();
    const customer = await providerCustomer(provider, north);
    await acceptResellerRequest(customer.id, provider, (await resellerUser(north)).headers, provider.partner.id);
    expect((await api(t, provider.headers).put(`/v1/customers/${customer.id}/indirectreseller`, { indirectResellerId: south.id })).statusCode).toBe(200);
    expect(await listIds((await resellerUser(north)).headers)).toContain(customer.id);
  });
  it("ends the association of the reseller its provider named before when the customer accepts another reseller's two-tier request", async () => {
    const { provider, north, south } = await channel();
    const customer = await providerCustomer(provider, north);
    const northUser = await resellerUser(north);
    expect(await listIds(northUser.headers)).toContain(customer.id);
    await acceptResellerRequest(customer.id, provider, (await resellerUser(south)).headers, provider.partner.id);
    const providerRow = await t.db.selectFrom('customer_relationships').select('indirect_reseller_id').where('customer_id', '=', customer.id).where('partner_id', '=', provider.partner.id).executeTakeFirstOrThrow();
    expect(providerRow.indirect_reseller_id).toBe(south.id);
    expect(await listIds(northUser.headers)).not.toContain(customer.id);
    expect((await api(t, northUser.headers).get(`/v1/customers/${customer.id}`)).statusCode).toBe(404);
  });
});
