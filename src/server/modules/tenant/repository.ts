import { sql } from 'kysely';
import type { Executor } from '#db/database.ts';

/** The SQL of the customer's side: its admin's sign-in and sessions, its answers, its partners. */

export interface TenantAdminRow {
  id: string;
  company_name: string;
  domain: string;
  instance_id: 'public' | 'usgov';
  admin_user_name: string;
  admin_password_hash: string;
  admin_password_temporary: boolean;
}

const adminColumns = ['c.id', 'c.company_name', 'c.domain', 'c.instance_id', 'c.admin_user_name', 'c.admin_password_hash', 'c.admin_password_temporary'] as const;

export function findAdminByDomain(executor: Executor, domain: string): Promise<TenantAdminRow | undefined> {
  return executor.selectFrom('customers as c').select(adminColumns).where(sql<string>`lower(c.domain)`, '=', domain.toLowerCase()).orderBy('c.instance_id').executeTakeFirst() as Promise<TenantAdminRow | undefined>;
}

export function insertSession(executor: Executor, row: { id: string; customerId: string; tokenHash: string; csrfToken: string; now: Date; expiresAt: Date }) {
  return executor
    .insertInto('tenant_sessions')
    .values({ id: row.id, customer_id: row.customerId, token_hash: row.tokenHash, csrf_token: row.csrfToken, created_at: row.now, expires_at: row.expiresAt })
    .execute();
}

export function findLiveSession(executor: Executor, tokenHash: string, now: Date) {
  return executor
    .selectFrom('tenant_sessions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id as session_id', 's.csrf_token', 's.expires_at', ...adminColumns])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export function revokeSession(executor: Executor, sessionId: string, now: Date) {
  return executor.updateTable('tenant_sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Ends every session of the customer's admin but `keep` (a password change keeps the session that made it). */
export function revokeOtherSessions(executor: Executor, customerId: string, keep: string | null, now: Date) {
  let query = executor.updateTable('tenant_sessions').set({ revoked_at: now }).where('customer_id', '=', customerId).where('revoked_at', 'is', null);
  if (keep) query = query.where('id', '<>', keep);
  return query.execute();
}

export function setAdminPassword(executor: Executor, customerId: string, hash: string, now: Date) {
  return executor
    .updateTable('customers')
    .set({ admin_password_hash: hash, admin_password_set_at: now, admin_password_temporary: false, updated_at: now })
    .where('id', '=', customerId)
    .execute();
}

export interface PartnerRow { id: string; name: string; kind: 'direct' | 'indirect_provider' | 'indirect_reseller'; instance_id: 'public' | 'usgov' }

export function findPartner(executor: Executor, id: string): Promise<PartnerRow | undefined> {
  return executor.selectFrom('partner_organizations').select(['id', 'name', 'kind', 'instance_id']).where('id', '=', id).executeTakeFirst();
}

export function findPartnerByCode(executor: Executor, code: string): Promise<PartnerRow | undefined> {
  return executor.selectFrom('partner_organizations').select(['id', 'name', 'kind', 'instance_id']).where('invitation_code', '=', code).executeTakeFirst();
}

export function partnershipState(executor: Executor, providerId: string, resellerId: string) {
  return executor.selectFrom('partnerships').select('state').where('provider_id', '=', providerId).where('reseller_id', '=', resellerId).executeTakeFirst();
}

export async function relationshipRequestsEnabled(executor: Executor, instanceId: 'public' | 'usgov') {
  const row = await executor.selectFrom('cloud_instances').select('relationship_requests_enabled').where('id', '=', instanceId).executeTakeFirst();
  return row?.relationship_requests_enabled ?? false;
}

export function findInvitationByTokenHash(executor: Executor, tokenHash: string) {
  return executor
    .selectFrom('relationship_invitations')
    .select(['id', 'partner_id', 'also_provider_id', 'recipient_name', 'message', 'state', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Answers a pending, unexpired invitation once: a second answer (or a twin request) finds nothing to claim. */
export function claimInvitation(executor: Executor, id: string, answer: { state: 'accepted' | 'declined'; customerId: string; now: Date }) {
  return executor
    .updateTable('relationship_invitations')
    .set({ state: answer.state, responded_at: answer.now, accepted_customer_id: answer.customerId })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('expires_at', '>', answer.now)
    .returning('id')
    .executeTakeFirst();
}

/** Partners the customer has an active relationship with, other than `except`. */
export function otherActivePartners(executor: Executor, customerId: string, except: string[]) {
  return executor
    .selectFrom('customer_relationships')
    .select('partner_id')
    .where('customer_id', '=', customerId)
    .where('state', '=', 'active')
    .where('partner_id', 'not in', except)
    .execute();
}

/**
 * The relationship of an accepted request: made, or made active again after a removal. An existing
 * active one keeps its reseller unless the request names one.
 */
export function upsertRelationship(
  executor: Executor,
  row: { customerId: string; partnerId: string; resellerId: string | null; providerId: string | null; invitationId: string | null; now: Date },
) {
  return executor
    .insertInto('customer_relationships')
    .values({
      customer_id: row.customerId,
      partner_id: row.partnerId,
      origin: 'invited',
      indirect_reseller_id: row.resellerId,
      indirect_provider_id: row.providerId,
      invitation_id: row.invitationId,
      created_at: row.now,
    })
    .onConflict((oc) =>
      oc.columns(['customer_id', 'partner_id']).doUpdateSet((eb) => ({
        // A reseller its provider only associated now holds a relationship of its own (migration 0008).
        origin: sql<'created' | 'invited' | 'associated'>`case when customer_relationships.origin = 'associated' then 'invited' else customer_relationships.origin end`,
        state: 'active',
        ended_at: null,
        indirect_reseller_id: row.resellerId ?? eb.ref('customer_relationships.indirect_reseller_id'),
        indirect_provider_id: row.providerId ?? eb.ref('customer_relationships.indirect_provider_id'),
        invitation_id: row.invitationId ?? eb.ref('customer_relationships.invitation_id'),
      })),
    )
    .execute();
}

export function listActivePartners(executor: Executor, customerId: string) {
  return executor
    .selectFrom('customer_relationships as cr')
    .innerJoin('partner_organizations as p', 'p.id', 'cr.partner_id')
    .leftJoin('partner_organizations as res', 'res.id', 'cr.indirect_reseller_id')
    .leftJoin('partner_organizations as prov', 'prov.id', 'cr.indirect_provider_id')
    .select([
      'p.id',
      'p.name',
      'p.kind',
      'cr.origin',
      'cr.created_at',
      'res.id as reseller_id',
      'res.name as reseller_name',
      'prov.id as provider_id',
      'prov.name as provider_name',
    ])
    .where('cr.customer_id', '=', customerId)
    .where('cr.state', '=', 'active')
    .orderBy('p.name')
    .execute();
}

/**
 * Ends the customer's relationship with a partner. A reseller that sells through it loses its own
 * relationship too (it sells only through its provider); a provider that sold through a removed
 * reseller keeps its relationship, without the reseller. Returns the partners that lost access.
 */
export async function endRelationship(executor: Executor, customerId: string, partnerId: string, now: Date): Promise<string[]> {
  const ended = await executor
    .updateTable('customer_relationships')
    .set({ state: 'terminated', ended_at: now })
    .where('customer_id', '=', customerId)
    .where('state', '=', 'active')
    .where((eb) => eb.or([eb('partner_id', '=', partnerId), eb('indirect_provider_id', '=', partnerId)]))
    .returning('partner_id')
    .execute();
  await executor
    .updateTable('customer_relationships')
    .set({ indirect_reseller_id: null })
    .where('customer_id', '=', customerId)
    .where('indirect_reseller_id', '=', partnerId)
    .execute();
  return ended.map((row) => row.partner_id);
}
