/**
 * Postal code patterns, from the `postcode-validator` package (one regular expression per country;
 * countries without postal codes have none). The package does not export its table from its entry
 * point, so it is read from the CommonJS module that holds it.
 *
 * Patterns apply to the normalised value: trimmed, spaces collapsed, upper case (a few of the
 * package's patterns are case-insensitive only through a flag, which a pattern string cannot carry).
 * Before matching, a few countries' well-known layouts are restored (`k1a0b1` → `K1A 0B1`,
 * `1000001` → `100-0001`), so people may type them either way and we store one spelling.
 */
import postcodeRegexes from 'postcode-validator/lib/cjs/postcode-regexes.js';

const libraryPatterns: ReadonlyMap<string, RegExp> = postcodeRegexes.POSTCODE_REGEXES;

/** Our patterns where the spec fixes one: US (SPEC §4), equal in meaning to the package's. */
const patternOverrides: Readonly<Record<string, string>> = {
  US: String.raw`^\d{5}(-\d{4})?$`,
};

/**
 * Codes of the model system's list that are not ISO 3166 and that mail uses another territory's
 * codes for: Jan Mayen uses Norway's (via Svalbard and Jan Mayen), Saba and Sint Eustatius none.
 */
const patternAliases: Readonly<Record<string, string>> = { XJ: 'SJ' };

/** The pattern as a string, as the rules API returns it; null where the country has no postal codes. */
export function postalCodePattern(iso2: string): string | null {
  const override = patternOverrides[iso2];
  if (override !== undefined) return override;
  return libraryPatterns.get(patternAliases[iso2] ?? iso2)?.source ?? null;
}

const compiled = new Map<string, RegExp | null>();

function compiledPattern(iso2: string): RegExp | null {
  if (!compiled.has(iso2)) {
    const source = postalCodePattern(iso2);
    // No flags: clients compile the same string with `new RegExp(pattern)`.
    compiled.set(iso2, source === null ? null : new RegExp(source));
  }
  return compiled.get(iso2) ?? null;
}

/**
 * Required where the country has postal codes. A few of the package's patterns also match the empty
 * string (e.g. Nigeria, Bahrain: codes exist but are not in general use); there it is optional.
 */
export function isPostalCodeRequired(iso2: string): boolean {
  const pattern = compiledPattern(iso2);
  return pattern !== null && !pattern.test('');
}

export function hasPostalCodes(iso2: string): boolean {
  return compiledPattern(iso2) !== null;
}

/** Inserts the separator of layouts that people often type without it. */
const layouts: Readonly<Record<string, (compact: string) => string | undefined>> = {
  US: (c) => (/^\d{9}$/u.test(c) ? `${c.slice(0, 5)}-${c.slice(5)}` : undefined),
  CA: (c) => (/^[A-Z]\d[A-Z]\d[A-Z]\d$/u.test(c) ? `${c.slice(0, 3)} ${c.slice(3)}` : undefined),
  GB: (c) => (/^[A-Z][A-Z0-9]{1,3}\d[A-Z]{2}$/u.test(c) ? `${c.slice(0, -3)} ${c.slice(-3)}` : undefined),
  NL: (c) => (/^\d{4}[A-Z]{2}$/u.test(c) ? `${c.slice(0, 4)} ${c.slice(4)}` : undefined),
  JP: (c) => (/^\d{7}$/u.test(c) ? `${c.slice(0, 3)}-${c.slice(3)}` : undefined),
  BR: (c) => (/^\d{8}$/u.test(c) ? `${c.slice(0, 5)}-${c.slice(5)}` : undefined),
  PL: (c) => (/^\d{5}$/u.test(c) ? `${c.slice(0, 2)}-${c.slice(2)}` : undefined),
};

/** Trimmed, spaces collapsed, upper case, and in the country's usual layout where we know it. */
export function normalizePostalCode(iso2: string, input: string): string {
  const cleaned = input.trim().replace(/\s+/gu, ' ').toUpperCase();
  const layout = layouts[iso2];
  if (layout === undefined) return cleaned;
  return layout(cleaned.replace(/[\s-]/gu, '')) ?? cleaned;
}

/** True when the normalised value matches; true for countries without postal codes (nothing to check). */
export function isValidPostalCode(iso2: string, input: string): boolean {
  const pattern = compiledPattern(iso2);
  return pattern === null || pattern.test(normalizePostalCode(iso2, input));
}
