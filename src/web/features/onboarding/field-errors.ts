import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { onboardingLaterEnUS } from './locales/en-US-later.ts';

type ErrorCode = keyof typeof onboardingLaterEnUS.errors;

/**
 * A field's error in the UI language. The form keeps the server's (or the schema's) code as the
 * error's `type` and its English sentence as the message: in English the server's sentence is shown
 * (it is the most specific); in other languages the code's translation, else that sentence.
 */
export function useFieldErrorText(): (error: FieldError | undefined, params?: Record<string, string | number>) => string | undefined {
  const { t, i18n } = useTranslation();
  return (error, params = {}) => {
    if (error === undefined) return undefined;
    const message = error.message ?? '';
    const code = typeof error.type === 'string' ? error.type : '';
    if (i18n.language === 'en-US' && message !== '') return message;
    // The codes' texts are in every language's strings (en-US: with the later steps, ./locales/en-US-later.ts).
    if (code !== '' && i18n.exists(`onboarding.errors.${code}`)) return t(`onboarding.errors.${code as ErrorCode}`, { maximum: /\d+/.exec(message)?.[0] ?? '', min: '', max: '', addOn: '', prerequisite: '', ...params });
    return message;
  };
}
