import fp from 'fastify-plugin';
import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { Db } from '#db/database.ts';
import { errorResponseSchema } from '#contracts/common.ts';
import { DomainError } from '#domain/errors.ts';
import { databaseRateLimitStore } from '#server/lib/rate-limit-store.ts';

export interface RateLimitOptions {
  /** API_RATE_LIMIT_PER_MINUTE; 0 turns the limit off. */
  perMinute: number;
  /** `database`: counters in a table every process sees (PostgreSQL); `memory`: this process's (PGlite). */
  store: 'database' | 'memory';
  db: Db;
}

/** The API: the Partner Center routes and the portal's own. Not the portal's files, health or the docs. */
const API_ROUTE = /^\/(v1|api)(\/|$)/;

/**
 * Issue 8: the API rate limit (@fastify/rate-limit), per partner organisation, and per client address
 * for callers without credentials. Its hook is added to each route's own `onRequest` hooks, which run
 * after the application's: the auth plugin has resolved the caller by then. Fixed windows of a minute;
 * the IETF draft's RateLimit-Limit/-Remaining/-Reset on every answer, Retry-After on a 429, which is
 * Partner Center's throttling answer (status and code 429, "Rate limit is exceeded. Try again in N
 * seconds.") in our error shape.
 */
export const rateLimitPlugin = fp<RateLimitOptions>(
  async (app, { perMinute, store, db }) => {
    if (perMinute === 0) return;
    // Before the plugin's own onRoute hook, which reads `config.rateLimit`.
    app.addHook('onRoute', (route) => {
      if (!API_ROUTE.test(route.url)) {
        route.config = { ...route.config, rateLimit: false };
        return;
      }
      const responses = route.schema?.response;
      if (responses && typeof responses === 'object' && !(429 in responses)) {
        route.schema = { ...route.schema, response: { ...responses, 429: errorResponseSchema } };
      }
    });
    await app.register(fastifyRateLimit, {
      max: perMinute,
      timeWindow: 60_000,
      hook: 'onRequest',
      enableDraftSpec: true,
      skipOnError: true,
      ...(store === 'database' ? { store: databaseRateLimitStore(db, app.log) } : {}),
      keyGenerator: rateLimitKey,
      errorResponseBuilder: (_request, context) =>
        new DomainError('rate_limited', `Rate limit is exceeded. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
    });
  },
  { name: 'rate-limit', dependencies: ['auth', 'errors'] },
);

/** The caller's partner organisation; without credentials, the client's address (an IPv6 /64 as one). */
function rateLimitKey(request: FastifyRequest): string {
  return request.principal ? `partner:${request.principal.user.partner.id}` : `address:${normalizeIP(request.ip)}`;
}
