import { sql, type RawBuilder } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '#db/database.ts';
import type { CustomerEligibilityValidationsTable, CustomerRelationshipsTable, CustomersTable } from '#db/schema.ts';
import type { CustomerSort } from '#contracts/customers.ts';
import { escapeLike } from '#server/lib/sql-like.ts';

export interface CustomerListFilter {
  /** The two partner fields take that partner's tenant id (a GUID, lower case), matched whole. */
  field: 'CompanyName' | 'Domain' | 'IndirectReseller' | 'IndirectCloudSolutionProvider';
  operator: 'starts_with' | 'contains';
  value: string;
}

export interface CustomerListCriteria {
  filter?: CustomerListFilter | undefined;
  /** ISO alpha-2, upper case. */
  country?: string | undefined;
  indirectResellerId?: string | undefined;
  sort: CustomerSort;
}

/**
 * A keyset position: the sort key and id of the last row of the previous page. The key is
 * lower(company_name), or created_at as ISO text to the microsecond (a JS Date keeps only milliseconds,
 * and two customers added in the same millisecond must not be skipped).
 */
export interface CustomerCursor { key: string; id: string }

/** Customers that `partnerId` has an active relationship with. Every read of customers goes through it. */
function visibleRelationships(db: Executor, partnerId: string) {
  return db
    .selectFrom('customers as c')
    .innerJoin('customer_relationships as cr', (join) =>
      join.onRef('cr.customer_id', '=', 'c.id').on('cr.partner_id', '=', partnerId).on('cr.state', '=', 'active'),
    );
}

/** An indirect reseller's own relationship names its provider; the reseller is then the partner itself. */
const resellerOf = sql<string | null>`coalesce(cr.indirect_reseller_id, case when cr.indirect_provider_id is not null then cr.partner_id end)`;

function visibleCustomers(db: Executor, partnerId: string) {
  return visibleRelationships(db, partnerId)
    .select([
      'c.id',
      'c.commerce_id',
      'c.company_name',
      'c.domain',
      'c.organization_registration_number',
      'c.email',
      'c.culture',
      'c.language',
      'c.billing_company_name',
      'c.first_name',
      'c.last_name',
      'c.address_line1',
      'c.address_line2',
      'c.address_line3',
      'c.city',
      'c.state',
      'c.postal_code',
      'c.country',
      'c.phone_number',
      'c.created_at',
      'c.version',
      'c.delegated_access_by_default',
      'cr.origin',
      'cr.indirect_provider_id',
      'cr.invitation_id',
    ])
    // The partners' names by primary key, row by row: a page's rows, whatever the planner guesses of their number.
    .select((eb) => [
      resellerOf.as('indirect_reseller_id'),
      eb.selectFrom('partner_organizations as r').select('r.name').where('r.id', '=', resellerOf).as('indirect_reseller_name'),
      eb.selectFrom('partner_organizations as p').select('p.name').whereRef('p.id', '=', 'cr.indirect_provider_id').as('indirect_provider_name'),
    ]);
}

export type CustomerRow = Awaited<ReturnType<ReturnType<typeof visibleCustomers>['executeTakeFirstOrThrow']>>;

export async function findVisibleCustomer(db: Executor, partnerId: string, customerId: string) {
  return visibleCustomers(db, partnerId).where('c.id', '=', customerId).executeTakeFirst();
}

/**
 * One page of the customers matching `criteria`, in its sort order with ties broken by id; keyset,
 * never OFFSET, so page 10,000 costs what page 1 does. The page is chosen first, from the relationship's
 * copy of its customer's keys (migration 0007) by indexes that lead with the partner, then only its rows
 * are read whole: a page costs a page, for a partner of ten customers or of half a million (read
 * backwards for descending). `contains` is served by the pg_trgm GIN indexes of customers.
 */
export async function listVisibleCustomers(db: Executor, partnerId: string, criteria: CustomerListCriteria, page: CustomerPage) {
  return visibleCustomersPage(db, partnerId, criteria, page).execute();
}

export interface CustomerPage { limit: number; after?: CustomerCursor | undefined }

/** The query of one page, unexecuted: `bench/customers-scale.ts` explains the plan the API gets. */
export function visibleCustomersPage(db: Executor, partnerId: string, criteria: CustomerListCriteria, page: CustomerPage) {
  const byName = criteria.sort === 'companyName' || criteria.sort === '-companyName';
  const descending = criteria.sort.startsWith('-');
  const direction = descending ? 'desc' : 'asc';
  const key = byName ? ('customer_name_key' as const) : ('customer_created_at' as const);
  let ids = db
    .selectFrom('customer_relationships as k')
    .select('k.customer_id')
    .where('k.partner_id', '=', partnerId)
    .where('k.state', '=', 'active');
  if (criteria.filter) {
    const { field, operator, value } = criteria.filter;
    const escaped = escapeLike(value.toLowerCase());
    // A prefix is a range of the relationship's "C"-collated key; a word inside needs the customers' trigrams.
    const pattern = operator === 'starts_with' ? `${escaped}%` : `%${escaped}%`;
    switch (field) {
      case 'CompanyName':
        ids = operator === 'starts_with'
          ? ids.where('k.customer_name_key', 'like', pattern)
          : ids.where(sql<boolean>`exists (select from customers f where f.id = k.customer_id and lower(f.company_name) like ${pattern})`);
        break;
      case 'Domain':
        ids = operator === 'starts_with'
          ? ids.where('k.customer_domain', 'like', pattern)
          : ids.where(sql<boolean>`exists (select from customers f where f.id = k.customer_id and lower(f.domain) like ${pattern})`);
        break;
      case 'IndirectReseller':
        // Partner Center: the reseller's tenant id. A provider's customers associated with it; for the
        // reseller itself, its customers that came through a provider.
        ids = ids.where(sql<boolean>`coalesce(k.indirect_reseller_id, case when k.indirect_provider_id is not null then k.partner_id end) = ${value}::uuid`);
        break;
      case 'IndirectCloudSolutionProvider':
        // A reseller's customers that it sells through the provider with this tenant id.
        ids = ids.where('k.indirect_provider_id', '=', value);
        break;
    }
  }
  if (criteria.country) ids = ids.where('k.customer_country', '=', criteria.country);
  if (criteria.indirectResellerId) ids = ids.where('k.indirect_reseller_id', '=', criteria.indirectResellerId);
  if (page.after) {
    const after = byName ? sql`${page.after.key}` : sql`${page.after.key}::timestamptz`;
    ids = ids.where(sql<boolean>`(${sql.ref(`k.${key}`)}, k.customer_id) ${sql.raw(descending ? '<' : '>')} (${after}, ${page.after.id}::uuid)`);
  }
  ids = ids.orderBy(`k.${key}`, direction).orderBy('k.customer_id', direction).limit(page.limit);
  const sortKey = byName
    ? sql<string>`cr.customer_name_key`
    : sql<string>`to_char(cr.customer_created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return visibleCustomers(db, partnerId)
    .select(sortKey.as('sort_key'))
    .where('c.id', 'in', ids)
    .orderBy(`cr.${key}`, direction)
    .orderBy('cr.customer_id', direction)
    .limit(page.limit);
}

/**
 * The countries of the customers `partnerId` sees, for the list's filter: from each country to the
 * next in the (partner, country) index, a probe per country however many customers each holds.
 */
export async function listVisibleCountries(db: Executor, partnerId: string) {
  const next = (after: RawBuilder<unknown> | null) => sql`(
    select min(r.customer_country) from customer_relationships r
    where r.partner_id = ${partnerId} and r.state = 'active' ${after ? sql`and r.customer_country > ${after}` : sql``})`;
  const rows = await sql<{ country: string }>`
    with recursive countries (country) as (
      select ${next(null)}
      union all
      select ${next(sql.ref('countries.country'))} from countries where countries.country is not null
    )
    select country from countries where country is not null`.execute(db);
  return rows.rows.map((row) => row.country);
}

export async function isDomainRegistered(db: Executor, instance: 'public' | 'usgov', domain: string) {
  const row = await db.selectFrom('domain_registry').select('domain').where('instance_id', '=', instance).where('domain', '=', domain.toLowerCase()).executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether the domain is registered in the instance and, when it belongs to one of this partner's own
 * customers, which one (another partner's customer is only "taken").
 */
export async function domainHolder(db: Executor, instance: 'public' | 'usgov', domain: string, partnerId: string) {
  return db
    .selectFrom('domain_registry as d')
    .leftJoin('customer_relationships as cr', (join) => join.onRef('cr.customer_id', '=', 'd.customer_id').on('cr.partner_id', '=', partnerId).on('cr.state', '=', 'active'))
    .leftJoin('customers as c', 'c.id', 'cr.customer_id')
    .select(['d.domain', 'c.id as customer_id', 'c.company_name'])
    .where('d.instance_id', '=', instance)
    .where('d.domain', '=', domain.toLowerCase())
    .executeTakeFirst();
}

/** Registers the domain for ever; false when it is taken (also by a twin committing at this moment). */
export async function registerDomain(db: Executor, instance: 'public' | 'usgov', domain: string, customerId: string, at: Date) {
  const row = await db
    .insertInto('domain_registry')
    .values({ instance_id: instance, domain, customer_id: customerId, registered_at: at })
    .onConflict((oc) => oc.columns(['instance_id', 'domain']).doNothing())
    .returning('domain')
    .executeTakeFirst();
  return row !== undefined;
}

/** The billing profile's columns, written only if the version is still `expected` (compare-and-set); false when it is not. */
export async function updateBillingProfile(db: Executor, customerId: string, expected: number, values: Updateable<CustomersTable>) {
  const result = await db
    .updateTable('customers')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', customerId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertCustomer(db: Executor, customer: Insertable<CustomersTable>) {
  await db.insertInto('customers').values(customer).execute();
}

export async function insertRelationships(db: Executor, relationships: Insertable<CustomerRelationshipsTable>[]) {
  await db.insertInto('customer_relationships').values(relationships).execute();
}

/** An indirect reseller by its tenant id (a GUID), with the state of its partnership with `providerId`. */
export async function findResellerOf(db: Executor, providerId: string, instance: 'public' | 'usgov', resellerId: string) {
  return db
    .selectFrom('partner_organizations as p')
    .leftJoin('partnerships as ps', (join) => join.onRef('ps.reseller_id', '=', 'p.id').on('ps.provider_id', '=', providerId))
    .select(['p.id', 'p.name', 'p.kind', 'p.mpn_id', 'ps.state'])
    .where('p.instance_id', '=', instance)
    .where('p.id', '=', resellerId)
    .executeTakeFirst();
}

/**
 * GET /v1/customers/{id}/relationships: the other tier of the caller's relationship with the customer.
 * For a provider, the reseller it sells through to this customer; for a reseller, the provider it sells
 * through. With the state of their partnership (an inactive one is shown, flagged).
 */
export async function listCustomerPartnerRelationships(db: Executor, partnerId: string, customerId: string) {
  return db
    .selectFrom('customer_relationships as cr')
    .innerJoin('partner_organizations as other', (join) =>
      join.on((eb) => eb.or([eb('other.id', '=', eb.ref('cr.indirect_reseller_id')), eb('other.id', '=', eb.ref('cr.indirect_provider_id'))])),
    )
    .leftJoin('partnerships as ps', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('ps.provider_id', '=', eb.ref('cr.partner_id')), eb('ps.reseller_id', '=', eb.ref('other.id'))]),
          eb.and([eb('ps.reseller_id', '=', eb.ref('cr.partner_id')), eb('ps.provider_id', '=', eb.ref('other.id'))]),
        ]),
      ),
    )
    .select(['other.id', 'other.name', 'other.mpn_id', 'other.markets', 'other.kind', 'ps.state'])
    .where('cr.partner_id', '=', partnerId)
    .where('cr.customer_id', '=', customerId)
    .where('cr.state', '=', 'active')
    .orderBy('other.name')
    .execute();
}

/** The caller's own relationship row with the customer, locked for a change of its reseller. */
export async function lockRelationship(db: Executor, partnerId: string, customerId: string) {
  return db
    .selectFrom('customer_relationships')
    .select(['indirect_reseller_id', 'origin'])
    .where('partner_id', '=', partnerId)
    .where('customer_id', '=', customerId)
    .where('state', '=', 'active')
    .forUpdate()
    .executeTakeFirst();
}

export async function setRelationshipReseller(db: Executor, providerId: string, customerId: string, resellerId: string | null) {
  await db.updateTable('customer_relationships').set({ indirect_reseller_id: resellerId }).where('partner_id', '=', providerId).where('customer_id', '=', customerId).execute();
}

/**
 * The reseller's side of an association: its row made (or made active again) as `associated`. A row it
 * holds of its own (an accepted request) stays as it is, naming this provider.
 */
export async function associateReseller(db: Executor, row: { customerId: string; resellerId: string; providerId: string; now: Date }) {
  await db
    .insertInto('customer_relationships')
    .values({ customer_id: row.customerId, partner_id: row.resellerId, origin: 'associated', indirect_reseller_id: null, indirect_provider_id: row.providerId, created_at: row.now })
    .onConflict((oc) =>
      oc.columns(['customer_id', 'partner_id']).doUpdateSet({
        origin: sql<'associated'>`case when customer_relationships.state = 'active' then customer_relationships.origin else 'associated' end`,
        indirect_provider_id: sql<string>`case when customer_relationships.state = 'active' then coalesce(customer_relationships.indirect_provider_id, ${row.providerId}::uuid) else ${row.providerId}::uuid end`,
        state: 'active',
        ended_at: null,
      }),
    )
    .execute();
}

/** A reseller no longer associated: its `associated` row ends (one of its own stays). */
export async function dissociateReseller(db: Executor, row: { customerId: string; resellerId: string; providerId: string; now: Date }) {
  await db
    .updateTable('customer_relationships')
    .set({ state: 'terminated', ended_at: row.now })
    .where('customer_id', '=', row.customerId)
    .where('partner_id', '=', row.resellerId)
    .where('indirect_provider_id', '=', row.providerId)
    .where('origin', '=', 'associated')
    .where('state', '=', 'active')
    .execute();
}

/**
 * The eligibility validations of a customer recorded by `partnerIds` (the caller, and for an indirect
 * reseller its provider), oldest first, with the user who recorded each.
 */
export async function insertEligibilityValidation(db: Executor, row: Insertable<CustomerEligibilityValidationsTable>) {
  await db.insertInto('customer_eligibility_validations').values(row).execute();
}

export async function listEligibilityValidations(db: Executor, customerId: string, partnerIds: string[]) {
  return db
    .selectFrom('customer_eligibility_validations as v')
    .innerJoin('partner_organizations as p', 'p.id', 'v.partner_id')
    .leftJoin('partner_users as u', 'u.id', 'v.validated_by_user_id')
    .select(['v.id', 'v.validation_type', 'v.details', 'v.created_at', 'p.id as partner_id', 'p.name as partner_name', 'u.id as user_id', 'u.display_name', 'u.email'])
    .where('v.customer_id', '=', customerId)
    .where('v.partner_id', 'in', partnerIds)
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute();
}

/** Every customer of an instance (or all), with its active partners' names and its admin's password state: the operator's list. */
export function listTenants(db: Executor, instance?: 'public' | 'usgov') {
  let query = db
    .selectFrom('customers as c')
    .select([
      'c.id',
      'c.instance_id',
      'c.company_name',
      'c.domain',
      'c.country',
      'c.admin_user_name',
      'c.admin_password_temporary',
      'c.created_at',
      sql<string[]>`coalesce((select array_agg(p.name order by p.name) from customer_relationships cr join partner_organizations p on p.id = cr.partner_id where cr.customer_id = c.id and cr.state = 'active'), '{}')`.as('partners'),
    ])
    .orderBy(sql`lower(c.company_name)`)
    .orderBy('c.id');
  if (instance) query = query.where('c.instance_id', '=', instance);
  return query.execute();
}
