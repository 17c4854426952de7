import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getCountryRules } from '#domain/countries/country-rules.ts';
import { validateAddressForSuggestion } from '#domain/customer-rules.ts';
import { DomainError } from '#domain/errors.ts';
import { countryInformationSchema } from '#contracts/countries.ts';
import { errorResponseSchema } from '#contracts/common.ts';
import { addressValidationRequestSchema, addressValidationResponseSchema, domainAvailabilitySchema } from '#contracts/validation.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { CustomersService } from '#server/modules/customers/service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema };

export const validationRoutes: FastifyPluginAsyncZod<{ customers: CustomersService }> = async (app, { customers }) => {
  app.route({
    method: 'HEAD',
    url: '/v1/domains/:domain',
    config: { swagger: { exposeHeadRoute: true } },
    schema: {
      tags: ['validation'],
      summary: 'Whether a customer domain is taken: 200 taken, 404 free',
      params: z.object({ domain: z.string().max(300) }),
      response: { 200: z.null().describe('taken'), 404: z.null().describe('free'), 400: errorResponseSchema, 401: errorResponseSchema },
    },
    handler: async (request, reply) => {
      const { taken } = await customers.domainStatus(requirePrincipal(request), request.params.domain);
      return reply.status(taken ? 200 : 404).send(null);
    },
  });

  app.get('/v1/domains/:domain/availability', {
    schema: {
      tags: ['validation'],
      summary: 'Whether a domain (prefix or full) is free, as JSON (ours; for forms)',
      params: z.object({ domain: z.string().max(300) }),
      response: { 200: domainAvailabilitySchema, ...errors },
    },
  }, async (request) => {
    const principal = requirePrincipal(request);
    const { domain, taken, yourCustomer } = await customers.domainStatus(principal, request.params.domain);
    return { domain, available: !taken, yourCustomer, attributes: { objectType: 'DomainAvailability' as const } };
  });

  app.get('/v1/countryvalidationrules/:country', {
    schema: {
      tags: ['validation'],
      summary: "A country's rules for a customer's address, phone, registration number, languages and cultures",
      params: z.object({ country: z.string().max(10) }),
      querystring: z.object({ locale: z.string().max(20).optional() }),
      response: { 200: countryInformationSchema, ...errors },
    },
  }, async (request) => {
    requirePrincipal(request);
    const rules = getCountryRules(request.params.country, request.query.locale?.toLowerCase().startsWith('zh') ? 'zh-TW' : 'en');
    if (!rules) throw new DomainError('not_found', `There is no country ${request.params.country}; use an ISO 3166 alpha-2 code such as US.`);
    return {
      ...rules,
      // The same lists as the older documented sample nests them (see countryInformationSchema).
      states: { value: rules.supportedStatesList },
      supportedLanguages: { value: rules.supportedLanguagesList },
      supportedCultures: { value: rules.supportedCulturesList },
      countryCallingCodes: { value: rules.countryCallingCodesList },
      attributes: { objectType: 'CountryInformation' as const },
    };
  });

  app.post('/v1/validations/address', {
    schema: {
      tags: ['validation'],
      summary: 'Check and normalise an address offline; answers a status and suggestions',
      body: addressValidationRequestSchema,
      response: { 200: addressValidationResponseSchema, ...errors },
    },
  }, async (request) => {
    requirePrincipal(request);
    const answer = validateAddressForSuggestion(request.body);
    return { ...answer, originalAddress: request.body, attributes: { objectType: 'AddressValidationResponse' as const } };
  });
};
