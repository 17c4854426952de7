import { sql } from 'kysely';
import type { Executor } from '#db/database.ts';

/** A user of the customer, with the admin's password state read where the admin's sign-in keeps it. */
function users(db: Executor, customerId: string) {
  return db
    .selectFrom('customer_users as u')
    .innerJoin('customers as c', 'c.id', 'u.customer_id')
    .select([
      'u.id',
      'u.customer_id',
      'u.user_principal_name',
      'u.display_name',
      'u.first_name',
      'u.last_name',
      'u.usage_location',
      'u.is_tenant_admin',
      'u.created_at',
      'u.deleted_at',
      sql<boolean>`case when u.is_tenant_admin then c.admin_password_temporary else u.force_change_password end`.as('force_change_password'),
      sql<string>`lower(u.user_principal_name)`.as('sort_key'),
    ])
    .where('u.customer_id', '=', customerId);
}

export type CustomerUserRow = Awaited<ReturnType<ReturnType<typeof users>['executeTakeFirstOrThrow']>>;

export interface UserCursor { key: string; id: string }

/** One page of the customer's users (not deleted), by user principal name; keyset on (lower(upn), id). */
export async function listUsers(db: Executor, customerId: string, page: { limit: number; after?: UserCursor | undefined; userPrincipalName?: string | undefined }) {
  let query = users(db, customerId).where('u.deleted_at', 'is', null);
  if (page.userPrincipalName !== undefined) query = query.where(sql<boolean>`lower(u.user_principal_name) = ${page.userPrincipalName.toLowerCase()}`);
  if (page.after) query = query.where(sql<boolean>`(lower(u.user_principal_name), u.id) > (${page.after.key}, ${page.after.id}::uuid)`);
  return query.orderBy(sql`lower(u.user_principal_name)`).orderBy('u.id').limit(page.limit).execute();
}

/** One user of the customer, deleted or not. */
export async function findUser(db: Executor, customerId: string, userId: string) {
  return users(db, customerId).where('u.id', '=', userId).executeTakeFirst();
}

/** The user's row locked for a change (a reset, a deletion, a license update): two of them take turns. */
export async function lockUser(db: Executor, customerId: string, userId: string) {
  return db
    .selectFrom('customer_users')
    .select(['id', 'is_tenant_admin', 'deleted_at'])
    .where('customer_id', '=', customerId)
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export async function rolesOf(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('customer_user_roles').select(['user_id', 'role_id']).where('user_id', 'in', userIds).orderBy('role_id').execute();
}

/** The licenses the users hold from the given subscriptions (the caller's). */
export async function licensesOf(db: Executor, userIds: string[], subscriptionIds: string[]) {
  if (userIds.length === 0 || subscriptionIds.length === 0) return [];
  return db
    .selectFrom('customer_user_licenses')
    .select(['user_id', 'subscription_id'])
    .where('user_id', 'in', userIds)
    .where('subscription_id', 'in', subscriptionIds)
    .orderBy('assigned_at')
    .orderBy('subscription_id')
    .execute();
}

/** A new user; false when the customer already has a user of that name (case-insensitive), also one committing at this moment. */
export async function insertUser(db: Executor, row: {
  id: string;
  customerId: string;
  userPrincipalName: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  usageLocation: string;
  passwordHash: string;
  forceChangePassword: boolean;
  now: Date;
}) {
  const result = await sql<{ id: string }>`
    insert into customer_users (id, customer_id, user_principal_name, display_name, first_name, last_name, usage_location, password_hash, force_change_password, password_set_at, created_at)
    values (${row.id}, ${row.customerId}, ${row.userPrincipalName}, ${row.displayName}, ${row.firstName}, ${row.lastName}, ${row.usageLocation}, ${row.passwordHash}, ${row.forceChangePassword}, ${row.now}, ${row.now})
    on conflict (customer_id, lower(user_principal_name)) where deleted_at is null do nothing
    returning id`.execute(db);
  return result.rows.length > 0;
}

export async function setPassword(db: Executor, userId: string, hash: string, forceChange: boolean, now: Date) {
  await db.updateTable('customer_users').set({ password_hash: hash, force_change_password: forceChange, password_set_at: now }).where('id', '=', userId).execute();
}

export async function updateNames(db: Executor, userId: string, values: { display_name?: string; first_name?: string | null; last_name?: string | null; usage_location?: string }) {
  if (Object.keys(values).length === 0) return;
  await db.updateTable('customer_users').set(values).where('id', '=', userId).execute();
}

/** Partner Center soft-deletes a user; its licenses are freed at once. */
export async function softDelete(db: Executor, userId: string, now: Date) {
  await db.deleteFrom('customer_user_licenses').where('user_id', '=', userId).execute();
  await db.updateTable('customer_users').set({ deleted_at: now }).where('id', '=', userId).execute();
}

/** The subscription locked while a license of it is assigned: never more users than its quantity. */
export async function lockSubscription(db: Executor, customerId: string, subscriptionId: string) {
  return db
    .selectFrom('subscriptions')
    .select(['id', 'quantity', 'status', 'offer_id'])
    .where('customer_id', '=', customerId)
    .where('id', '=', subscriptionId)
    .forUpdate()
    .executeTakeFirst();
}

/** How many users hold a license of each subscription. */
export async function consumedUnits(db: Executor, subscriptionIds: string[]) {
  if (subscriptionIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('customer_user_licenses as l')
    .innerJoin('customer_users as u', 'u.id', 'l.user_id')
    .select(['l.subscription_id', sql<string>`count(*)`.as('users')])
    .where('l.subscription_id', 'in', subscriptionIds)
    .where('u.deleted_at', 'is', null)
    .groupBy('l.subscription_id')
    .execute();
  return new Map(rows.map((row) => [row.subscription_id, Number(row.users)]));
}

export async function assignLicense(db: Executor, userId: string, subscriptionId: string, now: Date) {
  await db.insertInto('customer_user_licenses').values({ user_id: userId, subscription_id: subscriptionId, assigned_at: now }).onConflict((oc) => oc.columns(['user_id', 'subscription_id']).doNothing()).execute();
}

export async function removeLicenses(db: Executor, userId: string, subscriptionIds: string[]) {
  if (subscriptionIds.length === 0) return;
  await db.deleteFrom('customer_user_licenses').where('user_id', '=', userId).where('subscription_id', 'in', subscriptionIds).execute();
}

/** The customer's users (not deleted) who hold a directory role. */
export async function roleMembers(db: Executor, customerId: string, roleId: string) {
  return db
    .selectFrom('customer_user_roles as r')
    .innerJoin('customer_users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.user_principal_name', 'u.display_name'])
    .where('u.customer_id', '=', customerId)
    .where('u.deleted_at', 'is', null)
    .where('r.role_id', '=', roleId)
    .orderBy(sql`lower(u.user_principal_name)`)
    .orderBy('u.id')
    .execute();
}
