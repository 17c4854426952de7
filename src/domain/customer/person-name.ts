/**
 * First and last names (SPEC §4): 1–50 characters, not a placeholder, not only digits or symbols.
 * Letters of every script count, so "王", "José" and "O'Brien" pass.
 */
import type { FieldError } from '../errors.ts';
import { collapseSpaces } from '../text.ts';
import { fieldError, fail, ok, type RuleResult } from './result.ts';

export const PERSON_NAME_MAX_LENGTH = 50;

export const personNameErrorCodes = ['name_required', 'name_too_long', 'name_placeholder', 'name_digits_or_symbols_only'] as const;

/**
 * Words people type to get past a form (ours). Compared in lower case with everything but letters
 * and digits removed, so "N/A", "n.a." and "Test-User" match "na" and "testuser".
 */
export const placeholderNames: readonly string[] = [
  'test', 'tester', 'testing', 'testuser', 'admin', 'administrator', 'root', 'user', 'username',
  'nobody', 'none', 'null', 'nil', 'undefined', 'na', 'nn', 'unknown', 'xxx', 'xx', 'asdf', 'asd',
  'qwerty', 'abc', 'foo', 'bar', 'foobar', 'sample', 'example', 'demo', 'dummy', 'fake', 'blank',
  'empty', 'tbd', 'tba', 'noname', 'name', 'firstname', 'lastname', 'first', 'last', 'anonymous',
  'noreply', 'someone', 'somebody',
];

const placeholders = new Set(placeholderNames);

export type PersonNamePart = 'first' | 'last';

function isPlaceholder(name: string): boolean {
  const key = name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  // Three or more of one letter ("aaa", "Xxxx") is no one's name either.
  return placeholders.has(key) || /^(\p{L})\1{2,}$/u.test(key);
}

/** `value` is the name to store: trimmed, inner spaces collapsed. */
export function checkPersonName(
  input: string | null | undefined,
  part: PersonNamePart,
  field: string = part === 'first' ? 'firstName' : 'lastName',
): RuleResult<string> {
  const name = collapseSpaces(input ?? '');
  const label = part === 'first' ? 'first name' : 'last name';
  if (name === '') return fail(fieldError(field, 'name_required', `Enter the ${label}.`));
  if (name.length > PERSON_NAME_MAX_LENGTH) {
    return fail(
      fieldError(
        field,
        'name_too_long',
        `The ${label} has ${name.length} characters; shorten it to ${PERSON_NAME_MAX_LENGTH} or fewer.`,
      ),
    );
  }
  if (!/\p{L}/u.test(name)) {
    return fail(
      fieldError(field, 'name_digits_or_symbols_only', `The ${label} needs letters; digits and symbols alone are not a name.`),
    );
  }
  if (isPlaceholder(name)) {
    return fail(
      fieldError(field, 'name_placeholder', `"${name}" looks like a placeholder; enter the person's real ${label}.`),
    );
  }
  return ok(name);
}

export function validatePersonName(input: string | null | undefined, part: PersonNamePart, field?: string): FieldError[] {
  const result = checkPersonName(input, part, field);
  return result.ok ? [] : result.errors;
}
