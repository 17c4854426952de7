import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTINUATION_HEADER, errorResponseSchema } from '#contracts/common.ts';
import {
  customerCollectionSchema,
  customerCountryCollectionSchema,
  customerCriteriaQuerySchema,
  customerListQuerySchema,
  customerBillingProfileSchema,
  customerCompanyProfileSchema,
  customerSchema,
  eligibilityValidationCollectionSchema,
  eligibilityValidationSchema,
  setIndirectResellerRequestSchema,
  updateBillingProfileRequestSchema,
} from '#contracts/customers.ts';
import { indirectResellerCollectionSchema } from '#contracts/partners.ts';
import { createCustomerRequestSchema, eligibilityInputSchema, userCredentialsSchema } from '#contracts/onboarding.ts';
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
    config: { continuationToken: true },
    schema: {
      tags: ['customers'],
      summary: 'The customers I have a relationship with; keyset paging with MS-ContinuationToken',
      description:
        'Partner Center\'s `filter` (URL-encoded JSON `{"Field":"CompanyName"|"Domain"|"IndirectReseller"|"IndirectCloudSolutionProvider","Value":"...","Operator":"starts_with"}`), ' +
        'case-insensitive; for IndirectReseller and IndirectCloudSolutionProvider the Value is that partner\'s tenant id (a GUID, matched whole; anything else is a 400). ' +
        'An indirect reseller lists the customers its providers associated with it and those it has a relationship of its own with. Ours: the operator `contains` (the value anywhere in the field), `country`, `indirectResellerId` and `sort` ' +
        '(companyName, -companyName, createdAt, -createdAt; ties by id). A continuation token serves only the query it came with.',
      querystring: customerListQuerySchema,
      headers: z.object({ [CONTINUATION_HEADER]: z.string().max(2000).optional() }),
      response: { 200: customerCollectionSchema, ...errors },
    },
  }, async (request) => {
    const { size, seekOperation: _seek, ...criteria } = request.query;
    const page = await customers.list(requirePrincipal(request), { ...criteria, size, continuationToken: request.headers[CONTINUATION_HEADER] });
    return collection(page.items, page.selfUri, page.next);
  });

  app.get('/v1/customers/export', {
    schema: {
      tags: ['customers'],
      summary: 'Every customer matching the query, as CSV (ours)',
      description:
        'The query parameters of GET /v1/customers, without paging. text/csv in UTF-8 with a byte-order mark (for spreadsheets), ' +
        'a header row, RFC 4180 quoting; a cell beginning with = + - @ is prefixed with \' so that no spreadsheet runs it.',
      querystring: customerCriteriaQuerySchema,
      // The 200 is text/csv, the errors JSON: swagger lists both types for each status.
      produces: ['text/csv', 'application/json'],
      response: { 200: z.string().meta({ description: 'The customers, one a line after the header row' }), ...errors },
    },
  }, async (request, reply) => {
    const rows = customers.exportCsv(requirePrincipal(request), request.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="customers.csv"')
      .header('cache-control', 'no-store')
      // A stream goes out as it is, past the serializer; the schema's string documents the text.
      .send(Readable.from(rows) as unknown as string);
  });

  app.get('/v1/customers/countries', {
    schema: {
      tags: ['customers'],
      summary: 'The countries my customers are in, for the list\'s filter (ours)',
      response: { 200: customerCountryCollectionSchema, ...errors },
    },
  }, async (request) => {
    const countries = await customers.countries(requirePrincipal(request));
    return collection(countries.map((country) => ({ country })), '/v1/customers/countries');
  });

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

  app.get('/v1/customers/:customerId/profiles/company', {
    schema: {
      tags: ['customers'],
      summary: "The customer's company profile (read-only: the domain is the customer's for ever)",
      params: z.object({ customerId: z.guid('customerId must be a GUID') }),
      response: { 200: customerCompanyProfileSchema, ...errors },
    },
  }, async (request) => customers.companyProfile(requirePrincipal(request), request.params.customerId));

  app.get('/v1/customers/:customerId/profiles/billing', {
    schema: {
      tags: ['customers'],
      summary: "The customer's billing profile, with the etag its PUT sends back",
      params: z.object({ customerId: z.guid('customerId must be a GUID') }),
      response: { 200: customerBillingProfileSchema, ...errors },
    },
  }, async (request) => customers.billingProfile(requirePrincipal(request), request.params.customerId));

  app.put('/v1/customers/:customerId/profiles/billing', {
    schema: {
      tags: ['customers'],
      summary: "Update the customer's billing profile and address (helpdesk agents, admin agents, global admins)",
      description:
        'Partner Center\'s "Update a customer\'s billing profile": the full resource, with its etag in `If-Match` (as documented) or in ' +
        '`attributes.etag` (as the SDK sends the resource back); one of them is required (400 naming If-Match). A stale etag is a 412 and changes nothing. ' +
        'The same rules as the add-customer wizard (the country\'s address, postal code, state and phone rules, the email not on your own domains); ' +
        'the country cannot change (400 `country_read_only`). The names may be given at the top (Partner Center\'s place) or in defaultAddress ' +
        '(the create call\'s), the top ones winning. Audited as `update_customer_billing_profile`. Idempotent with MS-RequestId.',
      params: z.object({ customerId: z.guid('customerId must be a GUID') }),
      headers: z.object({ 'if-match': z.string().max(100, 'If-Match must be the etag of GET .../profiles/billing, e.g. W/"3"').optional() }),
      body: updateBillingProfileRequestSchema,
      response: { 200: customerBillingProfileSchema, ...errors, 412: errorResponseSchema },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const outcome = await customers.updateBillingProfile(principal, request.params.customerId, request.body, request.headers['if-match'], idempotencyKeyOf(request, principal));
    return sendOutcome(reply, outcome);
  });

  app.get('/v1/customers/:customerId/relationships', {
    schema: {
      tags: ['customers'],
      summary: "The customer's indirect resellers (for a provider) or indirect providers (for a reseller)",
      description:
        'Partner Center\'s "Get a customer\'s indirect resellers": PartnerRelationship items, `id` the partner\'s tenant id, ' +
        '`relationshipType` `is_indirect_cloud_solution_provider_of` (a provider\'s reseller) or `is_indirect_reseller_of` (a reseller\'s provider), ' +
        '`state` the partnership\'s (an inactive one is listed, flagged; it cannot be assigned again). 404 for a customer I have no relationship with.',
      params: z.object({ customerId: z.guid('customerId must be a GUID') }),
      response: { 200: indirectResellerCollectionSchema, ...errors },
    },
  }, async (request) => {
    const { customerId } = request.params;
    return collection(await customers.relationships(requirePrincipal(request), customerId), `/v1/customers/${customerId}/relationships`);
  });

  app.put('/v1/customers/:customerId/indirectreseller', {
    schema: {
      tags: ['customers'],
      summary: "Assign, change or clear the customer's indirect reseller (ours; indirect providers)",
      description:
        'Ours: Partner Center sets `associatedPartnerId` only when the customer is created. An indirect provider (admin agent, sales agent or ' +
        'global admin) names one of its indirect resellers by tenant id, in an active partnership (800015 not found, 800016 not active), or null to ' +
        'clear it. The old reseller stops seeing the customer unless it has a relationship of its own; the new one sees it. Audited as ' +
        '`update_customer_indirect_reseller` with the old and new values. Answers the customer. Idempotent with MS-RequestId.',
      params: z.object({ customerId: z.guid('customerId must be a GUID') }),
      body: setIndirectResellerRequestSchema,
      response: { 200: customerSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const outcome = await customers.setIndirectReseller(principal, request.params.customerId, request.body, idempotencyKeyOf(request, principal));
    return sendOutcome(reply, outcome);
  });

  app.post('/v1/customers/:customerId/eligibility', {
    schema: {
      tags: ['customers'],
      summary: "Record how a US Government customer is eligible (ours): its orders need it",
      params: z.object({ customerId: z.guid('customerId must be a GUID') }),
      body: eligibilityInputSchema,
      response: { 201: eligibilityValidationSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const outcome = await customers.recordEligibility(principal, request.params.customerId, request.body, idempotencyKeyOf(request, principal));
    return sendOutcome(reply, outcome);
  });

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
