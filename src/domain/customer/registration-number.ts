/**
 * Organisation registration number (SPEC §4): required in some countries, checked against the
 * country's format there, refused elsewhere. The codes match errors.ts (600049, 600050, 600002).
 */
import {
  countryName,
  isRegistrationNumberRequired,
  isRegistrationNumberSupported,
  isValidRegistrationNumber,
  normalizeCountry,
  registrationNumberFormat,
} from '../countries/country-rules.ts';
import { cleanOptional } from '../text.ts';
import { fail, fieldError, ok, type RuleResult } from './result.ts';

export const registrationNumberErrorCodes = [
  'registration_number_missing',
  'registration_number_invalid',
  'registration_number_not_supported',
] as const;

/** The number to store (trimmed, upper case, spaces collapsed; separators kept as typed), or null. */
export function checkRegistrationNumber(
  input: string | null | undefined,
  country: string,
  field = 'organizationRegistrationNumber',
): RuleResult<string | null> {
  const iso2 = normalizeCountry(country) ?? country;
  const name = countryName(iso2) ?? iso2;
  const typed = cleanOptional(input)?.toUpperCase();
  const format = registrationNumberFormat(iso2);
  if (typed === undefined) {
    return isRegistrationNumberRequired(iso2)
      ? fail(
          fieldError(
            field,
            'registration_number_missing',
            `Enter the organization registration number; customers in ${name} need one (${format?.label ?? 'registration number'}).`,
          ),
        )
      : ok(null);
  }
  if (!isRegistrationNumberSupported(iso2) || format === undefined) {
    return fail(
      fieldError(
        field,
        'registration_number_not_supported',
        `Customers in ${name} have no organization registration number here; leave the field empty.`,
      ),
    );
  }
  if (!isValidRegistrationNumber(iso2, typed)) {
    return fail(
      fieldError(field, 'registration_number_invalid', `"${typed}" is not a valid ${format.label}; enter ${format.hint}.`),
    );
  }
  return ok(typed);
}
