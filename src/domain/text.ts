/** Small text helpers shared by the rules: trimming, whitespace, and loose matching keys. */

/** Trims and collapses every run of whitespace (including tabs and no-break spaces) to one space. */
export function collapseSpaces(value: string): string {
  return value.trim().replace(/\s+/gu, ' ');
}

/** Treats `undefined`, `null` and blank strings alike: the field was not given. */
export function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value === undefined || value === null || value.trim() === '';
}

/** The collapsed value, or undefined when blank. */
export function cleanOptional(value: string | null | undefined): string | undefined {
  return isBlank(value) ? undefined : collapseSpaces(value);
}

/**
 * A key for loose matching of names typed by people: case, accents, punctuation and spacing are
 * ignored, so `Québec`, `quebec` and ` QUE-BEC ` meet. Letters of any script are kept.
 */
export function matchKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A UTF-16 surrogate without its partner: no UTF-8 encoding exists (PostgreSQL jsonb refuses it, text replaces it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL cannot store this text, as a sentence to show, or undefined when it can: a NUL
 * character (text cannot hold one) or a lone surrogate (such as the JSON escape \ud800 alone).
 */
export function unstorableText(value: string): string | undefined {
  if (value.includes('\u0000')) return 'Remove the NUL character (\\u0000): text may not contain it.';
  if (LONE_SURROGATE.test(value)) return 'Remove the lone surrogate (such as \\ud800 without its pair): it is not a character, and text may not contain it.';
  return undefined;
}
