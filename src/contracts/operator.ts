import { z } from 'zod';
import { instanceIdSchema, partnerKindSchema, roleSchema } from './auth.ts';

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((value) => (value === 'UK' ? 'GB' : value))
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 country code such as US'));

const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a domain such as contoso.com');

/** The operator's setup (CLI `partners create|update`). */
export const partnerInputSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(255),
  kind: partnerKindSchema,
  instance: instanceIdSchema.default('public'),
  mpnId: z.string().trim().regex(/^[0-9]{1,10}$/, 'Partner ID (MPN ID) must be 1 to 10 digits'),
  markets: z.array(countryCode).min(1, 'at least one market is required'),
  emailDomains: z.array(emailDomain).default([]),
  usgovValidated: z.boolean().default(false),
});
export type PartnerInput = z.infer<typeof partnerInputSchema>;

export const partnerUpdateSchema = partnerInputSchema.omit({ instance: true, kind: true }).partial();
export type PartnerUpdate = z.infer<typeof partnerUpdateSchema>;

export const partnershipStateSchema = z.enum(['active', 'inactive', 'suspended', 'terminated']);

export const userInputSchema = z.object({
  partner: z.string().trim().min(1, 'the partner (id, Partner ID or name) is required'),
  email: z.string().trim().toLowerCase().email('must be an email address'),
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: z.array(roleSchema).min(1, 'at least one role is required'),
  password: z.string().min(12, 'the password must have at least 12 characters').max(1024),
});
export type UserInput = z.infer<typeof userInputSchema>;

const offerMarket = z.object({
  country: countryCode,
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as USD'),
  listPrice: z.number().min(0).max(1_000_000),
});

const termDurationSchema = z.enum(['P1M', 'P1Y', 'P3Y', 'none']);

/** A locale such as zh-TW, written canonically (`zh-tw` becomes `zh-TW`). */
const catalogLocale = z.string().transform((value, context) => {
  try {
    const [canonical] = Intl.getCanonicalLocales(value.trim());
    if (canonical !== undefined) return canonical;
  } catch {
    // Not a language tag: reported below.
  }
  context.addIssue({ code: 'custom', message: `"${value}" is not a locale such as zh-TW` });
  return z.NEVER;
});

/**
 * One offer of `catalog import FILE`. The file is `{ "offers": [Offer, ...] }`; importing it again
 * updates the offers by id and replaces their markets. See docs/catalog-format.md.
 */
export const offerInputSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    instance: instanceIdSchema.default('public'),
    name: z.string().trim().min(1).max(255),
    description: z.string().trim().max(2000).default(''),
    category: z.enum(['enterprise', 'small_business', 'government', 'education', 'nonprofit', 'trial']),
    minQuantity: z.number().int().min(1),
    maxQuantity: z.number().int().min(1),
    unitType: z.string().trim().min(1).max(50).default('Licenses'),
    billing: z.enum(['license', 'usage']).default('license'),
    billingCycles: z.array(z.enum(['monthly', 'annual', 'none', 'one_time'])).min(1),
    /** The only term; or `terms`, several with the usual one first. */
    term: termDurationSchema.optional(),
    terms: z.array(termDurationSchema).min(1, 'give at least one term, the usual one first').optional(),
    /** Translated descriptions by locale: `{ "zh-TW": "..." }`. */
    descriptions: z.record(catalogLocale, z.string().trim().max(2000)).default({}),
    purchaseLimit: z.number().int().min(1).nullable().default(null),
    isAddOn: z.boolean().default(false),
    prerequisiteOfferIds: z.array(z.string()).default([]),
    isTrial: z.boolean().default(false),
    active: z.boolean().default(true),
    markets: z.array(offerMarket).min(1, 'an offer is sold in at least one country'),
  })
  .refine((offer) => offer.maxQuantity >= offer.minQuantity, { message: 'maxQuantity must be at least minQuantity', path: ['maxQuantity'] })
  .refine((offer) => (offer.term === undefined) !== (offer.terms === undefined), { message: 'give either term (one) or terms (several, the usual first)', path: ['terms'] })
  .refine((offer) => new Set(offer.terms ?? []).size === (offer.terms ?? []).length, { message: 'list each term once', path: ['terms'] });
export type OfferInput = z.infer<typeof offerInputSchema>;

export const catalogFileSchema = z.object({ offers: z.array(offerInputSchema).min(1) });

export const agreementTemplateInputSchema = z.object({
  instance: instanceIdSchema.default('public'),
  type: z.enum(['MicrosoftCloudAgreement', 'MicrosoftCustomerAgreement']),
  templateId: z.guid().optional(),
  link: z.url('must be a URL'),
  versionRank: z.number().int().min(1),
});
export type AgreementTemplateInput = z.infer<typeof agreementTemplateInputSchema>;

/** CLI `tenants create`: an existing tenant (issue 9, part 4), optionally with one partner. */
export const tenantInputSchema = z.object({
  company: z.string().min(1, 'the company name is required').max(255),
  /** The prefix (`northwind`) or the whole domain under the instance's suffix (`northwind.onmicrosoft.com`). */
  domain: z.string().trim().min(1, 'the domain (prefix or full domain) is required').max(300),
  country: z.string().trim().min(1).max(10).default('US'),
  culture: z.string().trim().max(20).optional(),
  /** The partner's instance when a partner is given, else public. */
  instance: instanceIdSchema.optional(),
  partner: z.string().trim().min(1).optional(),
});
export type TenantInput = z.infer<typeof tenantInputSchema>;
