import { z } from 'zod';
import { collectionSchema } from './common.ts';

export const offerCategoryIds = ['enterprise', 'small_business', 'government', 'education', 'nonprofit', 'trial'] as const;

export const offerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** In the request's `X-Locale` where the catalog has that translation. */
    description: z.string(),
    minimumQuantity: z.number().int(),
    maximumQuantity: z.number().int(),
    country: z.string(),
    category: z.object({ id: z.enum(offerCategoryIds), name: z.string() }),
    prerequisiteOffers: z.array(z.string()),
    isAddOn: z.boolean(),
    isAvailableForPurchase: z.boolean(),
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

/** Partner Center's `X-Locale` request header: the language of the offers' descriptions (e.g. zh-TW). */
export const offerListHeadersSchema = z.object({
  'x-locale': z.string().max(35, 'X-Locale is a locale such as zh-TW').optional(),
});
