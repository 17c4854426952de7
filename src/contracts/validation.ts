import { z } from 'zod';

/** Partner Center's address validation statuses (the domain's list; a unit test keeps them equal). */
export const addressValidationStatuses = ['VerifiedShippable', 'Verified', 'InteractionRequired', 'StreetPartial', 'PremisesPartial', 'Multiple', 'None', 'NotValidated'] as const;

const addressFields = {
  country: z.string().max(10).nullish(),
  addressLine1: z.string().max(500).nullish(),
  addressLine2: z.string().max(500).nullish(),
  addressLine3: z.string().max(500).nullish(),
  city: z.string().max(200).nullish(),
  state: z.string().max(200).nullish(),
  postalCode: z.string().max(40).nullish(),
  region: z.string().max(200).nullish(),
};

/** POST /v1/validations/address: Partner Center's address body (an Address). */
export const addressValidationRequestSchema = z.object(addressFields);

const postalAddressSchema = z.object({
  country: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  addressLine3: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
});

export const addressValidationResponseSchema = z
  .object({
    originalAddress: z.object(addressFields),
    suggestedAddresses: z.array(postalAddressSchema),
    status: z.enum(addressValidationStatuses),
    validationMessage: z.string().nullable(),
    attributes: z.object({ objectType: z.literal('AddressValidationResponse') }),
  })
  .meta({ id: 'AddressValidationResponse' });

export const domainAvailabilitySchema = z.object({
  domain: z.string(),
  available: z.boolean(),
  /** Taken by one of the caller's own customers (ours): that customer, to open instead of adding it again. Null otherwise. */
  yourCustomer: z.object({ id: z.guid(), companyName: z.string() }).nullable(),
  attributes: z.object({ objectType: z.literal('DomainAvailability') }),
});
