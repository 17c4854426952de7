import fp from 'fastify-plugin';
import fastifyHelmet from '@fastify/helmet';

const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * What the portal may load: its own scripts only; styles also inline, because Fluent UI (Griffel) writes
 * its CSS into <style> elements at run time and index.html has one; images also as data: URLs (the
 * favicon, swagger UI's logo). Nothing may frame it. /docs (swagger UI) lives within the same policy.
 */
export function contentSecurityPolicy(https: boolean) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      ...(https ? { upgradeInsecureRequests: [] } : {}),
    },
  };
}

/**
 * Security headers on every answer (@fastify/helmet): the CSP above, `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY`, and HSTS when the public URL is https (or the
 * request came over https, e.g. through a trusted proxy). And `Cache-Control: no-store` on every answer
 * that does not choose its own: API answers are one caller's data, and some carry passwords or tokens
 * (credentials of a new customer, a password reset, access tokens, the session's CSRF token). Caching is
 * allowed only where a route says so (the portal's hashed assets).
 */
export const securityHeadersPlugin = fp<{ publicUrl: string }>(
  async (app, { publicUrl }) => {
    const https = publicUrl.startsWith('https:');
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: contentSecurityPolicy(https),
      strictTransportSecurity: https ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false } : false,
      xFrameOptions: { action: 'deny' },
    });
    if (!https) {
      app.addHook('onRequest', async (request, reply) => {
        if (request.protocol === 'https') reply.header('strict-transport-security', `max-age=${HSTS_MAX_AGE_SECONDS}`);
      });
    }
    app.addHook('onSend', async (_request, reply) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'security-headers' },
);
