import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_HEADER } from '#contracts/auth.ts';
import { errorResponseSchema } from '#contracts/common.ts';
import {
  TENANT_SESSION_COOKIE,
  tenantPartnerListSchema,
  tenantPasswordChangeSchema,
  tenantRequestRefSchema,
  tenantRequestViewSchema,
  tenantSessionSchema,
  tenantSignInRequestSchema,
} from '#contracts/tenant.ts';
import { DomainError } from '#domain/errors.ts';
import type { TenantPrincipal, TenantService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * /api/tenant (ours): the customer's global admin, on its own session cookie. The partner portal's
 * authentication does not apply (the routes are public to it); each route resolves the admin here, and
 * a write must carry the session's X-CSRF-Token.
 */
export const tenantRoutes: FastifyPluginAsyncZod<{ tenant: TenantService; cookieSecure: boolean }> = async (app, { tenant, cookieSecure }) => {
  async function admin(request: FastifyRequest): Promise<TenantPrincipal> {
    const cookie = request.cookies[TENANT_SESSION_COOKIE];
    const principal = cookie ? await tenant.authenticate(cookie) : undefined;
    if (!principal) throw new DomainError('unauthenticated', "Sign in with the customer's admin account first.");
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== principal.csrfToken) {
      throw new DomainError('csrf_failed', 'The request has no valid X-CSRF-Token header. Reload the page and try again.');
    }
    return { ...principal, trace: { correlationId: request.correlationId, requestId: request.msRequestId } };
  }

  app.post('/api/tenant/session', {
    config: { auth: 'public' },
    schema: { tags: ['tenant'], summary: "Sign in as a customer's global admin (admin@<domain>)", body: tenantSignInRequestSchema, response: { 200: tenantSessionSchema, ...errors } },
  }, async (request, reply) => {
    const { token, session } = await tenant.signIn(request.body.userPrincipalName, request.body.password, request.ip);
    reply.setCookie(TENANT_SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieSecure, expires: new Date(session.expiresAt) });
    return session;
  });

  app.get('/api/tenant/session', {
    config: { auth: 'public' },
    schema: { tags: ['tenant'], summary: "The signed-in customer admin, and whether its password must be changed", response: { 200: tenantSessionSchema, ...errors } },
  }, async (request) => tenant.session(await admin(request)));

  app.delete('/api/tenant/session', {
    config: { auth: 'public' },
    schema: { tags: ['tenant'], summary: 'Sign the customer admin out', response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await tenant.signOut(await admin(request));
    reply.clearCookie(TENANT_SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post('/api/tenant/password', {
    config: { auth: 'public' },
    schema: { tags: ['tenant'], summary: "Change the customer admin's password (required after a temporary one)", body: tenantPasswordChangeSchema, response: { 200: tenantSessionSchema, ...errors } },
  }, async (request) => tenant.changePassword(await admin(request), request.body.currentPassword, request.body.newPassword));

  app.post('/api/tenant/requests/view', {
    config: { auth: 'public' },
    schema: { tags: ['tenant'], summary: 'Who asks for a relationship, and whether the link can still be answered (the link is the secret: no sign-in)', body: tenantRequestRefSchema, response: { 200: tenantRequestViewSchema, ...errors } },
  }, async (request) => tenant.view(request.body));

  app.post('/api/tenant/requests/accept', {
    config: { auth: 'public' },
    schema: { tags: ['tenant'], summary: 'Accept a relationship request: the partner (and the other tier it names) has the customer at once', body: tenantRequestRefSchema, response: { 200: z.object({ partners: z.array(z.guid()) }), ...errors } },
  }, async (request) => tenant.accept(await admin(request), request.body));

  app.post('/api/tenant/requests/decline', {
    config: { auth: 'public' },
    schema: { tags: ['tenant'], summary: 'Decline a personal invitation', body: z.object({ token: z.string().min(1).max(200) }), response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await tenant.decline(await admin(request), request.body);
    return reply.status(204).send(null);
  });

  app.get('/api/tenant/partners', {
    config: { auth: 'public' },
    schema: { tags: ['tenant'], summary: "The customer's partners", response: { 200: tenantPartnerListSchema, ...errors } },
  }, async (request) => {
    const items = await tenant.partners(await admin(request));
    return { items, totalCount: items.length };
  });

  app.delete('/api/tenant/partners/:partnerId', {
    config: { auth: 'public' },
    schema: { tags: ['tenant'], summary: 'Remove a partner: it loses access to the customer at once (audited)', params: z.object({ partnerId: z.guid('partnerId must be a GUID') }), response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await tenant.removePartner(await admin(request), request.params.partnerId);
    return reply.status(204).send(null);
  });
};
