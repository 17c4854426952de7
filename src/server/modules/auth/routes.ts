import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DEVICE_COOKIE,
  SESSION_COOKIE,
  accessTokenResponseSchema,
  apiTokenListSchema,
  createTokenRequestSchema,
  createdTokenSchema,
  sessionResponseSchema,
  signInRequestSchema,
} from '#contracts/auth.ts';
import { errorResponseSchema } from '#contracts/common.ts';
import { allowedActions, deniedActions } from '#domain/roles.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { Principal } from '#server/lib/principal.ts';
import type { AuthService } from './service.ts';

export interface AuthRoutesOptions {
  auth: AuthService;
  cookieSecure: boolean;
}

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 429: errorResponseSchema };

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth, cookieSecure }) => {
  const sessionBody = (principal: Principal, expiresAt: Date) => ({
    user: {
      id: principal.user.id,
      email: principal.user.email,
      displayName: principal.user.displayName,
      roles: principal.user.roles,
      mustChangePassword: principal.user.mustChangePassword,
      actions: allowedActions(principal.user.partner, principal.user.roles),
      deniedActions: deniedActions(principal.user.partner, principal.user.roles),
      partner: {
        id: principal.user.partner.id,
        name: principal.user.partner.name,
        kind: principal.user.partner.kind,
        mpnId: principal.user.partner.mpnId,
        instance: principal.user.partner.instanceId,
        domainSuffix: principal.user.partner.domainSuffix,
        markets: principal.user.partner.markets,
        relationshipRequests: principal.user.partner.relationshipRequests,
      },
    },
    csrfToken: principal.csrfToken ?? '',
    expiresAt: expiresAt.toISOString(),
  });

  app.post('/api/session', {
    config: { auth: 'public' },
    schema: { tags: ['portal'], summary: 'Sign in to the portal (sets the session cookie)', body: signInRequestSchema, response: { 200: sessionResponseSchema, ...errors } },
  }, async (request, reply) => {
    const { token, expiresAt, device, principal } = await auth.signIn(request.body.email, request.body.password, {
      ip: request.ip,
      deviceToken: request.cookies[DEVICE_COOKIE],
      sessionToken: request.cookies[SESSION_COOKIE],
    });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: cookieSecure,
      expires: expiresAt,
    });
    // Read only when signing in: it tells the throttle this browser has signed in to the account before.
    reply.setCookie(DEVICE_COOKIE, device.token, { path: '/api/session', httpOnly: true, sameSite: 'strict', secure: cookieSecure, expires: device.expiresAt });
    return sessionBody(principal, expiresAt);
  });

  app.get('/api/session', {
    config: { allowWithTemporaryPassword: true },
    schema: { tags: ['portal'], summary: 'The signed-in user and the CSRF token', response: { 200: sessionResponseSchema, 401: errorResponseSchema } },
  }, async (request) => {
    const principal = requirePrincipal(request);
    return sessionBody(principal, principal.sessionExpiresAt ?? new Date());
  });

  app.delete('/api/session', {
    // No session needed to sign out, but a session's sign-out needs its CSRF token.
    config: { auth: 'optional', allowWithTemporaryPassword: true },
    schema: { tags: ['portal'], summary: 'Sign out', response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    if (request.principal?.via === 'session') await auth.signOut(request.principal);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post('/v1/auth/token', {
    config: { auth: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Exchange email and password for a bearer token (for scripts)',
      body: signInRequestSchema,
      response: { 200: accessTokenResponseSchema, ...errors },
    },
  }, async (request) => auth.issueAccessToken(request.body.email, request.body.password, { ip: request.ip, deviceToken: request.cookies[DEVICE_COOKIE] }));

  app.get('/api/tokens', {
    schema: { tags: ['portal'], summary: 'My API tokens: personal ones and those from POST /v1/auth/token', response: { 200: apiTokenListSchema, 401: errorResponseSchema } },
  }, async (request) => ({ items: await auth.listTokens(requirePrincipal(request).user.id) }));

  app.post('/api/tokens', {
    schema: { tags: ['portal'], summary: 'Create a personal API token (shown once)', body: createTokenRequestSchema, response: { 201: createdTokenSchema, ...errors } },
  }, async (request, reply) => {
    const created = await auth.createPersonalToken(requirePrincipal(request).user.id, request.body);
    return reply.status(201).send(created);
  });

  app.delete('/api/tokens/:id', {
    schema: { tags: ['portal'], summary: 'Revoke one of my API tokens (it stops working at once)', params: z.object({ id: z.guid() }), response: { 204: z.null(), 404: errorResponseSchema, ...errors } },
  }, async (request, reply) => {
    await auth.revokeToken(requirePrincipal(request).user.id, request.params.id);
    return reply.status(204).send(null);
  });
};
