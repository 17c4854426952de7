import fp from 'fastify-plugin';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '#contracts/common.ts';

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string;
    msRequestId: string | undefined;
  }
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A header value usable as an id, or undefined (header and log injection). */
export function safeId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && SAFE_ID.test(value) ? value : undefined;
}

/**
 * Every response echoes MS-RequestId and MS-CorrelationId (SPEC §5); the log lines of the request carry
 * them (see `childLoggerFactory` in app.ts). A value that is not a plain id is neither echoed nor logged.
 */
export const requestIdsPlugin = fp(
  async (app) => {
    app.decorateRequest('correlationId', '');
    app.decorateRequest('msRequestId', undefined);
    app.addHook('onRequest', async (request, reply) => {
      const correlation = request.headers[CORRELATION_ID_HEADER];
      const requestId = request.headers[REQUEST_ID_HEADER];
      request.correlationId = safeId(correlation) ?? request.id;
      request.msRequestId = safeId(requestId);
      reply.header('MS-CorrelationId', request.correlationId);
      reply.header('MS-RequestId', request.msRequestId ?? request.id);
    });
  },
  { name: 'request-ids' },
);
