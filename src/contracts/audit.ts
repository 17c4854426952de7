import { z } from 'zod';
import { attributesSchema, collectionSchema } from './common.ts';

/** The model system keeps 90 days of activity within reach of the API; a start before that is a 400. */
export const AUDIT_WINDOW_DAYS = 90;
export const AUDIT_DEFAULT_DAYS = 30;

/** The fields `filter` can name: Partner Center's three, and the operation type (ours). */
export const auditFilterFields = ['CompanyName', 'CustomerId', 'ResourceType', 'OperationType'] as const;

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
    /** The new value as a JSON string, as the model system writes it. */
    resourceNewValue: z.string().nullable(),
    operationType: z.string(),
    operationDate: z.iso.datetime(),
    operationStatus: z.enum(['succeeded', 'failed', 'progress', 'decline']),
    customizedData: z.array(z.object({ key: z.string(), value: z.string().nullable() })),
    attributes: attributesSchema('AuditRecord'),
  })
  .meta({ id: 'AuditRecord' });
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const auditCollectionSchema = collectionSchema(auditRecordSchema);
