import type { Insertable } from 'kysely';
import type { AuditOperationType } from '#contracts/audit.ts';
import type { Executor } from '#db/database.ts';
import type { AuditRecordsTable } from '#db/schema.ts';
import type { IdGenerator } from '#server/lib/adapters.ts';
import type { Principal } from '#server/lib/principal.ts';

export interface AuditEntry {
  /** One of the listed types (`auditOperationTypes`): the Activity log names and filters by them. */
  operationType: AuditOperationType;
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

/** Where a change's audit records go: written at once, or kept in a batch (`auditBatch`). */
export type Audit = (entry: AuditEntry, at: Date) => Promise<void>;

const actorOf = (principal: Principal): AuditActor => ({ partnerId: principal.user.partner.id, userId: principal.user.id, name: principal.user.email, trace: principal.trace });

function auditRow(ids: IdGenerator, actor: AuditActor, entry: AuditEntry, at: Date): Insertable<AuditRecordsTable> {
  return {
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
  };
}

/** Who did what to which resource, with the new value; written in the transaction of the change. */
export async function recordAudit(db: Executor, ids: IdGenerator, principal: Principal, entry: AuditEntry, at: Date) {
  await recordAuditAs(db, ids, actorOf(principal), entry, at);
}

export async function recordAuditAs(db: Executor, ids: IdGenerator, actor: AuditActor, entry: AuditEntry, at: Date) {
  await db.insertInto('audit_records').values(auditRow(ids, actor, entry, at)).execute();
}

/** Audit records written at once, one statement each. */
export function auditNow(db: Executor, ids: IdGenerator, principal: Principal): Audit {
  return (entry, at) => recordAudit(db, ids, principal, entry, at);
}

/**
 * The audit records of a change that writes several resources (an onboarding), kept as they come and
 * written in one statement by `write`, in the same transaction: one round trip instead of one each.
 */
export function auditBatch(ids: IdGenerator, principal: Principal): { audit: Audit; write(db: Executor): Promise<void> } {
  const rows: Insertable<AuditRecordsTable>[] = [];
  return {
    audit: async (entry, at) => {
      rows.push(auditRow(ids, actorOf(principal), entry, at));
    },
    async write(db) {
      if (rows.length > 0) await db.insertInto('audit_records').values(rows.splice(0)).execute();
    },
  };
}
