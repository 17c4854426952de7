import { sql } from 'kysely';
import type { Executor } from '#db/database.ts';
import type { InvitationState } from '#contracts/relationships.ts';

/** The SQL of relationship invitations: every read and write of a partner's is scoped to it. */

export interface InvitationRow {
  id: string;
  partner_id: string;
  partner_name: string;
  also_provider_id: string | null;
  also_provider_name: string | null;
  recipient_name: string | null;
  recipient_email: string | null;
  message: string | null;
  state: 'pending' | 'accepted' | 'declined' | 'expired' | 'revoked';
  created_by_email: string;
  created_by_name: string;
  created_at: Date;
  last_sent_at: Date;
  sent_count: number;
  expires_at: Date;
  responded_at: Date | null;
  accepted_customer_id: string | null;
}

export interface InvitationCursor { createdAt: Date; id: string }

function selectInvitations(executor: Executor) {
  return executor
    .selectFrom('relationship_invitations as ri')
    .innerJoin('partner_organizations as p', 'p.id', 'ri.partner_id')
    .leftJoin('partner_organizations as ap', 'ap.id', 'ri.also_provider_id')
    .innerJoin('partner_users as u', 'u.id', 'ri.created_by_user_id')
    .select([
      'ri.id',
      'ri.partner_id',
      'p.name as partner_name',
      'ri.also_provider_id',
      'ap.name as also_provider_name',
      'ri.recipient_name',
      'ri.recipient_email',
      'ri.message',
      'ri.state',
      'u.email as created_by_email',
      'u.display_name as created_by_name',
      'ri.created_at',
      'ri.last_sent_at',
      'ri.sent_count',
      'ri.expires_at',
      'ri.responded_at',
      'ri.accepted_customer_id',
    ]);
}

/** The partner's standing link and whether its instance allows relationship requests at all. */
export function findLinkSettings(executor: Executor, partnerId: string) {
  return executor
    .selectFrom('partner_organizations as p')
    .innerJoin('cloud_instances as i', 'i.id', 'p.instance_id')
    .select(['p.invitation_code', 'i.relationship_requests_enabled'])
    .where('p.id', '=', partnerId)
    .executeTakeFirstOrThrow();
}

/** The partnership between a provider and a reseller, with both names, in the caller's instance. */
export function findPartnership(executor: Executor, providerId: string, resellerId: string) {
  return executor
    .selectFrom('partnerships as ps')
    .innerJoin('partner_organizations as prov', 'prov.id', 'ps.provider_id')
    .innerJoin('partner_organizations as res', 'res.id', 'ps.reseller_id')
    .select(['ps.state', 'prov.name as provider_name', 'res.name as reseller_name'])
    .where('ps.provider_id', '=', providerId)
    .where('ps.reseller_id', '=', resellerId)
    .executeTakeFirst();
}

export interface NewInvitation {
  id: string;
  partnerId: string;
  alsoProviderId: string | null;
  createdByUserId: string;
  recipientName: string;
  recipientEmail: string;
  message: string | null;
  tokenHash: string;
  now: Date;
  expiresAt: Date;
}

export async function insertInvitation(executor: Executor, row: NewInvitation) {
  await executor
    .insertInto('relationship_invitations')
    .values({
      id: row.id,
      partner_id: row.partnerId,
      also_provider_id: row.alsoProviderId,
      created_by_user_id: row.createdByUserId,
      recipient_name: row.recipientName,
      recipient_email: row.recipientEmail,
      recipient_domain: row.recipientEmail.split('@')[1] ?? null,
      message: row.message,
      token_hash: row.tokenHash,
      state: 'pending',
      created_at: row.now,
      last_sent_at: row.now,
      expires_at: row.expiresAt,
    })
    .execute();
}

export function findInvitation(executor: Executor, partnerId: string, id: string): Promise<InvitationRow | undefined> {
  return selectInvitations(executor).where('ri.partner_id', '=', partnerId).where('ri.id', '=', id).executeTakeFirst();
}

export function findInvitationByTokenHash(executor: Executor, tokenHash: string): Promise<InvitationRow | undefined> {
  return selectInvitations(executor).where('ri.token_hash', '=', tokenHash).executeTakeFirst();
}

/** A page of the partner's invitations, newest first; `state` as read at `now` (expired = pending past its date). */
export function listInvitations(executor: Executor, partnerId: string, options: { state?: InvitationState | undefined; now: Date; limit: number; after?: InvitationCursor | undefined }) {
  let query = selectInvitations(executor).where('ri.partner_id', '=', partnerId);
  if (options.state === 'pending') query = query.where('ri.state', '=', 'pending').where('ri.expires_at', '>', options.now);
  else if (options.state === 'expired') query = query.where('ri.state', '=', 'pending').where('ri.expires_at', '<=', options.now);
  else if (options.state) query = query.where('ri.state', '=', options.state);
  if (options.after) {
    const { createdAt, id } = options.after;
    query = query.where(sql<boolean>`(ri.created_at, ri.id) < (${createdAt}, ${id}::uuid)`);
  }
  return query.orderBy('ri.created_at', 'desc').orderBy('ri.id', 'desc').limit(options.limit).execute();
}

/** A new link for a pending invitation (the old one stops working) and a new expiry; undefined when it is no longer pending. */
export function reissueInvitation(executor: Executor, partnerId: string, id: string, change: { tokenHash: string; now: Date; expiresAt: Date }) {
  return executor
    .updateTable('relationship_invitations')
    .set((eb) => ({ token_hash: change.tokenHash, last_sent_at: change.now, expires_at: change.expiresAt, sent_count: eb('sent_count', '+', 1) }))
    .where('partner_id', '=', partnerId)
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}

/** Revokes a pending (or expired) invitation; undefined when it was answered or revoked already. */
export function revokeInvitation(executor: Executor, partnerId: string, id: string, change: { userId: string; now: Date }) {
  return executor
    .updateTable('relationship_invitations')
    .set({ state: 'revoked', revoked_by_user_id: change.userId, responded_at: change.now })
    .where('partner_id', '=', partnerId)
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}
