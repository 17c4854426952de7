/**
 * The offline address check behind `POST /v1/validations/address`. It cannot know whether a street
 * exists, so it answers from what it can check, deterministically:
 *
 * - `None`: a required part is missing or has the wrong form (unknown country, state not in the
 *   list, postal code not matching); no suggestion.
 * - `InteractionRequired`: a US ZIP code whose first three digits belong to another state; the
 *   suggestions put the ZIP's state(s) in, and the person decides which part is wrong.
 * - `StreetPartial`: a US or Canadian street address without any number, where one is almost always
 *   part of it.
 * - `NotValidated`: a country with neither postal codes nor a state list, so only presence is known.
 * - `Verified`: every part has the country's form. Here this means "well formed", not "exists".
 *
 * The suggestion is always the normalised address (trimmed, spaces collapsed, `UK` → `GB`, state
 * names → codes, postal code upper case in the country's layout).
 */
import { countryName, hasPostalCodes, isStateListCountry, stateName } from '../countries/country-rules.ts';
import { validateAddress, type AddressInput, type PostalAddress } from './address.ts';
import { statesForZipPrefix, zipDisagreesWithState } from './us-zip-prefixes.ts';

/** The model system's statuses; we answer with the subset above. */
export const addressValidationStatuses = [
  'VerifiedShippable',
  'Verified',
  'InteractionRequired',
  'StreetPartial',
  'PremisesPartial',
  'Multiple',
  'None',
  'NotValidated',
] as const;
export type AddressValidationStatus = (typeof addressValidationStatuses)[number];

export type AddressSuggestion = {
  originalAddress: AddressInput;
  suggestedAddresses: PostalAddress[];
  status: AddressValidationStatus;
  validationMessage: string | null;
};

/** Countries whose street addresses nearly always carry a building number. */
const numberedStreetCountries: readonly string[] = ['US', 'CA'];

function hasStreetNumber(address: PostalAddress): boolean {
  return /\d/.test(`${address.addressLine1} ${address.addressLine2 ?? ''}`);
}

function stateLabel(code: string): string {
  return `${stateName('US', code) ?? code} (${code})`;
}

function zipMismatch(original: AddressInput, address: PostalAddress): AddressSuggestion {
  const zip = address.postalCode ?? '';
  const states = statesForZipPrefix(zip);
  return {
    originalAddress: original,
    suggestedAddresses: states.map((state) => ({ ...address, state })),
    status: 'InteractionRequired',
    validationMessage: `The ZIP code ${zip} is in ${states.map(stateLabel).join(' or ')}, not ${stateLabel(address.state ?? '')}; check the ZIP code and the state.`,
  };
}

function differsFromInput(original: AddressInput, address: PostalAddress): boolean {
  const typed = (value: string | null | undefined) => (value === undefined || value === null ? null : value);
  return (Object.keys(address) as (keyof PostalAddress)[]).some((key) => typed(original[key]) !== address[key]);
}

export function validateAddressForSuggestion(original: AddressInput): AddressSuggestion {
  const checked = validateAddress(original);
  if (!checked.ok) {
    return {
      originalAddress: original,
      suggestedAddresses: [],
      status: 'None',
      validationMessage: checked.errors.map((error) => error.message).join(' '),
    };
  }
  const address = checked.value;
  const answer = (status: AddressValidationStatus, validationMessage: string | null): AddressSuggestion => ({
    originalAddress: original,
    suggestedAddresses: [address],
    status,
    validationMessage,
  });
  if (address.country === 'US' && address.postalCode !== null && address.state !== null && zipDisagreesWithState(address.postalCode, address.state)) {
    return zipMismatch(original, address);
  }
  if (numberedStreetCountries.includes(address.country) && !hasStreetNumber(address)) {
    return answer('StreetPartial', 'The street address has no building number; add it, as in "1 Main Street".');
  }
  if (!hasPostalCodes(address.country) && !isStateListCountry(address.country)) {
    return answer(
      'NotValidated',
      `Addresses in ${countryName(address.country) ?? address.country} can be checked only for their required parts, and this one has them.`,
    );
  }
  return answer('Verified', differsFromInput(original, address) ? 'The address was standardized; use the suggested address.' : null);
}
