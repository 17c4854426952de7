/**
 * Issue 9, part 7 (SPEC §8): in the US Government instance relationship requests are off unless the
 * operator turns them on (USGOV_RELATIONSHIP_REQUESTS): every relationship route says so, the session
 * tells the portal (to hide the entry points), and a usgov customer transacts with one partner only —
 * accepting a second partner is refused, and so is an order by a second partner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { FACTORY_PASSWORD, createCustomer, createPartner, createUser, signIn, type FactoryPartner } from '#test/factories.ts';
import { api, createOffer, expectError, newCaller, type Caller, type Headers } from './onboarding-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const LINK = '/v1/customers/relationshiprequests';
const INVITATIONS = '/v1/relationshipinvitations';

/** The operator's switch, as `applyInstanceConfig` sets it from USGOV_RELATIONSHIP_REQUESTS. */
async function setUsgovRequests(enabled: boolean) {
  await t.db.updateTable('cloud_instances').set({ relationship_requests_enabled: enabled }).where('id', '=', 'usgov').execute();
}

async function withUsgovRequests<T>(fn: () => Promise<T>): Promise<T> {
  await setUsgovRequests(true);
  try {
    return await fn();
  } finally {
    await setUsgovRequests(false);
  }
}

const usgovCaller = () => newCaller(t, { instance: 'usgov', usgovValidated: true, roles: ['global_admin'] });

async function invite(headers: Headers) {
  return api(t, headers).post(INVITATIONS, { recipientName: 'Robin Admin', recipientEmail: 'robin@agency.example' });
}

/** A customer admin signed in (its temporary password changed), for a customer its partner made. */
async function customerAdmin(owner: Caller, customerId: string): Promise<Headers> {
  const reset = await api(t, owner.headers).post(`/v1/customers/${customerId}/adminpasswordresets`, {});
  expect(reset.statusCode, reset.body).toBe(201);
  const { userPrincipalName, password } = reset.json<{ userPrincipalName: string; password: string }>();
  const signedIn = await t.app.inject({ method: 'POST', url: '/api/tenant/session', payload: { userPrincipalName, password } });
  const cookie = signedIn.cookies.find((c) => c.name === 'pd_tenant_session')!;
  const headers = { cookie: `pd_tenant_session=${cookie.value}`, 'x-csrf-token': signedIn.json<{ csrfToken: string }>().csrfToken };
  const changed = await t.app.inject({ method: 'POST', url: '/api/tenant/password', headers, payload: { currentPassword: password, newPassword: 'Agency-chosen-9' } });
  expect(changed.statusCode, changed.body).toBe(200);
  return headers;
}

describe('the session says whether relationship requests are available', () => {
  async function sessionOf(partner: FactoryPartner) {
    const user = await createUser(t.db, { partnerId: partner.id, roles: ['global_admin'] });
    const session = await signIn(t.app, user.email, FACTORY_PASSWORD);
    const response = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ user: { partner: { relationshipRequests: boolean } } }>().user.partner.relationshipRequests;
  }

  it('true in the public instance, false in usgov until the operator turns them on', async () => {
    expect(await sessionOf(await createPartner(t.db, {}))).toBe(true);
    const usgov = await createPartner(t.db, { instance: 'usgov', usgovValidated: true });
    expect(await sessionOf(usgov)).toBe(false);
    expect(await withUsgovRequests(() => sessionOf(usgov))).toBe(true);
  });
});

describe('every relationship route refuses while they are off in usgov', () => {
  it('the link, the invitations (create, list, read, resend, revoke): 403 403002 naming the setting', async () => {
    const partner = await usgovCaller();
    const made = await withUsgovRequests(async () => {
      const created = await invite(partner.headers);
      expect(created.statusCode, created.body).toBe(201);
      return created.json<{ id: string }>().id;
    });
    const calls = [
      api(t, partner.headers).get(LINK),
      invite(partner.headers),
      api(t, partner.headers).get(INVITATIONS),
      api(t, partner.headers).get(`${INVITATIONS}/${made}`),
      api(t, partner.headers).post(`${INVITATIONS}/${made}/resend`, {}),
      api(t, partner.headers).post(`${INVITATIONS}/${made}/revoke`, {}),
    ];
    for (const response of await Promise.all(calls)) {
      const error = expectError(response, 403, 403002);
      expect(error.description).toContain('USGOV_RELATIONSHIP_REQUESTS');
    }
    // Nothing was changed by the refused calls: the invitation is still pending, sent once.
    const row = await t.db.selectFrom('relationship_invitations').select(['state', 'sent_count']).where('id', '=', made).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'pending', sent_count: 1 });
    expect(await t.db.selectFrom('relationship_invitations').select('id').where('partner_id', '=', partner.partner.id).execute()).toHaveLength(1);
  });

  it("the customer's acceptance of a link made while they were on is refused once they are off, and makes no relationship", async () => {
    const owner = await usgovCaller();
    const asker = await usgovCaller();
    const customer = await createCustomer(t.db, { partnerIds: [owner.partner.id], instance: 'usgov' });
    const admin = await customerAdmin(owner, customer.id);
    // The customer removes its partner, so that only the instance's setting stands in the way.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tenant/partners/${owner.partner.id}`, headers: admin })).statusCode).toBe(204);
    const link = await withUsgovRequests(async () => api(t, asker.headers).get(LINK));
    const code = new URL(link.json<{ url: string }>().url).pathname.split('/').at(-1)!;
    const refused = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { code } });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json<{ description: string }>().description).toContain('not available in this cloud instance');
    expect(await t.db.selectFrom('customer_relationships').select('partner_id').where('customer_id', '=', customer.id).where('partner_id', '=', asker.partner.id).execute()).toEqual([]);
    // Turned on, the same link is accepted.
    const accepted = await withUsgovRequests(async () => t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { code } }));
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
});

describe('a usgov customer transacts with one partner only', () => {
  let offer: { id: string };
  beforeAll(async () => {
    offer = await createOffer(t.db, { instance: 'usgov', category: 'government' });
  });

  it('accepting a second partner through the standing link is refused with a clear message, and changes nothing', async () => {
    const owner = await usgovCaller();
    const asker = await usgovCaller();
    const customer = await createCustomer(t.db, { partnerIds: [owner.partner.id], instance: 'usgov' });
    const admin = await customerAdmin(owner, customer.id);
    await withUsgovRequests(async () => {
      const link = await api(t, asker.headers).get(LINK);
      const code = new URL(link.json<{ url: string }>().url).pathname.split('/').at(-1)!;
      const refused = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { code } });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({ errors: [{ code: 'usgov_single_partner' }] });
      expect(refused.json<{ description: string }>().description).toContain('one partner only');
    });
    const partners = await t.app.inject({ method: 'GET', url: '/api/tenant/partners', headers: admin });
    expect(partners.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([owner.partner.id]);
    expect((await api(t, asker.headers).get(`/v1/customers/${customer.id}`)).statusCode).toBe(404);
  });

  it('an order by a second partner is refused (409, naming the other partner) and writes nothing; the one partner orders', async () => {
    const first = await usgovCaller();
    const second = await usgovCaller();
    // A customer with two partners anyway (data from before the rule, or the operator's).
    const customer = await createCustomer(t.db, { partnerIds: [first.partner.id, second.partner.id], instance: 'usgov' });
    for (const caller of [first, second]) {
      const recorded = await api(t, caller.headers).post(`/v1/customers/${customer.id}/eligibility`, { validationType: 'GovernmentEntity', details: 'A county agency.' });
      expect(recorded.statusCode, recorded.body).toBe(201);
    }
    const refused = expectError(await api(t, second.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] }), 409, 409000, 'customerId', 'usgov_single_partner');
    expect(refused.description).toContain(first.partner.name);
    expect(await t.db.selectFrom('orders').select('id').where('customer_id', '=', customer.id).execute()).toEqual([]);

    // Once the customer's admin removes the other partner, the one left orders.
    const admin = await customerAdmin(first, customer.id);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tenant/partners/${first.partner.id}`, headers: admin })).statusCode).toBe(204);
    const order = await api(t, second.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] });
    expect(order.statusCode, order.body).toBe(201);
  });

});
