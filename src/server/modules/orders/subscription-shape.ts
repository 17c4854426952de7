/**
 * The Subscription resource as the API answers it: the orders module's GETs and the subscriptions
 * module's PATCH share this one mapping.
 */
import type { Subscription } from '#contracts/orders.ts';
import { decreaseWindow, type Purchase } from '#domain/subscription/license-window.ts';
import { link, offerUri } from '#server/lib/links.ts';

/**
 * A subscription's row with its offer's name, billing, bounds, trial and add-ons, and its customer's
 * country (what repository.listSubscriptions reads).
 */
export interface SubscriptionShapeRow {
  id: string;
  customer_id: string;
  customer_country: string;
  offer_id: string;
  offer_name: string;
  billing_type: string;
  min_quantity: number;
  max_quantity: number;
  is_trial: boolean;
  has_purchasable_addons: boolean;
  friendly_name: string;
  quantity: number;
  unit_type: string;
  status: Subscription['status'];
  billing_cycle: string;
  term: string;
  auto_renew: boolean;
  partner_id_on_record: string | null;
  order_id: string;
  version: number;
  effective_start_date: Date;
  commitment_end_date: Date | null;
  created_at: Date;
}

/** The purchase rows of one subscription, as the license-window rule reads them. */
export function purchasesOf(rows: readonly { id: string; subscription_id: string; remaining: number; purchased_at: Date }[], subscriptionId: string): Purchase[] {
  return rows.filter((row) => row.subscription_id === subscriptionId).map((row) => ({ id: String(row.id), remaining: row.remaining, purchasedAt: row.purchased_at }));
}

export function toSubscription(row: SubscriptionShapeRow, purchases: readonly Purchase[], now: Date): Subscription {
  // Only an active subscription's licenses can be removed (a suspended one is reactivated first).
  const window = row.status === 'active' ? decreaseWindow(purchases, now) : { quantity: 0, windows: [] };
  return {
    id: row.id,
    offerId: row.offer_id,
    // No Azure entitlements here: each subscription is its own entitlement.
    entitlementId: row.id,
    offerName: row.offer_name,
    friendlyName: row.friendly_name,
    quantity: row.quantity,
    unitType: row.unit_type,
    parentSubscriptionId: null,
    creationDate: row.created_at.toISOString(),
    effectiveStartDate: row.effective_start_date.toISOString(),
    commitmentEndDate: row.commitment_end_date?.toISOString() ?? null,
    status: row.status,
    autoRenewEnabled: row.auto_renew,
    billingType: row.billing_type,
    billingCycle: row.billing_cycle,
    hasPurchasableAddons: row.has_purchasable_addons,
    isTrial: row.is_trial,
    isMicrosoftProduct: true,
    publisherName: 'Microsoft Corporation',
    actions: row.status === 'active' || row.status === 'suspended' ? ['edit'] : [],
    suspensionReasons: row.status === 'suspended' ? ['CustomerCancellation'] : [],
    contractType: 'subscription',
    termDuration: row.term,
    orderId: row.order_id,
    partnerId: row.partner_id_on_record,
    refundableQuantity: {
      totalQuantity: window.quantity,
      details: window.windows.map((open) => ({ quantity: open.quantity, allowedUntilDateTime: open.until.toISOString() })),
    },
    quantityBounds: { minimum: row.min_quantity, maximum: row.max_quantity },
    links: {
      self: link(`/v1/customers/${row.customer_id}/subscriptions/${row.id}`),
      offer: link(offerUri(row.offer_id, row.customer_country)),
    },
    attributes: { etag: `W/"${row.version}"`, objectType: 'Subscription' },
  };
}
