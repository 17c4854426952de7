/**
 * Issue 10 part 4, a customer's users as Partner Center lets a partner support them: create (a password
 * given or generated, shown once), list (paged) and a user by user principal name (filter), get, reset a
 * password with PATCH (the customer's admin too, as Reset admin password does), delete (soft, licenses
 * freed, the admin refused), directory roles (the admin a Global Administrator), licenses from the
 * customer's subscriptions (never more users than the quantity, also when two race), subscribedskus;
 * who may (admin agent all, helpdesk agent resets only) and who may not (403 900308); another partner's
 * customer 404; each change audited.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#contracts/auth.ts';
import { createCustomer } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, createOffer, createTemplate, expectError, newCaller, today, userOf, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
let owner: Caller;
let templateId: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await newCaller(t, { roles: ['global_admin'] });
  templateId = (await createTemplate(t.db)).id;
});
afterAll(() => t.close());

interface User {
  id: string;
  userPrincipalName: string;
  displayName: string;
  usageLocation: string | null;
  passwordProfile: { password: string | null; forceChangePassword: boolean };
  isTenantAdmin: boolean;
  state: string;
  directoryRoles: { id: string; name: string }[];
  licenses: { subscriptionId: string; skuId: string }[];
}
interface Page { totalCount: number; items: User[]; links: { next?: { headers: { key: string; value: string }[] } } }

/** A customer of `caller`'s partner with its agreement confirmed and a subscription of `quantity` licenses. */
async function customerWithSubscription(caller: Caller = owner, quantity = 2) {
  const customer = await createCustomer(t.db, { partnerIds: [caller.partner.id] });
  await t.db
    .insertInto('agreement_confirmations')
    .values({ id: randomUUID(), customer_id: customer.id, template_id: templateId, agreement_type: 'MicrosoftCustomerAgreement', signer_first_name: 'Dana', signer_last_name: 'Whitfield', signer_email: 'dana@signer.example', date_agreed: new Date(`${today()}T00:00:00Z`), partner_id: caller.partner.id, confirmed_by_user_id: caller.user.id })
    .execute();
  const offer = await createOffer(t.db, { max: 100 });
  const order = await api(t, caller.headers).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity }] });
  expect(order.statusCode, order.body).toBe(201);
  const subscriptionId = order.json<{ lineItems: { subscriptionId: string }[] }>().lineItems[0]!.subscriptionId;
  return { ...customer, subscriptionId, offerId: offer.id };
}

const patch = (url: string, payload: unknown, headers: Record<string, string> = owner.headers, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'PATCH', url, headers: { ...headers, 'content-type': 'application/json', ...extra }, payload: JSON.stringify(payload) });

const usersOf = (customerId: string) => `/v1/customers/${customerId}/users`;

async function addUser(customerId: string, domain: string, name: string, extra: Record<string, unknown> = {}, headers = owner.headers) {
  const response = await api(t, headers).post(usersOf(customerId), { userPrincipalName: `${name}@${domain}`, displayName: `User ${name}`, firstName: 'Alex', lastName: 'Chen', ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<User>();
}

describe('the customer admin as a user', () => {
  it('lists the admin (admin@<domain>) as a Global Administrator, from the customer added through the API', async () => {
    const created = await api(t, owner.headers).post('/v1/customers', (await import('./onboarding-fixtures.ts')).customerBody());
    expect(created.statusCode, created.body).toBe(201);
    const customer = created.json<{ id: string; companyProfile: { domain: string } }>();
    const page = (await api(t, owner.headers).get(usersOf(customer.id))).json<Page>();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ userPrincipalName: `admin@${customer.companyProfile.domain}`, isTenantAdmin: true, state: 'active', passwordProfile: { password: null, forceChangePassword: true } });
    expect(page.items[0]!.directoryRoles).toEqual([{ id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' }]);
    const roles = await api(t, owner.headers).get(`${usersOf(customer.id)}/${page.items[0]!.id}/directoryroles`);
    expect(roles.json()).toMatchObject({ totalCount: 1, items: [{ id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator', attributes: { objectType: 'DirectoryRole' } }] });
    const members = await api(t, owner.headers).get(`/v1/customers/${customer.id}/directoryroles/62e90394-69f5-4237-9190-012177145e10/usermembers`);
    expect(members.json()).toMatchObject({ totalCount: 1, items: [{ userPrincipalName: `admin@${customer.companyProfile.domain}`, attributes: { objectType: 'UserMember' } }] });
    const all = (await api(t, owner.headers).get(`/v1/customers/${customer.id}/directoryroles`)).json<{ items: { name: string }[] }>();
    expect(all.items.map((role) => role.name)).toContain('User Administrator');
    // The admin cannot be deleted.
    expectError(await api(t, owner.headers).delete(`${usersOf(customer.id)}/${page.items[0]!.id}`), 409, 409000);
  });

  it("resets the admin's password with PATCH where its sign-in reads it: the new one signs in, the old sessions end", async () => {
    const customer = await customerWithSubscription();
    const admin = (await api(t, owner.headers).get(usersOf(customer.id))).json<Page>().items.find((u) => u.isTenantAdmin)!;
    const response = await patch(`${usersOf(customer.id)}/${admin.id}`, { passwordProfile: { password: null, forceChangePassword: true } });
    expect(response.statusCode, response.body).toBe(200);
    const password = response.json<User>().passwordProfile.password!;
    expect(password).toMatch(/^.{16}$/);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/tenant/session', payload: { userPrincipalName: admin.userPrincipalName, password } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    // Reset admin password keeps working as it was.
    const again = await api(t, owner.headers).post(`/v1/customers/${customer.id}/adminpasswordresets`, {});
    expect(again.statusCode).toBe(201);
    const old = await t.app.inject({ method: 'POST', url: '/api/tenant/session', payload: { userPrincipalName: admin.userPrincipalName, password } });
    expect(old.statusCode).toBe(401);
  });
});

describe('create, read, list, find by user principal name', () => {
  it('creates a user with a generated password shown once (SHA-256 kept), then never again; audited without the password', async () => {
    const customer = await customerWithSubscription();
    const user = await addUser(customer.id, customer.domain, 'alex');
    expect(user).toMatchObject({ userPrincipalName: `alex@${customer.domain}`, displayName: 'User alex', usageLocation: 'US', isTenantAdmin: false, directoryRoles: [], licenses: [], passwordProfile: { forceChangePassword: true } });
    expect(user.passwordProfile.password).toMatch(/^.{16}$/);
    const stored = await t.db.selectFrom('customer_users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    const read = (await api(t, owner.headers).get(`${usersOf(customer.id)}/${user.id}`)).json<User>();
    expect(read.passwordProfile.password).toBeNull();
    const audit = await t.db.selectFrom('audit_records').selectAll().where('customer_id', '=', customer.id).where('operation_type', '=', 'create_customer_user').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ resource_type: 'customer_user', resource_id: user.id, user_id: owner.user.id });
    expect(JSON.stringify(audit.new_value)).not.toContain(user.passwordProfile.password!);
  });

  it('keeps a chosen password with scrypt, and refuses a weak one naming passwordProfile.password', async () => {
    const customer = await customerWithSubscription();
    const user = await addUser(customer.id, customer.domain, 'sam', { passwordProfile: { password: 'Chosen-pass-42', forceChangePassword: false } });
    expect(user.passwordProfile).toEqual({ password: 'Chosen-pass-42', forceChangePassword: false });
    expect((await t.db.selectFrom('customer_users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()).password_hash).toMatch(/^scrypt\$/);
    const weak = await api(t, owner.headers).post(usersOf(customer.id), { userPrincipalName: `weak@${customer.domain}`, displayName: 'Weak', passwordProfile: { password: 'password' } });
    expectError(weak, 400, 3000, 'passwordProfile.password', 'password_weak');
  });

  it('refuses a name of another domain, a bad name, a missing display name, an unknown usage location; a taken name (any case) is a 409', async () => {
    const customer = await customerWithSubscription();
    const post = (body: unknown) => api(t, owner.headers).post(usersOf(customer.id), body);
    expectError(await post({ userPrincipalName: 'alex@other.example', displayName: 'Alex' }), 400, 3000, 'userPrincipalName', 'user_domain_invalid');
    expectError(await post({ userPrincipalName: `a..b@${customer.domain}`, displayName: 'Alex' }), 400, 3000, 'userPrincipalName', 'user_name_invalid');
    expectError(await post({ userPrincipalName: `alex@${customer.domain}`, displayName: '  ' }), 400, 3000, 'displayName', 'display_name_required');
    expectError(await post({ userPrincipalName: `alex@${customer.domain}`, displayName: 'Alex', usageLocation: 'XX1' }), 400, 3000, 'usageLocation');
    expectError(await post({ displayName: 'Alex' }), 400, 3000, 'userPrincipalName');
    await addUser(customer.id, customer.domain, 'robin');
    const taken = await post({ userPrincipalName: `ROBIN@${customer.domain.toUpperCase()}`, displayName: 'Robin again' });
    expectError(taken, 409, 409000, 'userPrincipalName', 'user_name_taken');
    // Case-insensitive property names, as Partner Center's clients send them.
    expect((await post({ UserPrincipalName: `kim@${customer.domain}`, DisplayName: 'Kim', UsageLocation: 'us' })).statusCode).toBe(201);
  });

  it('lists the users by user principal name in pages with MS-ContinuationToken, and finds one by its name with the filter', async () => {
    const customer = await customerWithSubscription();
    for (const name of ['dana', 'casey', 'blake']) await addUser(customer.id, customer.domain, name);
    const first = (await api(t, owner.headers).get(`${usersOf(customer.id)}?size=2`)).json<Page>();
    expect(first.items.map((u) => u.userPrincipalName.split('@')[0])).toEqual(['admin', 'blake']);
    const token = first.links.next!.headers.find((h) => h.key === 'MS-ContinuationToken')!.value;
    const second = (await api(t, owner.headers).get(`${usersOf(customer.id)}?size=2&seekOperation=Next`, { 'ms-continuationtoken': token })).json<Page>();
    expect(second.items.map((u) => u.userPrincipalName.split('@')[0])).toEqual(['casey', 'dana']);
    expect(second.links.next).toBeUndefined();
    const filter = encodeURIComponent(JSON.stringify({ Field: 'UserPrincipalName', Value: `CASEY@${customer.domain}`, Operator: 'equals' }));
    const found = (await api(t, owner.headers).get(`${usersOf(customer.id)}?filter=${filter}`)).json<Page>();
    expect(found.items.map((u) => u.userPrincipalName)).toEqual([`casey@${customer.domain}`]);
    const none = encodeURIComponent(JSON.stringify({ Field: 'UserPrincipalName', Value: `nobody@${customer.domain}`, Operator: 'equals' }));
    expect((await api(t, owner.headers).get(`${usersOf(customer.id)}?filter=${none}`)).json<Page>().totalCount).toBe(0);
    expectError(await api(t, owner.headers).get(`${usersOf(customer.id)}?filter=${encodeURIComponent('{"Field":"DisplayName","Value":"x","Operator":"equals"}')}`), 400, 3000, 'filter');
    expectError(await api(t, owner.headers).get(`${usersOf(customer.id)}?size=2`, { 'ms-continuationtoken': 'not-a-token' }), 400, 3000, 'MS-ContinuationToken');
  });
});

describe('reset a password, delete', () => {
  it('resets a user\'s password with PATCH passwordProfile: a new one shown once, the old hash replaced; audited', async () => {
    const customer = await customerWithSubscription();
    const user = await addUser(customer.id, customer.domain, 'reset');
    const before = await t.db.selectFrom('customer_users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    const response = await patch(`${usersOf(customer.id)}/${user.id}`, { ...user, passwordProfile: { forceChangePassword: true, password: null } });
    expect(response.statusCode, response.body).toBe(200);
    const reset = response.json<User>();
    expect(reset.passwordProfile.password).toMatch(/^.{16}$/);
    expect(reset.passwordProfile.password).not.toBe(user.passwordProfile.password);
    const after = await t.db.selectFrom('customer_users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(after.password_hash).not.toBe(before.password_hash);
    expect(await t.db.selectFrom('audit_records').select('id').where('customer_id', '=', customer.id).where('operation_type', '=', 'reset_customer_user_password').execute()).toHaveLength(1);
    expectError(await patch(`${usersOf(customer.id)}/${user.id}`, { userPrincipalName: `other@${customer.domain}`, passwordProfile: {} }), 400, 3000, 'userPrincipalName', 'user_name_read_only');
  });

  it('soft-deletes a user (204): gone from the list and by id (404), its licenses freed; audited', async () => {
    const customer = await customerWithSubscription(owner, 1);
    const user = await addUser(customer.id, customer.domain, 'leaver');
    expect((await api(t, owner.headers).post(`${usersOf(customer.id)}/${user.id}/licenseupdates`, { licensesToAssign: [{ subscriptionId: customer.subscriptionId }] })).statusCode).toBe(201);
    const removed = await api(t, owner.headers).delete(`${usersOf(customer.id)}/${user.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expectError(await api(t, owner.headers).get(`${usersOf(customer.id)}/${user.id}`), 404, 1000);
    expect((await api(t, owner.headers).get(usersOf(customer.id))).json<Page>().items.map((u) => u.id)).not.toContain(user.id);
    expect((await t.db.selectFrom('customer_users').select('deleted_at').where('id', '=', user.id).executeTakeFirstOrThrow()).deleted_at).not.toBeNull();
    const skus = (await api(t, owner.headers).get(`/v1/customers/${customer.id}/subscribedskus`)).json<{ items: { consumedUnits: number; availableUnits: number }[] }>();
    expect(skus.items[0]).toMatchObject({ consumedUnits: 0, availableUnits: 1 });
    expectError(await api(t, owner.headers).delete(`${usersOf(customer.id)}/${user.id}`), 404, 1000);
    expect(await t.db.selectFrom('audit_records').select('id').where('customer_id', '=', customer.id).where('operation_type', '=', 'delete_customer_user').execute()).toHaveLength(1);
    // Its name is free again (ours).
    await addUser(customer.id, customer.domain, 'leaver');
  });
});

describe('licenses', () => {
  it('assigns and removes licenses of a subscription; subscribedskus counts them; never more users than the quantity', async () => {
    const customer = await customerWithSubscription(owner, 2);
    const [a, b, c] = [await addUser(customer.id, customer.domain, 'la'), await addUser(customer.id, customer.domain, 'lb'), await addUser(customer.id, customer.domain, 'lc')];
    const assign = (user: User) => api(t, owner.headers).post(`${usersOf(customer.id)}/${user.id}/licenseupdates`, { licensesToAssign: [{ subscriptionId: customer.subscriptionId, skuId: customer.offerId }] });
    const first = await assign(a);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ attributes: { objectType: 'LicenseUpdate' }, user: { licenses: [{ subscriptionId: customer.subscriptionId, skuId: customer.offerId }] } });
    // Assigning again is no second license.
    expect((await assign(a)).statusCode).toBe(201);
    expect((await assign(b)).statusCode).toBe(201);
    expectError(await assign(c), 400, 3000, 'licensesToAssign.0.subscriptionId', 'no_available_licenses');
    const skus = (await api(t, owner.headers).get(`/v1/customers/${customer.id}/subscribedskus`)).json<{ items: Record<string, unknown>[] }>();
    expect(skus.items).toEqual([expect.objectContaining({ subscriptionId: customer.subscriptionId, totalUnits: 2, consumedUnits: 2, availableUnits: 0, capabilityStatus: 'Enabled', productSku: expect.objectContaining({ id: customer.offerId }), attributes: { objectType: 'SubscribedSku' } })]);
    // Removing one frees it for another.
    const freed = await api(t, owner.headers).post(`${usersOf(customer.id)}/${b.id}/licenseupdates`, { licensesToRemove: [customer.subscriptionId] });
    expect(freed.statusCode, freed.body).toBe(201);
    expect((await assign(c)).statusCode).toBe(201);
    const list = (await api(t, owner.headers).get(usersOf(customer.id))).json<Page>();
    expect(list.items.filter((u) => u.licenses.length > 0).map((u) => u.id).sort()).toEqual([a.id, c.id].sort());
    expect(await t.db.selectFrom('audit_records').select('id').where('customer_id', '=', customer.id).where('operation_type', '=', 'update_customer_user_licenses').execute()).toHaveLength(5);
  });

  it('gives the last license to one of two users asking at once', async () => {
    const customer = await customerWithSubscription(owner, 1);
    const [a, b] = [await addUser(customer.id, customer.domain, 'ra'), await addUser(customer.id, customer.domain, 'rb')];
    const answers = await Promise.all([a, b].map((user) => api(t, owner.headers).post(`${usersOf(customer.id)}/${user.id}/licenseupdates`, { licensesToAssign: [{ subscriptionId: customer.subscriptionId }] })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(await t.db.selectFrom('customer_user_licenses').select('user_id').where('subscription_id', '=', customer.subscriptionId).execute()).toHaveLength(1);
  });

  it("refuses another partner's subscription, a SKU that is not the subscription's, and an unknown license to remove", async () => {
    const customer = await customerWithSubscription(owner, 3);
    const user = await addUser(customer.id, customer.domain, 'lx');
    const other = await customerWithSubscription(await newCaller(t, { roles: ['global_admin'] }), 1);
    const post = (body: unknown) => api(t, owner.headers).post(`${usersOf(customer.id)}/${user.id}/licenseupdates`, body);
    expectError(await post({ licensesToAssign: [{ subscriptionId: other.subscriptionId }] }), 400, 3000, 'licensesToAssign.0.subscriptionId', 'subscription_not_found');
    expectError(await post({ licensesToAssign: [{ subscriptionId: customer.subscriptionId, skuId: 'another-sku' }] }), 400, 3000, 'licensesToAssign.0.skuId', 'sku_mismatch');
    expectError(await post({ licensesToRemove: ['nothing-of-mine'] }), 400, 3000, 'licensesToRemove.0', 'subscription_not_found');
    expectError(await post({ licensesToAssign: [{ subscriptionId: 'not-a-guid' }] }), 400, 3000);
  });
});

describe('who may', () => {
  it('lets an admin agent do everything; a helpdesk agent only view and reset passwords; refuses the others with 403 900308', async () => {
    const customer = await customerWithSubscription(owner, 5);
    const target = await addUser(customer.id, customer.domain, 'target');
    const agent = await userOf(t, owner.partner.id, ['admin_agent']);
    const made = await addUser(customer.id, customer.domain, 'byagent', {}, agent.headers);
    expect((await api(t, agent.headers).post(`${usersOf(customer.id)}/${made.id}/licenseupdates`, { licensesToAssign: [{ subscriptionId: customer.subscriptionId }] })).statusCode).toBe(201);
    expect((await patch(`${usersOf(customer.id)}/${made.id}`, { passwordProfile: {} }, agent.headers)).statusCode).toBe(200);
    expect((await api(t, agent.headers).delete(`${usersOf(customer.id)}/${made.id}`)).statusCode).toBe(204);

    const helpdesk = await userOf(t, owner.partner.id, ['helpdesk_agent']);
    expect((await patch(`${usersOf(customer.id)}/${target.id}`, { passwordProfile: {} }, helpdesk.headers)).statusCode).toBe(200);
    expectError(await patch(`${usersOf(customer.id)}/${target.id}`, { displayName: 'Renamed', passwordProfile: {} }, helpdesk.headers), 403, 900308);
    expectError(await api(t, helpdesk.headers).post(usersOf(customer.id), { userPrincipalName: `no@${customer.domain}`, displayName: 'No' }), 403, 900308);
    expectError(await api(t, helpdesk.headers).delete(`${usersOf(customer.id)}/${target.id}`), 403, 900308);
    expectError(await api(t, helpdesk.headers).post(`${usersOf(customer.id)}/${target.id}/licenseupdates`, { licensesToAssign: [{ subscriptionId: customer.subscriptionId }] }), 403, 900308);

    for (const role of ['billing_admin', 'sales_agent'] as Role[]) {
      const user = await userOf(t, owner.partner.id, [role]);
      expect((await api(t, user.headers).get(usersOf(customer.id))).statusCode).toBe(200);
      expect((await api(t, user.headers).get(`/v1/customers/${customer.id}/subscribedskus`)).statusCode).toBe(200);
      expectError(await api(t, user.headers).post(usersOf(customer.id), { userPrincipalName: `no@${customer.domain}`, displayName: 'No' }), 403, 900308);
      expectError(await patch(`${usersOf(customer.id)}/${target.id}`, { passwordProfile: {} }, user.headers), 403, 900308);
      expectError(await api(t, user.headers).delete(`${usersOf(customer.id)}/${target.id}`), 403, 900308);
      expectError(await api(t, user.headers).post(`${usersOf(customer.id)}/${target.id}/licenseupdates`, { licensesToAssign: [{ subscriptionId: customer.subscriptionId }] }), 403, 900308);
    }
    // Nothing the refused callers asked for happened.
    expect((await api(t, owner.headers).get(`${usersOf(customer.id)}/${target.id}`)).json<User>()).toMatchObject({ displayName: 'User target', licenses: [] });
  });

  it("answers 404 for another partner's customer and its users, as for ones that do not exist", async () => {
    const other = await newCaller(t, { roles: ['global_admin'] });
    const theirs = await customerWithSubscription(other, 1);
    const user = await addUser(theirs.id, theirs.domain, 'hidden', {}, other.headers);
    for (const url of [usersOf(theirs.id), `${usersOf(theirs.id)}/${user.id}`, `${usersOf(theirs.id)}/${user.id}/directoryroles`, `/v1/customers/${theirs.id}/subscribedskus`, `/v1/customers/${theirs.id}/directoryroles`]) {
      expectError(await api(t, owner.headers).get(url), 404, 1000);
    }
    expectError(await patch(`${usersOf(theirs.id)}/${user.id}`, { passwordProfile: {} }), 404, 1000);
    expectError(await api(t, owner.headers).delete(`${usersOf(theirs.id)}/${user.id}`), 404, 1000);
    // A user of one customer is not found under another.
    const mine = await customerWithSubscription();
    expectError(await api(t, owner.headers).get(`${usersOf(mine.id)}/${user.id}`), 404, 1000);
  });
});
