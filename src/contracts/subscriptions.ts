import { z } from 'zod';
import { collectionSchema, INT4_MAX } from './common.ts';

/**
 * GET /v1/customers/{id}/subscriptions filters (Partner Center's "get a list of subscriptions by order"
 * and "by partner MPN ID"; names in any case): the subscriptions of one order, or those whose partner
 * on record (`partnerId`) is that Partner ID. Both together: those of the order with that partner.
 */
export const subscriptionListQuerySchema = z.object({
  order_id: z.guid('order_id must be the GUID of an order').optional(),
  mpn_id: z.string().regex(/^[0-9]{1,10}$/, 'mpn_id must be a Partner ID (MPN ID) of 1 to 10 digits').optional(),
});
export type SubscriptionListQuery = z.infer<typeof subscriptionListQuerySchema>;

/** What a client may change with PATCH: the rest of the resource it sends back is read-only here. */
export const changeableSubscriptionFields = ['quantity', 'status', 'friendlyName', 'autoRenewEnabled'] as const;
export type ChangeableSubscriptionField = (typeof changeableSubscriptionFields)[number];

/** A read-only property a client sends back: any value, ignored. */
const readOnly = z.unknown().optional();

/**
 * `PATCH /v1/customers/{id}/subscriptions/{id}`: the full Subscription resource as Partner Center clients
 * send it back (GET, change a property, PATCH). Every property of our answer, and those of Partner
 * Center's resource we do not have, is accepted; only `quantity`, `status`, `friendlyName` and
 * `autoRenewEnabled` are compared with the stored subscription and applied. A property left out or null
 * is left as it is (ours: Partner Center asks for the whole resource). `attributes.etag` is the version
 * the client read, as `If-Match` (which wins when both are sent).
 */
export const updateSubscriptionRequestSchema = z.strictObject({
  quantity: z.number({ error: 'quantity must be a number' }).max(INT4_MAX, 'quantity is too large').nullish(),
  status: z.string({ error: 'status must be active or suspended' }).max(20, 'status must be active or suspended').nullish(),
  friendlyName: z.string({ error: 'friendlyName must be text' }).max(200, 'friendlyName can be at most 200 characters').nullish(),
  autoRenewEnabled: z.boolean({ error: 'autoRenewEnabled must be true or false' }).nullish(),
  attributes: z.object({ etag: z.string().max(40, 'attributes.etag must be the etag the subscription was read with, e.g. W/"3"').nullish(), objectType: readOnly }).nullish(),
  // Read-only: ours and Partner Center's (Subscription resource).
  id: readOnly,
  offerId: readOnly,
  offerName: readOnly,
  unitType: readOnly,
  creationDate: readOnly,
  effectiveStartDate: readOnly,
  commitmentEndDate: readOnly,
  billingType: readOnly,
  billingCycle: readOnly,
  termDuration: readOnly,
  orderId: readOnly,
  partnerId: readOnly,
  refundableQuantity: readOnly,
  quantityBounds: readOnly,
  links: readOnly,
  entitlementId: readOnly,
  parentSubscriptionId: readOnly,
  isTrial: readOnly,
  hasPurchasableAddons: readOnly,
  isMicrosoftProduct: readOnly,
  publisherName: readOnly,
  contractType: readOnly,
  suspensionReasons: readOnly,
  renewalTermDuration: readOnly,
  actions: readOnly,
  promotionId: readOnly,
  attentionNeeded: readOnly,
  actionTaken: readOnly,
  customTermEndDate: readOnly,
  scheduledNextTermInstructions: readOnly,
  refundOptions: readOnly,
});
export type UpdateSubscriptionRequest = z.infer<typeof updateSubscriptionRequestSchema>;

const changedValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One change of a subscription (ours): who, when, and each property from its old value to its new. */
export const subscriptionChangeSchema = z
  .object({
    id: z.guid(),
    subscriptionId: z.guid(),
    changeDate: z.iso.datetime(),
    userPrincipalName: z.string(),
    changes: z.array(z.object({ field: z.enum(changeableSubscriptionFields), oldValue: changedValue, newValue: changedValue })),
    /** The subscription's etag version after the change. */
    version: z.number().int(),
    attributes: z.object({ objectType: z.literal('SubscriptionChange') }),
  })
  .meta({ id: 'SubscriptionChange' });
export type SubscriptionChange = z.infer<typeof subscriptionChangeSchema>;
export const subscriptionChangeCollectionSchema = collectionSchema(subscriptionChangeSchema);
