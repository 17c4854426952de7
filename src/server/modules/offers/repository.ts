import { sql } from 'kysely';
import type { Executor } from '#db/database.ts';

function offersInMarket(db: Executor, instance: 'public' | 'usgov', country: string) {
  return db
    .selectFrom('offers as o')
    .innerJoin('offer_markets as m', (join) => join.onRef('m.offer_id', '=', 'o.id').on('m.country', '=', country))
    .selectAll('o')
    .select(['m.country', 'm.currency', 'm.list_price'])
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

export async function findOffersForMarket(db: Executor, instance: 'public' | 'usgov', country: string, ids: string[]) {
  if (ids.length === 0) return [];
  return offersInMarket(db, instance, country).where('o.id', 'in', ids).execute();
}

/** Whether the offers exist at all in the instance (to tell "no such offer" from "not sold here"), with their names. */
export async function findOfferIds(db: Executor, instance: 'public' | 'usgov', ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('offers').select(['id', 'name', 'active']).where('instance_id', '=', instance).where('id', 'in', ids).execute();
}
