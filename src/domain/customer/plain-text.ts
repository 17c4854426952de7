/**
 * Odd characters in a customer's text fields (issue 8): the rule is `oddCharacter` in ../text.ts; here
 * the field error, naming the field and the character, with a stable code for the portal's translations.
 */
import type { FieldError } from '../errors.ts';
import { oddCharacter, type OddCharacterCode, type TextKind } from '../text.ts';
import { fieldError } from './result.ts';

export const plainTextErrorCodes = ['text_line_break', 'text_control_character', 'text_bidi_control', 'text_invisible_character'] as const satisfies readonly OddCharacterCode[];

/** A text field to check: its request path, its name in a sentence ("the company name"), its kind. */
export interface TextField { field: string; label: string; value: string | null | undefined; kind: TextKind }

export function plainTextErrors(fields: readonly TextField[]): FieldError[] {
  return fields.flatMap(({ field, label, value, kind }) => {
    const odd = value ? oddCharacter(value, kind) : undefined;
    if (!odd) return [];
    const which = odd.name ? `${odd.codePoint} (${odd.name})` : odd.codePoint;
    switch (odd.code) {
      case 'text_line_break':
        return [fieldError(field, odd.code, `Write ${label} on one line: remove the line break (${which}).`)];
      case 'text_control_character':
        return [fieldError(field, odd.code, `Remove the control character ${which} from ${label}: it is not text.`)];
      case 'text_bidi_control':
        return [fieldError(field, odd.code, `Remove the invisible direction control ${which} from ${label}: it makes the text show in another order than it is stored.`)];
      case 'text_invisible_character':
        return [fieldError(field, odd.code, `Remove the invisible character ${which} from ${label}: it cannot be seen, yet makes the text differ from the same text typed.`)];
    }
  });
}

/** The errors, with those of the fields that hold an odd character replaced by that one error. */
export function withPlainTextErrors(errors: readonly FieldError[], textErrors: readonly FieldError[]): FieldError[] {
  const odd = new Set(textErrors.map((error) => error.field));
  return [...errors.filter((error) => !odd.has(error.field)), ...textErrors];
}
