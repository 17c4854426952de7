/**
 * A country's rules as one record: what `GET /v1/countryvalidationrules/{country}` returns (the
 * model system's CountryInformation fields, under its names) plus ours. Each part comes from its own module, which
 * says where its data comes from.
 */
import { countryName, nameLocale } from './country-names.ts';
import { countryCodes, defaultCulture, normalizeCountry, supportedCultures, supportedLanguages } from './country-table.ts';
import { countryCallingCodes, phoneNumberRegex } from './phones.ts';
import { isPostalCodeRequired, postalCodePattern } from './postal-codes.ts';
import { isRegistrationNumberRequired, isRegistrationNumberSupported, registrationNumberFormat, type RegistrationNumberFormat } from './registration-numbers.ts';
import { isStateRequired, stateCodes, stateOptions, type State } from './states.ts';

export { countryName, listCountries, nameLocale, type CountryListItem, type NameLocale } from './country-names.ts';
export {
  countryCodes,
  defaultCulture,
  defaultLanguage,
  isKnownCountry,
  languageOfCulture,
  normalizeCountry,
  normalizeCulture,
  normalizeLanguage,
  supportedCultures,
  supportedLanguages,
} from './country-table.ts';
export { checkPhoneNumber, countryCallingCodes, isValidPhoneNumber, phoneNumberRegex, type PhoneCheck } from './phones.ts';
export { hasPostalCodes, isPostalCodeRequired, isValidPostalCode, normalizePostalCode, postalCodePattern } from './postal-codes.ts';
export {
  compactRegistrationNumber,
  isRegistrationNumberRequired,
  isRegistrationNumberSupported,
  isValidRegistrationNumber,
  registrationNumberFormat,
  registrationNumberRequiredCountries,
  type RegistrationNumberFormat,
} from './registration-numbers.ts';
export {
  findStateCode,
  isStateListCountry,
  isStateRequired,
  listStates,
  stateCodes,
  stateListCountries,
  stateName,
  stateOptions,
  stateRequiredCountries,
  type State,
} from './states.ts';

export type CountryRules = {
  iso2Code: string;
  defaultCulture: string;
  isStateRequired: boolean;
  /** Codes the state must be one of; empty where the state is free text. */
  supportedStatesList: string[];
  isPostalCodeRequired: boolean;
  /** Applies to the trimmed, upper-cased value; null where the country has no postal codes. */
  postalCodeRegex: string | null;
  isCityRequired: boolean;
  /** A permissive hint for forms; the server checks phones with libphonenumber. */
  phoneNumberRegex: string;
  supportedLanguagesList: string[];
  supportedCulturesList: string[];
  isRegistrationNumberSupported: boolean;
  countryCallingCodesList: string[];
  /**
   * A customer here gives no VAT or tax id (only the registration number above, SPEC §4), so neither is
   * supported and there is no format, sample or pattern to give.
   */
  isVatIdSupported: false;
  vatIdRegex: null;
  isTaxIdSupported: false;
  isTaxIdOptional: true;
  taxIdFormat: null;
  taxIdSample: null;
  // Ours:
  isRegistrationNumberRequired: boolean;
  isPhoneRequired: boolean;
  name: string;
  /** What a form offers as the state, by name (see stateOptions); empty where it does not ask for one. */
  stateOptions: State[];
  /** What the registration number is called and looks like, in the requested language; null where none is taken. */
  registrationNumberFormat: RegistrationNumberFormat | null;
};

/** City-states, where the city is the country (ours). */
const cityNotRequiredCountries: readonly string[] = ['SG', 'HK', 'MO', 'MC', 'VA'];

export function isCityRequired(iso2: string): boolean {
  return !cityNotRequiredCountries.includes(iso2);
}

/** The phone is required where the registration number is (SPEC §4). */
export function isPhoneRequired(iso2: string): boolean {
  return isRegistrationNumberRequired(iso2);
}

/**
 * The rules of a country given in any case (`us`, `UK`); undefined for an unknown country.
 * `locale` chooses the language of `name` (`en` or `zh-TW`).
 */
export function getCountryRules(country: string, locale: string = 'en'): CountryRules | undefined {
  const iso2 = normalizeCountry(country);
  if (iso2 === undefined) return undefined;
  return {
    iso2Code: iso2,
    defaultCulture: defaultCulture(iso2) ?? 'en-US',
    isStateRequired: isStateRequired(iso2),
    supportedStatesList: stateCodes(iso2),
    isPostalCodeRequired: isPostalCodeRequired(iso2),
    postalCodeRegex: postalCodePattern(iso2),
    isCityRequired: isCityRequired(iso2),
    phoneNumberRegex,
    supportedLanguagesList: supportedLanguages(iso2),
    supportedCulturesList: supportedCultures(iso2),
    isRegistrationNumberSupported: isRegistrationNumberSupported(iso2),
    countryCallingCodesList: countryCallingCodes(iso2),
    isVatIdSupported: false,
    vatIdRegex: null,
    isTaxIdSupported: false,
    isTaxIdOptional: true,
    taxIdFormat: null,
    taxIdSample: null,
    isRegistrationNumberRequired: isRegistrationNumberRequired(iso2),
    isPhoneRequired: isPhoneRequired(iso2),
    name: countryName(iso2, locale) ?? iso2,
    stateOptions: stateOptions(iso2),
    registrationNumberFormat: registrationNumberFormat(iso2, nameLocale(locale)) ?? null,
  };
}

/** The rules of every country, in the reference list's order. */
export function listCountryRules(locale: string = 'en'): CountryRules[] {
  return countryCodes.flatMap((code) => getCountryRules(code, locale) ?? []);
}
