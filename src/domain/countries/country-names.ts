/**
 * Country names for the UI languages we ship: English (en-US) and Traditional Chinese (zh-TW).
 *
 * English comes from `i18n-iso-countries`. That package has only a Simplified Chinese locale (`zh`,
 * which also names Taiwan "中国台湾省"), so Traditional Chinese comes from CLDR through
 * `Intl.DisplayNames('zh-Hant-TW')`, which Node (full ICU) and every current browser ship.
 * The few codes the model system uses that are not ISO 3166 (e.g. XJ Jan Mayen, XS Saba) fall back
 * to the English name of the reference list.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { countryCodes, referenceName } from './country-table.ts';

// The browser build of i18n-iso-countries starts with no locale; Node's entry registers all of them.
countries.registerLocale(en);

export type NameLocale = 'en' | 'zh-TW';

/** Any `zh*` locale maps to Traditional Chinese, the only Chinese UI we ship; the rest to English. */
export function nameLocale(locale: string | null | undefined): NameLocale {
  return typeof locale === 'string' && locale.trim().toLowerCase().startsWith('zh') ? 'zh-TW' : 'en';
}

let traditionalNames: Intl.DisplayNames | undefined;

function traditionalChineseName(iso2: string): string | undefined {
  // Deprecated or user-assigned codes (AN, XJ, ...) must not reach CLDR: it maps AN to Curaçao.
  if (!countries.isValid(iso2)) return undefined;
  traditionalNames ??= new Intl.DisplayNames(['zh-Hant-TW'], { type: 'region', style: 'short', fallback: 'none' });
  return traditionalNames.of(iso2);
}

/**
 * The package's official names are often the long form ("United States of America", "People's
 * Republic of China", "Taiwan, Province of China"); its aliases hold the short ones. We take the
 * alias that the model system's own list uses, when there is one, and the official name otherwise.
 */
function englishName(iso2: string): string | undefined {
  const names = countries.getName(iso2, 'en', { select: 'all' }) ?? [];
  const reference = referenceName(iso2);
  return names.find((name) => name === reference) ?? names[0] ?? reference;
}

export function countryName(iso2: string, locale: string = 'en'): string | undefined {
  const english = englishName(iso2);
  if (nameLocale(locale) === 'en') return english;
  return traditionalChineseName(iso2) ?? english;
}

export type CountryListItem = { code: string; name: string };

/** Every country a customer may be in, with its name in `locale`, sorted as that language sorts. */
export function listCountries(locale: string = 'en'): CountryListItem[] {
  const target = nameLocale(locale);
  const collator = new Intl.Collator(target === 'zh-TW' ? 'zh-Hant-TW' : 'en');
  return countryCodes
    .map((code) => ({ code, name: countryName(code, target) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
