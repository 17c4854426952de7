import { SignJWT, decodeProtectedHeader, jwtVerify, errors as joseErrors } from 'jose';
import { DomainError } from '#domain/errors.ts';
import { assertCan } from '#domain/roles.ts';
import type { AppRegistration } from '#contracts/apps.ts';
import type { Role } from '#contracts/auth.ts';
import type { Db } from '#db/database.ts';
import { randomSecret, sha256, type Clock, type IdGenerator } from '#server/lib/adapters.ts';
import { principalOf, type Principal } from '#server/lib/principal.ts';
import { recordAudit } from '#server/modules/audit/repository.ts';
import type { AuthService } from '#server/modules/auth/service.ts';
import * as repo from './repository.ts';
import type { SigningKeys } from './signing-keys.ts';
import { SIGNING_ALGORITHM } from './signing-keys.ts';

/** Partner Center's resource: programs ask for `https://api.partnercenter.microsoft.com/.default`. */
export const PARTNER_CENTER_RESOURCE = 'https://api.partnercenter.microsoft.com';
const SECRET_PREFIX = 'pds~';
const REFRESH_PREFIX = 'pdr.';
/** The identity platform's refresh tokens last 90 days; each use gives a new one for as long again. */
const REFRESH_TTL_MS = 90 * 86_400_000;

/**
 * A token endpoint refusal in the identity platform's terms: the OAuth `error`, the AADSTS number a
 * program or its library looks for, the status the platform answers with.
 */
export class TokenError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope',
    readonly aadsts: number,
    description: string,
  ) {
    super(description);
  }
}

export interface TokenRequest {
  tenant: string;
  grantType: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  scope: string | undefined;
  refreshToken: string | undefined;
  clientAssertion: string | undefined;
  /** `client_info=1`: the answer carries the user's ids, as the platform gives them to MSAL. */
  clientInfo?: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createAppsService({
  db,
  ids,
  clock,
  auth,
  keys,
  publicUrl,
  accessTokenTtlSeconds,
}: {
  db: Db;
  ids: IdGenerator;
  clock: Clock;
  auth: AuthService;
  keys: SigningKeys;
  publicUrl: string;
  accessTokenTtlSeconds: number;
}) {
  const issuerOf = (tenantId: string) => `${publicUrl}/${tenantId}/v2.0`;
  const audiences = [PARTNER_CENTER_RESOURCE, publicUrl];

  function toApp(row: repo.AppRow, secrets: Awaited<ReturnType<typeof repo.listSecrets>>): AppRegistration {
    return {
      id: row.id,
      displayName: row.display_name,
      roles: row.roles,
      createdAt: row.created_at.toISOString(),
      secrets: secrets.filter((secret) => secret.app_id === row.id).map(toSecret),
    };
  }

  function toSecret(row: Awaited<ReturnType<typeof repo.listSecrets>>[number]) {
    return {
      id: row.id,
      description: row.description,
      hint: row.hint,
      createdAt: row.created_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      lastUsedAt: row.last_used_at?.toISOString() ?? null,
    };
  }

  /** An app of the caller's organisation, or 404 (another's looks like none). */
  async function ownApp(principal: Principal, appId: string) {
    const app = await repo.findApp(db, appId);
    if (!app || app.partner_id !== principal.user.partner.id) throw new DomainError('not_found', 'No app registration with this id in your organization.');
    return app;
  }

  function manage(principal: Principal) {
    assertCan(principal.user.partner.kind, principal.user.roles, 'apps.manage');
  }

  /** The scope asked for, checked as the identity platform does for a client-credentials request (`<resource>/.default`). */
  function scopeOf(scope: string | undefined, grant: 'client_credentials' | 'refresh_token'): string {
    const asked = (scope ?? '').split(/\s+/).filter(Boolean);
    const resources = asked.filter((item) => item.endsWith('/.default'));
    const others = asked.filter((item) => !item.endsWith('/.default') && !['offline_access', 'openid', 'profile', 'email'].includes(item));
    if (grant === 'client_credentials' && resources.length === 0) {
      throw new TokenError(400, 'invalid_scope', 1002012, `AADSTS1002012: The provided value for scope ${scope ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI), e.g. ${PARTNER_CENTER_RESOURCE}/.default.`);
    }
    for (const item of [...resources, ...others]) {
      const resource = item.replace(/\/\.default$/, '').replace(/\/user_impersonation$/, '').replace(/\/+$/, '');
      if (!audiences.includes(resource)) {
        throw new TokenError(400, 'invalid_scope', 70011, `AADSTS70011: The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid: ${item}. Ask for ${PARTNER_CENTER_RESOURCE}/.default.`);
      }
    }
    return `${PARTNER_CENTER_RESOURCE}/.default`;
  }

  /** The app named by client_id, with its secret checked; the tenant in the path must be the app's organisation (or common/organizations). */
  async function authenticateClient(request: TokenRequest) {
    if (request.clientAssertion !== undefined) {
      throw new TokenError(400, 'invalid_request', 900144, 'AADSTS900144: Partnerdesk apps sign in with a client secret (client_secret); certificate credentials (client_assertion) are not supported.');
    }
    if (!request.clientId) throw new TokenError(400, 'invalid_request', 900144, "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
    const app = GUID.test(request.clientId) ? await repo.findApp(db, request.clientId.toLowerCase()) : undefined;
    const tenant = request.tenant.toLowerCase();
    const tenantMatches = app && (tenant === 'common' || tenant === 'organizations' || tenant === app.partner_id);
    if (!app || !tenantMatches) {
      throw new TokenError(400, 'unauthorized_client', 700016, `AADSTS700016: Application with identifier '${request.clientId}' was not found in the directory '${request.tenant}'. Check the application id and the tenant (your organization's id) in the token URL.`);
    }
    if (!request.clientSecret) {
      throw new TokenError(401, 'invalid_client', 7000218, "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    const now = clock.now();
    const secret = await repo.findLiveSecret(db, app.id, sha256(request.clientSecret), now);
    if (!secret) throw new TokenError(401, 'invalid_client', 7000215, 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to the app.');
    if (secret.expired) throw new TokenError(401, 'invalid_client', 7000222, `AADSTS7000222: The provided client secret keys for app '${app.id}' are expired. Create a new secret on the Apps page.`);
    if (!secret.last_used_at || now.getTime() - secret.last_used_at.getTime() > 60_000) await repo.touchSecret(db, secret.id, now);
    return app;
  }

  /** A JWT signed with the current key, issued for the organisation, living as long as an access token. */
  async function signed(claims: Record<string, unknown>, { tenantId, audience, subject }: { tenantId: string; audience: string; subject: string }) {
    const key = await keys.current();
    const now = Math.floor(clock.now().getTime() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: 'JWT', kid: key.kid })
      .setIssuer(issuerOf(tenantId))
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + accessTokenTtlSeconds)
      .sign(key.privateKey);
  }

  async function accessToken(app: repo.AppRow, subject: { userId: string; email: string | null; name: string }, appOnly: boolean) {
    const claims: Record<string, unknown> = {
      tid: app.partner_id,
      appid: app.id,
      azp: app.id,
      appidacr: '1',
      oid: subject.userId,
      name: subject.name,
      idtyp: appOnly ? 'app' : 'user',
      ver: '2.0',
      uti: ids.uuid(),
    };
    if (appOnly) claims['roles'] = app.roles;
    else {
      claims['scp'] = 'user_impersonation';
      claims['upn'] = subject.email;
      claims['unique_name'] = subject.email;
    }
    const token = await signed(claims, { tenantId: app.partner_id, audience: PARTNER_CENTER_RESOURCE, subject: subject.userId });
    return { token_type: 'Bearer' as const, expires_in: accessTokenTtlSeconds, ext_expires_in: accessTokenTtlSeconds, access_token: token };
  }

  /**
   * What the platform adds for a user when asked (MSAL always asks): an ID token where the scope has
   * `openid`, and `client_info` (the user's and tenant's ids, base64url JSON) for `client_info=1`. MSAL
   * makes the account it renews silently from them.
   */
  async function userIdentity(app: repo.AppRow, user: { id: string; email: string; displayName: string }, request: TokenRequest) {
    const identity: { id_token?: string; client_info?: string } = {};
    if ((request.scope ?? '').split(/\s+/).includes('openid')) {
      const claims = { tid: app.partner_id, oid: user.id, name: user.displayName, preferred_username: user.email, ver: '2.0' };
      identity.id_token = await signed(claims, { tenantId: app.partner_id, audience: app.id, subject: user.id });
    }
    if (request.clientInfo) identity.client_info = Buffer.from(JSON.stringify({ uid: user.id, utid: app.partner_id })).toString('base64url');
    return identity;
  }

  async function issueRefreshToken(appId: string, userId: string, familyId: string) {
    const token = randomSecret(REFRESH_PREFIX, 48);
    const row = await repo.insertRefreshToken(db, { id: ids.uuid(), appId, userId, familyId, tokenHash: sha256(token), expiresAt: new Date(clock.now().getTime() + REFRESH_TTL_MS) });
    return { token, expiresAt: row.expires_at };
  }

  return {
    async list(principal: Principal) {
      manage(principal);
      const apps = await repo.listApps(db, principal.user.partner.id);
      const secrets = await repo.listSecrets(db, apps.map((app) => app.id));
      return apps.map((app) => toApp(app, secrets));
    },

    /** Apps any user of the organisation may make a refresh token for (id and name only). */
    async listForSignIn(principal: Principal) {
      const apps = await repo.listApps(db, principal.user.partner.id);
      return apps.map((app) => ({ id: app.id, displayName: app.display_name }));
    },

    async create(principal: Principal, input: { displayName: string; roles: Role[] }) {
      manage(principal);
      const appId = ids.uuid();
      const serviceUserId = ids.uuid();
      const roles = [...new Set(input.roles)];
      await db.transaction().execute(async (trx) => {
        await repo.insertApp(trx, { id: appId, partnerId: principal.user.partner.id, serviceUserId, displayName: input.displayName, roles, createdBy: principal.user.id });
        await recordAudit(trx, ids, principal, { operationType: 'create_app_registration', resourceType: 'app_registration', resourceId: appId, newValue: { displayName: input.displayName, roles } }, clock.now());
      });
      const app = await ownApp(principal, appId);
      return toApp(app, []);
    },

    async remove(principal: Principal, appId: string) {
      manage(principal);
      const app = await ownApp(principal, appId);
      await db.transaction().execute(async (trx) => {
        await repo.deleteApp(trx, app, clock.now());
        await recordAudit(trx, ids, principal, { operationType: 'delete_app_registration', resourceType: 'app_registration', resourceId: app.id, newValue: { displayName: app.display_name } }, clock.now());
      });
    },

    async addSecret(principal: Principal, appId: string, input: { description: string; expiresInDays: number }) {
      manage(principal);
      const app = await ownApp(principal, appId);
      const secret = randomSecret(SECRET_PREFIX, 30);
      const now = clock.now();
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await repo.insertSecret(trx, {
          id: ids.uuid(),
          appId: app.id,
          description: input.description,
          hint: secret.slice(0, 7),
          secretHash: sha256(secret),
          createdBy: principal.user.id,
          expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
        });
        await recordAudit(trx, ids, principal, { operationType: 'add_app_secret', resourceType: 'app_registration', resourceId: app.id, newValue: { secretId: inserted.id, description: input.description, expiresAt: inserted.expires_at.toISOString() } }, now);
        return inserted;
      });
      return { ...toSecret(row), secret };
    },

    async revokeSecret(principal: Principal, appId: string, secretId: string) {
      manage(principal);
      const app = await ownApp(principal, appId);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.revokeSecret(trx, app.id, secretId, clock.now()))) throw new DomainError('not_found', 'No live secret with this id on this app.');
        await recordAudit(trx, ids, principal, { operationType: 'revoke_app_secret', resourceType: 'app_registration', resourceId: app.id, newValue: { secretId } }, clock.now());
      });
    },

    /** App + user: the signed-in user makes a refresh token for one of its organisation's apps (shown once). */
    async createRefreshToken(principal: Principal, appId: string) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'tokens.manage_own');
      const app = await repo.findApp(db, appId);
      if (!app || app.partner_id !== principal.user.partner.id) throw new DomainError('not_found', 'No app registration with this id in your organization.');
      const issued = await issueRefreshToken(app.id, principal.user.id, ids.uuid());
      return { appId: app.id, refreshToken: issued.token, expiresAt: issued.expiresAt.toISOString() };
    },

    async listGrants(principal: Principal) {
      const rows = await repo.listUserGrants(db, principal.user.id, clock.now());
      return rows.map((row) => ({
        id: row.family_id,
        appId: row.app_id,
        appName: row.app_name,
        createdAt: new Date(row.created_at).toISOString(),
        lastUsedAt: new Date(row.last_used_at).toISOString(),
        expiresAt: new Date(row.expires_at).toISOString(),
      }));
    },

    async revokeGrant(principal: Principal, familyId: string) {
      if (!(await repo.revokeUserGrant(db, principal.user.id, familyId, clock.now()))) throw new DomainError('not_found', 'No app sign-in with this id.');
    },

    /** `POST /{tenant}/oauth2/v2.0/token`: client credentials (app-only) or a refresh token (app + user, rotated). */
    async token(request: TokenRequest) {
      if (!request.grantType) throw new TokenError(400, 'invalid_request', 900144, "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
      if (request.grantType === 'client_credentials') {
        const scope = scopeOf(request.scope, 'client_credentials');
        const app = await authenticateClient(request);
        return { ...(await accessToken(app, { userId: app.service_user_id, email: null, name: app.display_name }, true)), scope };
      }
      if (request.grantType === 'refresh_token') {
        if (!request.refreshToken) throw new TokenError(400, 'invalid_request', 900144, "AADSTS900144: The request body must contain the following parameter: 'refresh_token'.");
        const scope = scopeOf(request.scope ?? `${PARTNER_CENTER_RESOURCE}/.default`, 'refresh_token');
        const app = await authenticateClient(request);
        const now = clock.now();
        const found = await repo.findRefreshToken(db, sha256(request.refreshToken));
        if (!found || found.app_id !== app.id) throw new TokenError(400, 'invalid_grant', 9002313, 'AADSTS9002313: Invalid request. The refresh token is malformed or not valid for this application.');
        if (found.revoked_at) throw new TokenError(400, 'invalid_grant', 50173, 'AADSTS50173: The provided grant has expired due to it being revoked. Make a new refresh token on the Apps page.');
        if (found.expires_at <= now) throw new TokenError(400, 'invalid_grant', 700082, 'AADSTS700082: The refresh token has expired due to inactivity. Make a new refresh token on the Apps page.');
        const user = await auth.activeUser(found.user_id);
        if (!user) throw new TokenError(400, 'invalid_grant', 50057, 'AADSTS50057: The user account is disabled.');
        // As the identity platform: each use brings a new refresh token, and the one used stays valid until
        // it expires or its sign-in is revoked (decision 015); programs that keep one token work.
        await repo.touchRefreshToken(db, found.id, now);
        const next = await issueRefreshToken(app.id, user.id, found.family_id);
        return {
          ...(await accessToken(app, { userId: user.id, email: user.email, name: user.displayName }, false)),
          scope: `${scope} offline_access`,
          refresh_token: next.token,
          ...(await userIdentity(app, user, request)),
        };
      }
      throw new TokenError(400, 'unsupported_grant_type', 70003, `AADSTS70003: The app requested an unsupported grant type '${request.grantType}'. Partnerdesk takes client_credentials and refresh_token.`);
    },

    /** The caller of a JWT bearer token, or undefined: bad signature, expired, unknown key, the app deleted or the user deactivated. */
    async authenticate(token: string): Promise<Principal | undefined> {
      let header;
      try {
        header = decodeProtectedHeader(token);
      } catch {
        return undefined;
      }
      if (header.alg !== SIGNING_ALGORITHM || typeof header.kid !== 'string') return undefined;
      const key = await keys.publicKey(header.kid);
      if (!key) return undefined;
      let payload;
      try {
        ({ payload } = await jwtVerify(token, key, { algorithms: [SIGNING_ALGORITHM], audience: audiences, clockTolerance: 60, currentDate: clock.now() }));
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) return undefined;
        throw error;
      }
      const appId = typeof payload['appid'] === 'string' ? payload['appid'] : undefined;
      const tid = typeof payload['tid'] === 'string' ? payload['tid'] : undefined;
      if (!appId || !tid || payload.iss !== issuerOf(tid) || typeof payload.sub !== 'string') return undefined;
      const app = await repo.findApp(db, appId);
      if (!app || app.partner_id !== tid) return undefined;
      const appOnly = payload['idtyp'] === 'app';
      if (appOnly && payload.sub !== app.service_user_id) return undefined;
      const user = await auth.activeUser(payload.sub);
      if (!user || user.partner.id !== app.partner_id) return undefined;
      return { ...principalOf(user, 'token'), app: { id: app.id, name: app.display_name, appOnly } };
    },

    jwks: () => keys.jwks(),

    /** The identity platform's discovery document, for libraries that read the authority's metadata. */
    openidConfiguration(tenant: string) {
      const base = `${publicUrl}/${tenant}`;
      return {
        issuer: issuerOf(tenant),
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        grant_types_supported: ['client_credentials', 'refresh_token'],
        response_types_supported: ['code'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid', 'upn', 'name'],
        tenant_region_scope: null,
      };
    },
  };
}

export type AppsService = ReturnType<typeof createAppsService>;
