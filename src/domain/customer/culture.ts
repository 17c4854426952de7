/**
 * Billing language and culture (SPEC §4): among the country's supported ones, matched without regard
 * to case (`EN-US` → `en-US`, `En` → `en`). Left empty, they default to the country's first (ours: the
 * wizard prefills the same default).
 */
import {
  countryName,
  defaultCulture,
  defaultLanguage,
  languageOfCulture,
  normalizeCountry,
  normalizeCulture,
  normalizeLanguage,
  supportedCultures,
  supportedLanguages,
} from '../countries/country-rules.ts';
import { cleanOptional } from '../text.ts';
import { fail, fieldError, ok, type RuleResult } from './result.ts';

export const cultureErrorCodes = ['culture_not_supported', 'language_not_supported'] as const;

export function checkCulture(input: string | null | undefined, country: string, field = 'culture'): RuleResult<string> {
  const iso2 = normalizeCountry(country) ?? country;
  const typed = cleanOptional(input);
  const value = typed === undefined ? defaultCulture(iso2) : normalizeCulture(iso2, typed);
  if (value !== undefined) return ok(value);
  return fail(
    fieldError(
      field,
      'culture_not_supported',
      `"${typed ?? ''}" is not a culture for customers in ${countryName(iso2) ?? iso2}; choose one of ${supportedCultures(iso2).join(', ')}.`,
    ),
  );
}

export function checkLanguage(input: string | null | undefined, country: string, field = 'language'): RuleResult<string> {
  const iso2 = normalizeCountry(country) ?? country;
  const typed = cleanOptional(input);
  const value = typed === undefined ? defaultLanguage(iso2) : normalizeLanguage(iso2, typed);
  if (value !== undefined) return ok(value);
  return fail(
    fieldError(
      field,
      'language_not_supported',
      `"${typed ?? ''}" is not a language for customers in ${countryName(iso2) ?? iso2}; choose one of ${supportedLanguages(iso2).join(', ')}.`,
    ),
  );
}

/**
 * Both, so that they agree when only one is given (ours): a culture alone brings its language
 * (`en-US` in Taiwan → `en`), a language alone its first culture in the country (`en` in Taiwan →
 * `en-US`); neither gives the country's defaults (Taiwan: `zh`, `zh-TW`), never a fixed `en-US`.
 */
export function checkCultureAndLanguage(
  input: { culture?: string | null | undefined; language?: string | null | undefined },
  country: string,
  fields: { culture: string; language: string } = { culture: 'culture', language: 'language' },
): { culture: RuleResult<string>; language: RuleResult<string> } {
  const iso2 = normalizeCountry(country) ?? country;
  const typedCulture = cleanOptional(input.culture);
  const typedLanguage = cleanOptional(input.language);
  const culture = checkCulture(typedCulture ?? cultureForLanguage(iso2, typedLanguage), iso2, fields.culture);
  const language = checkLanguage(typedLanguage ?? languageForCulture(iso2, typedCulture), iso2, fields.language);
  return { culture, language };
}

/** The country's first culture of a supported language; undefined (the default) otherwise. */
function cultureForLanguage(iso2: string, language: string | undefined): string | undefined {
  const wanted = language === undefined ? undefined : normalizeLanguage(iso2, language);
  return wanted === undefined ? undefined : supportedCultures(iso2).find((culture) => languageOfCulture(culture) === wanted);
}

/** The language of a supported culture; undefined (the default) otherwise. */
function languageForCulture(iso2: string, culture: string | undefined): string | undefined {
  const known = culture === undefined ? undefined : normalizeCulture(iso2, culture);
  return known === undefined ? undefined : languageOfCulture(known);
}
