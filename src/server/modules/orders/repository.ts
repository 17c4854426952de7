import { sql } from 'kysely';
import type { Executor } from '#db/database.ts';
import type { OrderLineItemsTable, OrdersTable, SubscriptionsTable } from '#db/schema.ts';
import { hasAddOns } from '#server/modules/offers/repository.ts';
import type { Insertable } from 'kysely';

export async function insertOrder(db: Executor, order: Insertable<OrdersTable>) {
  await db.insertInto('orders').values(order).execute();
}

export async function insertSubscriptions(db: Executor, subscriptions: Insertable<SubscriptionsTable>[]) {
  if (subscriptions.length > 0) await db.insertInto('subscriptions').values(subscriptions).execute();
}

export async function insertLineItems(db: Executor, items: Insertable<OrderLineItemsTable>[]) {
  if (items.length > 0) await db.insertInto('order_line_items').values(items).execute();
}

/** Licenses of each offer the customer already holds (any partner), for per-customer purchase limits. */
export async function heldQuantities(db: Executor, customerId: string, offerIds: string[]) {
  if (offerIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('subscriptions')
    .select(['offer_id', sql<string>`sum(quantity)`.as('quantity')])
    .where('customer_id', '=', customerId)
    .where('offer_id', 'in', offerIds)
    .where('status', 'in', ['active', 'suspended', 'pending'])
    .groupBy('offer_id')
    .execute();
  return new Map(rows.map((row) => [row.offer_id, Number(row.quantity)]));
}

/** The names of the partners, other than `except`, that hold an active relationship with the customer. */
export async function otherActivePartners(db: Executor, customerId: string, except: string[]) {
  const rows = await db
    .selectFrom('customer_relationships as cr')
    .innerJoin('partner_organizations as p', 'p.id', 'cr.partner_id')
    .select('p.name')
    .where('cr.customer_id', '=', customerId)
    .where('cr.state', '=', 'active')
    .where('cr.partner_id', 'not in', except)
    .orderBy('p.name')
    .execute();
  return rows.map((row) => row.name);
}

/**
 * Whose orders and subscriptions of a customer a partner sees (SPEC §6: each partner its own): those
 * it placed, and for an indirect reseller those its provider (`providerId`) sold through it.
 */
export interface SalesScope { partnerId: string; providerId: string | null }

export async function listOrders(db: Executor, customerId: string, scope: SalesScope, orderId?: string) {
  let query = db
    .selectFrom('orders as o')
    .selectAll('o')
    .where('o.customer_id', '=', customerId)
    .where((eb) => {
      const own = eb('o.partner_id', '=', scope.partnerId);
      if (!scope.providerId) return own;
      const soldThroughMe = eb.exists(eb.selectFrom('subscriptions as s').select('s.id').whereRef('s.order_id', '=', 'o.id').where('s.indirect_reseller_id', '=', scope.partnerId));
      return eb.or([own, eb.and([eb('o.partner_id', '=', scope.providerId), soldThroughMe])]);
    })
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id');
  if (orderId) query = query.where('o.id', '=', orderId);
  const orders = await query.execute();
  if (orders.length === 0) return [];
  // The offer's name with each line (ours: Partner Center's line items carry only the offer id).
  const items = await db
    .selectFrom('order_line_items as li')
    .innerJoin('offers as f', 'f.id', 'li.offer_id')
    .selectAll('li')
    .select('f.name as offer_name')
    .where('li.order_id', 'in', orders.map((o) => o.id))
    .orderBy('li.order_id')
    .orderBy('li.line_item_number')
    .execute();
  return orders.map((order) => ({ ...order, lineItems: items.filter((item) => item.order_id === order.id) }));
}

/** Which of a customer's subscriptions to list: one, those of an order, those of a partner on record (`mpn_id`). */
export interface SubscriptionFilter { subscriptionId?: string | undefined; orderId?: string | undefined; partnerIdOnRecord?: string | undefined }

export async function listSubscriptions(db: Executor, customerId: string, scope: SalesScope, filter: SubscriptionFilter = {}) {
  let query = db
    .selectFrom('subscriptions as s')
    .innerJoin('offers as o', 'o.id', 's.offer_id')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .selectAll('s')
    .select(['o.name as offer_name', 'o.billing as billing_type', 'o.min_quantity', 'o.max_quantity', 'o.is_trial', 'c.country as customer_country'])
    .select(hasAddOns('o').as('has_purchasable_addons'))
    .where('s.customer_id', '=', customerId)
    .where((eb) => {
      const own = eb('s.partner_id', '=', scope.partnerId);
      if (!scope.providerId) return own;
      return eb.or([own, eb.and([eb('s.partner_id', '=', scope.providerId), eb('s.indirect_reseller_id', '=', scope.partnerId)])]);
    })
    .orderBy('s.created_at')
    .orderBy('s.id');
  if (filter.subscriptionId) query = query.where('s.id', '=', filter.subscriptionId);
  if (filter.orderId) query = query.where('s.order_id', '=', filter.orderId);
  if (filter.partnerIdOnRecord) query = query.where('s.partner_id_on_record', '=', filter.partnerIdOnRecord);
  return query.execute();
}

/** The purchases (an order, each increase) of the subscriptions that still hold licenses, for their refundable quantity. */
export async function heldPurchases(db: Executor, subscriptionIds: string[]) {
  if (subscriptionIds.length === 0) return [];
  return db
    .selectFrom('subscription_purchases')
    .select(['id', 'subscription_id', 'remaining', 'purchased_at'])
    .where('subscription_id', 'in', subscriptionIds)
    .where('remaining', '>', 0)
    .orderBy('purchased_at')
    .orderBy('id')
    .execute();
}

export type SubscriptionRow = Awaited<ReturnType<typeof listSubscriptions>>[number];
export type OrderRow = Awaited<ReturnType<typeof listOrders>>[number];
