/**
 * The countries the model system accepts, with their cultures (first = default), from
 * `cultures-by-country.json` (a copy of shared/reference/cultures-by-country.json, SPEC §4).
 * Languages are derived from the cultures: `en-US` → `en`, de-duplicated, order kept.
 */
import culturesByCountry from './cultures-by-country.json' with { type: 'json' };

type CountryEntry = { name: string; alpha3: string; cultures: string[] };

/**
 * Cultures we accept beyond the reference list (ours), put first where they become the default.
 * Canada: the list has only fr-CA and en-US, but most Canadian customers write English the Canadian
 * way (dates, spelling), so en-CA is offered and is the default; fr-CA and en-US stay.
 */
const cultureAdditions: Readonly<Record<string, readonly string[]>> = { CA: ['en-CA'] };

const reference = (culturesByCountry as { countries: Record<string, CountryEntry> }).countries;

const table: Readonly<Record<string, CountryEntry>> = Object.fromEntries(
  Object.entries(reference).map(([code, entry]) => {
    const added = cultureAdditions[code] ?? [];
    return [code, { ...entry, cultures: [...added, ...entry.cultures.filter((culture) => !added.includes(culture))] }];
  }),
);

/** Alpha-2 codes of every country a customer may be in, in the reference file's order. */
export const countryCodes: readonly string[] = Object.freeze(Object.keys(table));

/**
 * Codes people write that are not the ISO alpha-2 code of the country they mean. `UK` is the only
 * one the spec names (ours); it is exceptionally reserved by ISO for the United Kingdom.
 */
const countryAliases: Readonly<Record<string, string>> = { UK: 'GB' };

/** `us`, ` US `, `uk` → `US`, `US`, `GB`; undefined when not a country we know. */
export function normalizeCountry(input: string | null | undefined): string | undefined {
  if (typeof input !== 'string') return undefined;
  const upper = input.trim().toUpperCase();
  const code = countryAliases[upper] ?? upper;
  return Object.hasOwn(table, code) ? code : undefined;
}

export function isKnownCountry(iso2: string): boolean {
  return Object.hasOwn(table, iso2);
}

/** The English name in the reference file: the fallback for codes that no name library knows. */
export function referenceName(iso2: string): string | undefined {
  return table[iso2]?.name;
}

export function supportedCultures(iso2: string): string[] {
  return [...(table[iso2]?.cultures ?? [])];
}

export function defaultCulture(iso2: string): string | undefined {
  return table[iso2]?.cultures[0];
}

export function languageOfCulture(culture: string): string {
  return culture.split('-')[0]?.toLowerCase() ?? culture.toLowerCase();
}

export function supportedLanguages(iso2: string): string[] {
  return [...new Set(supportedCultures(iso2).map(languageOfCulture))];
}

export function defaultLanguage(iso2: string): string | undefined {
  return supportedLanguages(iso2)[0];
}

/**
 * `EN-us`, `en_US` → `en-US` when the country supports it; undefined otherwise. The value returned
 * is always the spelling of the reference list.
 */
export function normalizeCulture(country: string, input: string | null | undefined): string | undefined {
  const iso2 = normalizeCountry(country);
  if (iso2 === undefined || typeof input !== 'string') return undefined;
  const wanted = input.trim().replace(/_/g, '-').toLowerCase();
  return supportedCultures(iso2).find((culture) => culture.toLowerCase() === wanted);
}

/** `En`, `EN` → `en` when the country supports it; undefined otherwise. */
export function normalizeLanguage(country: string, input: string | null | undefined): string | undefined {
  const iso2 = normalizeCountry(country);
  if (iso2 === undefined || typeof input !== 'string') return undefined;
  const wanted = input.trim().toLowerCase();
  return supportedLanguages(iso2).find((language) => language === wanted);
}
