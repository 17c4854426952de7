import { z } from 'zod';
import { collectionSchema, linkSchema } from './common.ts';

export const offerCategoryIds = ['enterprise', 'small_business', 'government', 'education', 'nonprofit', 'trial'] as const;

/**
 * Partner Center's OfferCategory (offer-resources). Ours: `id` is our category (`small_business`, not the
 * model system's `SmallBusiness_Key`), which the `category` filter and the portal read.
 */
export const offerCategorySchema = z.object({
  id: z.enum(offerCategoryIds),
  name: z.string(),
  /** The category's place among the others (1 first), in the catalog's order of categories. */
  rank: z.number().int(),
  /** The locale of `name`: category names are in English (`en-US`). */
  locale: z.string(),
  country: z.string(),
  attributes: z.object({ objectType: z.literal('OfferCategory') }),
});

/**
 * Partner Center's Offer (offer-resources; "get an offer by ID"; SDK Models/Offers/Offer.cs), with ours
 * beside it. Absent here: the model system's `acquisitionType`, `attestationProperties` and `actions`
 * (nothing in this catalog needs them), and `links.learnMore` (the catalog keeps no product pages).
 */
export const offerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** In the request's `X-Locale` where the catalog has that translation. */
    description: z.string(),
    minimumQuantity: z.number().int(),
    maximumQuantity: z.number().int(),
    /**
     * Partner Center sets it only where a product line has more than one offer; each product here has
     * one offer (see `product`), so 0.
     */
    rank: z.number().int(),
    /** Ours: the URI of GET /v1/offers/{id}?country= (Partner Center's is `/{partner id}/Offers/{id}`). */
    uri: z.string(),
    /** The locale of `description`: X-Locale's when the catalog has that translation, else `en-US`. */
    locale: z.string(),
    country: z.string(),
    category: offerCategorySchema,
    prerequisiteOffers: z.array(z.string()),
    isAddOn: z.boolean(),
    /** Whether an add-on offer of the catalog, still for sale, builds on this one. */
    hasAddOns: z.boolean(),
    isAvailableForPurchase: z.boolean(),
    /** False for an offer sold once (term `none`), true otherwise (each term renews). */
    isAutoRenewable: z.boolean(),
    /** Partner Center's OfferProduct: this catalog has one product per offer, of the offer's id and name. */
    product: z.object({ id: z.string(), name: z.string(), unit: z.string() }),
    /** Partner Center groups offers ordered together by it; null here: orders are split by the lines' billing cycles instead. */
    salesGroupId: z.string().nullable(),
    /** Upgrades and conversions are not offered here: always empty. */
    upgradeTargetOffers: z.array(z.string()),
    conversionTargetOffers: z.array(z.string()),
    /** Qualifications asked of the customer or the partner: this catalog asks none, always empty. */
    reselleeQualifications: z.array(z.string()),
    resellerQualifications: z.array(z.string()),
    isInternal: z.boolean(),
    billing: z.enum(['license', 'usage']),
    supportedBillingCycles: z.array(z.string()),
    /** The usual term (the first of `terms`). */
    termDuration: z.string(),
    /** Ours: every term it is sold with, the usual first, each with the billing cycles it can be billed at. */
    terms: z.array(z.object({ duration: z.string(), billingCycles: z.array(z.string()) })),
    unitType: z.string(),
    isTrial: z.boolean(),
    limit: z.number().int().nullable(),
    limitUnitOfMeasure: z.string(),
    /** Ours: a list price per unit and month, for estimates. */
    listPrice: z.object({ amount: z.number(), currency: z.string() }),
    /** Partner Center's OfferLinks: `self` only (ours: no `learnMore`). */
    links: z.object({ self: linkSchema }),
    attributes: z.object({ objectType: z.literal('Offer') }),
  })
  .meta({ id: 'Offer' });
export type Offer = z.infer<typeof offerSchema>;
export const offerCollectionSchema = collectionSchema(offerSchema);

export const offerListQuerySchema = z.object({
  country: z.string().min(2, 'country is required, e.g. country=US').max(10),
  offset: z.coerce.number().int().min(0, 'offset must be 0 or more').default(0),
  size: z.coerce.number().int().min(1, 'size must be between 1 and 500').max(500, 'size must be between 1 and 500').default(500),
  category: z.enum(offerCategoryIds).optional(),
  q: z.string().max(100).optional(),
});

/** GET /v1/offers/{offer-id}?country=: the country is required here, as for the list. */
export const offerGetQuerySchema = offerListQuerySchema.pick({ country: true });
export const offerParamsSchema = z.object({ offerId: z.string().min(1).max(100, 'offerId can be at most 100 characters') });

/** Partner Center's `X-Locale` request header: the language of the offers' descriptions (e.g. zh-TW). */
export const offerListHeadersSchema = z.object({
  'x-locale': z.string().max(35, 'X-Locale is a locale such as zh-TW').optional(),
});
