import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '#contracts/common.ts';
import { indirectResellerCollectionSchema, partnerRelationshipTypes, type PartnerRelationshipType } from '#contracts/partners.ts';
import { collection } from '#server/lib/links.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { PartnersService } from './service.ts';

/** The documented query values are PartnerRelationshipType's member names; the snake-case values are taken too. */
const relationshipTypeQuerySchema = z
  .enum(['IsIndirectCloudSolutionProviderOf', 'IsIndirectResellerOf', ...partnerRelationshipTypes], {
    error: 'relationship_type must be IsIndirectCloudSolutionProviderOf or IsIndirectResellerOf',
  })
  .transform((value): PartnerRelationshipType => (value === 'IsIndirectCloudSolutionProviderOf' ? 'is_indirect_cloud_solution_provider_of' : value === 'IsIndirectResellerOf' ? 'is_indirect_reseller_of' : value));

export const partnersRoutes: FastifyPluginAsyncZod<{ partners: PartnersService }> = async (app, { partners }) => {
  app.get('/v1/relationships', {
    schema: {
      tags: ['partners'],
      summary: "An indirect provider's indirect resellers (or a reseller's providers)",
      description:
        'Partner Center\'s PartnerRelationship items; `relationship_type` is a PartnerRelationshipType member name ' +
        '(IsIndirectCloudSolutionProviderOf, IsIndirectResellerOf) or its snake-case value, and items carry the snake-case value ' +
        '(`is_indirect_cloud_solution_provider_of`, `is_indirect_reseller_of`) as the model system writes it. Inactive partnerships are listed with their state; only Active ones can be offered to a customer.',
      querystring: z.object({ relationship_type: relationshipTypeQuerySchema }),
      response: { 200: indirectResellerCollectionSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
    },
  }, async (request) => {
    const type = request.query.relationship_type;
    const items = await partners.listRelationships(requirePrincipal(request), type);
    const member = type === 'is_indirect_cloud_solution_provider_of' ? 'IsIndirectCloudSolutionProviderOf' : 'IsIndirectResellerOf';
    return collection(items, `/v1/relationships?relationship_type=${member}`);
  });
};
