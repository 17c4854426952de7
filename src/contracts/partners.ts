import { z } from 'zod';
import { collectionSchema } from './common.ts';

/**
 * Partner Center's PartnerRelationshipType as its responses write it (snake case): the provider's side
 * of a partnership is `is_indirect_cloud_solution_provider_of`, the reseller's `is_indirect_reseller_of`.
 * (The query's PascalCase member names are the server's: modules/partners/routes.ts.)
 */
export const partnerRelationshipTypes = ['is_indirect_cloud_solution_provider_of', 'is_indirect_reseller_of'] as const;
export type PartnerRelationshipType = (typeof partnerRelationshipTypes)[number];

/**
 * PartnerRelationship: GET /v1/relationships (a provider's resellers, or a reseller's providers) and
 * GET /v1/customers/{id}/relationships (the customer's). `id` is the other partner's tenant id; only an
 * `Active` partnership is ever offered (a customer's reseller, a request's provider).
 */
export const partnerRelationshipSchema = z
  .object({
    id: z.guid(),
    name: z.string(),
    relationshipType: z.enum(partnerRelationshipTypes),
    state: z.enum(['Active', 'Inactive', 'Suspended', 'Terminated']),
    mpnId: z.string(),
    location: z.string(),
    attributes: z.object({ objectType: z.literal('PartnerRelationship') }),
  })
  .meta({ id: 'PartnerRelationship' });
export type PartnerRelationship = z.infer<typeof partnerRelationshipSchema>;

/** The name the portal knows it by. */
export const indirectResellerSchema = partnerRelationshipSchema;
export const indirectResellerCollectionSchema = collectionSchema(partnerRelationshipSchema);
