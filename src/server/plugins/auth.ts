import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '#domain/errors.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '#contracts/auth.ts';
import type { Principal } from '#server/lib/principal.ts';
import type { AuthService } from '#server/modules/auth/service.ts';
import type { AppsService } from '#server/modules/apps/service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyContextConfig {
    /**
     * `public` routes need no caller (bad credentials are ignored, valid ones still identify the caller);
     * `optional` ones neither, but a session caller's write there still needs its CSRF token; `none`: no
     * caller is looked up at all (the portal's files, which a browser fetches by the dozen with its session
     * cookie: a lookup each would queue them behind the database); every other route needs a signed-in
     * user or a token.
     */
    auth?: 'public' | 'optional' | 'required' | 'none';
    /**
     * `app+user`: a call Partner Center allows only with app + user credentials ("This scenario only
     * supports App+User authentication" on its page): an app-only token is refused.
     */
    credentials?: 'app+user';
    /**
     * Served to a user whose password was set by someone else and not yet changed (the session, sign-out,
     * the password change itself); every other route refuses that user with 403 `password_change_required`.
     */
    allowWithTemporaryPassword?: true;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from `Authorization: Bearer` (scripts) or the session cookie (the portal).
 * Cookie-authenticated writes must carry the session's CSRF token in X-CSRF-Token.
 */
export const authPlugin = fp<{ auth: AuthService; apps: AppsService }>(
  async (app, { auth, apps }) => {
    app.decorateRequest('principal', undefined);
    // onRequest: an unauthenticated caller learns nothing about the body's validity.
    app.addHook('onRequest', async (request) => {
      // No route matched (url undefined): the not-found handler answers without a caller.
      const mode = request.routeOptions.url === undefined ? 'none' : (request.routeOptions.config.auth ?? 'required');
      if (mode === 'none') return;
      // A public or optional route answers anyone: credentials it cannot use (a stale token) are no reason to refuse.
      const lenient = mode === 'public' || mode === 'optional';
      request.principal = await resolvePrincipal(request, auth, apps).catch((error: unknown) => {
        if (lenient && error instanceof DomainError && error.code === 'unauthenticated') return undefined;
        throw error;
      });
      if (mode === 'public') return;
      if (!request.principal) {
        if (mode === 'optional') return;
        throw new DomainError('unauthenticated', 'Sign in, or send Authorization: Bearer <token>.');
      }
      const appToken = request.principal.app;
      if (appToken && request.routeOptions.url?.startsWith('/api/')) {
        // The portal's own calls (its session, tokens, apps) are not for programs: an app's token cannot make another.
        throw new DomainError('app_only_not_supported', "The portal's /api calls take a session or a personal token, not an app's access token.");
      }
      if (appToken?.appOnly && request.routeOptions.config.credentials === 'app+user') {
        throw new DomainError('app_only_not_supported', "This resource can't be accessed by application credentials: sign in with app + user credentials (a refresh token made on the Apps page).");
      }
      if (request.principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || sent !== request.principal.csrfToken) {
          throw new DomainError('csrf_failed', 'The request has no valid X-CSRF-Token header. Reload the page and try again.');
        }
      }
      if (request.principal.user.mustChangePassword && !request.routeOptions.config.allowWithTemporaryPassword) {
        throw new DomainError('password_change_required', 'Your password was set by someone else: change it first (POST /api/account/password, or the portal\'s Change password page).');
      }
    });
  },
  { name: 'auth', dependencies: ['errors'] },
);

/** A JWT (three base64url parts): an app's access token from the token endpoint; anything else one of ours. */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

async function resolvePrincipal(request: FastifyRequest, auth: AuthService, apps: AppsService): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1];
    const principal = token ? await (JWT.test(token) ? apps.authenticate(token) : auth.authenticateBearer(token)) : undefined;
    if (!principal) throw new DomainError('unauthenticated', 'The bearer token is not valid, expired or revoked.');
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? auth.authenticateSession(cookie) : undefined;
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('unauthenticated', 'Sign in first.');
  return { ...request.principal, trace: { correlationId: request.correlationId, requestId: request.msRequestId } };
}
