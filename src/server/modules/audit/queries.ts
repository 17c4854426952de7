import { sql } from 'kysely';
import type { Executor } from '#db/database.ts';
import { escapeLike } from '#server/lib/sql-like.ts';

/** The reads of the activity log: a partner's own records, newest first, keyset-paged by (created_at, id). */

export interface AuditCriteria {
  from: Date;
  to: Date;
  companyName?: string | undefined;
  customerId?: string | undefined;
  resourceType?: string | undefined;
  operationType?: string | undefined;
  /** The acting user's sign-in name (userPrincipalName), any case. */
  userName?: string | undefined;
}

export interface AuditCursor { at: Date; id: string }

export interface AuditRow {
  id: string;
  partner_id: string | null;
  customer_id: string | null;
  customer_name: string | null;
  actor: string;
  resource_type: string;
  resource_id: string | null;
  new_value: unknown;
  operation_type: string;
  operation_status: string;
  correlation_id: string | null;
  created_at: Date;
}

export function listAuditRecords(executor: Executor, partnerId: string, criteria: AuditCriteria, page: { limit: number; after?: AuditCursor | undefined }): Promise<AuditRow[]> {
  let query = executor
    .selectFrom('audit_records as a')
    .leftJoin('customers as c', 'c.id', 'a.customer_id')
    .select(['a.id', 'a.partner_id', 'a.customer_id', 'c.company_name as customer_name', 'a.actor', 'a.resource_type', 'a.resource_id', 'a.new_value', 'a.operation_type', 'a.operation_status', 'a.correlation_id', 'a.created_at'])
    .where('a.partner_id', '=', partnerId)
    .where('a.created_at', '>=', criteria.from)
    .where('a.created_at', '<', criteria.to);
  if (criteria.customerId) query = query.where('a.customer_id', '=', criteria.customerId);
  if (criteria.resourceType) query = query.where(sql<string>`lower(a.resource_type)`, '=', criteria.resourceType.toLowerCase());
  if (criteria.operationType) query = query.where(sql<string>`lower(a.operation_type)`, '=', criteria.operationType.toLowerCase());
  if (criteria.userName) query = query.where(sql<string>`lower(a.actor)`, '=', criteria.userName.toLowerCase());
  if (criteria.companyName) query = query.where(sql<boolean>`lower(c.company_name) like ${`%${escapeLike(criteria.companyName.toLowerCase())}%`}`);
  if (page.after) query = query.where(sql<boolean>`(a.created_at, a.id) < (${page.after.at}, ${page.after.id}::uuid)`);
  return query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(page.limit).execute();
}
