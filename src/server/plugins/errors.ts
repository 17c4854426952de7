import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, errorCatalog, type FieldError } from '#domain/errors.ts';
import { domainErrorBody, errorBody } from '#server/lib/error-body.ts';
import { ReplayedResponse } from '#server/lib/idempotency.ts';
import { loggableError } from '#server/lib/pg-errors.ts';

/** The one error handler: one body shape, a status from the one catalog, no internals in a 5xx. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
      if (error instanceof DomainError) return sendDomainError(error, request, reply);
      if (error instanceof ReplayedResponse) return reply.header('Idempotent-Replayed', 'true').status(error.status).send(error.body);

      if (hasZodFastifySchemaValidationErrors(error)) {
        const fieldErrors = error.validation.flatMap((issue) => describeIssue(issue, error.validationContext ?? 'body'));
        const where = error.validationContext ?? 'request';
        const description = `The ${where} is not valid: ${fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`;
        return reply.status(400).send(errorBody(errorCatalog.invalid_input.pcCode, description, fieldErrors));
      }

      const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
      if (status >= 400 && status < 500) {
        // Fastify's own client errors: malformed JSON, wrong content type, body too large.
        return reply.status(status).send(errorBody(errorCatalog.invalid_input.pcCode, error.message));
      }
      request.log.error({ err: loggableError(error) }, 'unhandled error');
      return reply.status(500).send(errorBody(errorCatalog.internal.pcCode, 'Something went wrong on our side. Try again; if it persists, give the MS-CorrelationId to your operator.'));
    });
  },
  { name: 'errors' },
);

/** A schema failure as field errors people can act on: the field's path, a stable code, a sentence. */
function describeIssue(issue: { keyword: string; instancePath: string; message?: string | undefined; params: Record<string, unknown> }, context: string): FieldError[] {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
    return issue.params.keys.map((key) => ({
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
  return reply.status(entry.status).send(domainErrorBody(error));
}
