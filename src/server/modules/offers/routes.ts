import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '#contracts/common.ts';
import { offerCollectionSchema, offerGetQuerySchema, offerListHeadersSchema, offerListQuerySchema, offerParamsSchema, offerSchema } from '#contracts/offers.ts';
import { collection } from '#server/lib/links.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { OffersService } from './service.ts';

export const offersRoutes: FastifyPluginAsyncZod<{ offers: OffersService }> = async (app, { offers }) => {
  app.get('/v1/offers', {
    schema: {
      tags: ['offers'],
      summary: 'The offers sold in a country (offset paging; category and q filters are ours)',
      querystring: offerListQuerySchema,
      headers: offerListHeadersSchema,
      response: { 200: offerCollectionSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
    },
  }, async (request) => {
    const page = await offers.list(requirePrincipal(request), request.query, request.headers['x-locale']);
    return collection(page.items, page.self, page.next ? { uri: page.next } : undefined);
  });

  app.get('/v1/offers/:offerId', {
    schema: {
      tags: ['offers'],
      summary: 'One offer sold in a country (also one no longer for sale); 404 when the country has no such offer',
      params: offerParamsSchema,
      querystring: offerGetQuerySchema,
      headers: offerListHeadersSchema,
      response: { 200: offerSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema },
    },
  }, async (request) => offers.get(requirePrincipal(request), request.params.offerId, request.query, request.headers['x-locale']));
};
