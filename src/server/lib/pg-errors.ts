/** PostgreSQL error codes we act on; both pg and PGlite put the SQLSTATE in `code`. */
export function pgErrorCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export const isUniqueViolation = (error: unknown) => pgErrorCode(error) === '23505';

export function constraintOf(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'constraint' in error && typeof error.constraint === 'string' ? error.constraint : undefined;
}

const DATABASE_ERROR_FIELDS = ['code', 'severity', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine'] as const;

/** An error from PostgreSQL or PGlite: a five-character SQLSTATE and a severity. */
function isDatabaseError(error: unknown): error is Error & Record<string, unknown> {
  return error instanceof Error && /^[0-9A-Z]{5}$/.test(pgErrorCode(error) ?? '') && 'severity' in error;
}

/**
 * What the log keeps of an error. A database error carries the statement's bound values (`params` in
 * PGlite) and the row's (`detail`: "Key (email)=(…) already exists", `where`): password hashes, names,
 * emails. The log gets its SQLSTATE, message, table, column and constraint, never those; a data
 * exception's message quotes the value it refused, so its quoted parts are left out. Other errors
 * (with their database cause, if any) go to pino's serializer as they are.
 */
export function loggableError(error: unknown): unknown {
  if (!isDatabaseError(error)) {
    if (error instanceof Error && error.cause !== undefined && isDatabaseError(error.cause)) {
      return { type: error.name, message: error.message, stack: error.stack, cause: loggableError(error.cause) };
    }
    return error;
  }
  const code = pgErrorCode(error)!;
  const redact = (text: string) => (code.startsWith('22') ? text.replaceAll(/"[^"]*"/g, '"[redacted]"') : text);
  const fields = Object.fromEntries(DATABASE_ERROR_FIELDS.filter((name) => typeof error[name] === 'string').map((name) => [name, error[name]]));
  return { type: 'DatabaseError', message: redact(error.message), ...fields, stack: error.stack === undefined ? undefined : redact(error.stack) };
}
