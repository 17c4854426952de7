import { z } from 'zod';
import { fieldErrorSchema, lineItemNumberInputSchema } from './common.ts';
import { billingCycleInputSchema, ignored, mcaOnlySchema, orderLineItemDocumented } from './pc-input.ts';

/**
 * The customer's details in Partner Center's request shape. Structure and types here; the rules of
 * SPEC §4 (which depend on the country) are in `#domain/onboarding.ts`, and report errors at the same
 * paths (`billingProfile.defaultAddress.postalCode`), so the portal shows them at the field.
 */
const text = (max: number) => z.string().max(max, `Use at most ${max} characters.`);
const optionalText = (max: number) => text(max).nullish();

/** Partner Center's Address (SDK Models/Address.cs; customer-resources "Address"). */
export const addressInputSchema = z.strictObject({
  firstName: text(100),
  /** Partner Center's; we keep no middle name (validated, not stored). */
  middleName: optionalText(100),
  lastName: text(100),
  addressLine1: text(500),
  addressLine2: optionalText(500),
  addressLine3: optionalText(500),
  city: optionalText(200),
  state: optionalText(200),
  postalCode: optionalText(40),
  country: text(10),
  region: optionalText(200),
  phoneNumber: optionalText(40),
});

/** Partner Center's CustomerCompanyProfile (SDK Models/Customers/CustomerCompanyProfile.cs; customer-resources). */
export const companyProfileInputSchema = z.strictObject({
  companyName: optionalText(400),
  /** The prefix (`contoso`) or the full domain (`contoso.onmicrosoft.com`). */
  domain: text(300),
  organizationRegistrationNumber: optionalText(100),
  tenantId: ignored(),
  /** Partner Center fills the company's address and email from the billing profile: ignored here. */
  address: ignored('Ignored: the billing profile\'s defaultAddress is the address.'),
  email: ignored('Ignored: the billing profile\'s email is the email.'),
  links: ignored(),
  attributes: ignored(),
});

/** Partner Center's CustomerBillingProfile (SDK Models/Customers/CustomerBillingProfile.cs; customer-resources). */
export const billingProfileInputSchema = z.strictObject({
  id: ignored(),
  /** Partner Center's; on create the names are the defaultAddress's (validated, not stored from here). */
  firstName: optionalText(100),
  lastName: optionalText(100),
  email: text(320),
  culture: optionalText(20),
  language: optionalText(20),
  companyName: optionalText(400),
  defaultAddress: addressInputSchema,
  links: ignored(),
  attributes: ignored(),
});

/** (ours) How a US Government customer is eligible (SPEC §8): required there, by POST /v1/customers too. */
export const eligibilityInputSchema = z.strictObject({
  validationType: z.enum(['GovernmentEntity', 'RegulatedData'], { error: 'Choose GovernmentEntity or RegulatedData.' }),
  details: text(2000).min(1, 'Describe how the customer is eligible.'),
});

/**
 * POST /v1/customers: Partner Center's Customer (SDK Models/Customers/Customer.cs; customer-resources),
 * and (ours) a US Government customer's `eligibility`.
 */
export const createCustomerRequestSchema = z.strictObject({
  id: ignored(),
  commerceId: ignored(),
  companyProfile: companyProfileInputSchema,
  billingProfile: billingProfileInputSchema,
  relationshipToPartner: ignored('Read-only in Partner Center (the partner\'s relationship follows from who creates the customer): ignored.'),
  allowDelegatedAccess: ignored(),
  userCredentials: ignored(),
  customDomains: ignored(),
  tags: ignored('Partner Center\'s tags: not kept here, ignored.'),
  /** An indirect provider's reseller: its tenant id (a GUID), as Partner Center documents it. */
  associatedPartnerId: optionalText(100),
  /** Partner Center's: whether the partner gets delegated admin access (left out or null: it does). Answered as allowDelegatedAccess. */
  enableGDAPByDefault: z.boolean().nullish(),
  links: ignored(),
  attributes: ignored(),
  eligibility: eligibilityInputSchema.nullish(),
});
export type CreateCustomerRequest = z.infer<typeof createCustomerRequestSchema>;

/** Partner Center's Contact (SDK Models/Agreements/Contact.cs): the agreement's primary contact. */
export const signerSchema = z.strictObject({
  firstName: text(100),
  lastName: text(100),
  email: text(320),
  phoneNumber: optionalText(40),
});

/** The wizard's agreement: Partner Center's Agreement (SDK Models/Agreements/Agreement.cs; agreement-resources) and (ours) `accepted`. */
export const agreementInputSchema = z.strictObject({
  /** The attestation that the customer accepted the agreement: must be true. */
  accepted: z.literal(true, { error: 'Confirm that the customer has accepted the agreement.' }).optional(),
  templateId: z.guid('templateId must be a GUID').nullish(),
  dateAgreed: z.string().max(40),
  primaryContact: signerSchema,
  /** Partner Center derives it from the App+User token; so do we. */
  userId: ignored('Ignored: the signed-in partner user is the one confirming.'),
  /** The wizard confirms the Microsoft Customer Agreement: another type is a 400. */
  type: mcaOnlySchema.nullish(),
  agreementLink: ignored('Ignored: the template\'s link is recorded.'),
  attributes: ignored(),
});

/** A billing cycle as Partner Center spells it (`Monthly`, `OneTime`, `Unknown`) or as we do, in any case. */
export const billingCycleSchema = billingCycleInputSchema;

export const lineItemInputSchema = z.strictObject({
  lineItemNumber: lineItemNumberInputSchema,
  offerId: text(100).min(1, 'Choose an offer.'),
  quantity: z.number({ error: 'Enter a number of licenses.' }),
  friendlyName: optionalText(200),
  partnerIdOnRecord: optionalText(20),
  /** One of the offer's terms (ISO 8601: P1M, P1Y); its usual one when left out. */
  termDuration: optionalText(10),
  /** Ours, as a cart line item has it: this line's billing cycle, else the order's `billingCycle`, else the offer's usual. Lines of different cycles become one order each. */
  billingCycle: billingCycleSchema.nullish(),
  ...orderLineItemDocumented(),
});

/** POST /v1/onboardings: the whole wizard in one call (ours). */
export const onboardingRequestSchema = createCustomerRequestSchema.extend({
  agreement: agreementInputSchema.nullish(),
  lineItems: z
    .array(lineItemInputSchema)
    .max(50, 'At most 50 offers in one order.')
    .nullish()
    .transform((items) => items ?? []),
  billingCycle: billingCycleSchema.nullish(),
  /** The draft this submission completes; it is deleted with the customer's creation. */
  draftId: z.guid().nullish(),
});
export type OnboardingRequest = z.infer<typeof onboardingRequestSchema>;

export const userCredentialsSchema = z.object({
  userName: z.literal('admin'),
  userPrincipalName: z.string(),
  password: z.string(),
});

export const onboardingValidationSchema = z.object({
  valid: z.boolean(),
  errors: z.array(fieldErrorSchema),
  warnings: z.array(fieldErrorSchema),
});
export type OnboardingValidation = z.infer<typeof onboardingValidationSchema>;

/** A draft is lenient: any part of the wizard, validated fully only on submit. */
export const draftDataSchema = z.record(z.string(), z.unknown()).refine((value) => JSON.stringify(value).length <= 64_000, 'A draft holds at most 64 KB.');

export const draftInputSchema = z.strictObject({
  step: z
    .enum(['account', 'subscriptions', 'review'])
    .nullish()
    .transform((step) => step ?? 'account'),
  data: draftDataSchema,
  /** The MS-RequestId the portal will submit this draft with. */
  requestId: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/).nullish(),
  /**
   * POST only: the id the client chose, so that it can name the draft (in the address) before the
   * first save's answer comes back, e.g. when the page is closed within that save. Ignored on PUT.
   */
  id: z.guid('id must be a GUID').nullish(),
});

/** What a list of drafts shows of each: read from the draft's data, `null` where it has none yet. */
export const draftSummarySchema = z.object({
  companyName: z.string().nullable(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const draftSchema = z.object({
  id: z.guid(),
  step: z.enum(['account', 'subscriptions', 'review']),
  data: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** DRAFT_TTL_DAYS after the last save; each save renews it. After it the draft is gone (404). */
  expiresAt: z.iso.datetime(),
  summary: draftSummarySchema,
  attributes: z.object({ objectType: z.literal('OnboardingDraft') }),
});
export type Draft = z.infer<typeof draftSchema>;

export const draftListSchema = z.object({ items: z.array(draftSchema), totalCount: z.number().int() });
export type DraftList = z.infer<typeof draftListSchema>;
