import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agreementCollectionSchema, agreementMetadataCollectionSchema, agreementSchema, agreementTypeInputSchema, agreementTypeQuerySchema, confirmAgreementRequestSchema } from '#contracts/agreements.ts';
import { errorResponseSchema } from '#contracts/common.ts';
import { collection } from '#server/lib/links.ts';
import { idempotencyKeyOf, sendOutcome } from '#server/lib/request-key.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { AgreementsService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const customerParams = z.object({ customerId: z.guid('customerId must be a GUID') });

export const agreementsRoutes: FastifyPluginAsyncZod<{ agreements: AgreementsService }> = async (app, { agreements }) => {
  app.get('/v1/agreements', {
    schema: {
      tags: ['agreements'],
      summary: 'Agreement templates of a type (default MicrosoftCloudAgreement), latest version first; `*`: the latest of each type',
      querystring: z.object({ agreementType: agreementTypeQuerySchema.default('MicrosoftCloudAgreement') }),
      response: { 200: agreementMetadataCollectionSchema, ...errors },
    },
  }, async (request) => {
    const items = await agreements.listTemplates(requirePrincipal(request), request.query.agreementType);
    return collection(items, `/v1/agreements?agreementType=${encodeURIComponent(request.query.agreementType)}`);
  });

  // Partner Center's pages of both calls: "This scenario only supports App+User authentication".
  app.post('/v1/customers/:customerId/agreements', {
    config: { credentials: 'app+user' },
    schema: {
      tags: ['agreements'],
      summary: "Confirm the customer's acceptance of an agreement",
      params: customerParams,
      body: confirmAgreementRequestSchema,
      response: { 201: agreementSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const outcome = await agreements.confirm(principal, request.params.customerId, request.body, idempotencyKeyOf(request, principal));
    return sendOutcome(reply, outcome);
  });

  app.get('/v1/customers/:customerId/agreements', {
    config: { credentials: 'app+user' },
    schema: {
      tags: ['agreements'],
      summary: "The customer's agreement confirmations",
      params: customerParams,
      querystring: z.object({ agreementType: agreementTypeInputSchema.optional() }),
      response: { 200: agreementCollectionSchema, ...errors },
    },
  }, async (request) => {
    const items = await agreements.list(requirePrincipal(request), request.params.customerId, request.query.agreementType);
    return collection(items, `/v1/customers/${request.params.customerId}/agreements`);
  });
};
