import { z } from 'zod';
import { attributesSchema } from './common.ts';

/**
 * GET /v1/countryvalidationrules/{country}: the model system's CountryValidationRules fields, plus
 * ours (`isRegistrationNumberRequired`, `isPhoneRequired`, `name`, `stateOptions`, `registrationNumberFormat`).
 */
export const countryValidationRulesSchema = z
  .object({
    iso2Code: z.string().length(2).describe('ISO 3166-1 alpha-2 code, upper case'),
    defaultCulture: z.string().describe('The culture a new customer gets unless another is chosen, e.g. en-US'),
    isStateRequired: z.boolean(),
    states: z
      .array(z.string())
      .describe('Codes the state must be one of (US, CA, CN, MX); empty where the state is free text'),
    isPostalCodeRequired: z.boolean(),
    postalCodeRegex: z
      .string()
      .nullable()
      .describe('Pattern for the trimmed, upper-cased postal code; null where the country has no postal codes'),
    isCityRequired: z.boolean(),
    phoneNumberRegex: z.string().describe('A permissive hint for forms; the server checks phone numbers with libphonenumber'),
    supportedLanguages: z.array(z.string()).describe('e.g. ["en", "es"]; the first is the default'),
    supportedCultures: z.array(z.string()).describe('e.g. ["en-US", "es-US"]; the first is the default'),
    isRegistrationNumberSupported: z.boolean(),
    countryCallingCodes: z.array(z.string()).describe('Calling codes without "+", e.g. ["1"]'),
    isRegistrationNumberRequired: z.boolean(),
    isPhoneRequired: z.boolean(),
    name: z.string().describe("The country's name in the caller's language"),
    // Ours, for forms: the states offered by name where one is required (the code is the value), and
    // what the registration number is called and looks like, in the caller's language.
    stateOptions: z.array(z.object({ code: z.string(), name: z.string() })).describe('States to offer; [] where none is asked for'),
    registrationNumberFormat: z.object({ label: z.string(), hint: z.string() }).nullable(),
    attributes: attributesSchema('CountryValidationRules'),
  })
  .meta({ id: 'CountryValidationRules' });
export type CountryValidationRules = z.infer<typeof countryValidationRulesSchema>;
