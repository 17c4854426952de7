/**
 * Postal address (SPEC §4): a known country (ISO alpha-2, `UK` accepted as `GB`); line 1 required,
 * lines at most 200 characters; city, state and postal code where the country requires them; the
 * state a code from the list in US, CA, CN and MX (names accepted and stored as codes), free text
 * elsewhere; the postal code matching the country's pattern.
 */
import {
  findStateCode,
  getCountryRules,
  normalizeCountry,
  normalizePostalCode,
  stateName,
  type CountryRules,
} from '../countries/country-rules.ts';
import type { FieldError } from '../errors.ts';
import { cleanOptional } from '../text.ts';
import { fail, fieldError, ok, type RuleResult } from './result.ts';

export const ADDRESS_LINE_MAX_LENGTH = 200;
/** Ours: the spec bounds only the lines; city and state get the same room, postal codes less. */
export const CITY_MAX_LENGTH = 200;
export const STATE_MAX_LENGTH = 200;
export const POSTAL_CODE_MAX_LENGTH = 20;

export const addressErrorCodes = [
  'country_required',
  'country_invalid',
  'address_line_required',
  'address_line_too_long',
  'city_required',
  'city_too_long',
  'state_required',
  'state_invalid',
  'state_too_long',
  'postal_code_required',
  'postal_code_invalid',
] as const;

/** An address as it arrives (Partner Center field names); any part may be missing or null. */
export type AddressInput = {
  country?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  addressLine3?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
};

/** An address as we store it: trimmed, spaces collapsed, codes normalised, absent parts null. */
export type PostalAddress = {
  country: string;
  addressLine1: string;
  addressLine2: string | null;
  addressLine3: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
};

function at(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}

function lineErrors(address: AddressInput, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  if (cleanOptional(address.addressLine1) === undefined) {
    errors.push(fieldError(at(prefix, 'addressLine1'), 'address_line_required', 'Enter the street address (address line 1).'));
  }
  for (const [name, label] of [['addressLine1', 'Address line 1'], ['addressLine2', 'Address line 2'], ['addressLine3', 'Address line 3']] as const) {
    const line = cleanOptional(address[name]);
    if (line !== undefined && line.length > ADDRESS_LINE_MAX_LENGTH) {
      errors.push(
        fieldError(
          at(prefix, name),
          'address_line_too_long',
          `${label} has ${line.length} characters; shorten it to ${ADDRESS_LINE_MAX_LENGTH} or fewer, using the next line if needed.`,
        ),
      );
    }
  }
  return errors;
}

function cityErrors(city: string | undefined, rules: CountryRules, field: string): FieldError[] {
  if (city === undefined) {
    return rules.isCityRequired ? [fieldError(field, 'city_required', `Enter the city; addresses in ${rules.name} need one.`)] : [];
  }
  if (city.length > CITY_MAX_LENGTH) {
    return [fieldError(field, 'city_too_long', `The city has ${city.length} characters; shorten it to ${CITY_MAX_LENGTH} or fewer.`)];
  }
  return [];
}

function stateExample(rules: CountryRules): string {
  const code = rules.supportedStatesList[0] ?? '';
  return `${code} for ${stateName(rules.iso2Code, code) ?? code}`;
}

/** The state to store: a code from the list where there is one, the text as typed elsewhere. */
export function checkState(state: string | null | undefined, rules: CountryRules, field = 'state'): RuleResult<string | null> {
  const typed = cleanOptional(state);
  if (typed === undefined) {
    return rules.isStateRequired
      ? fail(fieldError(field, 'state_required', `Choose the state or province; addresses in ${rules.name} need one.`))
      : ok(null);
  }
  if (rules.supportedStatesList.length === 0) {
    return typed.length > STATE_MAX_LENGTH
      ? fail(fieldError(field, 'state_too_long', `The state has ${typed.length} characters; shorten it to ${STATE_MAX_LENGTH} or fewer.`))
      : ok(typed);
  }
  const code = findStateCode(rules.iso2Code, typed);
  if (code === undefined || !rules.supportedStatesList.includes(code)) {
    return fail(
      fieldError(
        field,
        'state_invalid',
        `"${typed}" is not a state or province of ${rules.name}; choose one from the list (a code such as ${stateExample(rules)}).`,
      ),
    );
  }
  return ok(code);
}

/** The postal code to store (normalised to the country's layout), checked against its pattern. */
export function checkPostalCode(
  postalCode: string | null | undefined,
  rules: CountryRules,
  field = 'postalCode',
): RuleResult<string | null> {
  const typed = cleanOptional(postalCode);
  if (typed === undefined) {
    return rules.isPostalCodeRequired
      ? fail(fieldError(field, 'postal_code_required', `Enter the postal code; addresses in ${rules.name} need one.`))
      : ok(null);
  }
  const value = normalizePostalCode(rules.iso2Code, typed);
  const pattern = rules.postalCodeRegex === null ? null : new RegExp(rules.postalCodeRegex);
  if (value.length > POSTAL_CODE_MAX_LENGTH || (pattern !== null && !pattern.test(value))) {
    return fail(
      fieldError(
        field,
        'postal_code_invalid',
        rules.iso2Code === 'US'
          ? `"${typed}" is not a ZIP code; enter 5 digits, such as 98052, or ZIP+4, such as 98052-6399.`
          : `"${typed}" is not a postal code of ${rules.name}; check it against the customer's mail.`,
      ),
    );
  }
  return ok(value);
}

function countryResult(address: AddressInput, given: CountryRules | undefined, field: string): RuleResult<CountryRules> {
  if (cleanOptional(address.country) === undefined) {
    return fail(fieldError(field, 'country_required', 'Choose the country or region.'));
  }
  const iso2 = normalizeCountry(address.country);
  const rules = iso2 === undefined ? undefined : given ?? getCountryRules(iso2);
  if (rules === undefined || rules.iso2Code !== iso2) {
    return fail(
      fieldError(field, 'country_invalid', `"${address.country}" is not a country we know; use a two-letter ISO code such as US or GB.`),
    );
  }
  return ok(rules);
}

/**
 * Checks the whole address and returns it normalised. `rules` defaults to the address country's;
 * `fieldPrefix` (e.g. `billingProfile.defaultAddress`) is put before each field name in errors.
 */
export function validateAddress(address: AddressInput, rules?: CountryRules, fieldPrefix = ''): RuleResult<PostalAddress> {
  const country = countryResult(address, rules, at(fieldPrefix, 'country'));
  if (!country.ok) return fail(...country.errors, ...lineErrors(address, fieldPrefix));
  const countryRules = country.value;
  const city = cleanOptional(address.city);
  const state = checkState(address.state, countryRules, at(fieldPrefix, 'state'));
  const postalCode = checkPostalCode(address.postalCode, countryRules, at(fieldPrefix, 'postalCode'));
  const errors = [
    ...lineErrors(address, fieldPrefix),
    ...cityErrors(city, countryRules, at(fieldPrefix, 'city')),
    ...(state.ok ? [] : state.errors),
    ...(postalCode.ok ? [] : postalCode.errors),
  ];
  if (errors.length > 0 || !state.ok || !postalCode.ok) return fail(...errors);
  return ok({
    country: countryRules.iso2Code,
    addressLine1: cleanOptional(address.addressLine1) ?? '',
    addressLine2: cleanOptional(address.addressLine2) ?? null,
    addressLine3: cleanOptional(address.addressLine3) ?? null,
    city: city ?? null,
    state: state.value,
    postalCode: postalCode.value,
  });
}
