import type { FieldError } from '../errors.ts';

/** What a rule that also normalises returns: the value to store, or what is wrong with the input. */
export type RuleResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function ok<T>(value: T): RuleResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(...errors: FieldError[]): RuleResult<T> {
  return { ok: false, errors };
}

export function fieldError(field: string, code: string, message: string): FieldError {
  return { field, code, message };
}

/** The errors of a result, or none: to gather several rules' errors into one list. */
export function errorsOf(result: RuleResult<unknown>): FieldError[] {
  return result.ok ? [] : result.errors;
}
