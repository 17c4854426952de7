import type { FieldError } from 'react-hook-form';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CountryValidationRules } from '#contracts/countries.ts';
import { useCountryRules } from './api/get-country-rules.ts';
import { onboardingEnUS } from './locales/en-US.ts';
import type { WizardValues } from './wizard-form.ts';

type ErrorCode = keyof typeof onboardingEnUS.errors;
type DetailedCode = keyof typeof onboardingEnUS.countryFields.errors;

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(onboardingEnUS.errors, code);
}

function isDetailedCode(code: string): code is DetailedCode {
  return Object.hasOwn(onboardingEnUS.countryFields.errors, code);
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
  if (!isDetailedCode(key)) return undefined;
  const template: string = onboardingEnUS.countryFields.errors[key];
  const value = quotedValue(message);
  const format = rules.registrationNumberFormat;
  const callingCode = rules.countryCallingCodes[0];
  if (template.includes('{{value}}') && value === undefined) return undefined;
  if (template.includes('{{label}}') && format === null) return undefined;
  if (template.includes('{{callingCode}}') && callingCode === undefined) return undefined;
  const choices = (code === 'language_not_supported' ? rules.supportedLanguages : rules.supportedCultures).join(', ');
  return {
    key: `onboarding.countryFields.errors.${key}` as const,
    params: { value: value ?? '', country: rules.name, callingCode: callingCode ?? '', label: format?.label ?? '', hint: format?.hint ?? '', choices },
  };
}

/**
 * A field's error in the UI language. The form keeps the server's (or the schema's) code as the
 * error's `type` and its English sentence as the message: in English the server's sentence is shown
 * (it is the most specific); in other languages the code's translation — with the country's details
 * (the registration number's format, the calling code, the value typed) where the code depends on the
 * country — else that sentence.
 */
export function useFieldErrorText(): (error: FieldError | undefined, params?: Record<string, string | number>) => string | undefined {
  const { t, i18n } = useTranslation();
  const { control } = useFormContext<WizardValues>();
  const country = useWatch({ control, name: 'country' });
  // The account step asks for the same rules: this reads them from the cache.
  const rules = useCountryRules(country, i18n.language).data;
  return (error, params = {}) => {
    if (error === undefined) return undefined;
    const message = error.message ?? '';
    const code = typeof error.type === 'string' ? error.type : '';
    if (i18n.language === 'en-US' && message !== '') return message;
    const detailed = detailedErrorKey(code, message, rules?.iso2Code === country ? rules : undefined);
    if (detailed) return t(detailed.key, detailed.params);
    if (isErrorCode(code)) return t(`onboarding.errors.${code}`, { maximum: /\d+/.exec(message)?.[0] ?? '', min: '', max: '', ...params });
    return message;
  };
}
