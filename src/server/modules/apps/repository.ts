import { sql } from 'kysely';
import type { Executor } from '#db/database.ts';
import type { Role } from '#contracts/auth.ts';

export interface AppRow {
  id: string;
  partner_id: string;
  service_user_id: string;
  display_name: string;
  created_at: Date;
  roles: Role[];
}

function selectApps(db: Executor) {
  return db
    .selectFrom('app_registrations as a')
    .select([
      'a.id',
      'a.partner_id',
      'a.service_user_id',
      'a.display_name',
      'a.created_at',
      sql<Role[]>`coalesce((select array_agg(r.role order by r.role) from partner_user_roles r where r.user_id = a.service_user_id), '{}')`.as('roles'),
    ])
    .where('a.deleted_at', 'is', null);
}

export async function listApps(db: Executor, partnerId: string): Promise<AppRow[]> {
  return selectApps(db).where('a.partner_id', '=', partnerId).orderBy('a.created_at').orderBy('a.id').execute();
}

export async function findApp(db: Executor, appId: string): Promise<AppRow | undefined> {
  return selectApps(db).where('a.id', '=', appId).executeTakeFirst();
}

/** The app and its service principal (a partner user of kind `application`, with the app's roles), in one transaction. */
export async function insertApp(
  db: Executor,
  app: { id: string; partnerId: string; serviceUserId: string; displayName: string; roles: Role[]; createdBy: string },
) {
  await db
    .insertInto('partner_users')
    .values({
      id: app.serviceUserId,
      partner_id: app.partnerId,
      // Unique, and never a mailbox: an app has no sign-in of its own (no password either).
      email: `app-${app.id}@applications.invalid`,
      display_name: app.displayName,
      password_hash: null,
      kind: 'application',
    })
    .execute();
  await db.insertInto('partner_user_roles').values(app.roles.map((role) => ({ user_id: app.serviceUserId, role }))).execute();
  await db
    .insertInto('app_registrations')
    .values({ id: app.id, partner_id: app.partnerId, service_user_id: app.serviceUserId, display_name: app.displayName, created_by: app.createdBy })
    .execute();
}

/** Deleting an app stops it at once: its service principal is disabled, its secrets and refresh tokens revoked. */
export async function deleteApp(db: Executor, app: AppRow, now: Date) {
  await db.updateTable('app_registrations').set({ deleted_at: now }).where('id', '=', app.id).execute();
  await db.updateTable('partner_users').set({ disabled_at: now }).where('id', '=', app.service_user_id).execute();
  await db.updateTable('app_secrets').set({ revoked_at: now }).where('app_id', '=', app.id).where('revoked_at', 'is', null).execute();
  await db.updateTable('app_refresh_tokens').set({ revoked_at: now }).where('app_id', '=', app.id).where('revoked_at', 'is', null).execute();
}

export async function listSecrets(db: Executor, appIds: readonly string[]) {
  if (appIds.length === 0) return [];
  return db
    .selectFrom('app_secrets')
    .select(['id', 'app_id', 'description', 'hint', 'created_at', 'expires_at', 'last_used_at'])
    .where('app_id', 'in', appIds)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export async function insertSecret(
  db: Executor,
  secret: { id: string; appId: string; description: string; hint: string; secretHash: string; createdBy: string; expiresAt: Date },
) {
  return db
    .insertInto('app_secrets')
    .values({
      id: secret.id,
      app_id: secret.appId,
      description: secret.description,
      hint: secret.hint,
      secret_hash: secret.secretHash,
      created_by: secret.createdBy,
      expires_at: secret.expiresAt,
    })
    .returning(['id', 'app_id', 'description', 'hint', 'created_at', 'expires_at', 'last_used_at'])
    .executeTakeFirstOrThrow();
}

export async function revokeSecret(db: Executor, appId: string, secretId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('app_secrets')
    .set({ revoked_at: now })
    .where('id', '=', secretId)
    .where('app_id', '=', appId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The live secret of an app with this hash: its app still there, the secret neither revoked nor expired. */
export async function findLiveSecret(db: Executor, appId: string, secretHash: string, now: Date) {
  return db
    .selectFrom('app_secrets')
    .select(['id', 'expires_at', 'last_used_at'])
    .where('app_id', '=', appId)
    .where('secret_hash', '=', secretHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
    .then((row) => row && { ...row, expired: row.expires_at <= now });
}

export async function touchSecret(db: Executor, id: string, now: Date) {
  await db.updateTable('app_secrets').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function insertRefreshToken(
  db: Executor,
  token: { id: string; appId: string; userId: string; familyId: string; tokenHash: string; expiresAt: Date },
) {
  return db
    .insertInto('app_refresh_tokens')
    .values({ id: token.id, app_id: token.appId, user_id: token.userId, family_id: token.familyId, token_hash: token.tokenHash, expires_at: token.expiresAt })
    .returning(['id', 'app_id', 'family_id', 'created_at', 'expires_at'])
    .executeTakeFirstOrThrow();
}

export async function findRefreshToken(db: Executor, tokenHash: string) {
  return db
    .selectFrom('app_refresh_tokens')
    .select(['id', 'app_id', 'user_id', 'family_id', 'created_at', 'expires_at', 'used_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** When the token was last used (the sign-in's activity); using it again is allowed. */
export async function touchRefreshToken(db: Executor, id: string, now: Date) {
  await db.updateTable('app_refresh_tokens').set({ used_at: now }).where('id', '=', id).execute();
}

/**
 * A user's sign-ins to apps, one row per family (a refresh token made on the Apps page and those its uses
 * brought): when it was made, when one of its tokens was last used, when its newest one ends.
 */
export async function listUserGrants(db: Executor, userId: string, now: Date) {
  return db
    .selectFrom('app_refresh_tokens as t')
    .innerJoin('app_registrations as a', 'a.id', 't.app_id')
    .select([
      't.family_id',
      't.app_id',
      'a.display_name as app_name',
      sql<Date>`min(t.created_at)`.as('created_at'),
      sql<Date>`max(coalesce(t.used_at, t.created_at))`.as('last_used_at'),
      sql<Date>`max(t.expires_at)`.as('expires_at'),
    ])
    .where('t.user_id', '=', userId)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('a.deleted_at', 'is', null)
    .groupBy(['t.family_id', 't.app_id', 'a.display_name'])
    .orderBy(sql`max(coalesce(t.used_at, t.created_at))`, 'desc')
    .execute();
}

export async function revokeUserGrant(db: Executor, userId: string, familyId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('app_refresh_tokens')
    .set({ revoked_at: now })
    .where('family_id', '=', familyId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface SigningKeyRow {
  kid: string;
  algorithm: string;
  public_jwk: unknown;
  private_key_sealed: string;
  created_at: Date;
}

export async function listSigningKeys(db: Executor): Promise<SigningKeyRow[]> {
  return db.selectFrom('signing_keys').selectAll().orderBy('created_at', 'desc').execute();
}

export async function insertSigningKey(db: Executor, key: { kid: string; algorithm: string; publicJwk: unknown; privateKeySealed: string; createdAt: Date }) {
  await db
    .insertInto('signing_keys')
    .values({ kid: key.kid, algorithm: key.algorithm, public_jwk: JSON.stringify(key.publicJwk), private_key_sealed: key.privateKeySealed, created_at: key.createdAt })
    .execute();
}

/** Serialises key creation across processes (each would otherwise make its own at the same moment). */
export async function lockSigningKeys(db: Executor) {
  await sql`select pg_advisory_xact_lock(hashtext('partnerdesk.signing_keys'))`.execute(db);
}
