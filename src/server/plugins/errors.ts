import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, errorCatalog, type ErrorCode, type FieldError } from '#domain/errors.ts';
import { domainErrorBody, errorBody } from '#server/lib/error-body.ts';
import { ReplayedResponse } from '#server/lib/idempotency.ts';
import { loggableError } from '#server/lib/pg-errors.ts';
import { ACCEPTED_CONTENT_TYPES } from './json-body.ts';

/** A body with thousands of wrong properties gets the first ones named, and a count of the rest. */
const MAX_LISTED_ERRORS = 50;

/** The one error handler: one body shape, a status from the one catalog, no internals in a 5xx. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
      if (error instanceof DomainError) return sendDomainError(error, request, reply);
      if (error instanceof ReplayedResponse) return reply.header('Idempotent-Replayed', 'true').status(error.status).send(error.body);

      if (hasZodFastifySchemaValidationErrors(error)) {
        // Counted first, described only as far as listed: 45,000 unknown properties make 50 field errors.
        const total = error.validation.reduce((count, issue) => count + issueCount(issue), 0);
        const listed = error.validation.flatMap((issue) => describeIssue(issue, error.validationContext ?? 'body', MAX_LISTED_ERRORS)).slice(0, MAX_LISTED_ERRORS);
        const more = total - listed.length;
        const where = error.validationContext ?? 'request';
        const description = `The ${where} is not valid: ${listed.map((e) => `${e.field}: ${e.message}`).join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
        return reply.status(400).send(errorBody(errorCatalog.invalid_input.pcCode, description, listed));
      }

      const edge = edgeError(error as FastifyError, request);
      if (edge) return sendDomainError(edge, request, reply);
      const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
      if (status >= 400 && status < 500) {
        return reply.status(status).send(errorBody(status === 404 ? errorCatalog.not_found.pcCode : errorCatalog.invalid_input.pcCode, error.message));
      }
      request.log.error({ err: loggableError(error) }, 'unhandled error');
      return reply.status(500).send(errorBody(errorCatalog.internal.pcCode, 'Something went wrong on our side. Try again; if it persists, give the MS-CorrelationId to your operator.'));
    });
  },
  { name: 'errors' },
);

/** Fastify's router default: a path parameter longer than this is a 414. */
export const MAX_PARAM_LENGTH = 100;

/** `1 MB (1048576 bytes)`, or the bytes alone when not a whole number of megabytes. */
function describeBytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return Number.isInteger(megabytes) ? `${megabytes} MB (${bytes} bytes)` : `${bytes} bytes`;
}

function refusal(code: ErrorCode, field: string, fieldCode: string, message: string): DomainError {
  return new DomainError(code, message, [{ field, code: fieldCode, message }]);
}

/**
 * Fastify's own refusals (FST_ERR_*) as our errors, each saying what is allowed: the body's size limit,
 * the content type the API reads, what is wrong with the JSON or the address.
 */
function edgeError(error: FastifyError, request: FastifyRequest): DomainError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return refusal('body_too_large', 'body', 'too_large', `The body is larger than the limit of ${describeBytes(request.routeOptions.bodyLimit)}; send at most that much.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return refusal(
        'unsupported_media_type',
        'content-type',
        'unsupported_media_type',
        `The body's Content-Type ${request.headers['content-type'] ?? '(none)'} is not one the API reads; send ${ACCEPTED_CONTENT_TYPES.join(' or ')}.`,
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return refusal('invalid_input', 'body', 'invalid_json', 'The body is not valid JSON (check its brackets, quotes and commas), or it holds a __proto__ or constructor.prototype property, which is refused.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return refusal('invalid_input', 'body', 'required', 'The body is empty, but its Content-Type says application/json: send a JSON body, or leave out the Content-Type.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return refusal('invalid_input', 'content-length', 'invalid', 'The body is not as long as its Content-Length header says.');
    case 'FST_ERR_BAD_URL':
      return refusal('invalid_input', 'url', 'invalid_url', 'The address does not decode: every % must be followed by two hexadecimal digits (%25 for a % itself).');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return refusal('url_too_long', 'url', 'too_long', `A part of the address is longer than ${MAX_PARAM_LENGTH} characters; no id is that long.`);
    default:
      return undefined;
  }
}

/** Errors Fastify meets before a route is chosen (an address that does not decode, a parameter too long): Fastify's `frameworkErrors`. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const edge = edgeError(error, request) ?? new DomainError('invalid_input', error.message);
  // No route, so no hooks: the headers every answer gets from security-headers.ts that matter for an error.
  reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
  return sendDomainError(edge, request, reply);
}

/**
 * Errors of the HTTP parser, before Fastify has a request (Node's `clientError`): a request that did not
 * arrive in time, headers too large, bytes that are not HTTP. Answered in the error shape, then closed.
 */
export function clientErrorHandler(limits: { requestTimeoutMs: number; maxHeaderBytes: number }) {
  return (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const refused =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new DomainError('request_timeout', `The request did not arrive whole within ${limits.requestTimeoutMs / 1000} s; the connection is closed.`)
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? new DomainError('headers_too_large', `The request's headers are larger than ${limits.maxHeaderBytes} bytes.`)
          : new DomainError('invalid_input', 'The request is not valid HTTP/1.1.');
    if (socket.writable) {
      const body = JSON.stringify(domainErrorBody(refused));
      const status = refused.status;
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}

type SchemaIssue = { keyword: string; instancePath: string; message?: string | undefined; params: Record<string, unknown> };

/** How many field errors an issue stands for: one per unknown property, else one. */
function issueCount(issue: SchemaIssue): number {
  return issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys) ? issue.params.keys.length : 1;
}

/** A schema failure as field errors people can act on (at most `limit`): the field's path, a stable code, a sentence. */
function describeIssue(issue: SchemaIssue, context: string, limit: number): FieldError[] {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
    return issue.params.keys.slice(0, limit).map((key) => ({
      field: path ? `${path}.${String(key)}` : String(key),
      code: 'unknown_property',
      message: `"${String(key)}" is not a property of ${path || `the ${context}`}; check its spelling.`,
    }));
  }
  const field = path || context;
  if (issue.keyword === 'invalid_type' && /received undefined/.test(issue.message ?? '')) {
    return [{ field, code: 'required', message: 'This field is required.' }];
  }
  return [{ field, code: issue.keyword, message: issue.message ?? 'This value is not valid.' }];
}

export function sendDomainError(error: DomainError, request: FastifyRequest, reply: FastifyReply) {
  const entry = errorCatalog[error.code];
  if (entry.status >= 500) request.log.error({ err: loggableError(error) }, error.message);
  if (error.code === 'rate_limited') {
    const limit = error.data[0] as { retryAfterSeconds?: number; limit?: number } | undefined;
    if (limit?.retryAfterSeconds) {
      reply.header('Retry-After', String(limit.retryAfterSeconds));
      reply.header('RateLimit-Reset', String(limit.retryAfterSeconds));
      reply.header('RateLimit-Remaining', '0');
      if (limit.limit) reply.header('RateLimit-Limit', String(limit.limit));
    }
  }
  if (entry.status === 401) {
    // RFC 6750 §3, as the identity platform's resources answer: a sent token that does not do is `invalid_token`.
    const sent = /^Bearer\s/i.test(request.headers.authorization ?? '');
    reply.header('WWW-Authenticate', sent ? 'Bearer realm="Partnerdesk", error="invalid_token", error_description="The access token is not valid, has expired or was revoked"' : 'Bearer realm="Partnerdesk"');
  }
  return reply.status(entry.status).send(domainErrorBody(error));
}
