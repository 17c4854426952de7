import { DomainError } from '#domain/errors.ts';

/**
 * The lists' continuation tokens (MS-ContinuationToken): JSON in base64url, opaque to clients. Each list
 * puts in its position and what it needs to tell its own query from another; a token that does not
 * decode, or belongs to another query, is this 400.
 */
export const INVALID_CONTINUATION = 'The MS-ContinuationToken is not valid for this query. Start again from the first page.';

export function continuationError(message = INVALID_CONTINUATION) {
  return new DomainError('invalid_input', message, [{ field: 'MS-ContinuationToken', code: 'invalid_continuation', message }]);
}

export function encodeContinuation(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The token's JSON, or undefined when it is not a token of ours at all. */
export function decodeContinuation(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
