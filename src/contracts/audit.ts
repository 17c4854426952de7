import { z } from 'zod';
import { attributesSchema, collectionSchema } from './common.ts';

/** The model system keeps 90 days of activity within reach of the API; a start before that is a 400. */
export const AUDIT_WINDOW_DAYS = 90;
export const AUDIT_DEFAULT_DAYS = 30;

/**
 * The fields `filter` can name: Partner Center's three (AuditRecordSearchField), and the operation type
 * and the user (ours: the portal's Activity log filters by them).
 */
export const auditFilterFields = ['CompanyName', 'CustomerId', 'ResourceType', 'OperationType', 'UserName'] as const;
export type AuditFilterField = (typeof auditFilterFields)[number];

/** The operator each field takes: a company name is found inside the name, the others match whole (any case). */
export const auditFilterOperators: Readonly<Record<AuditFilterField, 'substring' | 'equals'>> = {
  CompanyName: 'substring',
  CustomerId: 'equals',
  ResourceType: 'equals',
  OperationType: 'equals',
  UserName: 'equals',
};

/** One condition of `filter`; `filter` is one of these, or (ours) a JSON array of them that must all hold. */
export interface AuditFilter {
  Field: AuditFilterField;
  Value: string;
  Operator: 'substring' | 'equals';
}

/**
 * Every operation type Partnerdesk writes, in the model system's snake_case (its OperationType enum where
 * it has the operation: add_customer, create_order, remove_partner_customer_relationship, ...; ours for
 * the rest). `recordAudit` takes only these, and a unit test reads the server's writers to prove it.
 */
export const auditOperationTypes = [
  'add_customer',
  'onboard_customer',
  'create_order',
  'create_customer_agreement',
  'reset_customer_admin_password',
  'record_customer_eligibility',
  'create_relationship_invitation',
  'resend_relationship_invitation',
  'revoke_relationship_invitation',
  'accept_relationship_request',
  'decline_relationship_request',
  'remove_partner_customer_relationship',
  'update_customer_indirect_reseller',
  'create_app_registration',
  'delete_app_registration',
  'add_app_secret',
  'revoke_app_secret',
  'create_partner_user',
  'update_partner_user_roles',
  'deactivate_partner_user',
  'reactivate_partner_user',
  'reset_partner_user_password',
  'change_partner_user_password',
  'update_subscription',
  'update_customer_billing_profile',
  'create_customer_user',
  'reset_customer_user_password',
  'delete_customer_user',
  'update_customer_user_licenses',
] as const;
export type AuditOperationType = (typeof auditOperationTypes)[number];

/** How many conditions one `filter` may hold: one per field. */
export const AUDIT_FILTER_MAX = auditFilterFields.length;

const dateParam = (name: string) =>
  z
    .string()
    .max(64)
    .refine((value) => !Number.isNaN(Date.parse(value)), `${name} must be a date, e.g. 2026-11-01 or 2026-11-01T00:00:00Z`)
    .optional();

/** `GET /v1/auditrecords` (Partner Center's "Get a record of Partner Center activity"). */
export const auditQuerySchema = z.object({
  startDate: dateParam('startDate'),
  endDate: dateParam('endDate'),
  size: z.coerce.number().int().min(1, 'size must be between 1 and 500').max(500, 'size must be between 1 and 500').default(500),
  filter: z.string().max(2000).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditRecordSchema = z
  .object({
    id: z.string(),
    partnerId: z.guid(),
    customerId: z.guid().nullable(),
    customerName: z.string().nullable(),
    userPrincipalName: z.string(),
    applicationId: z.string().nullable(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    /** The old value: not kept (ours); always null. */
    resourceOldValue: z.string().nullable(),
    /** The new value as a JSON string, as the model system writes it. */
    resourceNewValue: z.string().nullable(),
    operationType: z.string(),
    operationDate: z.iso.datetime(),
    operationStatus: z.enum(['succeeded', 'failed', 'progress', 'decline']),
    customizedData: z.array(z.object({ key: z.string(), value: z.string().nullable() })),
    /** The MS-CorrelationId of the request that made the change, when it sent one. */
    originalCorrelationId: z.string().nullable(),
    attributes: attributesSchema('AuditRecord'),
  })
  .meta({ id: 'AuditRecord' });
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const auditCollectionSchema = collectionSchema(auditRecordSchema);
