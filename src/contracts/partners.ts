import { z } from 'zod';
import { collectionSchema } from './common.ts';

/**
 * Partner Center's PartnerRelationshipType as its responses write it (snake case): the provider's side
 * of a partnership is `is_indirect_cloud_solution_provider_of`, the reseller's `is_indirect_reseller_of`.
 */
export const partnerRelationshipTypes = ['is_indirect_cloud_solution_provider_of', 'is_indirect_reseller_of'] as const;
export type PartnerRelationshipType = (typeof partnerRelationshipTypes)[number];

/** What `relationship_type` may be in a query: the enumeration's member names (documented) or the snake-case values. */
export const relationshipTypeQuerySchema = z
  .enum(['IsIndirectCloudSolutionProviderOf', 'IsIndirectResellerOf', ...partnerRelationshipTypes], {
    error: 'relationship_type must be IsIndirectCloudSolutionProviderOf or IsIndirectResellerOf',
  })
  .transform((value): PartnerRelationshipType => (value === 'IsIndirectCloudSolutionProviderOf' ? 'is_indirect_cloud_solution_provider_of' : value === 'IsIndirectResellerOf' ? 'is_indirect_reseller_of' : value));

/** The state of a partnership: only an `Active` one is ever offered (a customer's reseller, a request's provider). */
export const partnershipStates = ['Active', 'Inactive', 'Suspended', 'Terminated'] as const;

/**
 * PartnerRelationship: GET /v1/relationships (a provider's resellers, or a reseller's providers) and
 * GET /v1/customers/{id}/relationships (the customer's). `id` is the other partner's tenant id.
 */
export const partnerRelationshipSchema = z
  .object({
    id: z.guid(),
    name: z.string(),
    relationshipType: z.enum(partnerRelationshipTypes),
    state: z.enum(partnershipStates),
    mpnId: z.string(),
    location: z.string(),
    attributes: z.object({ objectType: z.literal('PartnerRelationship') }),
  })
  .meta({ id: 'PartnerRelationship' });
export type PartnerRelationship = z.infer<typeof partnerRelationshipSchema>;

/** The name the portal and older code know it by. */
export const indirectResellerSchema = partnerRelationshipSchema;
export const indirectResellerCollectionSchema = collectionSchema(partnerRelationshipSchema);
export const partnerRelationshipCollectionSchema = indirectResellerCollectionSchema;
