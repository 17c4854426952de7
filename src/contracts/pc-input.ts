import { z } from 'zod';

/**
 * Input as Partner Center clients send it (issue 11): its SDKs serialise every property of a resource,
 * most of them `null`. The request schemas list, per resource, the properties Partner Center documents
 * (its resource pages on learn.microsoft.com — customer-resources, order-resources, agreement-resources —
 * and the model classes of the archived .NET SDK, Microsoft.Store.PartnerCenter.Models: Address,
 * Customers.Customer, Customers.CustomerCompanyProfile, Customers.CustomerBillingProfile, Orders.Order,
 * Orders.OrderLineItem, Agreements.Agreement, Agreements.Contact). Those that mean something here are
 * validated and honoured; the read-only ones (and the few we do not keep, each said so where it is
 * listed) accept any JSON value, `null` included, and are ignored. Anything else stays a 400 naming it
 * (`strictObject`). Property names match in any case (`case-insensitive-body.ts`).
 */

/** A property Partner Center documents that we ignore: any JSON value, `null` included. */
export const ignored = (what = 'Read-only in Partner Center: ignored.') => z.unknown().optional().describe(what);

/**
 * An enumeration as Partner Center spells it (`Monthly`, `OneTime`) or as we do (`monthly`, `one_time`),
 * in any case: the value is read with its case, `_` and `-` dropped, and answered in our spelling.
 */
export function lenientEnum<const T extends readonly [string, ...string[]]>(values: T, message: string, aliases: Record<string, T[number]> = {}) {
  const spellings = new Map<string, T[number]>(values.map((value) => [squash(value), value]));
  for (const [alias, value] of Object.entries(aliases)) spellings.set(squash(alias), value);
  return z.preprocess((value) => (typeof value === 'string' ? (spellings.get(squash(value)) ?? value) : value), z.enum(values, { error: message }));
}

function squash(value: string): string {
  return value.trim().toLowerCase().replace(/[_-]/g, '');
}

/**
 * Partner Center's BillingCycleType (`Monthly`, `Annual`, `OneTime`, `None`, `Unknown`) and ours
 * (`monthly`, `annual`, `one_time`, `none`), in any case. `unknown` is the offer's own (usual) cycle,
 * as if the property were left out of the line and the order (not Partner Center's monthly default).
 */
export const billingCycleInputSchema = lenientEnum(
  ['monthly', 'annual', 'none', 'one_time', 'unknown'],
  'Choose a billing frequency: Monthly, Annual, OneTime, None or Unknown (the offer\'s own).',
);
export type BillingCycleInput = z.infer<typeof billingCycleInputSchema>;

/**
 * The properties of Partner Center's OrderLineItem (SDK Models/Orders/OrderLineItem.cs; order-resources)
 * beyond those each line schema validates and honours (lineItemNumber, offerId, quantity, friendlyName,
 * partnerIdOnRecord, termDuration). A function, so that each schema gets its own instances.
 */
export function orderLineItemDocumented() {
  return {
    subscriptionId: ignored('Read-only: the subscription the line made. Ignored.'),
    parentSubscriptionId: ignored('Partner Center: for order updates only (an add-on to an existing subscription). Ignored on create.'),
    transactionType: ignored(),
    pricing: ignored(),
    renewsTo: ignored('Not supported here (subscriptions renew to their own term): ignored.'),
    provisioningContext: ignored('No offer here needs provisioning data: ignored.'),
    /** Validated, not kept (ours: only the one partnerIdOnRecord is recorded). */
    additionalPartnerIdsOnRecord: z.array(z.string().max(20, 'Use at most 20 characters.')).max(20, 'At most 20 partner ids.').nullish(),
    /** Validated; no offer of this catalog requires an attestation, so none is refused without it. */
    attestationAccepted: z.boolean({ error: 'attestationAccepted must be true, false or null' }).nullish(),
    /** Validated, not honoured (ours: terms end at their own length). */
    customTermEndDate: z.string().max(40).nullish(),
    /** Validated, not honoured (ours: the catalog has no promotions). */
    promotionId: z.string().max(100).nullish(),
    links: ignored(),
    attributes: ignored(),
  };
}

/** The properties of Partner Center's Order (SDK Models/Orders/Order.cs; order-resources) that are read-only. */
export function orderDocumented() {
  return {
    id: ignored(),
    alternateId: ignored(),
    transactionType: ignored(),
    currencyCode: ignored('Read-only: the currency is the offers\' (the customer\'s market). Ignored.'),
    currencySymbol: ignored(),
    creationDate: ignored(),
    status: ignored(),
    totalPrice: ignored(),
    links: ignored(),
    attributes: ignored(),
  };
}

/** An agreement confirmed with an onboarding or an order: the Microsoft Customer Agreement (in any case). */
export const mcaOnlySchema = lenientEnum(['MicrosoftCustomerAgreement'], 'Only the MicrosoftCustomerAgreement is confirmed here: send type MicrosoftCustomerAgreement or null.');
