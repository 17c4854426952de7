import { sql } from 'kysely';
import type { Executor } from '#db/database.ts';
import type { Role } from '#contracts/auth.ts';

/** What a signed-in caller is: a partner user, its roles and its organisation. */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  disabled: boolean;
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
      'p.id as partner_id',
      'p.name as partner_name',
      'p.kind as partner_kind',
      'p.mpn_id',
      'p.instance_id',
      'i.domain_suffix',
      'i.agreement_required',
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
    roles: row.roles,
    partner: {
      id: row.partner_id,
      name: row.partner_name,
      kind: row.partner_kind,
      mpnId: row.mpn_id,
      instanceId: row.instance_id,
      domainSuffix: row.domain_suffix,
      agreementRequired: row.agreement_required,
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

export async function countRecentFailures(db: Executor, by: { email: string; ip: string }, since: Date) {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => [
      eb.fn.count<string>('id').filterWhere('email', '=', by.email).as('by_email'),
      eb.fn.count<string>('id').filterWhere('ip', '=', by.ip).as('by_ip'),
      eb.fn.min('failed_at').filterWhere('email', '=', by.email).as('oldest_by_email'),
      eb.fn.min('failed_at').filterWhere('ip', '=', by.ip).as('oldest_by_ip'),
    ])
    .where('failed_at', '>', since)
    .where((eb) => eb.or([eb('email', '=', by.email), eb('ip', '=', by.ip)]))
    .executeTakeFirstOrThrow();
  return {
    byEmail: Number(row.by_email),
    byIp: Number(row.by_ip),
    oldestByEmail: row.oldest_by_email as Date | null,
    oldestByIp: row.oldest_by_ip as Date | null,
  };
}

export async function recordFailure(db: Executor, email: string, ip: string, now: Date) {
  await db.insertInto('sign_in_failures').values({ email, ip, failed_at: now }).execute();
}

export async function clearFailures(db: Executor, email: string, olderThan: Date) {
  await db.deleteFrom('sign_in_failures').where((eb) => eb.or([eb('email', '=', email), eb('failed_at', '<', olderThan)])).execute();
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
    .returning(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at'])
    .executeTakeFirstOrThrow();
}

export async function listPersonalTokens(db: Executor, userId: string, now: Date) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'personal')
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
