import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appGrantListSchema,
  appRegistrationListSchema,
  appRegistrationSchema,
  createAppRequestSchema,
  createSecretRequestSchema,
  createdRefreshTokenSchema,
  createdSecretSchema,
  tokenErrorSchema,
  tokenResponseSchema,
} from '#contracts/apps.ts';
import { errorResponseSchema } from '#contracts/common.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import { TokenError, type AppsService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const appParams = z.object({ appId: z.guid('appId must be a GUID') });

/** The portal's App management (Account → Apps): global admins register apps and their secrets; every user makes its own refresh tokens. */
export const appsRoutes: FastifyPluginAsyncZod<{ apps: AppsService }> = async (app, { apps }) => {
  app.get('/api/apps', {
    schema: { tags: ['apps'], summary: "My organization's app registrations and their secrets (global admins)", response: { 200: appRegistrationListSchema, ...errors } },
  }, async (request) => ({ items: await apps.list(requirePrincipal(request)) }));

  app.get('/api/apps/sign-in', {
    schema: {
      tags: ['apps'],
      summary: 'The apps I may make a refresh token for, and my app sign-ins',
      response: { 200: appGrantListSchema.extend({ apps: z.array(z.object({ id: z.guid(), displayName: z.string() })) }), ...errors },
    },
  }, async (request) => {
    const principal = requirePrincipal(request);
    return { apps: await apps.listForSignIn(principal), items: await apps.listGrants(principal) };
  });

  app.post('/api/apps', {
    schema: { tags: ['apps'], summary: 'Register an app (global admins)', body: createAppRequestSchema, response: { 201: appRegistrationSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await apps.create(requirePrincipal(request), request.body)));

  app.delete('/api/apps/:appId', {
    schema: { tags: ['apps'], summary: 'Delete an app: its secrets, refresh tokens and access tokens stop at once', params: appParams, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await apps.remove(requirePrincipal(request), request.params.appId);
    return reply.status(204).send(null);
  });

  app.post('/api/apps/:appId/secrets', {
    schema: { tags: ['apps'], summary: 'Add a client secret (shown once)', params: appParams, body: createSecretRequestSchema, response: { 201: createdSecretSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await apps.addSecret(requirePrincipal(request), request.params.appId, request.body)));

  app.delete('/api/apps/:appId/secrets/:secretId', {
    schema: { tags: ['apps'], summary: 'Revoke a client secret (it stops working at once)', params: appParams.extend({ secretId: z.guid('secretId must be a GUID') }), response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await apps.revokeSecret(requirePrincipal(request), request.params.appId, request.params.secretId);
    return reply.status(204).send(null);
  });

  app.post('/api/apps/:appId/refresh-tokens', {
    schema: { tags: ['apps'], summary: 'Make a refresh token for the app acting as me (app + user; shown once)', params: appParams, response: { 201: createdRefreshTokenSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await apps.createRefreshToken(requirePrincipal(request), request.params.appId)));

  app.delete('/api/apps/sign-ins/:grantId', {
    schema: { tags: ['apps'], summary: "Revoke one of my app sign-ins (its refresh tokens stop at once)", params: z.object({ grantId: z.guid('grantId must be a GUID') }), response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await apps.revokeGrant(requirePrincipal(request), request.params.grantId);
    return reply.status(204).send(null);
  });
};

const tenantParams = z.object({ tenant: z.string().min(1).max(100) });

/**
 * The token endpoint and the metadata, shaped like the Microsoft identity platform's v2 endpoints, so a
 * program changes only its authority (https://login.microsoftonline.com → this server). Form-encoded
 * bodies only here; answers and refusals in the platform's shapes, not ours.
 */
export const identityRoutes: FastifyPluginAsyncZod<{ apps: AppsService }> = async (app, { apps }) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_request, body, done) => {
    const params = new URLSearchParams(body as string);
    done(null, Object.fromEntries(params.entries()));
  });

  app.post('/:tenant/oauth2/v2.0/token', {
    config: { auth: 'public' },
    schema: {
      tags: ['identity'],
      summary: 'Get an access token (client_credentials: app-only; refresh_token: app + user), form-encoded as the identity platform takes it',
      params: tenantParams,
      response: { 200: tokenResponseSchema, 400: tokenErrorSchema, 401: tokenErrorSchema },
    },
  }, async (request, reply) => {
    const form = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const text = (name: string) => (typeof form[name] === 'string' && form[name] !== '' ? (form[name] as string) : undefined);
    const basic = basicCredentials(request.headers.authorization);
    // The platform's answers are never cached (its headers), and carry no cookies.
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    try {
      if (!request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        throw new TokenError(400, 'invalid_request', 900144, 'AADSTS900144: The request body must be form-encoded (Content-Type: application/x-www-form-urlencoded) and contain grant_type.');
      }
      return await apps.token({
        tenant: request.params.tenant,
        grantType: text('grant_type'),
        clientId: text('client_id') ?? basic?.id,
        clientSecret: text('client_secret') ?? basic?.secret,
        scope: text('scope'),
        refreshToken: text('refresh_token'),
        clientAssertion: text('client_assertion'),
        clientInfo: text('client_info') === '1',
      });
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
      const traceId = request.id;
      return reply.status(error.status).send({
        error: error.error,
        error_description: `${error.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${request.correlationId}\r\nTimestamp: ${timestamp}`,
        error_codes: [error.aadsts],
        timestamp,
        trace_id: traceId,
        correlation_id: request.correlationId,
        error_uri: `${request.protocol}://${request.host}/error?code=${error.aadsts}`,
      });
    }
  });

  app.get('/:tenant/discovery/v2.0/keys', {
    config: { auth: 'public' },
    schema: { tags: ['identity'], summary: 'The public keys that verify access tokens (JWKS)', params: tenantParams, response: { 200: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return apps.jwks();
  });

  app.get('/:tenant/v2.0/.well-known/openid-configuration', {
    config: { auth: 'public' },
    schema: { tags: ['identity'], summary: "The authority's metadata (OpenID Connect discovery)", params: tenantParams, response: { 200: z.record(z.string(), z.unknown()) } },
  }, async (request) => apps.openidConfiguration(request.params.tenant));
};

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: each part is form-encoded before it is joined.
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
