import { sql } from 'kysely';
import type { Executor } from '#db/database.ts';
import type { OrderLineItemsTable, OrdersTable, SubscriptionsTable } from '#db/schema.ts';
import type { Insertable } from 'kysely';

export async function insertOrder(db: Executor, order: Insertable<OrdersTable>) {
  await db.insertInto('orders').values(order).execute();
}

export async function insertSubscription(db: Executor, subscription: Insertable<SubscriptionsTable>) {
  await db.insertInto('subscriptions').values(subscription).execute();
}

export async function insertLineItem(
  db: Executor,
  item: Insertable<OrderLineItemsTable>,
) {
  await db.insertInto('order_line_items').values(item).execute();
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

export async function listOrders(db: Executor, customerId: string, partnerId: string, orderId?: string) {
  let query = db
    .selectFrom('orders')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('partner_id', '=', partnerId)
    .orderBy('created_at', 'desc')
    .orderBy('id');
  if (orderId) query = query.where('id', '=', orderId);
  const orders = await query.execute();
  if (orders.length === 0) return [];
  const items = await db
    .selectFrom('order_line_items')
    .selectAll()
    .where('order_id', 'in', orders.map((o) => o.id))
    .orderBy('order_id')
    .orderBy('line_item_number')
    .execute();
  return orders.map((order) => ({ ...order, lineItems: items.filter((item) => item.order_id === order.id) }));
}

export async function listSubscriptions(db: Executor, customerId: string, partnerId: string, subscriptionId?: string) {
  let query = db
    .selectFrom('subscriptions as s')
    .innerJoin('offers as o', 'o.id', 's.offer_id')
    .selectAll('s')
    .select(['o.name as offer_name', 'o.billing as billing_type'])
    .where('s.customer_id', '=', customerId)
    .where('s.partner_id', '=', partnerId)
    .orderBy('s.created_at')
    .orderBy('s.id');
  if (subscriptionId) query = query.where('s.id', '=', subscriptionId);
  return query.execute();
}

export type SubscriptionRow = Awaited<ReturnType<typeof listSubscriptions>>[number];
export type OrderRow = Awaited<ReturnType<typeof listOrders>>[number];
