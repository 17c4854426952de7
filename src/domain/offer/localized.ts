/** The language of the catalog's own text (its default, untranslated descriptions and names). */
export const CATALOG_LOCALE = 'en-US';

/**
 * Catalog text in the caller's language (Partner Center's `X-Locale` header on GET /v1/offers): the
 * translation for the locale itself (`zh-TW`, in any case), else one of the same language (`zh-HK`
 * for `zh`), else the default text. `locale` is the translation's tag, or CATALOG_LOCALE for the default.
 */
export function localized(defaultText: string, translations: Readonly<Record<string, string>>, locale: string | null | undefined): { text: string; locale: string } {
  const fallback = { text: defaultText, locale: CATALOG_LOCALE };
  const wanted = locale?.trim().toLowerCase() ?? '';
  if (wanted === '') return fallback;
  const entries = Object.entries(translations).filter(([, text]) => text.trim() !== '');
  const language = wanted.split('-')[0];
  const found = entries.find(([tag]) => tag.toLowerCase() === wanted) ?? entries.find(([tag]) => tag.toLowerCase().split('-')[0] === language);
  return found ? { text: found[1], locale: found[0] } : fallback;
}

