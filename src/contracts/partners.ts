import { z } from 'zod';
import { collectionSchema } from './common.ts';

/** GET /v1/relationships: an indirect provider's resellers (or a reseller's providers). */
export const indirectResellerSchema = z.object({
  id: z.guid(),
  name: z.string(),
  relationshipType: z.literal('IsIndirectCloudSolutionProviderOf'),
  state: z.enum(['Active', 'Inactive', 'Suspended', 'Terminated']),
  mpnId: z.string(),
  location: z.string(),
  attributes: z.object({ objectType: z.literal('PartnerRelationship') }),
});
export const indirectResellerCollectionSchema = collectionSchema(indirectResellerSchema);
