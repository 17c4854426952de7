import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '#db/database.ts';
import type { DB } from '#db/schema.ts';
import type { Role } from '#contracts/auth.ts';

/** What a signed-in caller is: a partner user, its roles and its organisation. */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  disabled: boolean;
  /** The password was set by someone else (a new user, a reset): nothing but changing it is allowed. */
  mustChangePassword: boolean;
  roles: Role[];
  partner: {
    id: string;
    name: string;
    kind: 'direct' | 'indirect_provider' | 'indirect_reseller';
    mpnId: string;
    instanceId: 'public' | 'usgov';
    domainSuffix: string;
    /** Whether the partner's cloud instance asks for the Microsoft Customer Agreement (public) or not (usgov). */
    agreementRequired: boolean;
    /** Whether the partner's cloud instance takes relationship requests (US Government: only if the operator turns them on). */
    relationshipRequests: boolean;
    markets: string[];
    emailDomains: string[];
    usgovValidated: boolean;
  };
}

function selectUsers(db: Executor) {
  return db
    .selectFrom('partner_users as u')
    .innerJoin('partner_organizations as p', 'p.id', 'u.partner_id')
    .innerJoin('cloud_instances as i', 'i.id', 'p.instance_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.password_hash',
      'u.disabled_at',
      'u.must_change_password',
      'p.id as partner_id',
      'p.name as partner_name',
      'p.kind as partner_kind',
      'p.mpn_id',
      'p.instance_id',
      'i.domain_suffix',
      'i.agreement_required',
      'i.relationship_requests_enabled',
      'p.markets',
      'p.email_domains',
      'p.usgov_validated',
      sql<Role[]>`coalesce((select array_agg(r.role order by r.role) from partner_user_roles r where r.user_id = u.id), '{}')`.as(
        'roles',
      ),
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    disabled: row.disabled_at !== null,
    mustChangePassword: row.must_change_password,
    roles: row.roles,
    partner: {
      id: row.partner_id,
      name: row.partner_name,
      kind: row.partner_kind,
      mpnId: row.mpn_id,
      instanceId: row.instance_id,
      domainSuffix: row.domain_suffix,
      agreementRequired: row.agreement_required,
      relationshipRequests: row.relationship_requests_enabled,
      markets: row.markets,
      emailDomains: row.email_domains,
      usgovValidated: row.usgov_validated,
    },
  };
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRecord | undefined> {
  const row = await selectUsers(db).where(sql<string>`lower(u.email)`, '=', email.toLowerCase()).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserById(db: Executor, id: string): Promise<UserRecord | undefined> {
  const row = await selectUsers(db).where('u.id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** The user of a live session, in one query (it runs on every portal request). */
export async function findUserBySessionHash(db: Executor, tokenHash: string, now: Date) {
  const row = await selectUsers(db)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .select(['s.id as session_id', 's.csrf_token', 's.expires_at as session_expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  return row && { user: toUser(row), session: { id: row.session_id, csrf_token: row.csrf_token, expires_at: row.session_expires_at } };
}

/** The user of a live API token, in one query (it runs on every API request). */
export async function findUserByTokenHash(db: Executor, tokenHash: string, now: Date) {
  const row = await selectUsers(db)
    .innerJoin('api_tokens as t', 't.user_id', 'u.id')
    .select(['t.id as token_id', 't.last_used_at'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .executeTakeFirst();
  return row && { user: toUser(row), token: { id: row.token_id, last_used_at: row.last_used_at } };
}

export async function touchToken(db: Executor, id: string, now: Date) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function insertSession(
  db: Executor,
  session: { id: string; userId: string; tokenHash: string; csrfToken: string; expiresAt: Date },
) {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      token_hash: session.tokenHash,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function revokeSession(db: Executor, id: string, now: Date) {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).execute();
}

export async function revokeSessionByTokenHash(db: Executor, tokenHash: string, now: Date) {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

/** A sign-in counter: `pair` and `device` belong to one client, `account` and `address` are shared. */
export interface ThrottleBucket { scope: 'pair' | 'account' | 'address' | 'device'; key: string; limit: number }

/**
 * Takes one attempt from a bucket if it is under its limit (a window older than `windowStart` starts
 * again at 1); otherwise returns when the full window started. PostgreSQL's `on conflict do update`
 * locks the row, so concurrent attempts in any process are counted one after the other.
 */
export async function takeSignInAttempt(db: Executor, bucket: ThrottleBucket, now: Date, windowStart: Date): Promise<{ fullSince?: Date }> {
  const expired = sql<boolean>`sign_in_throttles.window_started_at <= ${windowStart}::timestamptz`;
  const taken = await db
    .insertInto('sign_in_throttles')
    .values({ scope: bucket.scope, key: bucket.key, attempts: 1, window_started_at: now })
    .onConflict((oc) =>
      oc
        .columns(['scope', 'key'])
        .doUpdateSet({
          attempts: sql<number>`case when ${expired} then 1 else sign_in_throttles.attempts + 1 end`,
          window_started_at: sql<Date>`case when ${expired} then ${now}::timestamptz else sign_in_throttles.window_started_at end`,
        })
        .where((eb) => eb.or([expired, eb('sign_in_throttles.attempts', '<', bucket.limit)])),
    )
    .returning('attempts')
    .executeTakeFirst();
  if (taken) return {};
  // The row the refused update locked: its window is what the client has to wait out.
  const row = await db
    .selectFrom('sign_in_throttles')
    .select('window_started_at')
    .where('scope', '=', bucket.scope)
    .where('key', '=', bucket.key)
    .executeTakeFirstOrThrow();
  return { fullSince: row.window_started_at };
}

/** A right password: the client's own counters start afresh, the shared ones get their attempt back. */
export async function releaseSignInAttempt(db: Executor, buckets: ThrottleBucket[]) {
  const match = (group: ThrottleBucket[]) => (eb: ExpressionBuilder<DB, 'sign_in_throttles'>) =>
    eb.or(group.map((bucket) => eb.and([eb('scope', '=', bucket.scope), eb('key', '=', bucket.key)])));
  const own = buckets.filter((bucket) => bucket.scope === 'pair' || bucket.scope === 'device');
  const shared = buckets.filter((bucket) => bucket.scope === 'account' || bucket.scope === 'address');
  if (own.length > 0) await db.deleteFrom('sign_in_throttles').where(match(own)).execute();
  if (shared.length > 0) {
    await db.updateTable('sign_in_throttles').set({ attempts: sql<number>`greatest(attempts - 1, 0)` }).where(match(shared)).execute();
  }
}

/** A device cookie's device, if it is live and was given to the account of this email. */
export async function findTrustedDevice(db: Executor, tokenHash: string, email: string, now: Date) {
  return db
    .selectFrom('trusted_devices as d')
    .innerJoin('partner_users as u', 'u.id', 'd.user_id')
    .select(['d.id', 'd.user_id'])
    .where('d.token_hash', '=', tokenHash)
    .where(sql<string>`lower(u.email)`, '=', email.toLowerCase())
    .where('d.expires_at', '>', now)
    .executeTakeFirst();
}

export async function insertTrustedDevice(db: Executor, device: { id: string; userId: string; tokenHash: string; expiresAt: Date }, now: Date) {
  await db.deleteFrom('trusted_devices').where('user_id', '=', device.userId).where('expires_at', '<=', now).execute();
  await db.insertInto('trusted_devices').values({ id: device.id, user_id: device.userId, token_hash: device.tokenHash, expires_at: device.expiresAt }).execute();
}

export async function touchTrustedDevice(db: Executor, id: string, now: Date, expiresAt: Date) {
  await db.updateTable('trusted_devices').set({ last_used_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

/** A successful sign-in (portal or token exchange): the team list shows when. */
export async function recordSignIn(db: Executor, userId: string, now: Date) {
  await db.updateTable('partner_users').set({ last_sign_in_at: now }).where('id', '=', userId).execute();
}

/** Stores a stronger hash of the same password, unless the password changed meanwhile. */
export async function replacePasswordHash(db: Executor, userId: string, from: string, to: string) {
  await db.updateTable('partner_users').set({ password_hash: to }).where('id', '=', userId).where('password_hash', '=', from).execute();
}

export async function insertToken(
  db: Executor,
  token: { id: string; userId: string; kind: 'personal' | 'access'; name: string; prefix: string; tokenHash: string; expiresAt: Date | null },
) {
  return db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      kind: token.kind,
      name: token.name,
      prefix: token.prefix,
      token_hash: token.tokenHash,
      expires_at: token.expiresAt,
    })
    .returning(['id', 'kind', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at'])
    .executeTakeFirstOrThrow();
}

/** The user's live tokens: personal ones and those from POST /v1/auth/token. */
export async function listTokens(db: Executor, userId: string, now: Date) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'kind', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeToken(db: Executor, userId: string, tokenId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
