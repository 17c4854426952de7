/** PostgreSQL error codes we act on; both pg and PGlite put the SQLSTATE in `code`. */
export function pgErrorCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export const isUniqueViolation = (error: unknown) => pgErrorCode(error) === '23505';

export function constraintOf(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'constraint' in error && typeof error.constraint === 'string' ? error.constraint : undefined;
}
