/**
 * Issue 9, parts 3, 5 and 7: the customer's side. Its global admin signs in with the temporary password
 * a partner made (and must change it), sees who asks, accepts or declines; used, expired and revoked
 * links say so and change nothing; a reseller's request makes both tiers' relationships; the admin
 * removes a partner, who then gets 404; a US Government customer keeps one partner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#contracts/auth.ts';
import type { Clock } from '#server/lib/adapters.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { bearerFor, createCustomer, createPartner, createPartnership, createUser, type FactoryPartner } from '#test/factories.ts';

const DAY = 86_400_000;
let now = new Date('2031-06-01T10:00:00.000Z');
const clock: Clock = { now: () => now };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { clock });
});
afterAll(() => t.close());

async function partnerUser(partner: FactoryPartner, roles: Role[] = ['global_admin']) {
  const user = await createUser(t.db, { partnerId: partner.id, roles });
  return { email: user.email, headers: async () => bearerFor(t.app, user.email) };
}

/** A customer of `owner`, with the temporary admin password `owner` made for it through the API. */
async function existingCustomer(owner: FactoryPartner, instance: 'public' | 'usgov' = 'public') {
  const customer = await createCustomer(t.db, { partnerIds: [owner.id], instance });
  const user = await partnerUser(owner);
  const reset = await t.app.inject({ method: 'POST', url: `/v1/customers/${customer.id}/adminpasswordresets`, headers: await user.headers() });
  expect(reset.statusCode).toBe(201);
  return { ...customer, upn: reset.json().userPrincipalName as string, temporaryPassword: reset.json().password as string };
}

async function tenantSignIn(userPrincipalName: string, password: string) {
  const response = await t.app.inject({ method: 'POST', url: '/api/tenant/session', payload: { userPrincipalName, password } });
  const cookie = response.cookies.find((c) => c.name === 'pd_tenant_session');
  return { response, headers: cookie ? { cookie: `pd_tenant_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken as string } : {} };
}

/** The customer admin, signed in with its own (changed) password. */
async function signedInAdmin(customer: Awaited<ReturnType<typeof existingCustomer>>) {
  const first = await tenantSignIn(customer.upn, customer.temporaryPassword);
  const changed = await t.app.inject({ method: 'POST', url: '/api/tenant/password', headers: first.headers, payload: { currentPassword: customer.temporaryPassword, newPassword: 'Chosen-by-admin-7' } });
  expect(changed.statusCode).toBe(200);
  return first.headers;
}

async function invite(partner: { headers: () => Promise<Record<string, string>> }, body: Record<string, unknown> = {}) {
  const response = await t.app.inject({ method: 'POST', url: '/v1/relationshipinvitations', headers: await partner.headers(), payload: { recipientName: 'Robin Admin', recipientEmail: 'robin@customer.example', ...body } });
  expect(response.statusCode).toBe(201);
  return { id: response.json().id as string, token: new URL(response.json().url as string).hash.slice(1) };
}

async function sees(partner: { headers: () => Promise<Record<string, string>> }, customerId: string) {
  return (await t.app.inject({ method: 'GET', url: `/v1/customers/${customerId}`, headers: await partner.headers() })).statusCode;
}

describe("the customer admin's sign-in", () => {
  it('must change a temporary password before anything else; the new one replaces it', async () => {
    const customer = await existingCustomer(await createPartner(t.db));
    const { response, headers } = await tenantSignIn(customer.upn, customer.temporaryPassword);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ userPrincipalName: customer.upn, mustChangePassword: true, customer: { id: customer.id } });

    const blocked = await t.app.inject({ method: 'GET', url: '/api/tenant/partners', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().errors[0].code).toBe('password_change_required');

    const weak = await t.app.inject({ method: 'POST', url: '/api/tenant/password', headers, payload: { currentPassword: customer.temporaryPassword, newPassword: 'alllowercase' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().description).toContain('newPassword');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/tenant/password', headers, payload: { currentPassword: 'Not-it-123', newPassword: 'Chosen-by-admin-7' } });
    expect(wrong.json().errors[0]).toMatchObject({ field: 'currentPassword', code: 'wrong_password' });
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/tenant/password', headers: { cookie: headers.cookie! }, payload: { currentPassword: customer.temporaryPassword, newPassword: 'Chosen-by-admin-7' } });
    expect(noCsrf.statusCode).toBe(403);

    const changed = await t.app.inject({ method: 'POST', url: '/api/tenant/password', headers, payload: { currentPassword: customer.temporaryPassword, newPassword: 'Chosen-by-admin-7' } });
    expect(changed.json().mustChangePassword).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/tenant/partners', headers })).statusCode).toBe(200);
    expect((await tenantSignIn(customer.upn, customer.temporaryPassword)).response.statusCode).toBe(401);
    expect((await tenantSignIn(customer.upn, 'Chosen-by-admin-7')).response.json().mustChangePassword).toBe(false);
    expect((await tenantSignIn(`someone@${customer.domain}`, 'Chosen-by-admin-7')).response.statusCode).toBe(401);
  });
});

describe("the customer admin's sign-in is throttled as a partner user's is", () => {
  it('refuses guesses past the limit from one address, with Retry-After, and not the admin elsewhere', async () => {
    const customer = await existingCustomer(await createPartner(t.db));
    const attempt = (password: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/tenant/session', remoteAddress, payload: { userPrincipalName: customer.upn, password } });
    for (let i = 0; i < 5; i++) expect((await attempt(`Wrong-guess-${i}`, '203.0.113.9')).statusCode).toBe(401);
    const refused = await attempt(customer.temporaryPassword, '203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(customer.temporaryPassword, '198.51.100.20')).statusCode).toBe(200);
  });
});

describe('accepting and declining', () => {
  it("accepts an invitation: the partner sees the customer at once; the link is then used up", async () => {
    const owner = await createPartner(t.db);
    const asker = await createPartner(t.db);
    const askerUser = await partnerUser(asker, ['sales_agent']);
    const customer = await existingCustomer(owner);
    const admin = await signedInAdmin(customer);
    const invitation = await invite(askerUser, { message: 'Hello from the new partner' });

    const view = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/view', payload: { token: invitation.token } });
    expect(view.json()).toMatchObject({ kind: 'invitation', state: 'pending', partners: [{ id: asker.id, name: asker.name }], message: 'Hello from the new partner' });
    expect(await sees(askerUser, customer.id)).toBe(404);

    const accepted = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { token: invitation.token } });
    expect(accepted.statusCode).toBe(200);
    expect(await sees(askerUser, customer.id)).toBe(200);
    const tracked = await t.app.inject({ method: 'GET', url: `/v1/relationshipinvitations/${invitation.id}`, headers: await askerUser.headers() });
    expect(tracked.json()).toMatchObject({ state: 'accepted', customerId: customer.id, respondedAt: now.toISOString() });

    const again = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { token: invitation.token } });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe('invitation_accepted');
    expect((await t.app.inject({ method: 'POST', url: '/api/tenant/requests/view', payload: { token: invitation.token } })).json().state).toBe('accepted');

    const audit = await t.db.selectFrom('audit_records').selectAll().where('partner_id', '=', asker.id).where('operation_type', '=', 'accept_relationship_request').execute();
    expect(audit).toEqual([expect.objectContaining({ actor: customer.upn, customer_id: customer.id, user_id: null })]);
    // The partner that created the customer keeps its own relationship: the customer is multi-partner now.
    expect(await sees(await partnerUser(owner), customer.id)).toBe(200);
  });

  it('declines: nothing is created, the partner sees declined', async () => {
    const asker = await partnerUser(await createPartner(t.db));
    const customer = await existingCustomer(await createPartner(t.db));
    const admin = await signedInAdmin(customer);
    const invitation = await invite(asker);
    const declined = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/decline', headers: admin, payload: { token: invitation.token } });
    expect(declined.statusCode).toBe(204);
    expect(await sees(asker, customer.id)).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/v1/relationshipinvitations/${invitation.id}`, headers: await asker.headers() })).json().state).toBe('declined');
    const accept = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { token: invitation.token } });
    expect(accept.json().errors[0].code).toBe('invitation_declined');
  });

  it('says plainly that a revoked, an expired or a made-up link cannot be used, and changes nothing', async () => {
    const asker = await partnerUser(await createPartner(t.db));
    const customer = await existingCustomer(await createPartner(t.db));
    const admin = await signedInAdmin(customer);

    const revoked = await invite(asker);
    await t.app.inject({ method: 'POST', url: `/v1/relationshipinvitations/${revoked.id}/revoke`, headers: await asker.headers() });
    expect((await t.app.inject({ method: 'POST', url: '/api/tenant/requests/view', payload: { token: revoked.token } })).json().state).toBe('revoked');
    const refused = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { token: revoked.token } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ description: 'The partner withdrew this invitation; nothing was changed.' });

    const expiring = await invite(asker);
    now = new Date(now.getTime() + 91 * DAY);
    const later = (await tenantSignIn(customer.upn, 'Chosen-by-admin-7')).headers;
    const expired = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: later, payload: { token: expiring.token } });
    expect(expired.json().errors[0].code).toBe('invitation_expired');

    const madeUp = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/view', payload: { token: 'pdinv_not-a-real-token' } });
    expect(madeUp.statusCode).toBe(404);
    expect(await sees(asker, customer.id)).toBe(404);
  });

  it("accepts a partner's standing link", async () => {
    const asker = await createPartner(t.db);
    const askerUser = await partnerUser(asker);
    const customer = await existingCustomer(await createPartner(t.db));
    const admin = await signedInAdmin(customer);
    const link = await t.app.inject({ method: 'GET', url: '/v1/customers/relationshiprequests', headers: await askerUser.headers() });
    const code = new URL(link.json().url as string).pathname.split('/').at(-1)!;
    const view = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/view', payload: { code } });
    expect(view.json()).toMatchObject({ kind: 'link', state: 'pending', partners: [{ id: asker.id }] });
    expect((await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { code } })).statusCode).toBe(200);
    expect(await sees(askerUser, customer.id)).toBe(200);
  });
});

describe('the indirect channel', () => {
  it("a reseller's invitation with its provider makes both relationships; removing the provider ends both", async () => {
    const provider = await createPartner(t.db, { kind: 'indirect_provider' });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller' });
    await createPartnership(t.db, provider.id, reseller.id);
    const providerUser = await partnerUser(provider);
    const resellerUser = await partnerUser(reseller);
    const customer = await existingCustomer(await createPartner(t.db));
    const admin = await signedInAdmin(customer);
    const invitation = await invite(resellerUser, { indirectProviderId: provider.id });

    const view = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/view', payload: { token: invitation.token } });
    expect(view.json().partners.map((p: { id: string }) => p.id)).toEqual([reseller.id, provider.id]);
    expect((await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { token: invitation.token } })).statusCode).toBe(200);
    expect(await sees(providerUser, customer.id)).toBe(200);
    expect(await sees(resellerUser, customer.id)).toBe(200);
    const rows = await t.db.selectFrom('customer_relationships').select(['partner_id', 'indirect_reseller_id', 'indirect_provider_id']).where('customer_id', '=', customer.id).where('state', '=', 'active').execute();
    expect(rows).toEqual(expect.arrayContaining([
      { partner_id: provider.id, indirect_reseller_id: reseller.id, indirect_provider_id: null },
      { partner_id: reseller.id, indirect_reseller_id: null, indirect_provider_id: provider.id },
    ]));

    const partners = await t.app.inject({ method: 'GET', url: '/api/tenant/partners', headers: admin });
    expect(partners.json().items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([provider.id, reseller.id]));
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/tenant/partners/${provider.id}`, headers: admin });
    expect(removed.statusCode).toBe(204);
    expect(await sees(providerUser, customer.id)).toBe(404);
    expect(await sees(resellerUser, customer.id)).toBe(404);
    const audit = await t.db.selectFrom('audit_records').select('partner_id').where('customer_id', '=', customer.id).where('operation_type', '=', 'remove_partner_customer_relationship').execute();
    expect(audit.map((row) => row.partner_id).sort()).toEqual([provider.id, reseller.id].sort());
  });

  it('refuses a request whose partnership has become inactive since it was sent', async () => {
    const provider = await createPartner(t.db, { kind: 'indirect_provider' });
    const reseller = await createPartner(t.db, { kind: 'indirect_reseller' });
    await createPartnership(t.db, provider.id, reseller.id);
    const customer = await existingCustomer(await createPartner(t.db));
    const admin = await signedInAdmin(customer);
    const invitation = await invite(await partnerUser(reseller), { indirectProviderId: provider.id });
    await t.db.updateTable('partnerships').set({ state: 'inactive' }).where('provider_id', '=', provider.id).execute();
    const refused = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { token: invitation.token } });
    expect(refused.statusCode).toBe(409);
    expect(await t.db.selectFrom('customer_relationships').select('partner_id').where('customer_id', '=', customer.id).where('partner_id', 'in', [provider.id, reseller.id]).execute()).toEqual([]);
  });
});

describe('removing a partner', () => {
  it('the partner gets 404 at once; a partner the customer does not have is a 404', async () => {
    const owner = await createPartner(t.db);
    const ownerUser = await partnerUser(owner);
    const customer = await existingCustomer(owner);
    const admin = await signedInAdmin(customer);
    expect(await sees(ownerUser, customer.id)).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tenant/partners/${owner.id}`, headers: admin })).statusCode).toBe(204);
    expect(await sees(ownerUser, customer.id)).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/v1/customers', headers: await ownerUser.headers() });
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(customer.id);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/tenant/partners/${owner.id}`, headers: admin });
    expect(again.statusCode).toBe(404);
  });
});

describe('US Government (SPEC §8)', () => {
  it('a usgov customer transacts with one partner only', async () => {
    await t.db.updateTable('cloud_instances').set({ relationship_requests_enabled: true }).where('id', '=', 'usgov').execute();
    try {
      const owner = await createPartner(t.db, { instance: 'usgov', usgovValidated: true });
      const asker = await partnerUser(await createPartner(t.db, { instance: 'usgov', usgovValidated: true }));
      const customer = await existingCustomer(owner, 'usgov');
      const admin = await signedInAdmin(customer);
      const invitation = await invite(asker);
      const refused = await t.app.inject({ method: 'POST', url: '/api/tenant/requests/accept', headers: admin, payload: { token: invitation.token } });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().errors[0].code).toBe('usgov_single_partner');
      expect((await t.app.inject({ method: 'POST', url: '/api/tenant/requests/view', payload: { token: invitation.token } })).json().state).toBe('pending');
    } finally {
      await t.db.updateTable('cloud_instances').set({ relationship_requests_enabled: false }).where('id', '=', 'usgov').execute();
    }
  });
});
