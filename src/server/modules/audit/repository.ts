import type { Executor } from '#db/database.ts';
import type { IdGenerator } from '#server/lib/adapters.ts';
import type { Principal } from '#server/lib/principal.ts';

export interface AuditEntry {
  operationType: string;
  resourceType: string;
  resourceId: string | null;
  customerId?: string | null;
  newValue?: unknown;
}

/** Who acted: a partner user, or (for a customer's own answers) the customer's admin, recorded for the partner concerned. */
export interface AuditActor {
  partnerId: string;
  userId: string | null;
  name: string;
  trace?: Principal['trace'];
}

/** Who did what to which resource, with the new value; written in the transaction of the change. */
export async function recordAudit(db: Executor, ids: IdGenerator, principal: Principal, entry: AuditEntry, at: Date) {
  await recordAuditAs(db, ids, { partnerId: principal.user.partner.id, userId: principal.user.id, name: principal.user.email, trace: principal.trace }, entry, at);
}

export async function recordAuditAs(db: Executor, ids: IdGenerator, actor: AuditActor, entry: AuditEntry, at: Date) {
  await db
    .insertInto('audit_records')
    .values({
      id: ids.uuid(),
      partner_id: actor.partnerId,
      user_id: actor.userId,
      actor: actor.name,
      operation_type: entry.operationType,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      customer_id: entry.customerId ?? null,
      new_value: entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
      correlation_id: actor.trace?.correlationId ?? null,
      request_id: actor.trace?.requestId ?? null,
      created_at: at,
    })
    .execute();
}
