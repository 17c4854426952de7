import type { z } from 'zod';
import type { addressSchema } from '#contracts/customers.ts';

type Address = z.infer<typeof addressSchema>;

/** Joins the parts that are there, so a missing state leaves no stray comma. */
function join(separator: string, ...parts: (string | null | undefined)[]): string {
  return parts
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(separator);
}

type Template = (a: Address) => string[];

const street = (a: Address) => [a.addressLine1, a.addressLine2 ?? '', a.addressLine3 ?? ''];

/** City, state and postal code on one line, as the US post writes it. */
const northAmerican: Template = (a) => [...street(a), join(' ', join(', ', a.city, a.state), a.postalCode)];
/** Most of Europe and Latin America: postal code before the city. */
const postalFirst: Template = (a) => [...street(a), join(' ', a.postalCode, a.city), a.state ?? ''];
/** The UK and Ireland: town, county and postcode each on a line. */
const british: Template = (a) => [...street(a), a.city ?? '', a.state ?? '', a.postalCode ?? ''];
/** Australia and New Zealand: suburb, state and postcode on one line. */
const australian: Template = (a) => [...street(a), join(' ', a.city, a.state, a.postalCode)];
/** India: city and PIN, then the state. */
const indian: Template = (a) => [...street(a), join(' ', a.city, a.postalCode), a.state ?? ''];
/** Brazil: city and state, then the CEP. */
const brazilian: Template = (a) => [...street(a), join(' - ', a.city, a.state), a.postalCode ?? ''];
/** East Asia: from the largest unit to the smallest, postal code first. */
const eastAsian: Template = (a) => [a.postalCode ?? '', join(' ', a.state, a.city), ...street(a)];

const templates: Record<string, Template> = {
  US: northAmerican,
  CA: northAmerican,
  PR: northAmerican,
  GB: british,
  IE: british,
  AU: australian,
  NZ: australian,
  IN: indian,
  BR: brazilian,
  TW: eastAsian,
  JP: eastAsian,
  CN: eastAsian,
  KR: eastAsian,
  HK: eastAsian,
};

/**
 * An address as lines, in the order the country's post expects (a compact subset of the usual
 * per-country formats; other countries write the postal code before the city). The last line is the
 * country's name in the reader's language.
 */
export function formatAddressLines(address: Address, countryName: string): string[] {
  const template = templates[address.country.toUpperCase()] ?? postalFirst;
  return [...template(address), countryName].map((line) => line.trim()).filter((line) => line !== '');
}
