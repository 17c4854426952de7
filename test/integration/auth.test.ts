import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { createPartner, createUser, FACTORY_PASSWORD, signIn } from '#test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SIGN_IN_MAX_FAILURES: '3', SESSION_TTL_HOURS: '1' });
});
afterAll(() => t.close());

async function newUser(roles: Parameters<typeof createUser>[1]['roles'] = ['admin_agent']) {
  const partner = await createPartner(t.db);
  return { partner, ...(await createUser(t.db, { partnerId: partner.id, roles })) };
}

describe('portal sign-in', () => {
  it('signs in with the right password, sets an httpOnly SameSite cookie, and returns the user', async () => {
    const user = await newUser(['sales_agent']);
    const response = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email.toUpperCase(), password: user.password } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'pd_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = response.json();
    expect(body.user).toMatchObject({ email: user.email, roles: ['sales_agent'], partner: { id: user.partner.id, kind: 'direct', instance: 'public' } });
    expect(body.csrfToken).toMatch(/\S{20,}/);
    expect(body.user.actions).toEqual(expect.arrayContaining(['customers.add', 'agreements.confirm']));
    expect(body.user.actions).not.toContain('users.manage');

    const session = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `pd_session=${cookie!.value}` } });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.email).toBe(user.email);
  });

  it('tells the portal what the user may not do and why, as the API decides it', async () => {
    const cases = [
      { kind: 'direct', instance: 'public', validated: false, roles: ['helpdesk_agent'], reason: 'role' },
      { kind: 'direct', instance: 'public', validated: false, roles: ['billing_admin'], reason: 'role' },
      { kind: 'indirect_reseller', instance: 'public', validated: false, roles: ['global_admin'], reason: 'partner_kind' },
      { kind: 'direct', instance: 'usgov', validated: false, roles: ['global_admin'], reason: 'partner_not_validated' },
      { kind: 'direct', instance: 'usgov', validated: true, roles: ['global_admin'], reason: null },
    ] as const;
    for (const { kind, instance, validated, roles, reason } of cases) {
      const partner = await createPartner(t.db, { kind, instance, usgovValidated: validated });
      const user = await createUser(t.db, { partnerId: partner.id, roles: [...roles] });
      const body = (await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: user.password } })).json();
      const denial = body.user.deniedActions.find((item: { action: string }) => item.action === 'customers.add');
      expect(denial?.reason ?? null, `${kind} ${instance} ${roles.join()}`).toBe(reason);
      expect(body.user.actions.includes('customers.add')).toBe(reason === null);
      // The API refuses the same people, with the reason the portal shows.
      const token = (await t.app.inject({ method: 'POST', url: '/v1/auth/token', payload: { email: user.email, password: user.password } })).json().access_token;
      const draft = await t.app.inject({ method: 'POST', url: '/v1/onboardings/drafts', headers: { authorization: `Bearer ${token}` }, payload: { step: 'account', data: {} } });
      expect(draft.statusCode).toBe(reason === null ? 201 : 403);
      if (reason === 'partner_not_validated') expect(draft.json().code).toBe(403003);
    }
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const user = await newUser();
    const wrong = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: 'not-the-password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'nobody@nowhere.example', password: 'x' } });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 401, description: 'The email address or password is not right.' });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it('names the bad field when the sign-in body is invalid', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'not-an-email', password: '' } });
    expect(response.statusCode).toBe(400);
    const fields = (response.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('throttles repeated failures for one email, with Retry-After, even for the right password', async () => {
    const user = await newUser();
    for (let i = 0; i < 3; i++) {
      const response = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: `wrong-${i}` } });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: user.password } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['ratelimit-limit']).toBe('3');
    expect(blocked.headers['ratelimit-remaining']).toBe('0');
    // Another account is not blocked by this one's failures.
    const other = await newUser();
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: other.email, password: other.password } })).statusCode).toBe(200);
  });

  it('refuses a disabled user', async () => {
    const partner = await createPartner(t.db);
    const user = await createUser(t.db, { partnerId: partner.id, roles: ['global_admin'], disabled: true });
    const response = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: user.password } });
    expect(response.statusCode).toBe(401);
  });

  it('needs the CSRF token for cookie-authenticated writes', async () => {
    const user = await newUser();
    const { cookie, csrfToken } = await signIn(t.app, user.email, user.password);
    const without = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie }, payload: { name: 'x' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().description).toMatch(/CSRF/);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie, 'x-csrf-token': 'nope' }, payload: { name: 'x' } });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie, 'x-csrf-token': csrfToken }, payload: { name: 'x' } });
    expect(right.statusCode).toBe(201);
  });

  it('signs out: the session no longer works', async () => {
    const user = await newUser();
    const { cookie } = await signIn(t.app, user.email, user.password);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const user = await newUser();
    const { cookie } = await signIn(t.app, user.email, user.password);
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/customers' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 401, source: 'Partnerdesk', errors: [] });
  });
});

describe('API tokens', () => {
  it('exchanges email and password for a bearer token at /v1/auth/token', async () => {
    const user = await newUser();
    const response = await t.app.inject({ method: 'POST', url: '/v1/auth/token', payload: { email: user.email, password: FACTORY_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const list = await t.app.inject({ method: 'GET', url: '/v1/customers', headers: { authorization: `Bearer ${body.access_token}` } });
    expect(list.statusCode).toBe(200);
    // A bearer caller needs no CSRF token.
    const created = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: { authorization: `Bearer ${body.access_token}` }, payload: { name: 'script' } });
    expect(created.statusCode).toBe(201);
  });

  it('creates a personal token shown once, stores only its hash, lists it, and revokes it', async () => {
    const user = await newUser();
    const { cookie, csrfToken } = await signIn(t.app, user.email, user.password);
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const created = await t.app.inject({ method: 'POST', url: '/api/tokens', headers, payload: { name: 'CI pipeline', expiresInDays: 30 } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const stored = await t.db.selectFrom('api_tokens').select(['token_hash']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const list = await t.app.inject({ method: 'GET', url: '/api/tokens', headers });
    expect(list.json().items).toEqual([expect.objectContaining({ id, name: 'CI pipeline' })]);
    expect(JSON.stringify(list.json())).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/v1/customers', headers: bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/v1/customers', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/tokens', headers })).json().items).toEqual([]);
  });

  it("cannot revoke another user's token", async () => {
    const owner = await newUser();
    const other = await newUser();
    const ownerSession = await signIn(t.app, owner.email, owner.password);
    const created = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: ownerSession.cookie, 'x-csrf-token': ownerSession.csrfToken }, payload: { name: 'mine' } });
    const otherSession = await signIn(t.app, other.email, other.password);
    const response = await t.app.inject({ method: 'DELETE', url: `/api/tokens/${created.json().id}`, headers: { cookie: otherSession.cookie, 'x-csrf-token': otherSession.csrfToken } });
    expect(response.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/v1/customers', headers: { authorization: `Bearer ${created.json().token}` } })).statusCode).toBe(200);
  });

  it('refuses an unknown or malformed bearer token', async () => {
    for (const authorization of ['Bearer pdp_nope', 'Bearer', 'Basic abc']) {
      const response = await t.app.inject({ method: 'GET', url: '/v1/customers', headers: { authorization } });
      expect(response.statusCode).toBe(401);
    }
  });
});
