import { DomainError } from '#domain/errors.ts';
import { assertCan } from '#domain/roles.ts';
import type { Invitation, InvitationInput, InvitationState, IssuedInvitation } from '#contracts/relationships.ts';
import type { Db, Executor } from '#db/database.ts';
import { randomSecret, sha256, type Clock, type IdGenerator } from '#server/lib/adapters.ts';
import { continuationError, decodeContinuation, encodeContinuation } from '#server/lib/continuation.ts';
import type { Idempotency, IdempotencyKey } from '#server/lib/idempotency.ts';
import type { Principal } from '#server/lib/principal.ts';
import { recordAudit } from '#server/modules/audit/repository.ts';
import * as repo from './repository.ts';

export interface RelationshipsDeps {
  db: Db;
  ids: IdGenerator;
  clock: Clock;
  idempotency: Idempotency;
  publicUrl: string;
  /** A tracked invitation's link works this long after it was (re)sent (RELATIONSHIP_INVITATION_TTL_DAYS). */
  invitationTtlMs: number;
}

const TOKEN_PREFIX = 'pdinv_';
const RESOURCE_TYPE = 'relationship_invitation';

/**
 * Relationship requests (SPEC §6): the partner's one standing link (Partner Center's), and tracked
 * per-recipient invitations (ours). An invitation's token is random, single-use and kept only as its
 * SHA-256; the link carries it in the URL's fragment, which browsers never send to a server, so that no
 * access log holds it.
 */
export function createRelationshipsService({ db, ids, clock, idempotency, publicUrl, invitationTtlMs }: RelationshipsDeps) {
  function stateOf(row: repo.InvitationRow, now: Date): InvitationState {
    return row.state === 'pending' && row.expires_at.getTime() <= now.getTime() ? 'expired' : row.state;
  }

  function toInvitation(row: repo.InvitationRow, now: Date): Invitation {
    return {
      id: row.id,
      recipientName: row.recipient_name,
      recipientEmail: row.recipient_email,
      message: row.message,
      state: stateOf(row, now),
      partner: { id: row.partner_id, name: row.partner_name },
      indirectProvider: row.also_provider_id ? { id: row.also_provider_id, name: row.also_provider_name ?? '' } : null,
      createdBy: { email: row.created_by_email, displayName: row.created_by_name },
      createdAt: row.created_at.toISOString(),
      lastSentAt: row.last_sent_at.toISOString(),
      sentCount: row.sent_count,
      expiresAt: row.expires_at.toISOString(),
      respondedAt: row.responded_at?.toISOString() ?? null,
      customerId: row.accepted_customer_id,
      attributes: { objectType: 'RelationshipInvitation' },
    };
  }

  const invitationUrl = (token: string) => `${publicUrl}/invitations#${token}`;
  const notFound = (id: string) => new DomainError('not_found', `There is no relationship invitation ${id}.`);

  /** Refuses the whole feature where the cloud instance has it off (US Government unless the operator turns it on). */
  async function assertEnabled(executor: Executor, principal: Principal) {
    assertCan(principal.user.partner.kind, principal.user.roles, 'relationships.request');
    const settings = await repo.findLinkSettings(executor, principal.user.partner.id);
    if (!settings.relationship_requests_enabled) {
      throw new DomainError('feature_unavailable', 'Relationship requests are not available in this cloud instance; the operator can turn them on (USGOV_RELATIONSHIP_REQUESTS).');
    }
    return settings;
  }

  /**
   * The other tier an invitation or link names: a reseller names its indirect provider, a provider one of
   * its resellers. The partnership must exist and be active; an inactive one is never offered.
   */
  async function otherTier(executor: Executor, principal: Principal, named: { providerId?: string | null | undefined; resellerId?: string | null | undefined }, fields: { provider: string; reseller: string }) {
    const { partner } = principal.user;
    const asks = named.providerId
      ? { id: named.providerId, field: fields.provider, tier: 'provider', callerKind: 'indirect_reseller', providerId: named.providerId, resellerId: partner.id }
      : named.resellerId
        ? { id: named.resellerId, field: fields.reseller, tier: 'reseller', callerKind: 'indirect_provider', providerId: partner.id, resellerId: named.resellerId }
        : null;
    if (!asks) return null;
    const other = asks.tier === 'provider' ? { the: 'an indirect provider', caller: 'an indirect reseller' } : { the: 'an indirect reseller', caller: 'an indirect provider' };
    if (partner.kind !== asks.callerKind) {
      throw fieldError(asks.field, `not_a_${asks.tier === 'provider' ? 'reseller' : 'provider'}`, `Only ${other.caller} names ${other.the}; ${partner.name} is not one.`);
    }
    const partnership = await repo.findPartnership(executor, asks.providerId, asks.resellerId);
    if (!partnership) throw fieldError(asks.field, `${asks.tier}_not_found`, `${asks.id} is not ${other.the} of ${partner.name}.`);
    if (partnership.state !== 'active') {
      const name = asks.tier === 'provider' ? partnership.provider_name : partnership.reseller_name;
      throw fieldError(asks.field, 'partnership_inactive', `The partnership with ${name} is ${partnership.state}: it cannot be offered to a customer.`);
    }
    return { providerId: asks.providerId, resellerId: asks.resellerId };
  }

  async function issued(executor: Executor, partnerId: string, id: string, token: string): Promise<IssuedInvitation> {
    const row = await repo.findInvitation(executor, partnerId, id);
    if (!row) throw notFound(id);
    return { ...toInvitation(row, clock.now()), url: invitationUrl(token) };
  }

  return {
    /** GET /v1/customers/relationshiprequests: the partner's one link, as Partner Center hands it out. */
    async link(principal: Principal, query: { indirectCloudSolutionProviderId?: string | undefined; indirectResellerId?: string | undefined }) {
      const settings = await assertEnabled(db, principal);
      const tiers = await otherTier(db, principal, { providerId: query.indirectCloudSolutionProviderId, resellerId: query.indirectResellerId }, {
        provider: 'indirectCloudSolutionProviderId',
        reseller: 'indirectResellerId',
      });
      const params = new URLSearchParams();
      if (tiers && query.indirectCloudSolutionProviderId) params.set('indirectCloudSolutionProviderId', tiers.providerId);
      if (tiers && query.indirectResellerId) params.set('indirectResellerId', tiers.resellerId);
      const search = params.size > 0 ? `?${params}` : '';
      return { url: `${publicUrl}/relationship-requests/${settings.invitation_code}${search}`, attributes: { objectType: 'RelationshipRequest' as const } };
    },

    /** Creates a tracked invitation; the answer carries its personal link this once. */
    async create(principal: Principal, input: InvitationInput, key?: IdempotencyKey) {
      await assertEnabled(db, principal);
      return idempotency.run(key, input, async (trx) => {
        const tiers = await otherTier(trx, principal, { providerId: input.indirectProviderId }, { provider: 'indirectProviderId', reseller: 'indirectResellerId' });
        const id = ids.uuid();
        const token = randomSecret(TOKEN_PREFIX);
        const now = clock.now();
        await repo.insertInvitation(trx, {
          id,
          partnerId: principal.user.partner.id,
          alsoProviderId: tiers?.providerId ?? null,
          createdByUserId: principal.user.id,
          recipientName: input.recipientName,
          recipientEmail: input.recipientEmail,
          message: input.message ?? null,
          tokenHash: sha256(token),
          now,
          expiresAt: new Date(now.getTime() + invitationTtlMs),
        });
        const invitation = await issued(trx, principal.user.partner.id, id, token);
        const { url: _secret, ...audited } = invitation;
        await recordAudit(trx, ids, principal, { operationType: 'create_relationship_invitation', resourceType: RESOURCE_TYPE, resourceId: id, newValue: audited }, now);
        return { status: 201, body: invitation };
      });
    },

    async list(principal: Principal, query: { state?: InvitationState | undefined; size: number; continuationToken?: string | undefined }) {
      await assertEnabled(db, principal);
      const now = clock.now();
      const after = query.continuationToken ? decodeCursor(query.continuationToken, query.state) : undefined;
      const rows = await repo.listInvitations(db, principal.user.partner.id, { state: query.state, now, limit: query.size, after });
      const last = rows.at(-1);
      const next = rows.length === query.size && last ? encodeCursor({ createdAt: last.created_at, id: last.id }, query.state) : undefined;
      return { items: rows.map((row) => toInvitation(row, now)), next };
    },

    async get(principal: Principal, id: string) {
      await assertEnabled(db, principal);
      const row = await repo.findInvitation(db, principal.user.partner.id, id);
      if (!row) throw notFound(id);
      return toInvitation(row, clock.now());
    },

    /** A new link (the previous one stops working) and a new expiry, for an invitation not yet answered. */
    async resend(principal: Principal, id: string, key?: IdempotencyKey) {
      await assertEnabled(db, principal);
      return idempotency.run(key, { id }, async (trx) => {
        const now = clock.now();
        const token = randomSecret(TOKEN_PREFIX);
        const changed = await repo.reissueInvitation(trx, principal.user.partner.id, id, { tokenHash: sha256(token), now, expiresAt: new Date(now.getTime() + invitationTtlMs) });
        if (!changed) throw await notPending(trx, principal, id, 'resent');
        const invitation = await issued(trx, principal.user.partner.id, id, token);
        await recordAudit(trx, ids, principal, { operationType: 'resend_relationship_invitation', resourceType: RESOURCE_TYPE, resourceId: id, newValue: { sentCount: invitation.sentCount, expiresAt: invitation.expiresAt } }, now);
        return { status: 200, body: invitation };
      });
    },

    /** Revokes an invitation not yet answered: its link then says so and changes nothing. */
    async revoke(principal: Principal, id: string, key?: IdempotencyKey) {
      await assertEnabled(db, principal);
      return idempotency.run(key, { id }, async (trx) => {
        const now = clock.now();
        const changed = await repo.revokeInvitation(trx, principal.user.partner.id, id, { userId: principal.user.id, now });
        if (!changed) throw await notPending(trx, principal, id, 'revoked');
        const row = await repo.findInvitation(trx, principal.user.partner.id, id);
        await recordAudit(trx, ids, principal, { operationType: 'revoke_relationship_invitation', resourceType: RESOURCE_TYPE, resourceId: id, newValue: { state: 'revoked' } }, now);
        return { status: 200, body: toInvitation(row!, now) };
      });
    },
  };

  async function notPending(executor: Executor, principal: Principal, id: string, verb: string) {
    const row = await repo.findInvitation(executor, principal.user.partner.id, id);
    if (!row) return notFound(id);
    return new DomainError('conflict', `The invitation to ${row.recipient_email ?? 'this customer'} was ${row.state}: it can no longer be ${verb}.`, [
      { field: 'state', code: `invitation_${row.state}`, message: `The invitation is ${row.state}.` },
    ]);
  }
}

export type RelationshipsService = ReturnType<typeof createRelationshipsService>;

function fieldError(field: string, code: string, message: string) {
  return new DomainError('invalid_input', `${field}: ${message}`, [{ field, code, message }]);
}

/** The list's continuation token: the position and the state filter it was issued for. */
function encodeCursor(cursor: repo.InvitationCursor, state: InvitationState | undefined) {
  return encodeContinuation({ c: cursor.createdAt.toISOString(), i: cursor.id, s: state ?? null });
}

function decodeCursor(token: string, state: InvitationState | undefined): repo.InvitationCursor {
  const value = decodeContinuation(token) as { c?: unknown; i?: unknown; s?: unknown } | undefined;
  if (!value || typeof value.c !== 'string' || typeof value.i !== 'string' || (value.s ?? null) !== (state ?? null)) throw continuationError();
  const createdAt = new Date(value.c);
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(value.i)) throw continuationError();
  return { createdAt, id: value.i };
}
