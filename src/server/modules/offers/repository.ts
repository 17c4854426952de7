import { sql } from 'kysely';
import type { Executor } from '#db/database.ts';

/**
 * Whether an active add-on of the catalog builds on the offer `alias` names (Partner Center's offer
 * `hasAddOns`, a subscription's `hasPurchasableAddons`), for a query that selects that offer.
 */
export function hasAddOns(alias: string) {
  const offer = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<boolean>`exists (select 1 from offers as addon where addon.is_add_on and addon.active and addon.instance_id = ${offer('instance_id')} and ${offer('id')} = any(addon.prerequisite_offer_ids))`;
}

function offersInMarket(db: Executor, instance: 'public' | 'usgov', country: string) {
  return db
    .selectFrom('offers as o')
    .innerJoin('offer_markets as m', (join) => join.onRef('m.offer_id', '=', 'o.id').on('m.country', '=', country))
    .selectAll('o')
    .select(['m.country', 'm.currency', 'm.list_price'])
    .select(hasAddOns('o').as('has_add_ons'))
    .where('o.instance_id', '=', instance);
}

export type OfferRow = Awaited<ReturnType<ReturnType<typeof offersInMarket>['executeTakeFirstOrThrow']>>;

/** The offers sold in a country, by category then name; offset paging as Partner Center's offers call has. */
export async function listOffers(
  db: Executor,
  filter: { instance: 'public' | 'usgov'; country: string; category?: string | undefined; q?: string | undefined },
  page: { offset: number; size: number },
) {
  let query = offersInMarket(db, filter.instance, filter.country).where('o.active', '=', true);
  if (filter.category) query = query.where('o.category', '=', filter.category as OfferRow['category']);
  if (filter.q) query = query.where(sql<string>`lower(o.name)`, 'like', `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return query.orderBy('o.category').orderBy('o.name').orderBy('o.id').offset(page.offset).limit(page.size).execute();
}

/** One offer sold in a country, active or not (a subscription's offer link resolves after the offer is retired). */
export async function findOfferInMarket(db: Executor, instance: 'public' | 'usgov', country: string, id: string) {
  return offersInMarket(db, instance, country).where('o.id', '=', id).executeTakeFirst();
}

export async function findOffersForMarket(db: Executor, instance: 'public' | 'usgov', country: string, ids: string[]) {
  if (ids.length === 0) return [];
  return offersInMarket(db, instance, country).where('o.id', 'in', ids).execute();
}

/** Whether the offers exist at all in the instance (to tell "no such offer" from "not sold here"), with their names. */
export async function findOfferIds(db: Executor, instance: 'public' | 'usgov', ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('offers').select(['id', 'name', 'active']).where('instance_id', '=', instance).where('id', 'in', ids).execute();
}
