import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { enUS } from './locales/en-US.ts';
import type { Messages } from './locales/en-US.ts';

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

/**
 * English is bundled; another language is fetched when it is first needed, so a cold load carries
 * one language's strings, not all of them.
 */
const loaders: Record<Language, () => Promise<{ translation: Messages; serverMessages: Record<string, string> }>> = {
  'en-US': () => Promise.resolve({ translation: enUS, serverMessages: {} }),
  'zh-TW': async () => {
    const module = await import('./locales/zh-TW.ts');
    return { translation: module.zhTW, serverMessages: module.zhTWServerMessages };
  },
};

const serverMessages: Partial<Record<Language, Record<string, string>>> = { 'en-US': {} };

async function ensureLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  const loaded = await loaders[language]();
  i18n.addResourceBundle(language, 'translation', loaded.translation);
  serverMessages[language] = loaded.serverMessages;
}

void i18n.use(initReactI18next).init({
  resources: { 'en-US': { translation: enUS } },
  lng: 'en-US',
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

/** Resolves once the initial language's strings are there: render after it, so the first paint is translated. */
export const i18nReady: Promise<void> = (async () => {
  const language = initialLanguage();
  if (language === 'en-US') return;
  try {
    await ensureLanguage(language);
    await i18n.changeLanguage(language);
  } catch {
    // The strings could not be fetched (offline): English it is.
  }
})();

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
  await ensureLanguage(language);
  await i18n.changeLanguage(language);
}

/** Fetches a language's strings without switching to it: the language menu does when it opens. */
export function preloadLanguage(language: Language): void {
  ensureLanguage(language).catch(() => undefined); // offline: changeLanguage will say so
}

/**
 * Translates a message that comes from a shared zod schema or the server's `errors[].message`
 * (English sentences); unknown ones are shown as they are.
 */
export function useServerMessage(): (message: string | undefined) => string | undefined {
  const { i18n: instance } = useTranslation();
  const language = isLanguage(instance.language) ? instance.language : 'en-US';
  return (message) => (message === undefined ? undefined : (serverMessages[language]?.[message] ?? message));
}

export { i18n };
