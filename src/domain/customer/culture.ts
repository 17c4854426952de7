/**
 * Billing language and culture (SPEC §4): among the country's supported ones, matched without regard
 * to case (`EN-US` → `en-US`, `En` → `en`). Left empty, they default to the country's first (ours: the
 * wizard prefills the same default).
 */
import {
  countryName,
  defaultCulture,
  defaultLanguage,
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
