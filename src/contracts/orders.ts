import { z } from 'zod';
import { collectionSchema, lineItemNumberInputSchema, linkSchema } from './common.ts';
import { billingCycleInputSchema, ignored, mcaOnlySchema, orderDocumented, orderLineItemDocumented } from './pc-input.ts';

export const orderLineItemSchema = z.object({
  lineItemNumber: z.number().int(),
  offerId: z.string(),
  /** Ours: Partner Center's line items carry only the offer id; the name saves a client a lookup per line. */
  offerName: z.string().describe("The offer's name, e.g. Microsoft 365 E3 (ours: not in Partner Center's line items)"),
  subscriptionId: z.guid(),
  friendlyName: z.string().nullable(),
  quantity: z.number().int(),
  /** ISO 8601: P1M, P1Y, P3Y (or none). */
  termDuration: z.string(),
  /** Partner Center's line transaction type; every line here buys a new subscription. */
  transactionType: z.literal('New'),
  partnerIdOnRecord: z.string().nullable(),
  /** Partner Center's provisioning variables of a SKU; no offer here asks for any, so it is always empty. */
  provisioningContext: z.record(z.string(), z.string()),
  // Partner Center's `sku`, `product`, `availability` and `activationLinks` are left out: there are no such resources here.
  links: z.object({ subscription: linkSchema, provisioningStatus: linkSchema }),
});

/** Partner Center's OrderLineItemProvisioningStatus (order-resources; "get order provisioning status"). */
export const orderLineItemProvisioningStatusSchema = z
  .object({
    /** The line's number, as in the documented sample (which also carries it as `lineItemNumber`). */
    orderLineItemId: z.number().int(),
    lineItemNumber: z.number().int(),
    /** `fulfilled`; `unfulfilled` for a cancelled order; `prefulfillmentPending` while it is pending. */
    status: z.enum(['fulfilled', 'unfulfilled', 'prefulfillmentPending']),
    quantityProvisioningInformation: z.array(z.object({ quantity: z.number().int(), status: z.string() })),
    /** Ours: the subscription the line made. */
    subscriptionId: z.guid(),
  })
  .meta({ id: 'OrderLineItemProvisioningStatus' });
export type OrderLineItemProvisioningStatus = z.infer<typeof orderLineItemProvisioningStatusSchema>;
export const orderProvisioningStatusCollectionSchema = collectionSchema(orderLineItemProvisioningStatusSchema);

export const orderSchema = z
  .object({
    id: z.guid(),
    /** Partner Center's friendly id; here the id itself, as Partner Center's new-commerce orders have it. */
    alternateId: z.string(),
    referenceCustomerId: z.guid(),
    billingCycle: z.string(),
    /** Partner Center's UserPurchase, SystemPurchase or SystemBilling: every order here is a partner's purchase. */
    transactionType: z.literal('UserPurchase'),
    currencyCode: z.string(),
    currencySymbol: z.string(),
    lineItems: z.array(orderLineItemSchema),
    status: z.enum(['pending', 'completed', 'cancelled']),
    creationDate: z.iso.datetime(),
    // No `patchOperation`: an order is not changed here (a subscription is).
    links: z.object({ self: linkSchema, provisioningStatus: linkSchema }),
    attributes: z.object({ etag: z.string(), objectType: z.literal('Order') }),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof orderSchema>;
export const orderCollectionSchema = collectionSchema(orderSchema);

/** The confirmation an order may carry (ours): the signer, the date agreed and, optionally, the template. */
export const customerAgreementInputSchema = z.strictObject({
  primaryContact: z.strictObject({
    firstName: z.string().max(100),
    lastName: z.string().max(100),
    email: z.string().max(320),
    phoneNumber: z.string().max(40).nullish(),
  }),
  templateId: z.guid('templateId must be a GUID').nullish(),
  dateAgreed: z.string().max(40),
  /** Partner Center's Agreement's other properties: the signed-in user, the MCA and its template's link are recorded. */
  userId: ignored(),
  type: mcaOnlySchema.nullish(),
  agreementLink: ignored(),
  attributes: ignored(),
});

/** POST /v1/customers/{id}/orders: Partner Center's Order (SDK Models/Orders/Order.cs; order-resources), see pc-input.ts. */
export const createOrderRequestSchema = z.strictObject({
  lineItems: z
    .array(
      z.strictObject({
        lineItemNumber: lineItemNumberInputSchema,
        offerId: z.string().min(1, 'offerId is required').max(100),
        quantity: z.number({ error: 'quantity must be a number' }),
        friendlyName: z.string().max(200).nullish(),
        partnerIdOnRecord: z.string().max(20).nullish(),
        /** One of the offer's terms (ISO 8601: P1M, P1Y); its usual one when left out. */
        termDuration: z.string().max(10).nullish(),
        ...orderLineItemDocumented(),
      }),
    )
    .min(1, 'An order needs at least one line item.')
    .max(50, 'At most 50 line items in one order.'),
  /** Partner Center's BillingCycleType in any case (`Monthly`, `OneTime`, `Unknown` = each offer's own) or ours. */
  billingCycle: billingCycleInputSchema.nullish(),
  referenceCustomerId: z.string().nullish(),
  /** Honoured: `false` refuses an order naming a partnerIdOnRecord (the attestation is what records it). */
  partnerOnRecordAttestationAccepted: z.boolean({ error: 'partnerOnRecordAttestationAccepted must be true, false or null' }).nullish(),
  ...orderDocumented(),
  /**
   * Ours (not in Partner Center's order): the customer's acceptance of the latest Microsoft Customer
   * Agreement, recorded with the order in one transaction, for a customer whose confirmation is missing.
   * The same checks as POST /v1/customers/{id}/agreements; refused with 600061 when one exists already.
   */
  customerAgreement: customerAgreementInputSchema
    .nullish()
    .describe(
      "Ours (not in Partner Center's order): confirm the customer's acceptance of the Microsoft Customer Agreement with this order, atomically, when it is not confirmed yet (13605 otherwise). templateId defaults to the latest; 600061 when a confirmation exists already. Needs the right to confirm agreements as well as to order.",
    ),
});
export type CreateOrderRequest = z.infer<typeof createOrderRequestSchema>;

/**
 * Partner Center's Subscription (subscription-resources; SDK Models/Subscriptions/Subscription.cs), with
 * ours beside it. Absent here: `refundOptions`, `renewalTermDuration`, `promotionId`, `attentionNeeded`,
 * `actionTaken`, `customTermEndDate` and `scheduledNextTermInstructions` (no such features), and
 * the links `product`, `sku`, `availability`, `parentSubscription` (no product catalog; no parent).
 */
export const subscriptionSchema = z
  .object({
    id: z.guid(),
    offerId: z.string(),
    /** Ours: the subscription's id (Partner Center's is an Azure subscription id; there are none here). */
    entitlementId: z.guid(),
    offerName: z.string(),
    friendlyName: z.string(),
    quantity: z.number().int(),
    unitType: z.string(),
    /** Always null: an add-on's subscription is not tied to the one it builds on here. */
    parentSubscriptionId: z.string().nullable(),
    creationDate: z.iso.datetime(),
    effectiveStartDate: z.iso.datetime(),
    commitmentEndDate: z.iso.datetime().nullable(),
    status: z.enum(['active', 'suspended', 'deleted', 'pending']),
    autoRenewEnabled: z.boolean(),
    billingType: z.string(),
    billingCycle: z.string(),
    /** Whether an add-on offer of the catalog, still for sale, builds on the subscription's offer. */
    hasPurchasableAddons: z.boolean(),
    /** The offer's: a trial offer makes trial subscriptions. */
    isTrial: z.boolean(),
    /** Always true: the catalog sells Microsoft's offers only. */
    isMicrosoftProduct: z.boolean(),
    publisherName: z.string(),
    /** Partner Center's `edit` (PATCH) for an active or suspended subscription (ours: no `cancel`; suspending is the edit); none otherwise. */
    actions: z.array(z.string()),
    /**
     * Why it is suspended, empty unless it is. Partner Center lists no values; ours: `CustomerCancellation`,
     * the one way here (the partner suspends it for the customer with PATCH).
     */
    suspensionReasons: z.array(z.string()),
    /** Always `subscription` (Partner Center's other values, productKey and redemptionCode, are not sold here). */
    contractType: z.literal('subscription'),
    termDuration: z.string(),
    orderId: z.guid(),
    partnerId: z.string().nullable(),
    /**
     * Partner Center's new commerce RefundableQuantity: the licenses that may still be removed, each
     * purchase's until its 7-day window closes (SPEC §7).
     */
    refundableQuantity: z.object({
      totalQuantity: z.number().int(),
      details: z.array(z.object({ quantity: z.number().int(), allowedUntilDateTime: z.iso.datetime() })),
    }),
    /** Ours: the offer's minimum and maximum licenses, which a change of `quantity` must stay within (2002). */
    quantityBounds: z.object({ minimum: z.number().int(), maximum: z.number().int() }),
    /** `offer` is GET /v1/offers/{id}?country= in the customer's country. */
    links: z.object({ self: linkSchema, offer: linkSchema }),
    attributes: z.object({ etag: z.string(), objectType: z.literal('Subscription') }),
  })
  .meta({ id: 'Subscription' });
export type Subscription = z.infer<typeof subscriptionSchema>;
export const subscriptionCollectionSchema = collectionSchema(subscriptionSchema);
