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
