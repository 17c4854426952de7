import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditCollectionSchema, auditQuerySchema } from '#contracts/audit.ts';
import { CONTINUATION_HEADER, errorResponseSchema } from '#contracts/common.ts';
import { collection } from '#server/lib/links.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { AuditService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };

/** The activity log: Partner Center's `GET /v1/auditrecords`, and a CSV export of the same query (ours). */
export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get('/v1/auditrecords', {
    config: { continuationToken: true },
    schema: {
      tags: ['audit'],
      summary: "My organisation's activity, newest first; keyset paging with MS-ContinuationToken",
      description:
        'startDate (default 30 days ago; at most 90 days back) and endDate (default now; a date alone includes that day). `filter`: URL-encoded JSON ' +
        '`{"Field":"CompanyName","Value":"bri","Operator":"substring"}`, or Field CustomerId, ResourceType, OperationType (ours: one of the listed ' +
        'operation types) or UserName (ours: the userPrincipalName) with Operator `equals`. Ours: a JSON array of such objects, one per Field, ' +
        'that must all hold, e.g. `[{"Field":"OperationType","Value":"create_order","Operator":"equals"},{"Field":"CustomerId","Value":"<id>","Operator":"equals"}]`. ' +
        'resourceOldValue is always null (old values are not kept).',
      querystring: auditQuerySchema,
      headers: z.object({ [CONTINUATION_HEADER]: z.string().max(2000).optional() }),
      response: { 200: auditCollectionSchema, ...errors },
    },
  }, async (request) => {
    const page = await audit.list(requirePrincipal(request), { ...request.query, continuationToken: request.headers[CONTINUATION_HEADER] });
    const params = new URLSearchParams(Object.entries(request.query).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]));
    const self = `/v1/auditrecords?${params}`;
    return collection(page.items, self, page.next ? { uri: self, continuationToken: page.next } : undefined);
  });

  app.get('/v1/auditrecords/export', {
    schema: {
      tags: ['audit'],
      summary: 'The activity of the same query (dates and filter, either form), every record, as CSV (ours)',
      querystring: auditQuerySchema.omit({ size: true }),
      produces: ['text/csv', 'application/json'],
      response: { 200: z.string().meta({ description: 'One record a line after the header row' }), ...errors },
    },
  }, async (request, reply) => {
    const rows = audit.exportCsv(requirePrincipal(request), request.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="activity-log.csv"')
      .header('cache-control', 'no-store')
      .send(Readable.from(rows) as unknown as string);
  });
};
