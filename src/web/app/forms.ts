import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api-client.ts';

/**
 * Puts the server's `errors[]` on the form's own fields (the server names them as the schema does);
 * returns whether any landed, so the caller shows a general message only when none did.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): boolean {
  if (!isApiError(error)) return false;
  let applied = false;
  for (const fieldError of error.fieldErrors) {
    const field = fields.find((name) => name.toLowerCase() === fieldError.field.toLowerCase());
    if (field === undefined) continue;
    setError(field, { type: 'server', message: fieldError.message }, { shouldFocus: !applied });
    applied = true;
  }
  return applied;
}
