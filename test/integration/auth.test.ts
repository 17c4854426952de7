import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '#server/lib/adapters.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { bearerFor, createPartner, createUser, FACTORY_PASSWORD, signIn } from '#test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    SIGN_IN_MAX_FAILURES: '3',
    SIGN_IN_ACCOUNT_MAX_FAILURES: '7',
    SIGN_IN_ADDRESS_MAX_FAILURES: '9',
    SESSION_TTL_HOURS: '1',
  });
});
afterAll(() => t.close());

async function newUser(roles: Parameters<typeof createUser>[1]['roles'] = ['admin_agent']) {
  const partner = await createPartner(t.db);
  return { partner, ...(await createUser(t.db, { partnerId: partner.id, roles })) };
}

// Each throttle test signs in from addresses of its own (TEST-NET), so their counters never meet.
let addresses = 0;
const nextAddress = () => `198.51.100.${++addresses}`;

function signInFrom(remoteAddress: string, email: string, password: string, cookies: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/session', remoteAddress, cookies, payload: { email, password } });
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
      const draft = await t.app.inject({ method: 'POST', url: '/v1/onboardings/drafts', headers: await bearerFor(t, user.email), payload: { step: 'account', data: {} } });
      expect(draft.statusCode).toBe(reason === null ? 201 : 403);
      if (reason === 'partner_not_validated') expect(draft.json().code).toBe(403003);
    }
  });

  it('tells the portal whether its cloud instance takes relationship requests, as the API decides it', async () => {
    for (const instance of ['public', 'usgov'] as const) {
      const partner = await createPartner(t.db, { instance, usgovValidated: true });
      const user = await createUser(t.db, { partnerId: partner.id, roles: ['global_admin'] });
      const body = (await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: user.password } })).json();
      expect(body.user.partner.relationshipRequests, instance).toBe(instance === 'public');
      const link = await t.app.inject({ method: 'GET', url: '/v1/customers/relationshiprequests', headers: await bearerFor(t, user.email) });
      expect(link.statusCode, instance).toBe(instance === 'public' ? 200 : 403);
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

  it('throttles repeated failures for one email from one address, with Retry-After, even for the right password', async () => {
    const user = await newUser();
    const attacker = nextAddress();
    for (let i = 0; i < 3; i++) {
      expect((await signInFrom(attacker, user.email, `wrong-${i}`)).statusCode).toBe(401);
    }
    const blocked = await signInFrom(attacker, user.email, user.password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 429, source: 'Partnerdesk', errors: [] });
    expect(blocked.json().description).toMatch(/Too many failed sign-ins/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(blocked.headers['ratelimit-limit']).toBe('3');
    expect(blocked.headers['ratelimit-remaining']).toBe('0');
    // Another account is not blocked by this one's failures.
    const other = await newUser();
    expect((await signInFrom(attacker, other.email, other.password)).statusCode).toBe(200);
  });

  it("lets the real user sign in from another address while the attacker's address is locked", async () => {
    const user = await newUser();
    const attacker = nextAddress();
    for (let i = 0; i < 5; i++) await signInFrom(attacker, user.email, `guess-${i}`);
    expect((await signInFrom(attacker, user.email, user.password)).statusCode).toBe(429);
    const elsewhere = await signInFrom(nextAddress(), user.email, user.password);
    expect(elsewhere.statusCode).toBe(200);
    // The token route shares the throttle: the attacker's address is refused there too, the user's is not.
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/token', remoteAddress: attacker, payload: { email: user.email, password: user.password } })).statusCode).toBe(429);
  });

  it("lets a known device sign in from the attacker's address, which is slowed for every account it has no device cookie for", async () => {
    const user = await newUser();
    const office = nextAddress(); // a proxy that the user and the attacker share
    const first = await signInFrom(office, user.email, user.password);
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === 'pd_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const stored = await t.db.selectFrom('trusted_devices').select('token_hash').where('user_id', '=', user.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(device!.value);

    // The attacker guesses this user's password, then sprays emails that do not exist, from the same address.
    for (let i = 0; i < 4; i++) await signInFrom(office, user.email, `guess-${i}`);
    for (let i = 0; i < 12; i++) await signInFrom(office, `nobody-${i}-${randomBytes(3).toString('hex')}@nowhere.example`, 'x');
    const stranger = await newUser();
    const slowed = await signInFrom(office, stranger.email, stranger.password);
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signInFrom(office, user.email, user.password)).statusCode).toBe(429);

    // The user's browser, known to this account, is counted on its own.
    const known = await signInFrom(office, user.email, user.password, { pd_device: device!.value });
    expect(known.statusCode).toBe(200);
    // A device cookie is for its own account only.
    expect((await signInFrom(office, stranger.email, stranger.password, { pd_device: device!.value })).statusCode).toBe(429);
    expect((await signInFrom(nextAddress(), stranger.email, stranger.password)).statusCode).toBe(200);
  });

  it("counts a known device's failures on their own: it is locked, the account is not", async () => {
    const user = await newUser();
    const home = nextAddress();
    const device = (await signInFrom(home, user.email, user.password)).cookies.find((c) => c.name === 'pd_device')!;
    for (let i = 0; i < 3; i++) expect((await signInFrom(home, user.email, `typo-${i}`, { pd_device: device.value })).statusCode).toBe(401);
    expect((await signInFrom(home, user.email, user.password, { pd_device: device.value })).statusCode).toBe(429);
    expect((await signInFrom(nextAddress(), user.email, user.password)).statusCode).toBe(200);
  });

  it('counts unknown emails like known ones', async () => {
    const address = nextAddress();
    const email = `nobody-${randomBytes(4).toString('hex')}@nowhere.example`;
    for (let i = 0; i < 3; i++) expect((await signInFrom(address, email, `x-${i}`)).statusCode).toBe(401);
    const blocked = await signInFrom(address, email, 'x');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['ratelimit-limit']).toBe('3');
  });

  it('rehashes a password stored with older scrypt parameters when its user signs in', async () => {
    const partner = await createPartner(t.db);
    const user = await createUser(t.db, { partnerId: partner.id, roles: ['sales_agent'] });
    // The format and parameters Partnerdesk stored before (N=16384, r=8, p=1).
    const salt = randomBytes(16);
    const key = scryptSync(user.password.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1 });
    const old = ['scrypt', 16384, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await t.db.updateTable('partner_users').set({ password_hash: old }).where('id', '=', user.id).execute();

    expect((await signInFrom(nextAddress(), user.email, user.password)).statusCode).toBe(200);
    const { password_hash: rehashed } = await t.db.selectFrom('partner_users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(rehashed).not.toBe(old);
    expect(rehashed).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(passwordHasher.needsRehash(rehashed!)).toBe(false);
    expect(await passwordHasher.verify(user.password, rehashed)).toBe(true);
    expect((await signInFrom(nextAddress(), user.email, user.password)).statusCode).toBe(200);
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
    const { cookie, csrfToken } = await signIn(t.app, user.email, user.password);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
    // Without a session, signing out has nothing to protect: it clears the cookie.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/session' })).statusCode).toBe(204);
  });

  it('needs the CSRF token to sign out, so that another site cannot end the session', async () => {
    const user = await newUser();
    const { cookie } = await signIn(t.app, user.email, user.password);
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'nope' }]) {
      const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers });
      expect(out.statusCode).toBe(403);
      expect(out.json()).toMatchObject({ code: 403001, source: 'Partnerdesk', errors: [] });
      expect(out.json().description).toMatch(/CSRF/);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
  });

  it("ends the browser's previous session when someone signs in over it", async () => {
    const first = await newUser();
    const second = await newUser();
    const previous = await signIn(t.app, first.email, first.password);
    for (const next of [first, second]) {
      const before = next === first ? previous : await signIn(t.app, first.email, first.password);
      const response = await t.app.inject({ method: 'POST', url: '/api/session', headers: { cookie: before.cookie }, payload: { email: next.email, password: next.password } });
      expect(response.statusCode).toBe(200);
      const fresh = response.cookies.find((c) => c.name === 'pd_session')!;
      expect(`pd_session=${fresh.value}`).not.toBe(before.cookie);
      expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: before.cookie } })).statusCode).toBe(401);
      const now = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `pd_session=${fresh.value}` } });
      expect(now.json().user.email).toBe(next.email);
    }
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

  it('lists the tokens from /v1/auth/token beside personal ones, and revokes them at once', async () => {
    const user = await newUser();
    const issued = await t.app.inject({ method: 'POST', url: '/v1/auth/token', payload: { email: user.email, password: user.password } });
    const accessToken: string = issued.json().access_token;
    const bearer = { authorization: `Bearer ${accessToken}` };
    const { cookie, csrfToken } = await signIn(t.app, user.email, user.password);
    const headers = { cookie, 'x-csrf-token': csrfToken };
    await t.app.inject({ method: 'POST', url: '/api/tokens', headers, payload: { name: 'CI pipeline' } });

    const list = await t.app.inject({ method: 'GET', url: '/api/tokens', headers });
    const items = list.json().items as { id: string; kind: string; prefix: string; expiresAt: string | null }[];
    expect(items.map((item) => item.kind).sort()).toEqual(['access', 'personal']);
    const access = items.find((item) => item.kind === 'access')!;
    expect(accessToken.startsWith(access.prefix)).toBe(true);
    expect(access.expiresAt).not.toBeNull();
    expect(JSON.stringify(list.json())).not.toContain(accessToken);
    // The token itself sees the same list.
    expect((await t.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer })).json().items).toHaveLength(2);

    expect((await t.app.inject({ method: 'GET', url: '/v1/customers', headers: bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tokens/${access.id}`, headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/v1/customers', headers: bearer })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/tokens', headers })).json().items.map((item: { kind: string }) => item.kind)).toEqual(['personal']);
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
