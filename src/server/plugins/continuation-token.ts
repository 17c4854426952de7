import fp from 'fastify-plugin';
import { CONTINUATION_HEADER } from '#contracts/common.ts';
import { continuationError } from '#server/lib/continuation.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route pages with MS-ContinuationToken and checks the tokens it issued. */
    continuationToken?: boolean;
  }
}

/**
 * SPEC §9, issue 8: a continuation token that no route issued is refused at the edge, as the customers
 * list refuses a forged one (400 naming MS-ContinuationToken), rather than silently answering page one.
 * The lists that issue tokens (customers, relationship invitations, audit records) say so in their config.
 */
export const continuationTokenPlugin = fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      if (request.is404 || request.routeOptions.config.continuationToken) return;
      if (request.headers[CONTINUATION_HEADER] === undefined || !request.routeOptions.url?.startsWith('/v1/')) return;
      throw continuationError('The MS-ContinuationToken is not valid for this query: this list is not paged with one. Send the request without it.');
    });
  },
  { name: 'continuation-token', dependencies: ['errors'] },
);
