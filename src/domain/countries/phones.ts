/**
 * Phone numbers, checked with libphonenumber-js and its full ("max") metadata: the smaller default
 * metadata checks only lengths, and would accept numbers that cannot exist.
 */
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';

/**
 * A permissive pattern for hints in forms (the rules API's `phoneNumberRegex`): digits, spaces and
 * the usual punctuation. The server's real check is `checkPhoneNumber` below.
 */
export const phoneNumberRegex = String.raw`^\+?[0-9 ()\-.]{4,20}$`;

/**
 * Codes of the model system's list that libphonenumber does not know, mapped to the territory whose
 * numbering plan they use. Bouvet Island and Heard Island have no telephone service, hence no entry.
 */
const numberingPlanAliases: Readonly<Record<string, string>> = {
  XJ: 'SJ', // Jan Mayen: Norway's plan, via Svalbard and Jan Mayen
  AN: 'CW', // former Netherlands Antilles: +599
  XS: 'BQ', // Saba: +599
  XE: 'BQ', // Sint Eustatius: +599
  UM: 'US', // US Minor Outlying Islands: +1
  PN: 'NZ', // Pitcairn: New Zealand's +64
  GS: 'FK', // South Georgia: Falklands' +500
  AQ: 'NF', // Antarctica (Australian bases): +672
  TF: 'RE', // French Southern Territories: +262
};

function numberingPlanOf(iso2: string): CountryCode | undefined {
  const plan = numberingPlanAliases[iso2] ?? iso2;
  return isSupportedCountry(plan) ? plan : undefined;
}

/** The country's calling codes without `+` (e.g. `['1']`); empty where there is no telephone service. */
export function countryCallingCodes(iso2: string): string[] {
  const plan = numberingPlanOf(iso2);
  return plan === undefined ? [] : [getCountryCallingCode(plan)];
}

export type PhoneCheck =
  | { ok: true; e164: string }
  | { ok: false; reason: 'unparseable' | 'invalid' | 'wrong_country' };

/**
 * A number valid for the country: national (`(425) 882-8080` in US) or international (`+1 425 ...`),
 * valid by libphonenumber, and under the country's calling code, so a `+44` number is refused for a
 * US address while a Canadian `+1` number is accepted (the two share a numbering plan).
 */
export function checkPhoneNumber(input: string, iso2: string): PhoneCheck {
  const plan = numberingPlanOf(iso2);
  const phone = plan === undefined ? parsePhoneNumberFromString(input) : parsePhoneNumberFromString(input, plan);
  if (phone === undefined) return { ok: false, reason: 'unparseable' };
  if (!phone.isValid()) return { ok: false, reason: 'invalid' };
  if (plan !== undefined && phone.countryCallingCode !== getCountryCallingCode(plan)) {
    return { ok: false, reason: 'wrong_country' };
  }
  return { ok: true, e164: phone.number };
}

export function isValidPhoneNumber(input: string, iso2: string): boolean {
  return checkPhoneNumber(input, iso2).ok;
}
