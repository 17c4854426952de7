import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '#domain/errors.ts';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import type { IdempotencyKey, Outcome } from './idempotency.ts';
import type { Principal } from './principal.ts';

/**
 * The idempotency key of a write (SPEC §5): the caller's partner + method + route + MS-RequestId.
 * No header, no idempotency; a header that is not a plain id is refused rather than ignored.
 */
export function idempotencyKeyOf(request: FastifyRequest, principal: Principal): IdempotencyKey | undefined {
  const header = request.headers[REQUEST_ID_HEADER];
  if (header === undefined) return undefined;
  if (!request.msRequestId) {
    const message = 'MS-RequestId must be an id of 1 to 128 letters, digits and . _ : - (a GUID is usual).';
    throw new DomainError('invalid_input', message, [{ field: 'MS-RequestId', code: 'invalid_request_id', message }]);
  }
  return { partnerId: principal.user.partner.id, method: request.method, route: resolvedRoute(request), requestId: request.msRequestId };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The route the request matched, with its ids as they were resolved (decoded, GUIDs in lower case): the
 * same customer written `6E09…` or `%36e09…` is the same key, whatever the raw URL looked like.
 */
export function resolvedRoute(request: FastifyRequest): string {
  const pattern = request.routeOptions.url ?? request.url.split('?')[0]!;
  const params = (request.params ?? {}) as Record<string, unknown>;
  return pattern.replace(/:(\w+)/g, (whole, name: string) => {
    const value = params[name];
    if (typeof value !== 'string') return whole;
    return GUID.test(value) ? value.toLowerCase() : encodeURIComponent(value);
  });
}

/** Sends an idempotent write's answer; a replay says so in `Idempotent-Replayed`. */
export function sendOutcome(reply: FastifyReply, outcome: Outcome<unknown>) {
  if (outcome.replayed) reply.header('Idempotent-Replayed', 'true');
  return reply.status(outcome.status).send(outcome.body);
}
