import { DomainError } from '#domain/errors.ts';
import { assertAllowed } from '#domain/roles.ts';
import type { Role } from '#contracts/auth.ts';
import type { CreatePartnerUser, PartnerUser, PartnerUserState, PasswordChange } from '#contracts/team.ts';
import type { Db, Executor } from '#db/database.ts';
import { temporaryPassword, type Clock, type IdGenerator, type PasswordHasher } from '#server/lib/adapters.ts';
import { continuationError, decodeContinuation, encodeContinuation } from '#server/lib/continuation.ts';
import type { Idempotency, IdempotencyKey } from '#server/lib/idempotency.ts';
import { isUniqueViolation } from '#server/lib/pg-errors.ts';
import type { Principal } from '#server/lib/principal.ts';
import { recordAudit } from '#server/modules/audit/repository.ts';
import * as repo from './repository.ts';

export interface TeamDeps {
  db: Db;
  ids: IdGenerator;
  clock: Clock;
  /** The sign-in hasher (scrypt): a temporary password is the user's sign-in password until it changes it. */
  hasher: PasswordHasher;
  idempotency: Idempotency;
}

const RESOURCE_TYPE = 'partner_user';

function toPartnerUser(row: repo.TeamUserRow): PartnerUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    state: row.disabled_at === null ? 'active' : 'deactivated',
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    mustChangePassword: row.must_change_password,
    attributes: { objectType: 'PartnerUser' },
  };
}

const notFound = (id: string) => new DomainError('not_found', `There is no user ${id} in your organisation.`);

const lastGlobalAdmin = (name: string) =>
  new DomainError('last_global_admin', `${name} is the organisation's only active global admin: make another user a global admin first.`, [
    { field: 'roles', code: 'last_global_admin', message: 'An organisation keeps at least one active global admin.' },
  ]);

/**
 * The partner's own team (issue 10 part 5; ours: Partner Center has no partner-user API in v1): global
 * admins (`users.manage`) add users with a temporary password shown once, set their roles, deactivate
 * and reactivate them and reset their passwords; every user changes its own password. Changes to roles
 * and states lock the organisation's row, so that it always keeps an active global admin.
 */
export function createTeamService({ db, ids, clock, hasher, idempotency }: TeamDeps) {
  const allow = (principal: Principal) => assertAllowed(principal.user.partner, principal.user.roles, 'users.manage');

  async function member(executor: Executor, principal: Principal, userId: string) {
    const row = await repo.findTeamUser(executor, principal.user.partner.id, userId);
    if (!row) throw notFound(userId);
    return row;
  }

  /** Locks the team, then reads the user: what the checks see is what the change changes. */
  async function lockedMember(trx: Executor, principal: Principal, userId: string) {
    await repo.lockTeam(trx, principal.user.partner.id);
    return member(trx, principal, userId);
  }

  /** Whether taking `row` out of the active global admins would leave none. */
  async function isLastGlobalAdmin(trx: Executor, principal: Principal, row: repo.TeamUserRow) {
    return row.disabled_at === null && row.roles.includes('global_admin') && (await repo.countOtherActiveGlobalAdmins(trx, principal.user.partner.id, row.id)) === 0;
  }

  return {
    async list(principal: Principal, query: { state?: PartnerUserState | undefined; size: number; continuationToken?: string | undefined }) {
      allow(principal);
      const after = query.continuationToken === undefined ? undefined : decodeCursor(query.continuationToken, query.state);
      const rows = await repo.listTeam(db, principal.user.partner.id, { state: query.state, limit: query.size, after });
      const last = rows.at(-1);
      const next = rows.length === query.size && last ? encodeContinuation({ e: last.email.toLowerCase(), s: query.state ?? null }) : undefined;
      return { items: rows.map(toPartnerUser), next };
    },

    async get(principal: Principal, userId: string) {
      allow(principal);
      return toPartnerUser(await member(db, principal, userId));
    },

    /** A new user with its roles; its temporary password is in this answer only, and must be changed at the first sign-in. */
    async create(principal: Principal, input: CreatePartnerUser, key?: IdempotencyKey) {
      allow(principal);
      // Hashed before the transaction: scrypt takes a while, and holds no lock meanwhile.
      const password = temporaryPassword();
      const passwordHash = await hasher.hash(password);
      return idempotency.run(key, input, async (trx) => {
        const id = ids.uuid();
        const now = clock.now();
        try {
          await repo.insertUser(trx, { id, partnerId: principal.user.partner.id, email: input.email, displayName: input.displayName, passwordHash, roles: input.roles, now });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          const message = `A user with the email ${input.email} already exists.`;
          throw new DomainError('user_email_taken', message, [{ field: 'email', code: 'email_taken', message }]);
        }
        const user = toPartnerUser((await repo.findTeamUser(trx, principal.user.partner.id, id))!);
        await recordAudit(trx, ids, principal, { operationType: 'create_partner_user', resourceType: RESOURCE_TYPE, resourceId: id, newValue: { email: user.email, displayName: user.displayName, roles: user.roles } }, now);
        return { status: 201, body: { ...user, temporaryPassword: password } };
      });
    },

    /** The user's whole set of roles; the organisation's last active global admin keeps that role. */
    async setRoles(principal: Principal, userId: string, roles: Role[], key?: IdempotencyKey) {
      allow(principal);
      return idempotency.run(key, { userId, roles }, async (trx) => {
        const row = await lockedMember(trx, principal, userId);
        if (!roles.includes('global_admin') && (await isLastGlobalAdmin(trx, principal, row))) throw lastGlobalAdmin(row.display_name);
        const now = clock.now();
        await repo.replaceRoles(trx, userId, roles, now);
        await recordAudit(trx, ids, principal, { operationType: 'update_partner_user_roles', resourceType: RESOURCE_TYPE, resourceId: userId, newValue: { roles: [...roles].sort() } }, now);
        return { status: 200, body: toPartnerUser((await member(trx, principal, userId))) };
      });
    },

    /**
     * Deactivates a user: its sessions and API tokens are revoked in the same transaction (and the
     * credential lookup refuses a deactivated user besides), so nothing it holds works a moment later.
     */
    async deactivate(principal: Principal, userId: string, key?: IdempotencyKey) {
      allow(principal);
      if (userId === principal.user.id) {
        const message = 'You cannot deactivate yourself; another global admin can.';
        throw new DomainError('cannot_deactivate_self', message, [{ field: 'userId', code: 'cannot_deactivate_self', message }]);
      }
      return idempotency.run(key, { userId }, async (trx) => {
        const row = await lockedMember(trx, principal, userId);
        // Deactivated already: nothing changes, nothing is recorded.
        if (row.disabled_at !== null) return { status: 200, body: toPartnerUser(row) };
        if (await isLastGlobalAdmin(trx, principal, row)) throw lastGlobalAdmin(row.display_name);
        const now = clock.now();
        await repo.setDisabled(trx, userId, now, now);
        await repo.revokeSessions(trx, userId, now);
        await repo.revokeTokens(trx, userId, now);
        await recordAudit(trx, ids, principal, { operationType: 'deactivate_partner_user', resourceType: RESOURCE_TYPE, resourceId: userId, newValue: { state: 'deactivated' } }, now);
        return { status: 200, body: toPartnerUser((await member(trx, principal, userId))) };
      });
    },

    /** Reactivates a user: it signs in again (the sessions and tokens it had stay revoked). */
    async reactivate(principal: Principal, userId: string, key?: IdempotencyKey) {
      allow(principal);
      return idempotency.run(key, { userId }, async (trx) => {
        const row = await lockedMember(trx, principal, userId);
        if (row.disabled_at === null) return { status: 200, body: toPartnerUser(row) };
        const now = clock.now();
        await repo.setDisabled(trx, userId, null, now);
        await recordAudit(trx, ids, principal, { operationType: 'reactivate_partner_user', resourceType: RESOURCE_TYPE, resourceId: userId, newValue: { state: 'active' } }, now);
        return { status: 200, body: toPartnerUser((await member(trx, principal, userId))) };
      });
    },

    /**
     * A new temporary password, shown once; the user must change it at its next sign-in. Its sessions
     * and tokens end: whoever held them (the reason for a reset, often) holds nothing any more.
     */
    async resetPassword(principal: Principal, userId: string, key?: IdempotencyKey) {
      allow(principal);
      const password = temporaryPassword();
      const passwordHash = await hasher.hash(password);
      return idempotency.run(key, { userId }, async (trx) => {
        await member(trx, principal, userId);
        const now = clock.now();
        await repo.setPassword(trx, userId, passwordHash, true, now);
        await repo.revokeSessions(trx, userId, now);
        await repo.revokeTokens(trx, userId, now);
        await recordAudit(trx, ids, principal, { operationType: 'reset_partner_user_password', resourceType: RESOURCE_TYPE, resourceId: userId, newValue: { mustChangePassword: true } }, now);
        return { status: 200, body: { ...toPartnerUser((await member(trx, principal, userId))), temporaryPassword: password } };
      });
    },

    /**
     * Every user changes its own password (and must, after one someone else set). The user's other
     * sessions end; this one goes on, and its API tokens stay (they are revoked one by one on the Account page).
     */
    async changeOwnPassword(principal: Principal, input: PasswordChange) {
      const userId = principal.user.id;
      const stored = await repo.lockPasswordHash(db, userId);
      if (!(await hasher.verify(input.currentPassword, stored))) {
        throw new DomainError('invalid_input', 'currentPassword: the current password is not right.', [{ field: 'currentPassword', code: 'wrong_password', message: 'The current password is not right.' }]);
      }
      if (input.currentPassword === input.newPassword) {
        throw new DomainError('invalid_input', 'newPassword: choose a password other than the current one.', [{ field: 'newPassword', code: 'same_password', message: 'Choose a password other than the current one.' }]);
      }
      const passwordHash = await hasher.hash(input.newPassword);
      await db.transaction().execute(async (trx) => {
        // Compare-and-set: a change (or a reset) since the check above wins, and this one is refused.
        if ((await repo.lockPasswordHash(trx, userId)) !== stored) {
          throw new DomainError('conflict', 'Your password was changed meanwhile; sign in again.');
        }
        const now = clock.now();
        await repo.setPassword(trx, userId, passwordHash, false, now);
        await repo.revokeSessions(trx, userId, now, principal.sessionId);
        await recordAudit(trx, ids, principal, { operationType: 'change_partner_user_password', resourceType: RESOURCE_TYPE, resourceId: userId, newValue: { mustChangePassword: false } }, now);
      });
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;

/** The list's continuation token: the last email of the page, and the state filter it was issued for. */
function decodeCursor(token: string, state: PartnerUserState | undefined): string {
  const value = decodeContinuation(token) as { e?: unknown; s?: unknown } | undefined;
  if (!value || typeof value.e !== 'string' || value.e.length > 320 || (value.s ?? null) !== (state ?? null)) throw continuationError();
  return value.e;
}
