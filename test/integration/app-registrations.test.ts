/**
 * Issue 11 part 4: programs sign in as Partner Center programs do. A global admin registers an app and
 * its secrets (shown once, revocable); `POST /{tenant}/oauth2/v2.0/token` gives app-only tokens
 * (client_credentials) and app + user tokens (refresh_token: a new one each use, the old one still valid
 * as the identity platform documents, until revoked); access
 * tokens are RS256 JWTs with `exp`, `tid`, `appid`, `upn`, a `kid` published at the JWKS endpoint and
 * rotated; calls Partner Center allows only with app + user credentials refuse app-only tokens.
 */
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { adjustableClock } from '#test/helpers/server.ts';
import { createCustomer } from '#test/factories.ts';
import { agreementBody, api, createOffer, createTemplate, expectError, newCaller, userOf, type Caller, type Headers } from './onboarding-fixtures.ts';

const clock = adjustableClock(new Date('2026-12-01T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  // Keys rotate every 0.02 days (28.8 minutes) here, so that a test sees a rotation within a token's hour.
  t = await createTestApp({ SIGNING_KEY_ROTATION_DAYS: '0.02' }, { clock });
  await createTemplate(t.db);
});
afterAll(() => t.close());

const PC_SCOPE = 'https://api.partnercenter.microsoft.com/.default';

function tokenRequest(tenant: string, form: Record<string, string>, headers: Headers = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/${tenant}/oauth2/v2.0/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(form).toString(),
  });
}

interface TokenAnswer { token_type: string; expires_in: number; access_token: string; refresh_token?: string; scope: string }

function expectTokenError(response: LightMyRequestResponse, status: number, error: string, aadsts: number) {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json<{ error: string; error_codes: number[]; error_description: string; trace_id: string; correlation_id: string; timestamp: string }>();
  expect(body.error).toBe(error);
  expect(body.error_codes).toEqual([aadsts]);
  expect(body.error_description).toMatch(new RegExp(`^AADSTS${aadsts}: `));
  expect(body).toMatchObject({ trace_id: expect.any(String), correlation_id: expect.any(String), timestamp: expect.any(String) });
}

/** A partner with a global admin and an admin agent; the admin registers an app with one secret. */
async function partnerWithApp(roles: string[] = ['admin_agent']) {
  const admin = await newCaller(t, { roles: ['global_admin'] });
  const created = await api(t, admin.headers).post('/api/apps', { displayName: 'Billing sync', roles });
  expect(created.statusCode, created.body).toBe(201);
  const app = created.json<{ id: string; roles: string[]; secrets: unknown[] }>();
  const secret = await api(t, admin.headers).post(`/api/apps/${app.id}/secrets`, { description: 'CI pipeline' });
  expect(secret.statusCode, secret.body).toBe(201);
  return { admin, app, secret: secret.json<{ id: string; secret: string; hint: string; expiresAt: string }>() };
}

async function appOnlyToken(admin: Caller, appId: string, secret: string) {
  const response = await tokenRequest(admin.partner.id, { grant_type: 'client_credentials', client_id: appId, client_secret: secret, scope: PC_SCOPE });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TokenAnswer>();
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('app registrations (Account → Apps)', () => {
  it('a global admin registers an app and adds a secret, shown once and listed by its hint only', async () => {
    const { admin, app, secret } = await partnerWithApp();
    expect(app.roles).toEqual(['admin_agent']);
    expect(secret.secret).toMatch(/^pds~/);
    expect(secret.hint).toBe(secret.secret.slice(0, 7));
    const listed = await api(t, admin.headers).get('/api/apps');
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(secret.secret);
    expect(listed.json<{ items: { id: string; secrets: { hint: string }[] }[] }>().items).toEqual([expect.objectContaining({ id: app.id, secrets: [expect.objectContaining({ hint: secret.hint })] })]);
    const audit = await t.db.selectFrom('audit_records').select('operation_type').where('partner_id', '=', admin.partner.id).execute();
    expect(audit.map((row) => row.operation_type).sort()).toEqual(['add_app_secret', 'create_app_registration']);
    // The app's own identity is no member of the team.
    const team = await api(t, admin.headers).get('/v1/partner/users');
    expect(team.statusCode, team.body).toBe(200);
    expect(team.json<{ items: { email: string }[] }>().items.map((user) => user.email)).toEqual([admin.user.email]);
  });

  it('only a global admin manages apps; other partners see none of them', async () => {
    const { admin, app } = await partnerWithApp();
    const agent = await userOf(t, admin.partner.id, ['admin_agent']);
    expectError(await api(t, agent.headers).post('/api/apps', { displayName: 'Mine' }), 403, 900308);
    expectError(await api(t, agent.headers).get('/api/apps'), 403, 900308);
    const other = await newCaller(t, { roles: ['global_admin'] });
    expectError(await api(t, other.headers).post(`/api/apps/${app.id}/secrets`, { description: 'x' }), 404, 1000);
    expectError(await api(t, other.headers).delete(`/api/apps/${app.id}`), 404, 1000);
    expectError(await api(t, admin.headers).post('/api/apps', { displayName: '  ' }), 400, 3000, 'displayName');
    expectError(await api(t, admin.headers).post(`/api/apps/${app.id}/secrets`, { description: 'x', expiresInDays: 900 }), 400, 3000, 'expiresInDays');
  });
});

describe('client credentials (app-only)', () => {
  it('gives a signed JWT with exp, tid and appid that the JWKS verifies, and it calls the API as the app', async () => {
    const { admin, app, secret } = await partnerWithApp();
    const answer = await appOnlyToken(admin, app.id, secret.secret);
    expect(answer).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: PC_SCOPE });
    expect(answer.refresh_token).toBeUndefined();
    const claims = decodeJwt(answer.access_token);
    expect(claims).toMatchObject({ tid: admin.partner.id, appid: app.id, aud: 'https://api.partnercenter.microsoft.com', idtyp: 'app', roles: ['admin_agent'] });
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.upn).toBeUndefined();

    const jwks = (await t.app.inject({ method: 'GET', url: `/${admin.partner.id}/discovery/v2.0/keys` })).json<JSONWebKeySet>();
    const { kid } = decodeProtectedHeader(answer.access_token);
    expect(jwks.keys.map((key) => key.kid)).toContain(kid);
    const verified = await jwtVerify(answer.access_token, createLocalJWKSet(jwks), { currentDate: clock.now() });
    expect(verified.protectedHeader.alg).toBe('RS256');

    const customers = await api(t, bearer(answer.access_token)).get('/v1/customers');
    expect(customers.statusCode, customers.body).toBe(200);
  });

  it('takes the tenant as the organisation id, common or organizations, and the secret as HTTP Basic too', async () => {
    const { admin, app, secret } = await partnerWithApp();
    for (const tenant of ['common', 'organizations', admin.partner.id.toUpperCase()]) {
      expect((await tokenRequest(tenant, { grant_type: 'client_credentials', client_id: app.id, client_secret: secret.secret, scope: PC_SCOPE })).statusCode).toBe(200);
    }
    const basic = Buffer.from(`${app.id}:${encodeURIComponent(secret.secret)}`).toString('base64');
    const viaBasic = await tokenRequest(admin.partner.id, { grant_type: 'client_credentials', scope: PC_SCOPE }, { authorization: `Basic ${basic}` });
    expect(viaBasic.statusCode, viaBasic.body).toBe(200);
  });

  it('refuses what the identity platform refuses, in its shape and with its AADSTS codes', async () => {
    const { admin, app, secret } = await partnerWithApp();
    const other = await newCaller(t);
    const good = { grant_type: 'client_credentials', client_id: app.id, client_secret: secret.secret, scope: PC_SCOPE };
    expectTokenError(await tokenRequest(admin.partner.id, { ...good, client_secret: 'pds~wrong' }), 401, 'invalid_client', 7000215);
    expectTokenError(await tokenRequest(admin.partner.id, { ...good, client_id: '00000000-0000-4000-8000-000000000000' }), 400, 'unauthorized_client', 700016);
    expectTokenError(await tokenRequest(other.partner.id, good), 400, 'unauthorized_client', 700016);
    const { grant_type: _grant, ...noGrant } = good;
    expectTokenError(await tokenRequest(admin.partner.id, noGrant), 400, 'invalid_request', 900144);
    expectTokenError(await tokenRequest(admin.partner.id, { ...good, grant_type: 'password' }), 400, 'unsupported_grant_type', 70003);
    expectTokenError(await tokenRequest(admin.partner.id, { ...good, scope: 'https://api.partnercenter.microsoft.com/user_impersonation' }), 400, 'invalid_scope', 1002012);
    expectTokenError(await tokenRequest(admin.partner.id, { ...good, scope: 'https://graph.microsoft.com/.default' }), 400, 'invalid_scope', 70011);
    const { client_secret: _secret, ...noSecret } = good;
    expectTokenError(await tokenRequest(admin.partner.id, noSecret), 401, 'invalid_client', 7000218);
    const asJson = await t.app.inject({ method: 'POST', url: `/${admin.partner.id}/oauth2/v2.0/token`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(good) });
    expectTokenError(asJson, 400, 'invalid_request', 900144);
  });

  it('a revoked secret stops at once; an expired one is told apart', async () => {
    const { admin, app, secret } = await partnerWithApp();
    const second = (await api(t, admin.headers).post(`/api/apps/${app.id}/secrets`, { description: 'short', expiresInDays: 1 })).json<{ id: string; secret: string }>();
    expect((await api(t, admin.headers).delete(`/api/apps/${app.id}/secrets/${secret.id}`)).statusCode).toBe(204);
    expectTokenError(await tokenRequest(admin.partner.id, { grant_type: 'client_credentials', client_id: app.id, client_secret: secret.secret, scope: PC_SCOPE }), 401, 'invalid_client', 7000215);
    await appOnlyToken(admin, app.id, second.secret);
    clock.advance(86_400_000 + 1000);
    try {
      expectTokenError(await tokenRequest(admin.partner.id, { grant_type: 'client_credentials', client_id: app.id, client_secret: second.secret, scope: PC_SCOPE }), 401, 'invalid_client', 7000222);
    } finally {
      clock.advance(-(86_400_000 + 1000));
    }
  });

  it('app-only tokens are refused where Partner Center needs app + user, and on the portal’s /api calls', async () => {
    const { admin, app, secret } = await partnerWithApp();
    const { access_token } = await appOnlyToken(admin, app.id, secret.secret);
    const customerId = '11111111-1111-4111-8111-111111111111';
    expectError(await api(t, bearer(access_token)).get(`/v1/customers/${customerId}/agreements`), 403, 403010);
    expectError(await api(t, bearer(access_token)).get(`/v1/customers/${customerId}/users`), 403, 403010);
    expectError(await api(t, bearer(access_token)).get(`/v1/customers/${customerId}/orders/${customerId}/provisioningstatus`), 403, 403010);
    expectError(await api(t, bearer(access_token)).get('/api/apps'), 403, 403010);
    expectError(await api(t, bearer(access_token)).post('/api/tokens', { name: 'escalate' }), 403, 403010);
  });

  it('an order may not confirm the agreement on the way with an app-only token (agreements take app + user)', async () => {
    const { admin, app, secret } = await partnerWithApp();
    const { access_token } = await appOnlyToken(admin, app.id, secret.secret);
    const customer = await createCustomer(t.db, { partnerIds: [admin.partner.id] });
    const offer = await createOffer(t.db);
    const response = await api(t, bearer(access_token)).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }], customerAgreement: agreementBody() });
    expectError(response, 403, 403010);
    // Without an agreement to confirm, app-only ordering is Partner Center's too: refused here only for the missing confirmation.
    expectError(await api(t, bearer(access_token)).post(`/v1/customers/${customer.id}/orders`, { lineItems: [{ offerId: offer.id, quantity: 1 }] }), 403, 13605);
  });

  it('a deleted app stops at once: its tokens and its secrets', async () => {
    const { admin, app, secret } = await partnerWithApp();
    const { access_token } = await appOnlyToken(admin, app.id, secret.secret);
    expect((await api(t, admin.headers).delete(`/api/apps/${app.id}`)).statusCode).toBe(204);
    expectError(await api(t, bearer(access_token)).get('/v1/customers'), 401, 401);
    expectTokenError(await tokenRequest(admin.partner.id, { grant_type: 'client_credentials', client_id: app.id, client_secret: secret.secret, scope: PC_SCOPE }), 400, 'unauthorized_client', 700016);
  });

  it('refuses a token that was tampered with, has expired, or names another organisation', async () => {
    const { admin, app, secret } = await partnerWithApp();
    const { access_token } = await appOnlyToken(admin, app.id, secret.secret);
    const [header, payload, signature] = access_token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['global_admin'] })).toString('base64url')}.${signature}`;
    const refused = await api(t, bearer(forged)).get('/v1/customers');
    expectError(refused, 401, 401);
    // RFC 6750: the 401 says how to authenticate, and that the token sent does not do.
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer realm="Partnerdesk", error="invalid_token"/);
    expect((await api(t, {}).get('/v1/customers')).headers['www-authenticate']).toBe('Bearer realm="Partnerdesk"');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expectError(await api(t, bearer(unsigned)).get('/v1/customers'), 401, 401);
    clock.advance(3600_000 + 61_000);
    try {
      expectError(await api(t, bearer(access_token)).get('/v1/customers'), 401, 401);
    } finally {
      clock.advance(-(3600_000 + 61_000));
    }
  });
});

describe('refresh tokens (app + user)', () => {
  async function userRefreshToken() {
    const { admin, app, secret } = await partnerWithApp();
    const agent = await userOf(t, admin.partner.id, ['admin_agent']);
    const made = await api(t, agent.headers).post(`/api/apps/${app.id}/refresh-tokens`, {});
    expect(made.statusCode, made.body).toBe(201);
    return { admin, app, secret, agent, refreshToken: made.json<{ refreshToken: string }>().refreshToken };
  }

  const refresh = (partnerId: string, appId: string, secret: string, refreshToken: string) =>
    tokenRequest(partnerId, { grant_type: 'refresh_token', client_id: appId, client_secret: secret, refresh_token: refreshToken, scope: `${PC_SCOPE} offline_access` });

  it('gives an app + user token that acts as the user (upn), and a new refresh token each time', async () => {
    const { admin, app, secret, agent, refreshToken } = await userRefreshToken();
    const first = await refresh(admin.partner.id, app.id, secret.secret, refreshToken);
    expect(first.statusCode, first.body).toBe(200);
    const answer = first.json<TokenAnswer>();
    expect(answer.refresh_token).toBeDefined();
    expect(answer.refresh_token).not.toBe(refreshToken);
    expect(decodeJwt(answer.access_token)).toMatchObject({ upn: agent.email, tid: admin.partner.id, appid: app.id, oid: agent.id, scp: 'user_impersonation' });
    // App + user passes where app-only does not.
    const agreements = await api(t, bearer(answer.access_token)).get('/v1/customers/11111111-1111-4111-8111-111111111111/agreements');
    expect(agreements.statusCode, agreements.body).toBe(404);
    const second = await refresh(admin.partner.id, app.id, secret.secret, answer.refresh_token!);
    expect(second.statusCode, second.body).toBe(200);
    const grants = (await api(t, agent.headers).get('/api/apps/sign-in')).json<{ items: { appId: string }[]; apps: { id: string }[] }>();
    expect(grants.items).toEqual([expect.objectContaining({ appId: app.id })]);
    expect(grants.apps.map((item) => item.id)).toEqual([app.id]);
  });

  it('a used refresh token stays valid, as the identity platform documents: a program that keeps one works', async () => {
    const { admin, app, secret, agent, refreshToken } = await userRefreshToken();
    const first = await refresh(admin.partner.id, app.id, secret.secret, refreshToken);
    const again = await refresh(admin.partner.id, app.id, secret.secret, refreshToken);
    expect([first.statusCode, again.statusCode], again.body).toEqual([200, 200]);
    const next = first.json<TokenAnswer>().refresh_token!;
    expect(again.json<TokenAnswer>().refresh_token).not.toBe(next);
    expect((await refresh(admin.partner.id, app.id, secret.secret, next)).statusCode).toBe(200);
    // Every token is of one sign-in: the Apps page lists it once, and revoking it stops them all.
    const grants = (await api(t, agent.headers).get('/api/apps/sign-in')).json<{ items: { id: string; createdAt: string; lastUsedAt: string }[] }>().items;
    expect(grants).toHaveLength(1);
    expect((await api(t, agent.headers).delete(`/api/apps/sign-ins/${grants[0]!.id}`)).statusCode).toBe(204);
    for (const token of [refreshToken, next]) expectTokenError(await refresh(admin.partner.id, app.id, secret.secret, token), 400, 'invalid_grant', 50173);
  });

  it('two refreshes with one token at once both succeed, each with a new refresh token', async () => {
    const { admin, app, secret, refreshToken } = await userRefreshToken();
    const answers = await Promise.all([1, 2].map(() => refresh(admin.partner.id, app.id, secret.secret, refreshToken)));
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    expect(new Set(answers.map((answer) => answer.json<TokenAnswer>().refresh_token)).size).toBe(2);
  });

  it('gives MSAL what it builds an account from: an ID token for openid, client_info for client_info=1', async () => {
    const { admin, app, secret, agent, refreshToken } = await userRefreshToken();
    const plain = (await refresh(admin.partner.id, app.id, secret.secret, refreshToken)).json<TokenAnswer & { id_token?: string; client_info?: string }>();
    expect(plain.id_token).toBeUndefined();
    expect(plain.client_info).toBeUndefined();
    const asked = await tokenRequest(admin.partner.id, { grant_type: 'refresh_token', client_id: app.id, client_secret: secret.secret, refresh_token: refreshToken, scope: `${PC_SCOPE} openid profile offline_access`, client_info: '1' });
    expect(asked.statusCode, asked.body).toBe(200);
    const answer = asked.json<TokenAnswer & { id_token: string; client_info: string }>();
    const keys = (await t.app.inject({ method: 'GET', url: `/${admin.partner.id}/discovery/v2.0/keys` })).json<JSONWebKeySet>();
    const { payload } = await jwtVerify(answer.id_token, createLocalJWKSet(keys), { audience: app.id, currentDate: clock.now() });
    expect(payload).toMatchObject({ tid: admin.partner.id, oid: agent.id, sub: agent.id, preferred_username: agent.email, ver: '2.0' });
    expect(JSON.parse(Buffer.from(answer.client_info, 'base64url').toString('utf8'))).toEqual({ uid: agent.id, utid: admin.partner.id });
  });

  it('is bound to its app, and refused for a deactivated user, whose access tokens stop at once', async () => {
    const { admin, app, secret, agent, refreshToken } = await userRefreshToken();
    const otherApp = await api(t, admin.headers).post('/api/apps', { displayName: 'Other' });
    const otherId = otherApp.json<{ id: string }>().id;
    const otherSecret = (await api(t, admin.headers).post(`/api/apps/${otherId}/secrets`, { description: 'x' })).json<{ secret: string }>().secret;
    expectTokenError(await refresh(admin.partner.id, otherId, otherSecret, refreshToken), 400, 'invalid_grant', 9002313);

    const answer = (await refresh(admin.partner.id, app.id, secret.secret, refreshToken)).json<TokenAnswer>();
    await t.db.updateTable('partner_users').set({ disabled_at: clock.now() }).where('id', '=', agent.id).execute();
    expectError(await api(t, bearer(answer.access_token)).get('/v1/customers'), 401, 401);
    expectTokenError(await refresh(admin.partner.id, app.id, secret.secret, answer.refresh_token!), 400, 'invalid_grant', 50057);
  });

  it('a user revokes its own app sign-in; nobody else can', async () => {
    const { admin, app, secret, agent, refreshToken } = await userRefreshToken();
    const grantId = (await api(t, agent.headers).get('/api/apps/sign-in')).json<{ items: { id: string }[] }>().items[0]!.id;
    expectError(await api(t, admin.headers).delete(`/api/apps/sign-ins/${grantId}`), 404, 1000);
    expect((await api(t, agent.headers).delete(`/api/apps/sign-ins/${grantId}`)).statusCode).toBe(204);
    expectTokenError(await refresh(admin.partner.id, app.id, secret.secret, refreshToken), 400, 'invalid_grant', 50173);
  });
});

describe('signing keys', () => {
  it('rotate: a new key signs after the rotation period, the old one stays published while its tokens live', async () => {
    const { admin, app, secret } = await partnerWithApp();
    const before = await appOnlyToken(admin, app.id, secret.secret);
    const oldKid = decodeProtectedHeader(before.access_token).kid;
    clock.advance(0.02 * 86_400_000 + 1000);
    const after = await appOnlyToken(admin, app.id, secret.secret);
    const newKid = decodeProtectedHeader(after.access_token).kid;
    expect(newKid).not.toBe(oldKid);
    const jwks = (await t.app.inject({ method: 'GET', url: '/common/discovery/v2.0/keys' })).json<JSONWebKeySet>();
    expect(jwks.keys.map((key) => key.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
    expect((await api(t, bearer(before.access_token)).get('/v1/customers')).statusCode).toBe(200);
    // An hour and the margin later the old key's tokens have all expired: it is no longer published.
    clock.advance(3600_000 + 5 * 60_000 + 1000);
    const later = (await t.app.inject({ method: 'GET', url: '/common/discovery/v2.0/keys' })).json<JSONWebKeySet>();
    expect(later.keys.map((key) => key.kid)).not.toContain(oldKid);
    const stored = await t.db.selectFrom('signing_keys').select(['kid', 'private_key_sealed']).execute();
    expect(stored.every((row) => row.private_key_sealed.startsWith('v2.'))).toBe(true);
  });

  it('publishes the authority metadata that identity libraries read', async () => {
    const metadata = await t.app.inject({ method: 'GET', url: '/common/v2.0/.well-known/openid-configuration' });
    expect(metadata.statusCode).toBe(200);
    expect(metadata.json()).toMatchObject({
      token_endpoint: 'http://partnerdesk.test/common/oauth2/v2.0/token',
      jwks_uri: 'http://partnerdesk.test/common/discovery/v2.0/keys',
      issuer: 'http://partnerdesk.test/common/v2.0',
    });
  });
});
