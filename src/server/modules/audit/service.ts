import { createHash } from 'node:crypto';
import { DomainError } from '#domain/errors.ts';
import { assertCan } from '#domain/roles.ts';
import {
  AUDIT_DEFAULT_DAYS,
  AUDIT_FILTER_MAX,
  AUDIT_WINDOW_DAYS,
  auditFilterFields,
  auditFilterOperators,
  auditOperationTypes,
  type AuditFilterField,
  type AuditQuery,
  type AuditRecord,
} from '#contracts/audit.ts';
import type { Db } from '#db/database.ts';
import type { Clock } from '#server/lib/adapters.ts';
import type { Principal } from '#server/lib/principal.ts';
import { csvRow } from '#server/lib/csv.ts';
import { continuationError, decodeContinuation, encodeContinuation } from '#server/lib/continuation.ts';
import { listAuditRecords, type AuditCriteria, type AuditCursor, type AuditRow } from './queries.ts';

const DAY = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPORT_BATCH = 1000;

function fieldError(field: string, message: string, code = 'invalid_value') {
  return new DomainError('invalid_input', `${field}: ${message}`, [{ field, code, message }]);
}

/** One condition of `filter` (keys in any case), reported at `field` (`filter`, or `filter[1]` in an array). */
function parseCondition(parsed: unknown, field: string): Partial<AuditCriteria> & { field: AuditFilterField } {
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw fieldError(field, 'must be a JSON object with Field, Value and Operator');
  const entries = Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key.toLowerCase(), value]));
  const name = auditFilterFields.find((candidate) => candidate.toLowerCase() === String(entries.field ?? '').toLowerCase());
  if (!name) throw fieldError(field, `Field must be one of ${auditFilterFields.join(', ')}`);
  const raw = entries.value;
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 256) throw fieldError(field, 'Value must be text of 1 to 256 characters');
  const value = raw.trim();
  const expected = auditFilterOperators[name];
  if (String(entries.operator ?? '').toLowerCase() !== expected) throw fieldError(field, `the Operator of ${name} is "${expected}"`);
  switch (name) {
    case 'CompanyName':
      return { field: name, companyName: value };
    case 'CustomerId':
      if (!GUID.test(value)) throw fieldError(field, 'the Value of CustomerId must be a GUID');
      return { field: name, customerId: value.toLowerCase() };
    case 'ResourceType':
      return { field: name, resourceType: value };
    case 'OperationType': {
      const type = auditOperationTypes.find((candidate) => candidate === value.toLowerCase());
      if (!type) throw fieldError(field, `the Value of OperationType must be one of ${auditOperationTypes.join(', ')}`);
      return { field: name, operationType: type };
    }
    case 'UserName':
      return { field: name, userName: value };
  }
}

/**
 * Partner Center's `filter`: `{"Field":"CompanyName","Value":"bri","Operator":"substring"}`; or (ours) a
 * JSON array of such objects, one per field, that must all hold (operation and customer and user at once).
 */
export function parseAuditFilter(raw: string | undefined): Partial<AuditCriteria> {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw fieldError('filter', 'must be URL-encoded JSON such as {"Field":"CustomerId","Value":"<id>","Operator":"equals"}, or an array of such objects');
  }
  if (!Array.isArray(parsed)) {
    const { field: _field, ...criteria } = parseCondition(parsed, 'filter');
    return criteria;
  }
  if (parsed.length === 0 || parsed.length > AUDIT_FILTER_MAX) throw fieldError('filter', `an array of filters holds 1 to ${AUDIT_FILTER_MAX} objects, one per Field`);
  const seen = new Set<AuditFilterField>();
  let criteria: Partial<AuditCriteria> = {};
  parsed.forEach((item: unknown, index) => {
    const { field, ...condition } = parseCondition(item, `filter[${index}]`);
    if (seen.has(field)) throw fieldError(`filter[${index}]`, `${field} is given twice; give each Field once`);
    seen.add(field);
    criteria = { ...criteria, ...condition };
  });
  return criteria;
}

/**
 * The activity log (Partner Center's audit records): a partner's own records, from `startDate` (default
 * 30 days ago, never more than 90) to `endDate` (default now; a date alone means to the end of that day).
 */
export function createAuditService({ db, clock }: { db: Db; clock: Clock }) {
  function criteriaOf(query: Pick<AuditQuery, 'startDate' | 'endDate' | 'filter'>): AuditCriteria {
    const now = clock.now();
    // The end is exclusive; "now" includes what was written at this very millisecond.
    const to = query.endDate ? new Date(Date.parse(DATE_ONLY.test(query.endDate) ? `${query.endDate}T00:00:00Z` : query.endDate) + (DATE_ONLY.test(query.endDate) ? DAY : 0)) : new Date(now.getTime() + 1);
    const from = query.startDate ? new Date(Date.parse(DATE_ONLY.test(query.startDate) ? `${query.startDate}T00:00:00Z` : query.startDate)) : new Date(Math.min(to.getTime(), now.getTime()) - AUDIT_DEFAULT_DAYS * DAY);
    const earliest = now.getTime() - AUDIT_WINDOW_DAYS * DAY;
    // A date alone is a day: the day 90 days back may be asked for whole (the portal's date inputs do).
    const limit = query.startDate && DATE_ONLY.test(query.startDate) ? earliest - (earliest % DAY) : earliest;
    if (from.getTime() < limit) {
      throw fieldError('startDate', `the activity log reaches back ${AUDIT_WINDOW_DAYS} days: choose ${new Date(earliest).toISOString().slice(0, 10)} or later`, 'out_of_window');
    }
    if (from.getTime() >= to.getTime()) throw fieldError('endDate', 'must be after startDate', 'before_start');
    return { from, to, ...parseAuditFilter(query.filter) };
  }

  function toRecord(row: AuditRow): AuditRecord {
    return {
      id: row.id,
      partnerId: row.partner_id!,
      customerId: row.customer_id,
      customerName: row.customer_name,
      userPrincipalName: row.actor,
      applicationId: null,
      resourceType: row.resource_type,
      resourceId: row.resource_id,
      resourceOldValue: null,
      resourceNewValue: row.new_value === null || row.new_value === undefined ? null : typeof row.new_value === 'string' ? row.new_value : JSON.stringify(row.new_value),
      operationType: row.operation_type,
      operationDate: row.created_at.toISOString(),
      operationStatus: row.operation_status.toLowerCase() as AuditRecord['operationStatus'],
      customizedData: row.resource_id ? [{ key: 'ResourceId', value: row.resource_id }] : [],
      originalCorrelationId: row.correlation_id,
      attributes: { objectType: 'AuditRecord' },
    };
  }

  return {
    async list(principal: Principal, query: AuditQuery & { continuationToken?: string | undefined }) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'audit.view');
      const asked = digestOf(query);
      // A continuation keeps the window of its first page, even when that window was "the last 30 days".
      const cursor = query.continuationToken ? decodeCursor(query.continuationToken, asked) : undefined;
      const criteria = cursor ? { ...criteriaOf(query), from: cursor.from, to: cursor.to } : criteriaOf(query);
      const rows = await listAuditRecords(db, principal.user.partner.id, criteria, { limit: query.size, after: cursor });
      const last = rows.at(-1);
      const next = rows.length === query.size && last ? encodeCursor({ at: last.created_at, id: last.id, from: criteria.from, to: criteria.to }, asked) : undefined;
      return { items: rows.map(toRecord), next };
    },

    /** The same query, every record, as CSV (ours), streamed in batches. */
    exportCsv(principal: Principal, query: Pick<AuditQuery, 'startDate' | 'endDate' | 'filter'>): AsyncIterable<string> {
      assertCan(principal.user.partner.kind, principal.user.roles, 'audit.view');
      const criteria = criteriaOf(query);
      const partnerId = principal.user.partner.id;
      return (async function* () {
        yield `\uFEFF${csvRow(['Date (UTC)', 'User', 'Operation', 'Resource type', 'Resource id', 'Customer id', 'Customer', 'Status', 'New value'])}`;
        let after: AuditCursor | undefined;
        for (;;) {
          const rows = await listAuditRecords(db, partnerId, criteria, { limit: EXPORT_BATCH, after });
          if (rows.length === 0) return;
          yield rows.map((row) => {
            const record = toRecord(row);
            return csvRow([record.operationDate, record.userPrincipalName, record.operationType, record.resourceType, record.resourceId, record.customerId, record.customerName, record.operationStatus, record.resourceNewValue]);
          }).join('');
          if (rows.length < EXPORT_BATCH) return;
          after = { at: rows.at(-1)!.created_at, id: rows.at(-1)!.id };
        }
      })();
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

/** What the query asked (its dates as written, and its filter): a continuation token serves only that query. */
const digestOf = (query: Pick<AuditQuery, 'startDate' | 'endDate' | 'filter'>) =>
  createHash('sha256').update(JSON.stringify([query.startDate ?? null, query.endDate ?? null, query.filter ?? null])).digest('base64url').slice(0, 16);

interface PageCursor extends AuditCursor { from: Date; to: Date }

function encodeCursor(cursor: PageCursor, digest: string) {
  return encodeContinuation({ a: cursor.at.toISOString(), i: cursor.id, f: cursor.from.toISOString(), t: cursor.to.toISOString(), q: digest });
}

function decodeCursor(token: string, digest: string): PageCursor {
  const value = decodeContinuation(token) as { a?: unknown; i?: unknown; f?: unknown; t?: unknown; q?: unknown } | undefined;
  if (!value) throw continuationError();
  const dates = [value.a, value.f, value.t];
  if (value.q !== digest || typeof value.i !== 'string' || !GUID.test(value.i) || !dates.every((date) => typeof date === 'string' && !Number.isNaN(Date.parse(date)))) throw continuationError();
  return { at: new Date(value.a as string), id: value.i, from: new Date(value.f as string), to: new Date(value.t as string) };
}
