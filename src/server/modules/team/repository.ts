import { sql } from 'kysely';
import type { Role } from '#contracts/auth.ts';
import type { Executor } from '#db/database.ts';

/** A user of the partner's team, as the team list shows it. */
export interface TeamUserRow {
  id: string;
  email: string;
  display_name: string;
  disabled_at: Date | null;
  last_sign_in_at: Date | null;
  must_change_password: boolean;
  created_at: Date;
  roles: Role[];
}

function selectTeam(db: Executor, partnerId: string) {
  return db
    .selectFrom('partner_users as u')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.disabled_at',
      'u.last_sign_in_at',
      'u.must_change_password',
      'u.created_at',
      sql<Role[]>`coalesce((select array_agg(r.role order by r.role) from partner_user_roles r where r.user_id = u.id), '{}')`.as('roles'),
    ])
    .where('u.partner_id', '=', partnerId)
    // An app registration's service principal is not a member of the team (Account → Apps manages it).
    .where('u.kind', '=', 'person');
}

export async function findTeamUser(db: Executor, partnerId: string, userId: string): Promise<TeamUserRow | undefined> {
  return selectTeam(db, partnerId).where('u.id', '=', userId).executeTakeFirst();
}

/** The team in email order; `after` is the last email of the page before. */
export async function listTeam(db: Executor, partnerId: string, query: { state?: 'active' | 'deactivated' | undefined; limit: number; after?: string | undefined }): Promise<TeamUserRow[]> {
  let select = selectTeam(db, partnerId);
  if (query.state === 'active') select = select.where('u.disabled_at', 'is', null);
  if (query.state === 'deactivated') select = select.where('u.disabled_at', 'is not', null);
  if (query.after !== undefined) select = select.where(sql<string>`lower(u.email)`, '>', query.after);
  return select.orderBy(sql`lower(u.email)`).limit(query.limit).execute();
}

/**
 * Locks the organisation's row: every change to its team's roles or states runs one after the other,
 * so that two global admins demoting or deactivating each other at once cannot leave it without one.
 */
export async function lockTeam(db: Executor, partnerId: string) {
  await db.selectFrom('partner_organizations').select('id').where('id', '=', partnerId).forUpdate().executeTakeFirstOrThrow();
}

/** Active global admins of the organisation other than `exceptUserId`. */
export async function countOtherActiveGlobalAdmins(db: Executor, partnerId: string, exceptUserId: string): Promise<number> {
  const row = await db
    .selectFrom('partner_users as u')
    .innerJoin('partner_user_roles as r', 'r.user_id', 'u.id')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('u.partner_id', '=', partnerId)
    .where('u.id', '<>', exceptUserId)
    .where('u.kind', '=', 'person')
    .where('u.disabled_at', 'is', null)
    .where('r.role', '=', 'global_admin')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertUser(db: Executor, user: { id: string; partnerId: string; email: string; displayName: string; passwordHash: string; roles: Role[]; now: Date }) {
  await db
    .insertInto('partner_users')
    .values({
      id: user.id,
      partner_id: user.partnerId,
      email: user.email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      must_change_password: true,
      created_at: user.now,
      updated_at: user.now,
    })
    .execute();
  await db.insertInto('partner_user_roles').values(user.roles.map((role) => ({ user_id: user.id, role }))).execute();
}

export async function replaceRoles(db: Executor, userId: string, roles: Role[], now: Date) {
  await db.deleteFrom('partner_user_roles').where('user_id', '=', userId).execute();
  await db.insertInto('partner_user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
  await db.updateTable('partner_users').set({ updated_at: now }).where('id', '=', userId).execute();
}

export async function setDisabled(db: Executor, userId: string, disabledAt: Date | null, now: Date) {
  await db.updateTable('partner_users').set({ disabled_at: disabledAt, updated_at: now }).where('id', '=', userId).execute();
}

/** A new password; `mustChange` when someone else set it. */
export async function setPassword(db: Executor, userId: string, passwordHash: string, mustChange: boolean, now: Date) {
  await db.updateTable('partner_users').set({ password_hash: passwordHash, must_change_password: mustChange, updated_at: now }).where('id', '=', userId).execute();
}

/** Ends the user's sessions (all, or all but `keepSessionId`) at once. */
export async function revokeSessions(db: Executor, userId: string, now: Date, keepSessionId?: string) {
  let update = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keepSessionId) update = update.where('id', '<>', keepSessionId);
  await update.execute();
}

/** Ends every API token of the user at once (personal ones and those from POST /v1/auth/token). */
export async function revokeTokens(db: Executor, userId: string, now: Date) {
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/** The user's stored password hash, its row locked (two changes at once: the second sees the first's). */
export async function lockPasswordHash(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('partner_users').select('password_hash').where('id', '=', userId).forUpdate().executeTakeFirst();
  return row?.password_hash ?? null;
}
