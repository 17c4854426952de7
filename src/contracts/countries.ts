import { z } from 'zod';
import { attributesSchema } from './common.ts';

const codes = z.array(z.string());

/**
 * What a form needs of a country's rules: Partner Center's CountryValidationRules (the
 * country-information-resources page), plus ours (`isRegistrationNumberRequired`, `isPhoneRequired`,
 * `name`, `stateOptions`, `registrationNumberFormat`). The portal reads these (it offers `stateOptions`
 * and leaves phone checks to the server); the answer has more (countryInformationSchema), which the
 * portal's bundle does without.
 */
export const countryValidationRulesSchema = z.object({
  iso2Code: z.string().length(2).describe('ISO 3166-1 alpha-2 code, upper case'),
  defaultCulture: z.string().describe('The culture a new customer gets unless another is chosen, e.g. en-US'),
  isStateRequired: z.boolean(),
  isPostalCodeRequired: z.boolean(),
  postalCodeRegex: z.string().nullable().describe('Pattern for the trimmed, upper-cased postal code; null where the country has no postal codes'),
  isCityRequired: z.boolean(),
  supportedLanguagesList: codes.describe('e.g. ["en", "es"]; the first is the default'),
  supportedCulturesList: codes.describe('e.g. ["en-US", "es-US"]; the first is the default'),
  isRegistrationNumberSupported: z.boolean(),
  countryCallingCodesList: codes.describe('Calling codes without "+", e.g. ["1"]'),
  isRegistrationNumberRequired: z.boolean(),
  isPhoneRequired: z.boolean(),
  name: z.string().describe("The country's name in the caller's language"),
  // Ours, for forms: the states offered by name where one is required (the code is the value), and
  // what the registration number is called and looks like, in the caller's language.
  stateOptions: z.array(z.object({ code: z.string(), name: z.string() })).describe('States to offer; [] where none is asked for'),
  registrationNumberFormat: z.object({ label: z.string(), hint: z.string() }).nullable(),
  attributes: attributesSchema('CountryInformation'),
});
export type CountryValidationRules = z.infer<typeof countryValidationRulesSchema>;

/** A list as the documented sample of "get address formatting rules by market" nests it. */
const valueList = /* @__PURE__ */ z.object({ value: codes });

/**
 * GET /v1/countryvalidationrules/{country}: Partner Center's CountryInformation. The *List names are
 * plain arrays as the resource page, the current sample and the SDKs' models have them; the sample of
 * the call's older page names the same lists `states`, `supportedLanguages`, `supportedCultures` and
 * `countryCallingCodes`, each `{ value: [...] }`, so those are sent too. A customer here gives no VAT
 * or tax id, so those are unsupported (`taxIdFormat`, `taxIdSample`, `vatIdRegex` null). Not sent:
 * `iso3Code`, `resellerAgreementRegion`, `geographicRegion`, `extensionData` (no data for them here).
 */
export const countryInformationSchema = /* @__PURE__ */ countryValidationRulesSchema
  .extend({
    supportedStatesList: codes.describe('Codes the state must be one of (US, CA, CN, MX); empty where the state is free text'),
    phoneNumberRegex: z.string().describe('A permissive hint; the server checks phone numbers with libphonenumber'),
    states: valueList,
    supportedLanguages: valueList,
    supportedCultures: valueList,
    countryCallingCodes: valueList,
    isVatIdSupported: z.boolean(),
    vatIdRegex: z.string().nullable(),
    isTaxIdSupported: z.boolean(),
    isTaxIdOptional: z.boolean(),
    taxIdFormat: z.string().nullable(),
    taxIdSample: z.string().nullable(),
  })
  .meta({ id: 'CountryInformation' });
