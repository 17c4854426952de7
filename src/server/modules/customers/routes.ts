import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTINUATION_HEADER, errorResponseSchema } from '#contracts/common.ts';
import {
  customerCollectionSchema,
  customerListQuerySchema,
  customerSchema,
  eligibilityValidationCollectionSchema,
  relationshipRequestSchema,
} from '#contracts/customers.ts';
import { createCustomerRequestSchema, userCredentialsSchema } from '#contracts/onboarding.ts';
import { createdCustomerSchema } from '#contracts/onboarding-responses.ts';
import { collection } from '#server/lib/links.ts';
import { idempotencyKeyOf, sendOutcome } from '#server/lib/request-key.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { CustomersService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export const customersRoutes: FastifyPluginAsyncZod<{ customers: CustomersService }> = async (app, { customers }) => {
  app.post('/v1/customers', {
    schema: {
      tags: ['customers'],
      summary: 'Create a customer; the answer holds the admin credentials, this once',
      body: createCustomerRequestSchema,
      response: { 201: createdCustomerSchema, ...errors, 409: errorResponseSchema },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const outcome = await customers.create(principal, request.body, idempotencyKeyOf(request, principal));
    return sendOutcome(reply, outcome);
  });

  app.get('/v1/customers', {
    schema: {
      tags: ['customers'],
      summary: 'The customers I have a relationship with, by company name; keyset paging with MS-ContinuationToken',
      querystring: customerListQuerySchema,
      headers: z.object({ [CONTINUATION_HEADER]: z.string().max(2000).optional() }),
      response: { 200: customerCollectionSchema, ...errors },
    },
  }, async (request) => {
    const page = await customers.list(requirePrincipal(request), {
      size: request.query.size,
      filter: request.query.filter,
      continuationToken: request.headers[CONTINUATION_HEADER],
    });
    return collection(page.items, page.selfUri, page.next);
  });

  app.get('/v1/customers/relationshiprequests', {
    schema: {
      tags: ['customers'],
      summary: "The partner's link for existing customers to accept a reseller relationship",
      response: { 200: relationshipRequestSchema, ...errors },
    },
  }, async (request) => ({
    ...(await customers.relationshipRequestLink(requirePrincipal(request))),
    attributes: { objectType: 'CustomerRelationshipRequest' as const },
  }));

  app.post('/v1/customers/:customerId/adminpasswordresets', {
    schema: {
      tags: ['customers'],
      summary: "Reset the customer's admin password: a new temporary one, shown this once (ours)",
      params: z.object({ customerId: z.guid('customerId must be a GUID') }),
      response: { 201: userCredentialsSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await customers.resetAdminPassword(principal, request.params.customerId, idempotencyKeyOf(request, principal)));
  });

  app.get('/v1/customers/:customerId', {
    schema: {
      tags: ['customers'],
      summary: 'One customer (404 for a customer I have no relationship with)',
      params: z.object({ customerId: z.guid('customerId must be a GUID') }),
      response: { 200: customerSchema, ...errors },
    },
  }, async (request) => customers.get(requirePrincipal(request), request.params.customerId));

  app.get('/v1/customers/:customerId/eligibility', {
    schema: {
      tags: ['customers'],
      summary: "How a US Government customer is eligible: the validations my organisation recorded (ours)",
      params: z.object({ customerId: z.guid('customerId must be a GUID') }),
      response: { 200: eligibilityValidationCollectionSchema, ...errors },
    },
  }, async (request) => {
    const { customerId } = request.params;
    return collection(await customers.eligibility(requirePrincipal(request), customerId), `/v1/customers/${customerId}/eligibility`);
  });
};
