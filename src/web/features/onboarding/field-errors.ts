import type { FieldError } from 'react-hook-form';
import { useFormContext, useWatch } from 'react-hook-form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { skipToken, useQuery } from '@tanstack/react-query';
import type { CountryValidationRules } from '#contracts/countries.ts';
import { countryRulesKey } from './api/country-rules-key.ts';
import type * as CountryErrorsModule from './country-errors.ts';
import type { onboardingLaterEnUS } from './locales/en-US-later-strings.ts';
import type { WizardValues } from './wizard-form.ts';

type ErrorCode = keyof typeof onboardingLaterEnUS.errors;

type CountryErrors = typeof CountryErrorsModule;
let countryErrors: CountryErrors | undefined;
let countryErrorsLoading: Promise<CountryErrors> | undefined;

/** The country-specific sentences' code, once a language other than English is in use (then loaded once). */
function useCountryErrors(language: string): CountryErrors | undefined {
  const [loaded, setLoaded] = useState(countryErrors);
  useEffect(() => {
    if (language === 'en-US' || loaded !== undefined) return;
    let live = true;
    countryErrorsLoading ??= import('./country-errors.ts');
    void countryErrorsLoading.then((module) => {
      countryErrors = module;
      if (live) setLoaded(module);
    });
    return () => {
      live = false;
    };
  }, [language, loaded]);
  return loaded;
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
  // The account step fetches the country's rules; this only reads them from the cache.
  const rules = useQuery<CountryValidationRules>({ queryKey: countryRulesKey(country, i18n.language), queryFn: skipToken }).data;
  const detailedErrors = useCountryErrors(i18n.language);
  return (error, params = {}) => {
    if (error === undefined) return undefined;
    const message = error.message ?? '';
    const code = typeof error.type === 'string' ? error.type : '';
    if (i18n.language === 'en-US') {
      if (message !== '') return message;
    } else {
      const detailed = detailedErrors?.detailedErrorKey(code, message, rules?.iso2Code === country ? rules : undefined);
      if (detailed) return t(detailed.key, detailed.params);
    }
    // The codes' texts are in every language's strings (en-US: with the later steps, ./locales/en-US-later.ts).
    if (code !== '' && i18n.exists(`onboarding.errors.${code}`)) return t(`onboarding.errors.${code as ErrorCode}`, { maximum: /\d+/.exec(message)?.[0] ?? '', min: '', max: '', addOn: '', prerequisite: '', ...params });
    return message;
  };
}
