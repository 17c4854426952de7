import type { Insertable } from 'kysely';
import type { Executor } from '#db/database.ts';
import type { SubscriptionChangesTable, SubscriptionsTable } from '#db/schema.ts';
import { hasAddOns } from '#server/modules/offers/repository.ts';

/**
 * The subscription with its offer's name, billing, bounds and purchase limit, locked for the change: a
 * second change of it waits for this one and then reads what it wrote. `scope` is whose subscriptions
 * the caller sees (its own; an indirect reseller also those its provider sold through it).
 */
export async function lockSubscription(trx: Executor, customerId: string, subscriptionId: string, scope: { partnerId: string; providerId: string | null }) {
  return trx
    .selectFrom('subscriptions as s')
    .innerJoin('offers as o', 'o.id', 's.offer_id')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .selectAll('s')
    .select(['o.name as offer_name', 'o.billing as billing_type', 'o.min_quantity', 'o.max_quantity', 'o.purchase_limit', 'o.is_trial', 'c.country as customer_country'])
    .select(hasAddOns('o').as('has_purchasable_addons'))
    .where('s.id', '=', subscriptionId)
    .where('s.customer_id', '=', customerId)
    .where((eb) => {
      const own = eb('s.partner_id', '=', scope.partnerId);
      if (!scope.providerId) return own;
      return eb.or([own, eb.and([eb('s.partner_id', '=', scope.providerId), eb('s.indirect_reseller_id', '=', scope.partnerId)])]);
    })
    .forUpdate('s')
    .executeTakeFirst();
}

export type LockedSubscription = NonNullable<Awaited<ReturnType<typeof lockSubscription>>>;

/** Whether the subscription is one the caller sees (as lockSubscription), without locking it. */
export async function findSubscriptionId(db: Executor, customerId: string, subscriptionId: string, scope: { partnerId: string; providerId: string | null }) {
  return db
    .selectFrom('subscriptions as s')
    .select('s.id')
    .where('s.id', '=', subscriptionId)
    .where('s.customer_id', '=', customerId)
    .where((eb) => {
      const own = eb('s.partner_id', '=', scope.partnerId);
      if (!scope.providerId) return own;
      return eb.or([own, eb.and([eb('s.partner_id', '=', scope.providerId), eb('s.indirect_reseller_id', '=', scope.partnerId)])]);
    })
    .executeTakeFirst();
}

/** The purchases of the subscription that still hold licenses, oldest first. */
export async function heldPurchases(db: Executor, subscriptionId: string) {
  return db
    .selectFrom('subscription_purchases')
    .select(['id', 'subscription_id', 'remaining', 'purchased_at'])
    .where('subscription_id', '=', subscriptionId)
    .where('remaining', '>', 0)
    .orderBy('purchased_at')
    .orderBy('id')
    .execute();
}

export async function insertPurchase(db: Executor, subscriptionId: string, quantity: number, at: Date) {
  await db.insertInto('subscription_purchases').values({ subscription_id: subscriptionId, quantity, remaining: quantity, purchased_at: at }).execute();
}

/** Removes licenses from purchases (a decrease): `take` as planDecrease made it. */
export async function takeFromPurchases(db: Executor, take: readonly { id: string; quantity: number }[]) {
  for (const { id, quantity } of take) {
    await db
      .updateTable('subscription_purchases')
      .set((eb) => ({ remaining: eb('remaining', '-', quantity) }))
      .where('id', '=', id)
      .execute();
  }
}

/** Licenses of the offer the customer holds in its other subscriptions (any partner), for the per-customer limit. */
export async function otherHeldQuantity(db: Executor, customerId: string, offerId: string, exceptId: string) {
  const row = await db
    .selectFrom('subscriptions')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('quantity'), eb.lit(0)).as('quantity'))
    .where('customer_id', '=', customerId)
    .where('offer_id', '=', offerId)
    .where('id', '!=', exceptId)
    .where('status', 'in', ['active', 'suspended', 'pending'])
    .executeTakeFirstOrThrow();
  return Number(row.quantity);
}

/**
 * The change, compare-and-set: applied only if the subscription is still at `version` (the row lock
 * makes that so; the condition keeps it true whatever reads the row). The new version, or undefined.
 */
export async function updateSubscription(
  db: Executor,
  id: string,
  version: number,
  set: { quantity: number; status: SubscriptionsTable['status']; friendly_name: string; auto_renew: boolean; updated_at: Date },
) {
  const row = await db
    .updateTable('subscriptions')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export async function insertChange(db: Executor, change: Insertable<SubscriptionChangesTable>) {
  await db.insertInto('subscription_changes').values(change).execute();
}

/** The subscription's changes, latest first (at most `limit`). */
export async function listChanges(db: Executor, subscriptionId: string, limit: number) {
  return db
    .selectFrom('subscription_changes')
    .select(['id', 'subscription_id', 'actor', 'changes', 'version', 'changed_at'])
    .where('subscription_id', '=', subscriptionId)
    .orderBy('changed_at', 'desc')
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
}
