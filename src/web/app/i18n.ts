import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { enUS } from './locales/en-US.ts';
import { zhTW, zhTWServerMessages } from './locales/zh-TW.ts';

export const LANGUAGES = ['en-US', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'partnerdesk.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof enUS };
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: fall back to the browser's languages
  }
}

/** The stored choice, else the first browser language we have (any Chinese but Simplified → zh-TW). */
function initialLanguage(): Language {
  const stored = readStoredLanguage();
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh') && !/^zh-(cn|sg|hans)/.test(lower)) return 'zh-TW';
    if (lower.startsWith('en')) return 'en-US';
  }
  return 'en-US';
}

function reflectLanguage(language: string): void {
  document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources: { 'en-US': { translation: enUS }, 'zh-TW': { translation: zhTW } },
  lng: initialLanguage(),
  fallbackLng: 'en-US',
  supportedLngs: LANGUAGES,
  load: 'currentOnly',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  // Resources are bundled, so init is synchronous and the first render is already translated.
  initAsync: false,
});

reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en-US';
}

/** Switches the UI language and remembers it for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  await i18n.changeLanguage(language);
}

const serverMessages: Record<Language, Record<string, string>> = { 'en-US': {}, 'zh-TW': zhTWServerMessages };

/**
 * Translates a message that comes from a shared zod schema or the server's `errors[].message`
 * (English sentences); unknown ones are shown as they are.
 */
export function useServerMessage(): (message: string | undefined) => string | undefined {
  const { i18n: instance } = useTranslation();
  const language = isLanguage(instance.language) ? instance.language : 'en-US';
  return (message) => (message === undefined ? undefined : (serverMessages[language][message] ?? message));
}

export { i18n };
