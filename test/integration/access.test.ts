import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { bearerFor, createCustomer, createPartner, createPartnership, createUser } from '#test/factories.ts';
import type { Role } from '#contracts/auth.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function caller(partnerId: string, roles: Role[]) {
  const user = await createUser(t.db, { partnerId, roles });
  return bearerFor(t, user.email);
}

describe('roles (SPEC §1) are enforced by the server', () => {
  it('refuses a helpdesk agent a customer-management call with 403 (900308), and allows the agents', async () => {
    const partner = await createPartner(t.db);
    const url = '/v1/customers/relationshiprequests';
    const helpdesk = await t.app.inject({ method: 'GET', url, headers: await caller(partner.id, ['helpdesk_agent']) });
    expect(helpdesk.statusCode).toBe(403);
    expect(helpdesk.json()).toMatchObject({ code: 900308 });
    const billing = await t.app.inject({ method: 'GET', url, headers: await caller(partner.id, ['billing_admin']) });
    expect(billing.statusCode).toBe(403);
    for (const role of ['global_admin', 'admin_agent', 'sales_agent'] as const) {
      const response = await t.app.inject({ method: 'GET', url, headers: await caller(partner.id, [role]) });
      expect(response.statusCode, role).toBe(200);
      expect(response.json().url).toMatch(/^http:\/\/partnerdesk\.test\/relationship-requests\/\S+$/);
    }
  });

  it('lets a helpdesk agent search and view customers', async () => {
    const partner = await createPartner(t.db);
    const customer = await createCustomer(t.db, { partnerIds: [partner.id] });
    const headers = await caller(partner.id, ['helpdesk_agent']);
    expect((await t.app.inject({ method: 'GET', url: `/v1/customers/${customer.id}`, headers })).statusCode).toBe(200);
  });
});

describe('every query is scoped to the caller’s partner organisation', () => {
  it("answers 404 for another partner's customer by id, as for one that does not exist", async () => {
    const mine = await createPartner(t.db);
    const theirs = await createPartner(t.db);
    const theirCustomer = await createCustomer(t.db, { partnerIds: [theirs.id] });
    const headers = await caller(mine.id, ['global_admin']);
    const response = await t.app.inject({ method: 'GET', url: `/v1/customers/${theirCustomer.id}`, headers });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 1000 });
    const missing = await t.app.inject({ method: 'GET', url: '/v1/customers/00000000-0000-4000-8000-000000000000', headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe(response.json().code);
    // The owner sees it.
    const owner = await t.app.inject({ method: 'GET', url: `/v1/customers/${theirCustomer.id}`, headers: await caller(theirs.id, ['admin_agent']) });
    expect(owner.statusCode).toBe(200);
    expect(owner.json().companyProfile.domain).toBe(theirCustomer.domain);
  });

  it("lists only the caller's customers; a customer of two partners is seen by both", async () => {
    const a = await createPartner(t.db);
    const b = await createPartner(t.db);
    const onlyA = await createCustomer(t.db, { partnerIds: [a.id] });
    const onlyB = await createCustomer(t.db, { partnerIds: [b.id] });
    const shared = await createCustomer(t.db, { partnerIds: [a.id, b.id] });
    const idsFor = async (partnerId: string) =>
      ((await t.app.inject({ method: 'GET', url: '/v1/customers', headers: await caller(partnerId, ['admin_agent']) })).json().items as { id: string }[]).map((c) => c.id).sort();
    expect(await idsFor(a.id)).toEqual([onlyA.id, shared.id].sort());
    expect(await idsFor(b.id)).toEqual([onlyB.id, shared.id].sort());
  });

  it("shows an indirect provider its resellers, and a reseller only the customers associated with it", async () => {
    const provider = await createPartner(t.db, { kind: 'indirect_provider', markets: ['US', 'CA'] });
    const active = await createPartner(t.db, { kind: 'indirect_reseller', name: 'Aardvark Resellers' });
    const inactive = await createPartner(t.db, { kind: 'indirect_reseller', name: 'Zebra Resellers' });
    await createPartnership(t.db, provider.id, active.id, 'active');
    await createPartnership(t.db, provider.id, inactive.id, 'inactive');
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf',
      headers: await caller(provider.id, ['admin_agent']),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      totalCount: 2,
      items: [
        { id: active.id, name: 'Aardvark Resellers', state: 'Active', relationshipType: 'is_indirect_cloud_solution_provider_of' },
        { id: inactive.id, state: 'Inactive' },
      ],
      attributes: { objectType: 'Collection' },
    });

    const associated = await createCustomer(t.db, { partnerIds: [provider.id, active.id] });
    await createCustomer(t.db, { partnerIds: [provider.id] });
    const resellerView = await t.app.inject({ method: 'GET', url: '/v1/customers', headers: await caller(active.id, ['global_admin']) });
    expect((resellerView.json().items as { id: string }[]).map((c) => c.id)).toEqual([associated.id]);
  });

  it('rejects an unknown relationship_type naming the parameter', async () => {
    const partner = await createPartner(t.db);
    const response = await t.app.inject({ method: 'GET', url: '/v1/relationships?relationship_type=Nope', headers: await caller(partner.id, ['admin_agent']) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toContain('relationship_type');
  });
});
