/**
 * Phone number (SPEC §4): required in the countries that require a registration number; when given,
 * valid for the country by libphonenumber. Stored in E.164 (`+14258828080`).
 */
import { checkPhoneNumber, countryName, isPhoneRequired, normalizeCountry } from '../countries/country-rules.ts';
import { cleanOptional } from '../text.ts';
import { fail, fieldError, ok, type RuleResult } from './result.ts';

// `phone_missing` is also an ErrorCode (600051), so a lone missing phone keeps the model system's number.
export const phoneErrorCodes = ['phone_missing', 'phone_invalid', 'phone_wrong_country'] as const;

/** The E.164 number to store, or null when none was given and none is required. */
export function checkPhone(input: string | null | undefined, country: string, field = 'phoneNumber'): RuleResult<string | null> {
  const iso2 = normalizeCountry(country) ?? country;
  const name = countryName(iso2) ?? iso2;
  const typed = cleanOptional(input);
  if (typed === undefined) {
    return isPhoneRequired(iso2)
      ? fail(fieldError(field, 'phone_missing', `Enter a phone number; customers in ${name} need one.`))
      : ok(null);
  }
  const check = checkPhoneNumber(typed, iso2);
  if (check.ok) return ok(check.e164);
  if (check.reason === 'wrong_country') {
    return fail(
      fieldError(field, 'phone_wrong_country', `"${typed}" is not a phone number in ${name}; enter a number of the customer's country.`),
    );
  }
  return fail(
    fieldError(
      field,
      'phone_invalid',
      `"${typed}" is not a valid phone number in ${name}; check the digits, or start with + and the country code.`,
    ),
  );
}
