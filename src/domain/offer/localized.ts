/**
 * Catalog text in the caller's language (Partner Center's `X-Locale` header on GET /v1/offers): the
 * translation for the locale itself (`zh-TW`, in any case), else one of the same language (`zh-HK`
 * for `zh`), else the default text.
 */
export function localizedText(defaultText: string, translations: Readonly<Record<string, string>>, locale: string | null | undefined): string {
  const wanted = locale?.trim().toLowerCase() ?? '';
  if (wanted === '') return defaultText;
  const entries = Object.entries(translations).filter(([, text]) => text.trim() !== '');
  const exact = entries.find(([tag]) => tag.toLowerCase() === wanted);
  if (exact) return exact[1];
  const language = wanted.split('-')[0];
  const sameLanguage = entries.find(([tag]) => tag.toLowerCase().split('-')[0] === language);
  return sameLanguage ? sameLanguage[1] : defaultText;
}
