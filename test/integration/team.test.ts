/**
 * Issue 10 part 5: the partner's own team. Global admins list, add (temporary password shown once), set
 * roles, deactivate, reactivate and reset passwords of their organisation's users; the last active global
 * admin stays one and nobody deactivates itself; a deactivated user's session and tokens stop at once;
 * a password someone else set must be changed before anything else; the last sign-in is recorded.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#contracts/auth.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { adjustableClock } from '#test/helpers/server.ts';
import { bearerFor, createPartner, createUser, signIn, type FactoryPartner } from '#test/factories.ts';

const clock = adjustableClock(new Date('2031-05-04T08:00:00.000Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '0' }, { clock });
});
afterAll(() => t.close());

const USERS = '/v1/partner/users';
type Headers = Record<string, string>;

async function member(partner: FactoryPartner, roles: Role[]) {
  const user = await createUser(t.db, { partnerId: partner.id, roles });
  return { ...user, headers: await bearerFor(t, user.email) };
}

const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function team() {
  const partner = await createPartner(t.db);
  const admin = await member(partner, ['global_admin']);
  return { partner, admin };
}

async function addUser(headers: Headers, body: Record<string, unknown> = {}) {
  const email = `new-${Math.random().toString(36).slice(2, 10)}@team.example`;
  const response = await call('POST', USERS, headers, { displayName: 'Kai Helpdesk', email, roles: ['helpdesk_agent'], ...body });
  return response;
}

const sessionHeaders = (session: { cookie: string; csrfToken: string }) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken });

describe('who may manage the team', () => {
  it('refuses every role but global admin with 403 900308, on every team route', async () => {
    const { partner, admin } = await team();
    const target = await member(partner, ['sales_agent']);
    for (const role of ['admin_agent', 'sales_agent', 'helpdesk_agent', 'billing_admin'] as Role[]) {
      const { headers } = await member(partner, [role]);
      const answers = [
        await call('GET', USERS, headers),
        await call('GET', `${USERS}/${target.id}`, headers),
        await addUser(headers),
        await call('PUT', `${USERS}/${target.id}/roles`, headers, { roles: ['global_admin'] }),
        await call('POST', `${USERS}/${target.id}/deactivate`, headers),
        await call('POST', `${USERS}/${target.id}/reactivate`, headers),
        await call('POST', `${USERS}/${target.id}/password`, headers),
      ];
      for (const answer of answers) {
        expect(answer.statusCode, `${role} ${answer.body}`).toBe(403);
        expect(answer.json()).toMatchObject({ code: 900308 });
      }
    }
    // Nothing changed: the target still a sales agent, active, its password its own.
    const after = await call('GET', `${USERS}/${target.id}`, admin.headers);
    expect(after.json()).toMatchObject({ roles: ['sales_agent'], state: 'active', mustChangePassword: false });
  });

  it("answers another organisation's users as users that exist nowhere: 404 1000", async () => {
    const mine = await team();
    const theirs = await team();
    const stranger = await member(theirs.partner, ['helpdesk_agent']);
    for (const [method, path] of [['GET', ''], ['PUT', '/roles'], ['POST', '/deactivate'], ['POST', '/reactivate'], ['POST', '/password']] as const) {
      const answer = await call(method, `${USERS}/${stranger.id}${path}`, mine.admin.headers, method === 'PUT' ? { roles: ['billing_admin'] } : undefined);
      expect(answer.statusCode, `${method} ${path}`).toBe(404);
      expect(answer.json()).toMatchObject({ code: 1000 });
    }
    const list = await call('GET', USERS, mine.admin.headers);
    expect(list.body).not.toContain(stranger.id);
    expect((await call('GET', `${USERS}/${stranger.id}`, theirs.admin.headers)).json()).toMatchObject({ state: 'active', roles: ['helpdesk_agent'] });
  });
});

describe('the team list', () => {
  it('lists the organisation in email order with roles, state, last sign-in, and pages with MS-ContinuationToken', async () => {
    const { partner, admin } = await team();
    for (const name of ['carol', 'bob', 'alice']) await createUser(t.db, { partnerId: partner.id, roles: ['billing_admin'], email: `${name}-${partner.id.slice(0, 8)}@team.example` });
    const first = await call('GET', `${USERS}?size=2`, admin.headers);
    expect(first.statusCode).toBe(200);
    const page = first.json<{ totalCount: number; items: { email: string; roles: string[]; state: string; lastSignInAt: string | null; attributes: unknown }[]; links: { next?: { headers: { key: string; value: string }[] } } }>();
    expect(page.totalCount).toBe(2);
    expect(page.items.map((item) => item.email.split('-')[0])).toEqual(['alice', 'bob']);
    expect(page.items[0]).toMatchObject({ roles: ['billing_admin'], state: 'active', lastSignInAt: null, mustChangePassword: false, attributes: { objectType: 'PartnerUser' } });
    const token = page.links.next!.headers.find((header) => header.key === 'MS-ContinuationToken')!.value;
    const rest = await call('GET', `${USERS}?size=2`, { ...admin.headers, 'ms-continuationtoken': token });
    const emails = rest.json<{ items: { email: string }[] }>().items.map((item) => item.email.split('-')[0]);
    expect(emails[0]).toBe('carol');
    expect(emails).toContain('user');
    // A token of another query is a 400 naming it.
    const mismatched = await call('GET', `${USERS}?size=2&state=deactivated`, { ...admin.headers, 'ms-continuationtoken': token });
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json()).toMatchObject({ errors: [{ field: 'MS-ContinuationToken' }] });
  });

  it('records the last sign-in, through the portal and through POST /v1/auth/token', async () => {
    const { partner, admin } = await team();
    const user = await createUser(t.db, { partnerId: partner.id, roles: ['helpdesk_agent'] });
    clock.set(new Date('2031-05-04T09:15:00.000Z'));
    await signIn(t.app, user.email, user.password);
    expect((await call('GET', `${USERS}/${user.id}`, admin.headers)).json()).toMatchObject({ lastSignInAt: '2031-05-04T09:15:00.000Z' });
    clock.set(new Date('2031-05-04T10:30:00.000Z'));
    await bearerFor(t.app, user.email, user.password);
    expect((await call('GET', `${USERS}/${user.id}`, admin.headers)).json()).toMatchObject({ lastSignInAt: '2031-05-04T10:30:00.000Z' });
    // A wrong password is no sign-in.
    clock.set(new Date('2031-05-04T11:00:00.000Z'));
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: 'Wrong-password-1' } })).statusCode).toBe(401);
    expect((await call('GET', `${USERS}/${user.id}`, admin.headers)).json()).toMatchObject({ lastSignInAt: '2031-05-04T10:30:00.000Z' });
  });
});

describe('adding a user, and the password it must change', () => {
  it('adds a user with a temporary password shown once; it signs in, must change it, and then works as its role', async () => {
    const { admin } = await team();
    const created = await addUser(admin.headers, { email: 'Kai.Helpdesk@Team.Example' });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json<{ id: string; email: string; temporaryPassword: string; mustChangePassword: boolean; roles: string[]; state: string }>();
    expect(body).toMatchObject({ email: 'kai.helpdesk@team.example', displayName: 'Kai Helpdesk', roles: ['helpdesk_agent'], state: 'active', mustChangePassword: true, lastSignInAt: null });
    expect(body.temporaryPassword).toMatch(/^.{16}$/);
    // Kept as the sign-in hasher's hash, never as the password, and never read back.
    const stored = await t.db.selectFrom('partner_users').select(['password_hash', 'must_change_password']).where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain(body.temporaryPassword);
    expect((await call('GET', `${USERS}/${body.id}`, admin.headers)).body).not.toContain(body.temporaryPassword);
    const audit = await t.db.selectFrom('audit_records').select(['operation_type', 'resource_type', 'actor', 'new_value']).where('resource_id', '=', body.id).execute();
    expect(audit).toEqual([{ operation_type: 'create_partner_user', resource_type: 'partner_user', actor: admin.email, new_value: expect.anything() }]);
    expect(JSON.stringify(audit)).not.toContain(body.temporaryPassword);

    // The new user signs in: the session says it must change the password, and nothing else is served.
    const session = await signIn(t.app, 'kai.helpdesk@team.example', body.temporaryPassword);
    const headers = sessionHeaders(session);
    expect((await call('GET', '/api/session', headers)).json()).toMatchObject({ user: { mustChangePassword: true, roles: ['helpdesk_agent'] } });
    const refused = await call('GET', '/v1/customers', headers);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 403101 });
    expect(refused.json<{ description: string }>().description).toMatch(/change it first/);
    // A token from the temporary password is refused the same way.
    const bearer = await bearerFor(t.app, body.email, body.temporaryPassword);
    expect((await call('GET', '/v1/customers', bearer)).json()).toMatchObject({ code: 403101 });
    expect((await call('POST', '/api/tokens', { ...headers }, { name: 'sneaky' })).statusCode).toBe(403);

    // The password rules, each naming its field.
    const wrong = await call('POST', '/api/account/password', headers, { currentPassword: 'Not-it-at-all-1', newPassword: 'A-good-new-password-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ errors: [{ field: 'currentPassword', code: 'wrong_password' }] });
    const weak = await call('POST', '/api/account/password', headers, { currentPassword: body.temporaryPassword, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('newPassword');
    const same = await call('POST', '/api/account/password', headers, { currentPassword: body.temporaryPassword, newPassword: body.temporaryPassword });
    expect(same.json()).toMatchObject({ errors: [{ field: 'newPassword', code: 'same_password' }] });

    const changed = await call('POST', '/api/account/password', headers, { currentPassword: body.temporaryPassword, newPassword: 'Kai-own-password-1' });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await call('GET', '/api/session', headers)).json()).toMatchObject({ user: { mustChangePassword: false } });
    expect((await call('GET', '/v1/customers', headers)).statusCode).toBe(200);
    // As a helpdesk agent: no customers to add, no team to manage.
    expect((await call('GET', USERS, headers)).json()).toMatchObject({ code: 900308 });
    expect((await call('GET', `${USERS}/${body.id}`, admin.headers)).json()).toMatchObject({ mustChangePassword: false });
    // The old password no longer signs in; the new one does.
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: body.email, password: body.temporaryPassword } })).statusCode).toBe(401);
    await signIn(t.app, body.email, 'Kai-own-password-1');
    expect(await t.db.selectFrom('audit_records').select('operation_type').where('resource_id', '=', body.id).orderBy('created_at').execute()).toEqual([
      { operation_type: 'create_partner_user' },
      { operation_type: 'change_partner_user_password' },
    ]);
  });

  it('ends the other sessions of a user that changes its password, and keeps this one', async () => {
    const { partner } = await team();
    const user = await createUser(t.db, { partnerId: partner.id, roles: ['sales_agent'] });
    const other = sessionHeaders(await signIn(t.app, user.email, user.password));
    const current = sessionHeaders(await signIn(t.app, user.email, user.password));
    expect((await call('POST', '/api/account/password', current, { currentPassword: user.password, newPassword: 'Brand-new-password-2' })).statusCode).toBe(204);
    expect((await call('GET', '/api/session', current)).statusCode).toBe(200);
    expect((await call('GET', '/api/session', other)).statusCode).toBe(401);
  });

  it('refuses a taken email (any case) with 409 naming email, and bad input with 400 naming the field', async () => {
    const { partner, admin } = await team();
    const existing = await createUser(t.db, { partnerId: partner.id, roles: ['helpdesk_agent'] });
    const before = await t.db.selectFrom('partner_users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const taken = await addUser(admin.headers, { email: existing.email.toUpperCase() });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 409103, errors: [{ field: 'email', code: 'email_taken' }] });
    for (const [body, field] of [
      [{ roles: [] }, 'roles'],
      [{ roles: ['super_admin'] }, 'roles.0'],
      [{ roles: ['helpdesk_agent', 'helpdesk_agent'] }, 'roles'],
      [{ email: 'not an email' }, 'email'],
      [{ displayName: '   ' }, 'displayName'],
    ] as const) {
      const answer = await addUser(admin.headers, body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(400);
      expect(answer.json<{ errors: { field: string }[] }>().errors.map((error) => error.field), JSON.stringify(body)).toContain(field);
    }
    const after = await t.db.selectFrom('partner_users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('answers a repeated MS-RequestId with the first answer (the same password), making one user', async () => {
    const { admin } = await team();
    const email = `once-${Date.now()}@team.example`;
    const headers = { ...admin.headers, 'ms-requestid': `team-${Date.now()}` };
    const first = await call('POST', USERS, headers, { displayName: 'Once Only', email, roles: ['billing_admin'] });
    const again = await call('POST', USERS, headers, { displayName: 'Once Only', email, roles: ['billing_admin'] });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await t.db.selectFrom('partner_users').select('id').where(sql<string>`lower(email)`, '=', email).execute()).toHaveLength(1);
  });
});

describe('roles', () => {
  it("sets a user's whole set of roles, audited, and the user's next call has them", async () => {
    const { partner, admin } = await team();
    const user = await member(partner, ['helpdesk_agent']);
    expect((await call('GET', '/v1/offers?country=US', user.headers)).statusCode).toBe(403);
    const changed = await call('PUT', `${USERS}/${user.id}/roles`, admin.headers, { roles: ['sales_agent', 'billing_admin'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ roles: ['billing_admin', 'sales_agent'] });
    expect((await call('GET', '/v1/offers?country=US', user.headers)).statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_records').select(['operation_type', 'new_value']).where('resource_id', '=', user.id).executeTakeFirstOrThrow();
    expect(audit.operation_type).toBe('update_partner_user_roles');
    expect(JSON.stringify(audit.new_value)).toContain('sales_agent');
    expect((await call('PUT', `${USERS}/${user.id}/roles`, admin.headers, { roles: [] })).json()).toMatchObject({ errors: [{ field: 'roles' }] });
  });

  it('keeps the last active global admin one (409 409101), and lets one of two give it up', async () => {
    const { partner, admin } = await team();
    const refused = await call('PUT', `${USERS}/${admin.id}/roles`, admin.headers, { roles: ['admin_agent'] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 409101, errors: [{ field: 'roles', code: 'last_global_admin' }] });
    expect((await call('GET', `${USERS}/${admin.id}`, admin.headers)).json()).toMatchObject({ roles: ['global_admin'] });
    // A deactivated global admin does not count.
    const dormant = await member(partner, ['global_admin']);
    await call('POST', `${USERS}/${dormant.id}/deactivate`, admin.headers);
    expect((await call('PUT', `${USERS}/${admin.id}/roles`, admin.headers, { roles: ['admin_agent'] })).statusCode).toBe(409);
    await call('POST', `${USERS}/${dormant.id}/reactivate`, admin.headers);
    const given = await call('PUT', `${USERS}/${admin.id}/roles`, admin.headers, { roles: ['admin_agent'] });
    expect(given.statusCode, given.body).toBe(200);
    // At once it may no longer manage the team.
    expect((await call('GET', USERS, admin.headers)).json()).toMatchObject({ code: 900308 });
  });

  it('never leaves the organisation without a global admin when two demote each other at once', async () => {
    const { partner, admin } = await team();
    const second = await member(partner, ['global_admin']);
    const answers = await Promise.all([
      call('PUT', `${USERS}/${second.id}/roles`, admin.headers, { roles: ['billing_admin'] }),
      call('PUT', `${USERS}/${admin.id}/roles`, second.headers, { roles: ['billing_admin'] }),
    ]);
    // One wins; the other is refused: 409 (it would remove the last global admin) or, when its caller was
    // read after the winner's commit, 403 (its caller is no global admin any more).
    const [won, lost] = answers.map((answer) => answer.statusCode).sort();
    expect(won).toBe(200);
    expect([403, 409]).toContain(lost);
    const admins = await t.db.selectFrom('partner_user_roles as r').innerJoin('partner_users as u', 'u.id', 'r.user_id').select('u.id').where('u.partner_id', '=', partner.id).where('r.role', '=', 'global_admin').execute();
    expect(admins).toHaveLength(1);
  });

  it('never leaves the organisation without an active global admin when two deactivate each other at once', async () => {
    const { partner, admin } = await team();
    const second = await member(partner, ['global_admin']);
    const answers = await Promise.all([call('POST', `${USERS}/${second.id}/deactivate`, admin.headers), call('POST', `${USERS}/${admin.id}/deactivate`, second.headers)]);
    // One wins; the other is refused (its caller lost its token, or it would remove the last global admin).
    expect(answers.map((answer) => answer.statusCode).filter((status) => status === 200)).toHaveLength(1);
    const active = await t.db.selectFrom('partner_users').select('id').where('partner_id', '=', partner.id).where('disabled_at', 'is', null).execute();
    expect(active).toHaveLength(1);
  });
});

describe('deactivating and reactivating', () => {
  it('stops an existing session cookie and a bearer token at once, refuses sign-in generically, and reactivation lets it sign in again', async () => {
    const { partner, admin } = await team();
    const user = await createUser(t.db, { partnerId: partner.id, roles: ['admin_agent'] });
    const session = sessionHeaders(await signIn(t.app, user.email, user.password));
    const bearer = await bearerFor(t.app, user.email, user.password);
    const personal = await bearerFor(t, user.email);
    for (const headers of [session, bearer, personal]) expect((await call('GET', '/v1/customers', headers)).statusCode).toBe(200);

    const deactivated = await call('POST', `${USERS}/${user.id}/deactivate`, admin.headers);
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json()).toMatchObject({ state: 'deactivated' });
    for (const headers of [session, bearer, personal]) expect((await call('GET', '/v1/customers', headers)).statusCode).toBe(401);
    // Revoked in the transaction, not only refused: nothing live is left.
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).where('revoked_at', 'is', null).execute()).toEqual([]);
    expect(await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', user.id).where('revoked_at', 'is', null).execute()).toEqual([]);
    const refused = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: user.password } });
    expect(refused.statusCode).toBe(401);
    expect(refused.json<{ description: string }>().description).toBe('The email address or password is not right.');
    expect((await call('GET', `${USERS}?state=deactivated`, admin.headers)).json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([user.id]);
    // Twice is no change, and no second record.
    expect((await call('POST', `${USERS}/${user.id}/deactivate`, admin.headers)).statusCode).toBe(200);

    const reactivated = await call('POST', `${USERS}/${user.id}/reactivate`, admin.headers);
    expect(reactivated.json()).toMatchObject({ state: 'active' });
    // The old credentials stay revoked; a new sign-in works.
    expect((await call('GET', '/v1/customers', session)).statusCode).toBe(401);
    await signIn(t.app, user.email, user.password);
    expect(await t.db.selectFrom('audit_records').select('operation_type').where('resource_id', '=', user.id).orderBy('created_at').execute()).toEqual([
      { operation_type: 'deactivate_partner_user' },
      { operation_type: 'reactivate_partner_user' },
    ]);
  });

  it('refuses to deactivate oneself (409 409102)', async () => {
    const { partner, admin } = await team();
    await member(partner, ['global_admin']);
    const answer = await call('POST', `${USERS}/${admin.id}/deactivate`, admin.headers);
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({ code: 409102 });
    expect((await call('GET', USERS, admin.headers)).statusCode).toBe(200);
  });
});

describe('resetting a password', () => {
  it('gives a new temporary password once, ends the sessions and tokens, and the user must change it', async () => {
    const { partner, admin } = await team();
    const user = await createUser(t.db, { partnerId: partner.id, roles: ['billing_admin'] });
    const session = sessionHeaders(await signIn(t.app, user.email, user.password));
    const reset = await call('POST', `${USERS}/${user.id}/password`, admin.headers);
    expect(reset.statusCode, reset.body).toBe(200);
    const { temporaryPassword } = reset.json<{ temporaryPassword: string }>();
    expect(reset.json()).toMatchObject({ mustChangePassword: true });
    expect((await call('GET', '/api/session', session)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: user.password } })).statusCode).toBe(401);
    const fresh = sessionHeaders(await signIn(t.app, user.email, temporaryPassword));
    expect((await call('GET', '/v1/customers', fresh)).json()).toMatchObject({ code: 403101 });
    expect((await call('POST', '/api/account/password', fresh, { currentPassword: temporaryPassword, newPassword: 'Billing-chose-this-3' })).statusCode).toBe(204);
    expect((await call('GET', '/v1/customers', fresh)).statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_records').select(['operation_type', 'new_value']).where('resource_id', '=', user.id).orderBy('created_at').execute();
    expect(audit.map((row) => row.operation_type)).toEqual(['reset_partner_user_password', 'change_partner_user_password']);
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
  });
});
