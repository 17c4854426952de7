import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '#domain/errors.ts';
import type { TenantRequestRef, TenantRequestView, TenantSession } from '#contracts/tenant.ts';
import type { Db, Executor } from '#db/database.ts';
import { randomSecret, sha256, type Clock, type IdGenerator, type PasswordHasher } from '#server/lib/adapters.ts';
import { recordAuditAs, type AuditActor } from '#server/modules/audit/repository.ts';
import type { AuthService } from '#server/modules/auth/service.ts';
import { replaceAssociatedReseller } from '#server/modules/customers/service.ts';
import * as repo from './repository.ts';

export interface TenantDeps {
  db: Db;
  ids: IdGenerator;
  clock: Clock;
  hasher: PasswordHasher;
  sessionTtlMs: number;
  /** Sign-ins are throttled as partner users' are (per account and address, counted before the password is checked). */
  auth: Pick<AuthService, 'guardSignIn'>;
}

/** A customer's admin, signed in. */
export interface TenantPrincipal {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  customer: repo.TenantAdminRow;
  trace?: AuditActor['trace'];
}

const upnOf = (customer: Pick<repo.TenantAdminRow, 'admin_user_name' | 'domain'>) => `${customer.admin_user_name}@${customer.domain}`;

/** A temporary password (made by Partnerdesk) is kept as SHA-256; one the admin chose, with the password hasher. */
async function passwordMatches(hasher: PasswordHasher, password: string, stored: string) {
  if (stored.startsWith('sha256$')) {
    const expected = Buffer.from(stored.slice('sha256$'.length), 'hex');
    const actual = Buffer.from(sha256(password), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
  return hasher.verify(password, stored);
}

const mustChange = () => new DomainError('insufficient_privileges', 'Change the temporary password first: it was made for the first sign-in only.', [
  { field: 'newPassword', code: 'password_change_required', message: 'Change the temporary password first.' },
]);

/**
 * The customer's side of relationship requests (SPEC §6): its global admin signs in (a temporary
 * password must be changed first), sees who asks, accepts or declines, and removes partners. Every
 * answer is an audit record of the partner concerned, in the transaction of the change.
 */
export function createTenantService({ db, ids, clock, hasher, sessionTtlMs, auth }: TenantDeps) {
  const actorFor = (principal: TenantPrincipal, partnerId: string): AuditActor => ({ partnerId, userId: null, name: upnOf(principal.customer), trace: principal.trace });

  function sessionOf(principal: TenantPrincipal): TenantSession {
    const { customer } = principal;
    return {
      customer: { id: customer.id, companyName: customer.company_name, domain: customer.domain, instance: customer.instance_id },
      userPrincipalName: upnOf(customer),
      mustChangePassword: customer.admin_password_temporary,
      csrfToken: principal.csrfToken,
      expiresAt: principal.expiresAt.toISOString(),
    };
  }

  /** What a request asks for: the partners (with how they relate), and whether it can still be answered. */
  async function resolve(executor: Executor, ref: TenantRequestRef) {
    const now = clock.now();
    if ('token' in ref) {
      const invitation = await repo.findInvitationByTokenHash(executor, sha256(ref.token));
      if (!invitation) throw new DomainError('not_found', 'This invitation link is not valid: check that it was copied whole, or ask the partner for a new one.');
      const partner = (await repo.findPartner(executor, invitation.partner_id))!;
      const provider = invitation.also_provider_id ? ((await repo.findPartner(executor, invitation.also_provider_id)) ?? null) : null;
      const state = invitation.state === 'pending' && invitation.expires_at.getTime() <= now.getTime() ? 'expired' : invitation.state;
      return { kind: 'invitation' as const, invitationId: invitation.id, partner, provider, reseller: null, state, recipientName: invitation.recipient_name, message: invitation.message, expiresAt: invitation.expires_at };
    }
    const partner = await repo.findPartnerByCode(executor, ref.code);
    if (!partner) throw new DomainError('not_found', 'This relationship link is not valid: check that it was copied whole, or ask the partner for a new one.');
    const provider = ref.indirectCloudSolutionProviderId ? ((await repo.findPartner(executor, ref.indirectCloudSolutionProviderId)) ?? null) : null;
    const reseller = ref.indirectResellerId ? ((await repo.findPartner(executor, ref.indirectResellerId)) ?? null) : null;
    return { kind: 'link' as const, invitationId: null, partner, provider, reseller, state: 'pending' as const, recipientName: null, message: null, expiresAt: null };
  }

  type Resolved = Awaited<ReturnType<typeof resolve>>;

  /** The relationships an acceptance makes: the partner, and the other tier of an indirect pair. */
  async function relationshipsOf(executor: Executor, request: Resolved) {
    const { partner, provider, reseller } = request;
    const pair = partner.kind === 'indirect_reseller' && provider ? { provider, reseller: partner } : partner.kind === 'indirect_provider' && reseller ? { provider: partner, reseller } : null;
    if (!pair) return [{ partnerId: partner.id, resellerId: null, providerId: null }];
    const partnership = await repo.partnershipState(executor, pair.provider.id, pair.reseller.id);
    if (partnership?.state !== 'active') {
      throw new DomainError('conflict', `${pair.reseller.name} no longer sells through ${pair.provider.name}: this request cannot be accepted. Ask the partner for a new one.`);
    }
    return [
      { partnerId: pair.provider.id, resellerId: pair.reseller.id, providerId: null },
      { partnerId: pair.reseller.id, resellerId: null, providerId: pair.provider.id },
    ];
  }

  function unanswerable(state: Resolved['state']) {
    const said = {
      accepted: 'This invitation was accepted already; nothing was changed.',
      declined: 'This invitation was declined; nothing was changed. Ask the partner for a new one.',
      expired: 'This invitation has expired; nothing was changed. Ask the partner to send it again.',
      revoked: 'The partner withdrew this invitation; nothing was changed.',
    } as const;
    if (state === 'pending') return undefined;
    return new DomainError('conflict', said[state], [{ field: 'token', code: `invitation_${state}`, message: said[state] }]);
  }

  function assertActive(principal: TenantPrincipal) {
    if (principal.customer.admin_password_temporary) throw mustChange();
  }

  return {
    async signIn(userPrincipalName: string, password: string, ip: string) {
      const customer = await auth.guardSignIn(`tenant:${userPrincipalName}`, ip, async () => {
        const [name, domain] = userPrincipalName.split('@');
        const found = domain ? await repo.findAdminByDomain(db, domain) : undefined;
        // An unknown account costs a check too, so that the answer's timing does not tell which exist.
        const valid = await passwordMatches(hasher, password, found?.admin_password_hash ?? 'sha256$');
        return found && found.admin_user_name === name && valid ? found : undefined;
      }, 'The user name or password is not right.');
      const token = randomSecret('pdt_');
      const now = clock.now();
      const principal: TenantPrincipal = { sessionId: ids.uuid(), csrfToken: randomSecret('', 24), expiresAt: new Date(now.getTime() + sessionTtlMs), customer };
      await repo.insertSession(db, { id: principal.sessionId, customerId: customer.id, tokenHash: sha256(token), csrfToken: principal.csrfToken, now, expiresAt: principal.expiresAt });
      return { token, session: sessionOf(principal) };
    },

    async authenticate(token: string): Promise<TenantPrincipal | undefined> {
      const row = await repo.findLiveSession(db, sha256(token), clock.now());
      if (!row) return undefined;
      const { session_id, csrf_token, expires_at, ...customer } = row;
      return { sessionId: session_id, csrfToken: csrf_token, expiresAt: expires_at, customer: customer as repo.TenantAdminRow };
    },

    session: sessionOf,

    async signOut(principal: TenantPrincipal) {
      await repo.revokeSession(db, principal.sessionId, clock.now());
    },

    /** Changes the admin's password (required after a temporary one); other sessions end. */
    async changePassword(principal: TenantPrincipal, currentPassword: string, newPassword: string) {
      if (!(await passwordMatches(hasher, currentPassword, principal.customer.admin_password_hash))) {
        throw new DomainError('invalid_input', 'currentPassword: the current password is not right.', [{ field: 'currentPassword', code: 'wrong_password', message: 'The current password is not right.' }]);
      }
      if (currentPassword === newPassword) {
        throw new DomainError('invalid_input', 'newPassword: choose a password other than the current one.', [{ field: 'newPassword', code: 'same_password', message: 'Choose a password other than the current one.' }]);
      }
      const hash = await hasher.hash(newPassword);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.setAdminPassword(trx, principal.customer.id, hash, now);
        await repo.revokeOtherSessions(trx, principal.customer.id, principal.sessionId, now);
      });
      return sessionOf({ ...principal, customer: { ...principal.customer, admin_password_hash: hash, admin_password_temporary: false } });
    },

    /** What an acceptance page shows; public, as the link itself is the secret. */
    async view(ref: TenantRequestRef): Promise<TenantRequestView> {
      const request = await resolve(db, ref);
      const others = [request.provider, request.reseller].filter((partner): partner is repo.PartnerRow => partner !== null);
      return {
        kind: request.kind,
        state: request.state,
        partners: [request.partner, ...others].map((partner) => ({ id: partner.id, name: partner.name, kind: partner.kind })),
        recipientName: request.recipientName,
        message: request.message,
        expiresAt: request.expiresAt?.toISOString() ?? null,
      };
    },

    /** Accepts: the relationship(s) exist at once, and the customer shows in each partner's list. */
    async accept(principal: TenantPrincipal, ref: TenantRequestRef) {
      assertActive(principal);
      return db.transaction().execute(async (trx) => {
        const request = await resolve(trx, ref);
        const refusal = unanswerable(request.state);
        if (refusal) throw refusal;
        const { customer } = principal;
        if (request.partner.instance_id !== customer.instance_id) {
          throw new DomainError('feature_unavailable', `${request.partner.name} is in another cloud instance than ${customer.company_name}: it cannot be its partner.`);
        }
        if (!(await repo.relationshipRequestsEnabled(trx, customer.instance_id))) {
          throw new DomainError('feature_unavailable', 'Relationship requests are not available in this cloud instance.');
        }
        const relationships = await relationshipsOf(trx, request);
        const partnerIds = relationships.map((relationship) => relationship.partnerId);
        if (customer.instance_id === 'usgov' && (await repo.otherActivePartners(trx, customer.id, partnerIds)).length > 0) {
          throw new DomainError('conflict', `${customer.company_name} is a US Government customer: it transacts with one partner only. Remove its current partner first.`, [
            { field: 'customer', code: 'usgov_single_partner', message: 'A US Government customer has one partner only.' },
          ]);
        }
        const now = clock.now();
        if (request.invitationId && !(await repo.claimInvitation(trx, request.invitationId, { state: 'accepted', customerId: customer.id, now }))) {
          throw unanswerable('accepted')!;
        }
        for (const relationship of relationships) {
          if (relationship.resellerId) await replaceAssociatedReseller(trx, { customerId: customer.id, providerId: relationship.partnerId, resellerId: relationship.resellerId, now });
          await repo.upsertRelationship(trx, { customerId: customer.id, ...relationship, invitationId: request.invitationId, now });
          await recordAuditAs(trx, ids, actorFor(principal, relationship.partnerId), {
            operationType: 'accept_relationship_request',
            resourceType: 'partner_customer_relationship',
            resourceId: request.invitationId ?? relationship.partnerId,
            customerId: customer.id,
            newValue: { partnerId: relationship.partnerId, indirectResellerId: relationship.resellerId, indirectProviderId: relationship.providerId, via: request.kind },
          }, now);
        }
        return { partners: partnerIds };
      });
    },

    async decline(principal: TenantPrincipal, ref: { token: string }) {
      assertActive(principal);
      await db.transaction().execute(async (trx) => {
        const request = await resolve(trx, ref);
        const refusal = unanswerable(request.state);
        if (refusal) throw refusal;
        const now = clock.now();
        if (!(await repo.claimInvitation(trx, request.invitationId!, { state: 'declined', customerId: principal.customer.id, now }))) throw unanswerable('declined')!;
        await recordAuditAs(trx, ids, actorFor(principal, request.partner.id), {
          operationType: 'decline_relationship_request',
          resourceType: 'relationship_invitation',
          resourceId: request.invitationId,
          customerId: principal.customer.id,
          newValue: { state: 'declined' },
        }, now);
      });
    },

    async partners(principal: TenantPrincipal) {
      assertActive(principal);
      const rows = await repo.listActivePartners(db, principal.customer.id);
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind,
        indirectReseller: row.reseller_id ? { id: row.reseller_id, name: row.reseller_name ?? '' } : null,
        indirectProvider: row.provider_id ? { id: row.provider_id, name: row.provider_name ?? '' } : null,
        origin: row.origin,
        since: row.created_at.toISOString(),
      }));
    },

    /** Removes a partner: it (and a reseller selling through it) loses access at once. */
    async removePartner(principal: TenantPrincipal, partnerId: string) {
      assertActive(principal);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const ended = await repo.endRelationship(trx, principal.customer.id, partnerId, now);
        if (!ended.includes(partnerId)) throw new DomainError('not_found', `${partnerId} is not a partner of ${principal.customer.company_name}.`);
        for (const lost of ended) {
          await recordAuditAs(trx, ids, actorFor(principal, lost), {
            operationType: 'remove_partner_customer_relationship',
            resourceType: 'partner_customer_relationship',
            resourceId: lost,
            customerId: principal.customer.id,
            newValue: { state: 'terminated', removedPartnerId: partnerId },
          }, now);
        }
      });
    },
  };
}

export type TenantService = ReturnType<typeof createTenantService>;
