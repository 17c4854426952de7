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

/** Who did what to which resource, with the new value; written in the transaction of the change. */
export async function recordAudit(db: Executor, ids: IdGenerator, principal: Principal, entry: AuditEntry, at: Date) {
  await db
    .insertInto('audit_records')
    .values({
      id: ids.uuid(),
      partner_id: principal.user.partner.id,
      user_id: principal.user.id,
      actor: principal.user.email,
      operation_type: entry.operationType,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      customer_id: entry.customerId ?? null,
      new_value: entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
      correlation_id: principal.trace?.correlationId ?? null,
      request_id: principal.trace?.requestId ?? null,
      created_at: at,
    })
    .execute();
}
