/**
 * Field errors with the country's details, for languages other than English (English shows the
 * server's own sentence). A chunk of its own, fetched once such a language is in use (see
 * field-errors.ts), so that a cold load in English does not carry it.
 */
import type { CountryValidationRules } from '#contracts/countries.ts';
import type { onboardingLaterEnUS } from './locales/en-US-later-strings.ts';

type Need = 'value' | 'format' | 'callingCode';
type CountryErrorCode = keyof typeof onboardingLaterEnUS.countryErrors;

/**
 * The codes with a sentence that carries the country's details (`onboarding.countryErrors`, whose
 * English comes with the later steps: only its type is imported here), and what each needs besides
 * the country's name. The type keeps the codes in step with the sentences; a unit test, the needs.
 */
export const DETAILED_ERRORS: Readonly<Record<CountryErrorCode, readonly Need[]>> = {
  city_required: [],
  state_required: [],
  state_invalid: ['value'],
  postal_code_required: [],
  postal_code_invalid: ['value'],
  postal_code_invalid_us: ['value'],
  phone_missing: [],
  phone_invalid: ['value', 'callingCode'],
  phone_wrong_country: ['value', 'callingCode'],
  registration_number_missing: ['format'],
  registration_number_invalid: ['value', 'format'],
  registration_number_not_supported: [],
  culture_not_supported: ['value'],
  language_not_supported: ['value'],
};

function isCountryErrorCode(code: string): code is CountryErrorCode {
  return Object.hasOwn(DETAILED_ERRORS, code);
}

/** The value the server quoted in its sentence (`"12345" is not a valid CNPJ; …`), if any. */
export function quotedValue(message: string): string | undefined {
  const value = /"([^"]+)"/u.exec(message)?.[1]?.trim();
  return value === '' ? undefined : value;
}

/**
 * The country-specific sentence for an error, with its placeholders filled in from the country's
 * rules (in the UI language) and the value the server quoted; undefined when something it needs is
 * missing, so that the general sentence is used instead.
 */
export function detailedErrorKey(code: string, message: string, rules: CountryValidationRules | undefined) {
  if (rules === undefined) return undefined;
  const key = code === 'postal_code_invalid' && rules.iso2Code === 'US' ? 'postal_code_invalid_us' : code;
  if (!isCountryErrorCode(key)) return undefined;
  const needs = DETAILED_ERRORS[key];
  const value = quotedValue(message);
  const format = rules.registrationNumberFormat;
  const callingCode = rules.countryCallingCodesList[0];
  if ((needs.includes('value') && value === undefined) || (needs.includes('format') && format === null) || (needs.includes('callingCode') && callingCode === undefined)) {
    return undefined;
  }
  const choices = (code === 'language_not_supported' ? rules.supportedLanguagesList : rules.supportedCulturesList).join(', ');
  return {
    key: `onboarding.countryErrors.${key}` as const,
    params: { value: value ?? '', country: rules.name, callingCode: callingCode ?? '', label: format?.label ?? '', hint: format?.hint ?? '', choices },
  };
}
