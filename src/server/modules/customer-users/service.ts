import { DomainError, fieldErrorsError, type FieldError } from '#domain/errors.ts';
import { assertCan } from '#domain/roles.ts';
import { checkChosenPassword, checkNewCustomerUser, checkUsageLocation, directoryRoleName, directoryRoles } from '#domain/customer-users.ts';
import { plainTextErrors } from '#domain/customer/plain-text.ts';
import { unstorableText } from '#domain/text.ts';
import {
  customerUserFilterSchema,
  type CreateCustomerUserRequest,
  type CustomerUser,
  type DirectoryRole,
  type LicenseUpdateRequest,
  type SubscribedSku,
  type UpdateCustomerUserRequest,
} from '#contracts/customer-users.ts';
import type { Subscription } from '#contracts/orders.ts';
import type { Db, Executor } from '#db/database.ts';
import { sha256, temporaryPassword, type Clock, type IdGenerator, type PasswordHasher } from '#server/lib/adapters.ts';
import { continuationError, decodeContinuation, encodeContinuation } from '#server/lib/continuation.ts';
import type { Idempotency, IdempotencyKey } from '#server/lib/idempotency.ts';
import type { Principal } from '#server/lib/principal.ts';
import { recordAudit } from '#server/modules/audit/repository.ts';
import { setTenantAdminPassword, type CustomersService } from '#server/modules/customers/service.ts';
import type { OrdersService } from '#server/modules/orders/service.ts';
import * as repo from './repository.ts';

export interface CustomerUsersDeps {
  db: Db;
  ids: IdGenerator;
  clock: Clock;
  hasher: PasswordHasher;
  idempotency: Idempotency;
  customers: CustomersService;
  orders: OrdersService;
}

/**
 * A customer's users, as Partner Center lets a partner support them (issue 10 part 4). A customer's
 * users are the customer's: every partner with a relationship sees the same users (ours, as in Azure AD,
 * where the partner works in the customer's tenant); the licenses each partner sees and assigns are
 * those of its own subscriptions (each partner's orders are its own, SPEC §6). Roles: viewing needs
 * `customers.view`; adding, deleting and licenses `customer_users.manage`; a password reset
 * `customer_users.reset_password` (#domain/roles.ts says which Partner Center rule each follows).
 */
export function createCustomerUsersService({ db, ids, clock, hasher, idempotency, customers, orders }: CustomerUsersDeps) {
  const usersUri = (customerId: string) => `/v1/customers/${customerId}/users`;

  /** The customer as the caller may see it (404 otherwise), and the subscriptions whose licenses it sees. */
  async function customerOf(principal: Principal, customerId: string) {
    const customer = await customers.get(principal, customerId);
    const subscriptions = await orders.listSubscriptions(principal, customerId);
    return { domain: customer.companyProfile.domain, country: customer.billingProfile.defaultAddress.country, subscriptions };
  }

  async function toUsers(executor: Executor, rows: repo.CustomerUserRow[], subscriptions: Subscription[], passwords: Map<string, string> = new Map()): Promise<CustomerUser[]> {
    const userIds = rows.map((row) => row.id);
    const [roles, licenses] = await Promise.all([repo.rolesOf(executor, userIds), repo.licensesOf(executor, userIds, subscriptions.map((s) => s.id))]);
    const byId = new Map(subscriptions.map((s) => [s.id, s]));
    return rows.map((row) => ({
      id: row.id,
      userPrincipalName: row.user_principal_name,
      displayName: row.display_name,
      firstName: row.first_name,
      lastName: row.last_name,
      usageLocation: row.usage_location,
      passwordProfile: { password: passwords.get(row.id) ?? null, forceChangePassword: row.force_change_password },
      userDomainType: 'none' as const,
      state: row.deleted_at ? ('inactive' as const) : ('active' as const),
      softDeletionTime: row.deleted_at?.toISOString() ?? null,
      lastDirectorySyncTime: null,
      isTenantAdmin: row.is_tenant_admin,
      createdAt: row.created_at.toISOString(),
      directoryRoles: roles.filter((r) => r.user_id === row.id).map((r) => ({ id: r.role_id, name: directoryRoleName(r.role_id) ?? r.role_id })),
      licenses: licenses.flatMap((l) => {
        const subscription = l.user_id === row.id ? byId.get(l.subscription_id) : undefined;
        return subscription ? [{ subscriptionId: subscription.id, skuId: subscription.offerId, skuName: subscription.offerName }] : [];
      }),
      links: { self: { uri: `${usersUri(row.customer_id)}/${row.id}`, method: 'GET', headers: [] } },
      attributes: { objectType: 'CustomerUser' as const },
    }));
  }

  async function visibleUser(executor: Executor, customerId: string, userId: string) {
    const row = await repo.findUser(executor, customerId, userId);
    if (!row || row.deleted_at) throw new DomainError('not_found', `There is no user ${userId} of this customer.`);
    return row;
  }

  /** A password from the request (checked, scrypt: a person chose it) or generated (SHA-256: it carries its own entropy), and whether it must change. */
  async function passwordFrom(profile: { password?: string | null | undefined; forceChangePassword?: boolean | null | undefined } | null | undefined) {
    const chosen = profile?.password ?? null;
    if (chosen !== null && chosen !== '') {
      const errors = checkChosenPassword(chosen);
      if (errors.length > 0) throw fieldErrorsError(errors);
      return { password: chosen, hash: await hasher.hash(chosen), forceChange: profile?.forceChangePassword ?? true };
    }
    const generated = temporaryPassword();
    return { password: generated, hash: `sha256$${sha256(generated)}`, forceChange: profile?.forceChangePassword ?? true };
  }

  return {
    /** GET /v1/customers/{id}/users: one page by user principal name, or the one user a UserPrincipalName filter names. */
    async list(principal: Principal, customerId: string, query: { size: number; filter?: string | undefined; continuationToken?: string | undefined }) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const customer = await customerOf(principal, customerId);
      const userPrincipalName = parseUserFilter(query.filter);
      let after: repo.UserCursor | undefined;
      if (query.continuationToken !== undefined) {
        const decoded = decodeContinuation(query.continuationToken);
        if (!Array.isArray(decoded) || decoded.length !== 3 || typeof decoded[0] !== 'string' || typeof decoded[1] !== 'string' || !GUID.test(decoded[1]) || decoded[2] !== (userPrincipalName ?? null) || unstorableText(decoded[0]) !== undefined) {
          throw continuationError();
        }
        after = { key: decoded[0], id: decoded[1] };
      }
      const rows = await repo.listUsers(db, customerId, { limit: query.size + 1, after, userPrincipalName });
      const page = rows.slice(0, query.size);
      const last = page.at(-1);
      const params = new URLSearchParams({ size: String(query.size) });
      if (query.filter) params.set('filter', query.filter);
      const selfUri = `${usersUri(customerId)}?${params}`;
      params.set('seekOperation', 'Next');
      return {
        items: await toUsers(db, page, customer.subscriptions),
        selfUri,
        next: rows.length > query.size && last ? { uri: `${usersUri(customerId)}?${params}`, continuationToken: encodeContinuation([last.sort_key, last.id, userPrincipalName ?? null]) } : undefined,
      };
    },

    async get(principal: Principal, customerId: string, userId: string): Promise<CustomerUser> {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const customer = await customerOf(principal, customerId);
      const [user] = await toUsers(db, [await visibleUser(db, customerId, userId)], customer.subscriptions);
      return user!;
    },

    /** POST /v1/customers/{id}/users: 201 with the password (given or generated) this once; a taken name is a 409. */
    async create(principal: Principal, customerId: string, body: CreateCustomerUserRequest, key?: IdempotencyKey) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customer_users.manage');
      const customer = await customerOf(principal, customerId);
      const checked = checkNewCustomerUser(body, customer);
      if (!checked.ok) throw fieldErrorsError(checked.errors);
      const secret = await passwordFrom(body.passwordProfile);
      return idempotency.run(key, body, async (trx) => {
        const now = clock.now();
        const id = ids.uuid();
        const user = checked.value;
        const inserted = await repo.insertUser(trx, { id, customerId, ...user, passwordHash: secret.hash, forceChangePassword: secret.forceChange, now });
        if (!inserted) {
          const message = `The customer already has a user ${user.userPrincipalName}.`;
          throw new DomainError('conflict', message, [{ field: 'userPrincipalName', code: 'user_name_taken', message }]);
        }
        const [created] = await toUsers(trx, [(await repo.findUser(trx, customerId, id))!], customer.subscriptions, new Map([[id, secret.password]]));
        const { passwordProfile: _secret, ...recorded } = created!;
        await recordAudit(trx, ids, principal, { operationType: 'create_customer_user', resourceType: 'customer_user', resourceId: id, customerId, newValue: recorded }, now);
        return { status: 201, body: created! };
      });
    },

    /**
     * PATCH /v1/customers/{id}/users/{userId}: Partner Center's reset (a passwordProfile; its password,
     * or one generated, shown once in the answer) and the names it sends with it. The customer's admin is
     * reset where its sign-in reads its password, and its sessions end, as Reset admin password does.
     */
    async update(principal: Principal, customerId: string, userId: string, body: UpdateCustomerUserRequest, key?: IdempotencyKey) {
      const { partner, roles } = principal.user;
      const customer = await customerOf(principal, customerId);
      const current = await visibleUser(db, customerId, userId);
      const names = namesToChange(current, body, customer.country);
      if (body.passwordProfile) assertCan(partner.kind, roles, 'customer_users.reset_password');
      if (Object.keys(names).length > 0 || !body.passwordProfile) assertCan(partner.kind, roles, 'customer_users.manage');
      if (body.userPrincipalName != null && body.userPrincipalName.trim().toLowerCase() !== current.user_principal_name.toLowerCase()) {
        const message = 'The user principal name cannot change (ours): add a user of the new name instead.';
        throw new DomainError('invalid_input', message, [{ field: 'userPrincipalName', code: 'user_name_read_only', message }]);
      }
      const secret = body.passwordProfile ? await passwordFrom(body.passwordProfile) : null;
      return idempotency.run(key, body, async (trx) => {
        const locked = await repo.lockUser(trx, customerId, userId);
        if (!locked || locked.deleted_at) throw new DomainError('not_found', `There is no user ${userId} of this customer.`);
        const now = clock.now();
        await repo.updateNames(trx, userId, names);
        if (secret) {
          if (locked.is_tenant_admin) await setTenantAdminPassword(trx, customerId, secret.hash, secret.forceChange, now);
          else await repo.setPassword(trx, userId, secret.hash, secret.forceChange, now);
          await recordAudit(trx, ids, principal, { operationType: 'reset_customer_user_password', resourceType: 'customer_user', resourceId: userId, customerId, newValue: { userPrincipalName: current.user_principal_name, forceChangePassword: secret.forceChange, passwordSetAt: now.toISOString(), ...names } }, now);
        }
        const [user] = await toUsers(trx, [(await repo.findUser(trx, customerId, userId))!], customer.subscriptions, secret ? new Map([[userId, secret.password]]) : new Map());
        return { status: 200, body: user! };
      });
    },

    /** DELETE /v1/customers/{id}/users/{userId}: Partner Center soft-deletes (204); its licenses are freed. The admin stays. */
    async remove(principal: Principal, customerId: string, userId: string) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customer_users.manage');
      await customerOf(principal, customerId);
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lockUser(trx, customerId, userId);
        if (!locked || locked.deleted_at) throw new DomainError('not_found', `There is no user ${userId} of this customer.`);
        if (locked.is_tenant_admin) throw new DomainError('conflict', "The customer's admin cannot be deleted: it is the account the customer signs in with to accept partners.");
        const row = (await repo.findUser(trx, customerId, userId))!;
        const now = clock.now();
        await repo.softDelete(trx, userId, now);
        await recordAudit(trx, ids, principal, { operationType: 'delete_customer_user', resourceType: 'customer_user', resourceId: userId, customerId, newValue: { userPrincipalName: row.user_principal_name, softDeletionTime: now.toISOString() } }, now);
      });
    },

    /** GET .../users/{userId}/directoryroles: the roles the user holds. */
    async userRoles(principal: Principal, customerId: string, userId: string): Promise<DirectoryRole[]> {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      await customerOf(principal, customerId);
      await visibleUser(db, customerId, userId);
      const rows = await repo.rolesOf(db, [userId]);
      return rows.map((row) => ({ id: row.role_id, name: directoryRoleName(row.role_id) ?? row.role_id, attributes: { objectType: 'DirectoryRole' as const } }));
    },

    /** GET /v1/customers/{id}/directoryroles: the directory roles of the customer's tenant. */
    async directoryRoles(principal: Principal, customerId: string): Promise<DirectoryRole[]> {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      await customerOf(principal, customerId);
      return directoryRoles.map((role) => ({ id: role.id, name: role.name, attributes: { objectType: 'DirectoryRole' as const } }));
    },

    /** GET .../directoryroles/{roleId}/usermembers: who holds the role (404 for a role the tenant does not have). */
    async roleMembers(principal: Principal, customerId: string, roleId: string) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      await customerOf(principal, customerId);
      const role = directoryRoles.find((r) => r.id === roleId.toLowerCase());
      if (!role) throw new DomainError('not_found', `There is no directory role ${roleId}.`);
      const rows = await repo.roleMembers(db, customerId, role.id);
      return rows.map((row) => ({ id: row.id, userPrincipalName: row.user_principal_name, displayName: row.display_name, roleId: role.id, attributes: { objectType: 'UserMember' as const } }));
    },

    /**
     * POST .../users/{userId}/licenseupdates: licenses assigned and removed in one transaction. Each
     * subscription assigned from is locked (in id order, so two updates never wait on each other in a
     * circle) and counted: never more users than its quantity (400 `no_available_licenses`). Only the
     * caller's active subscriptions of this customer.
     */
    async updateLicenses(principal: Principal, customerId: string, userId: string, body: LicenseUpdateRequest, key?: IdempotencyKey) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customer_users.manage');
      const customer = await customerOf(principal, customerId);
      await visibleUser(db, customerId, userId);
      const byId = new Map(customer.subscriptions.map((s) => [s.id, s]));
      const errors: FieldError[] = [];
      const toAssign = (body.licensesToAssign ?? []).flatMap((license, index) => {
        const field = `licensesToAssign.${index}.subscriptionId`;
        const subscription = byId.get(license.subscriptionId.toLowerCase());
        if (!subscription) {
          errors.push({ field, code: 'subscription_not_found', message: `There is no subscription ${license.subscriptionId} of yours for this customer.` });
          return [];
        }
        if (license.skuId != null && license.skuId !== subscription.offerId) {
          errors.push({ field: `licensesToAssign.${index}.skuId`, code: 'sku_mismatch', message: `Subscription ${subscription.id} is of SKU ${subscription.offerId}, not ${license.skuId}.` });
          return [];
        }
        return [{ index, subscription, excludedPlans: license.excludedPlans ?? [] }];
      });
      const toRemove = (body.licensesToRemove ?? []).flatMap((ref, index) => {
        const matches = customer.subscriptions.filter((s) => s.id === ref.toLowerCase() || s.offerId === ref);
        if (matches.length === 0) errors.push({ field: `licensesToRemove.${index}`, code: 'subscription_not_found', message: `${ref} is neither a subscription of yours for this customer nor the SKU of one.` });
        return matches.map((s) => s.id);
      });
      if (errors.length > 0) throw fieldErrorsError(errors);
      return idempotency.run(key, body, async (trx) => {
        const locked = await repo.lockUser(trx, customerId, userId);
        if (!locked || locked.deleted_at) throw new DomainError('not_found', `There is no user ${userId} of this customer.`);
        const now = clock.now();
        await repo.removeLicenses(trx, userId, toRemove);
        const held = new Set((await repo.licensesOf(trx, [userId], toAssign.map((a) => a.subscription.id))).map((l) => l.subscription_id));
        const sorted = [...toAssign].sort((a, b) => (a.subscription.id < b.subscription.id ? -1 : 1));
        for (const { index, subscription } of sorted) {
          if (held.has(subscription.id)) continue;
          const row = await repo.lockSubscription(trx, customerId, subscription.id);
          const field = `licensesToAssign.${index}.subscriptionId`;
          if (!row || row.status !== 'active') {
            throw new DomainError('invalid_input', `Subscription ${subscription.friendlyName} is ${row?.status ?? 'gone'}: only an active subscription's licenses are assigned.`, [
              { field, code: 'subscription_not_active', message: 'Choose an active subscription.' },
            ]);
          }
          const consumed = (await repo.consumedUnits(trx, [subscription.id])).get(subscription.id) ?? 0;
          if (consumed >= row.quantity) {
            const message = `All ${row.quantity} licenses of ${subscription.friendlyName} are assigned. Remove one from another user, or buy more.`;
            throw new DomainError('invalid_input', message, [{ field, code: 'no_available_licenses', message }]);
          }
          await repo.assignLicense(trx, userId, subscription.id, now);
        }
        const [user] = await toUsers(trx, [(await repo.findUser(trx, customerId, userId))!], customer.subscriptions);
        const answer = {
          licensesToAssign: toAssign.map((a) => ({ subscriptionId: a.subscription.id, skuId: a.subscription.offerId, excludedPlans: a.excludedPlans })),
          licensesToRemove: toRemove,
          licenseWarnings: [],
          user: user!,
          attributes: { objectType: 'LicenseUpdate' as const },
        };
        await recordAudit(trx, ids, principal, { operationType: 'update_customer_user_licenses', resourceType: 'customer_user', resourceId: userId, customerId, newValue: { userPrincipalName: user!.userPrincipalName, assigned: answer.licensesToAssign.map((l) => l.subscriptionId), removed: toRemove, licenses: user!.licenses } }, now);
        return { status: 201, body: answer };
      });
    },

    /** GET /v1/customers/{id}/subscribedskus: per subscription of the caller's, its units and how many users hold one. */
    async subscribedSkus(principal: Principal, customerId: string): Promise<SubscribedSku[]> {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const customer = await customerOf(principal, customerId);
      const consumed = await repo.consumedUnits(db, customer.subscriptions.map((s) => s.id));
      return customer.subscriptions
        .filter((s) => s.status !== 'deleted')
        .map((s) => {
          const used = consumed.get(s.id) ?? 0;
          const active = s.status === 'active';
          return {
            availableUnits: active ? Math.max(0, s.quantity - used) : 0,
            activeUnits: active ? s.quantity : 0,
            consumedUnits: used,
            suspendedUnits: s.status === 'suspended' ? s.quantity : 0,
            totalUnits: s.quantity,
            warningUnits: 0,
            productSku: { id: s.offerId, name: s.offerName, skuPartNumber: s.offerId, targetType: 'User' as const },
            servicePlans: [],
            capabilityStatus: active ? ('Enabled' as const) : ('Suspended' as const),
            subscriptionId: s.id,
            subscriptionFriendlyName: s.friendlyName,
            attributes: { objectType: 'SubscribedSku' as const },
          };
        });
    },
  };
}

export type CustomerUsersService = ReturnType<typeof createCustomerUsersService>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The names a PATCH changes (those sent and different), checked as a new user's are. */
function namesToChange(current: repo.CustomerUserRow, body: UpdateCustomerUserRequest, country: string) {
  const errors = plainTextErrors([
    { field: 'displayName', label: 'the display name', value: body.displayName, kind: 'line' },
    { field: 'firstName', label: 'the first name', value: body.firstName, kind: 'line' },
    { field: 'lastName', label: 'the last name', value: body.lastName, kind: 'line' },
  ]);
  if (errors.length > 0) throw fieldErrorsError(errors);
  const changes: { display_name?: string; first_name?: string | null; last_name?: string | null; usage_location?: string } = {};
  const clean = (value: string) => value.trim().replace(/\s+/g, ' ');
  if (body.displayName != null && clean(body.displayName) !== current.display_name) {
    if (clean(body.displayName) === '') throw fieldErrorsError([{ field: 'displayName', code: 'display_name_required', message: 'Enter the name people see, such as Alex Chen.' }]);
    changes.display_name = clean(body.displayName);
  }
  if (body.firstName !== undefined && (body.firstName === null ? null : clean(body.firstName) || null) !== current.first_name) changes.first_name = body.firstName === null ? null : clean(body.firstName) || null;
  if (body.lastName !== undefined && (body.lastName === null ? null : clean(body.lastName) || null) !== current.last_name) changes.last_name = body.lastName === null ? null : clean(body.lastName) || null;
  if (body.usageLocation != null) {
    const usage = checkUsageLocation(body.usageLocation, country);
    if (!usage.ok) throw fieldErrorsError(usage.errors);
    if (usage.value !== current.usage_location) changes.usage_location = usage.value;
  }
  return changes;
}

/** Partner Center's filter for a user by user principal name: `{"Field":"UserPrincipalName","Value":"...","Operator":"equals"}`. */
function parseUserFilter(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let text = raw;
  if (/^%7B/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // reported below
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const lowered = json && typeof json === 'object' ? Object.fromEntries(Object.entries(json).map(([k, v]) => [k.toLowerCase(), v])) : {};
  const result = customerUserFilterSchema.safeParse({ Field: lowered.field, Value: lowered.value, Operator: typeof lowered.operator === 'string' ? lowered.operator.toLowerCase() : lowered.operator });
  if (!result.success || unstorableText(result.data.Value) !== undefined) {
    const message = 'filter must be URL-encoded JSON {"Field":"UserPrincipalName","Value":"alex@contoso.onmicrosoft.com","Operator":"equals"}.';
    throw new DomainError('invalid_input', message, [{ field: 'filter', code: 'invalid_filter', message }]);
  }
  return result.data.Value.trim();
}
