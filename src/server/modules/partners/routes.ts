import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '#contracts/common.ts';
import { indirectResellerCollectionSchema } from '#contracts/partners.ts';
import { collection } from '#server/lib/links.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { PartnersService } from './service.ts';

export const partnersRoutes: FastifyPluginAsyncZod<{ partners: PartnersService }> = async (app, { partners }) => {
  app.get('/v1/relationships', {
    schema: {
      tags: ['partners'],
      summary: "An indirect provider's indirect resellers (or a reseller's providers)",
      querystring: z.object({
        relationship_type: z.enum(['IsIndirectCloudSolutionProviderOf', 'IsIndirectResellerOf'], {
          error: 'relationship_type must be IsIndirectCloudSolutionProviderOf or IsIndirectResellerOf',
        }),
      }),
      response: { 200: indirectResellerCollectionSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
    },
  }, async (request) => {
    const items = await partners.listRelationships(requirePrincipal(request), request.query.relationship_type);
    return collection(items, `/v1/relationships?relationship_type=${request.query.relationship_type}`);
  });
};
