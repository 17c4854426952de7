import { z } from 'zod';
import { collectionSchema, linkSchema } from './common.ts';
import { ignored } from './pc-input.ts';

export const addressSchema = z.object({
  country: z.string(),
  region: z.string().nullable().optional(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  addressLine3: z.string().nullable().optional(),
  postalCode: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  phoneNumber: z.string().nullable(),
});

/**
 * Partner Center's CustomerCompanyProfile (customer-resources; SDK Models/Customers/CustomerCompanyProfile.cs),
 * answered in the customer and by `GET /v1/customers/{id}/profiles/company`. Partner Center fills the
 * company's `address` and `email` from the billing profile (its "get a customer by ID" sample: the billing
 * address without the contact's names, the billing email); so do we. Partner Center leaves them out for a
 * partner without delegated admin access (DAP or GDAP roles); here they are always answered (ours: the
 * partner manages its customers' users whatever `allowDelegatedAccess` says).
 */
export const customerCompanyProfileSchema = z
  .object({
    tenantId: z.guid(),
    domain: z.string(),
    companyName: z.string(),
    address: addressSchema.omit({ firstName: true, lastName: true }),
    email: z.string(),
    organizationRegistrationNumber: z.string().nullable(),
    links: z.object({ self: linkSchema }),
    attributes: z.object({ objectType: z.literal('CustomerCompanyProfile') }),
  })
  .meta({ id: 'CustomerCompanyProfile' });
export type CustomerCompanyProfile = z.infer<typeof customerCompanyProfileSchema>;

/**
 * Partner Center's CustomerBillingProfile, in the customer and at `GET`/`PUT /v1/customers/{id}/profiles/billing`.
 * `id` is the profile's (the customer's tenant id, ours); `attributes.etag` is what the PUT sends back
 * (If-Match or the body's attributes.etag), the same in the customer as at .../profiles/billing.
 */
export const customerBillingProfileSchema = z
  .object({
    id: z.guid(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    culture: z.string(),
    language: z.string(),
    companyName: z.string(),
    defaultAddress: addressSchema,
    links: z.object({ self: linkSchema }),
    attributes: z.object({ etag: z.string(), objectType: z.literal('CustomerBillingProfile') }),
  })
  .meta({ id: 'CustomerBillingProfile' });
export type CustomerBillingProfile = z.infer<typeof customerBillingProfileSchema>;

/**
 * A customer as Partner Center returns it (customer-resources; "get a customer by ID" sample), plus our
 * `indirectReseller`, `indirectProvider` and `createdAt`. `userCredentials` is the create call's only.
 */
export const customerSchema = z
  .object({
    id: z.guid(),
    commerceId: z.guid(),
    companyProfile: customerCompanyProfileSchema,
    billingProfile: customerBillingProfileSchema,
    /**
     * Partner Center's values, in its casing: `none`, `reseller`, `advisor` (and `syndication`,
     * `microsoft_support`, which no partner here can be). A partner's customers here are its resold ones.
     */
    relationshipToPartner: z.enum(['none', 'reseller', 'advisor']),
    /**
     * Whether the partner has delegated admin access to the customer: as the create request's
     * `enableGDAPByDefault` asked (left out: granted, as Partner Center does since November 2023).
     * Partner Center answers it by id only; here in the list too.
     */
    allowDelegatedAccess: z.boolean(),
    /** The customer's domains; here its one domain, `<prefix>.onmicrosoft.com` (Partner Center lists that initial domain too). */
    customDomains: z.array(z.string()),
    /** The indirect reseller's tenant id (Partner Center's), as a request sets it; null without one. */
    associatedPartnerId: z.guid().nullable().optional(),
    indirectReseller: z.object({ id: z.guid(), name: z.string() }).nullable(),
    indirectProvider: z.object({ id: z.guid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    links: z.object({ self: linkSchema }),
    attributes: z.object({ objectType: z.literal('Customer') }),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customerSchema>;

export const customerCollectionSchema = collectionSchema(customerSchema);

/**
 * Partner Center's `filter` (URL-encoded JSON). It documents only `starts_with`; `contains` (ours) finds
 * the value anywhere in the field ("wind" finds "Northwind Traders"), as the portal's search does.
 */
export const customerFilterSchema = z.object({
  /** For IndirectReseller and IndirectCloudSolutionProvider the Value is that partner's tenant id (a GUID). */
  Field: z.enum(['CompanyName', 'Domain', 'IndirectReseller', 'IndirectCloudSolutionProvider']),
  Value: z.string().min(1).max(255),
  Operator: z.enum(['starts_with', 'contains']),
});
export type CustomerFilter = z.infer<typeof customerFilterSchema>;

/** The orders of the list (ours): by company name or date added, `-` for descending; ties by id. */
export const customerSorts = ['companyName', '-companyName', 'createdAt', '-createdAt'] as const;
export type CustomerSort = (typeof customerSorts)[number];

/** What selects and orders the customers, for a page (`GET /v1/customers`) and for the CSV export alike. */
export const customerCriteriaQuerySchema = z.object({
  filter: z.string().max(2000).optional(),
  /** Ours: the customer's country (ISO 3166 alpha-2, `UK` read as `GB`). */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'country must be a two-letter ISO 3166 code such as US')
    .optional(),
  /** Ours, for indirect providers: the tenant id of the indirect reseller associated with the customers. */
  indirectResellerId: z.guid('indirectResellerId must be the tenant id (a GUID) of one of your indirect resellers').optional(),
  sort: z.enum(customerSorts, { error: `sort must be one of ${customerSorts.join(', ')}` }).default('companyName'),
});
export type CustomerCriteriaQuery = z.infer<typeof customerCriteriaQuerySchema>;

export const customerListQuerySchema = customerCriteriaQuerySchema.extend({
  /**
   * Partner Center documents `size` only as "the number of results to be displayed at one time"; `0`
   * (which its SDKs send for "not set") is not documented, so it is read as the default page size (100).
   */
  size: z.coerce
    .number()
    .int()
    .min(0, 'size must be between 0 (the default, 100) and 500')
    .max(500, 'size must be between 0 (the default, 100) and 500')
    .default(100)
    .transform((size) => (size === 0 ? 100 : size)),
  seekOperation: z.enum(['Next']).optional(),
});

/** `GET /v1/customers/countries` (ours): the countries the caller's customers are in, for the list's filter. */
export const customerCountryCollectionSchema = collectionSchema(z.object({ country: z.string() }));

/**
 * (ours) How a US Government customer is eligible (SPEC §8): the validation its partner recorded when
 * it added the customer. Read with `GET /v1/customers/{id}/eligibility`; Partner Center has no such call.
 */
export const eligibilityValidationSchema = z
  .object({
    id: z.guid(),
    validationType: z.enum(['GovernmentEntity', 'RegulatedData']),
    details: z.string(),
    /** The partner user who recorded it; null once that user is gone. */
    validatedBy: z.object({ id: z.guid(), displayName: z.string(), email: z.string() }).nullable(),
    partner: z.object({ id: z.guid(), name: z.string() }),
    createdAt: z.iso.datetime(),
    attributes: z.object({ objectType: z.literal('CustomerEligibilityValidation') }),
  })
  .meta({ id: 'CustomerEligibilityValidation' });
export type EligibilityValidation = z.infer<typeof eligibilityValidationSchema>;
export const eligibilityValidationCollectionSchema = collectionSchema(eligibilityValidationSchema);

/**
 * PUT /v1/customers/{id}/indirectreseller (ours): an indirect provider assigns, changes or (null) clears
 * the indirect reseller of one of its customers. The reseller's tenant id, in an active partnership.
 */
export const setIndirectResellerRequestSchema = z.strictObject({
  indirectResellerId: z.guid('indirectResellerId must be the tenant id (a GUID) of one of your indirect resellers, or null').nullable(),
});
export type SetIndirectResellerRequest = z.infer<typeof setIndirectResellerRequestSchema>;


const profileText = (max: number) => z.string().max(max, `Use at most ${max} characters.`);

/**
 * The PUT's body: the full resource, as Partner Center's clients send it back. The names may also sit in
 * `defaultAddress` (the create call's place for them); `id` and `links` are read-only and ignored. The
 * country cannot change (Partner Center: a customer's country is fixed once created).
 */
export const updateBillingProfileRequestSchema = z.strictObject({
  /** Partner Center's CustomerBillingProfile (SDK Models/Customers/CustomerBillingProfile.cs; customer-resources). */
  id: ignored(),
  firstName: profileText(100).nullish(),
  lastName: profileText(100).nullish(),
  email: profileText(320),
  culture: profileText(20).nullish(),
  language: profileText(20).nullish(),
  companyName: profileText(400).nullish(),
  /** Partner Center's Address (SDK Models/Address.cs). */
  defaultAddress: z.strictObject({
    firstName: profileText(100).nullish(),
    /** Partner Center's; we keep no middle name (validated, not stored). */
    middleName: profileText(100).nullish(),
    lastName: profileText(100).nullish(),
    addressLine1: profileText(500),
    addressLine2: profileText(500).nullish(),
    addressLine3: profileText(500).nullish(),
    city: profileText(200).nullish(),
    state: profileText(200).nullish(),
    postalCode: profileText(40).nullish(),
    country: profileText(10),
    region: profileText(200).nullish(),
    phoneNumber: profileText(40).nullish(),
  }),
  links: ignored(),
  /** `etag` is honoured (the PUT's precondition, as If-Match); the rest is read-only. */
  attributes: z.object({ etag: profileText(100).nullish(), objectType: ignored() }).nullish(),
});
export type UpdateBillingProfileRequest = z.infer<typeof updateBillingProfileRequestSchema>;
