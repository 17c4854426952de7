import { queryOptions, useQuery } from '@tanstack/react-query';
import { relationshipRequestSchema } from '#contracts/relationships.ts';
import { apiRequest } from '../../../app/api-client.ts';

/**
 * GET /v1/customers/relationshiprequests: the partner's standing link; a reseller may name its indirect
 * provider, whom the customer then accepts too.
 */
export async function getRelationshipLink(providerId: string | null, signal?: AbortSignal) {
  const query = providerId === null ? '' : `?indirectCloudSolutionProviderId=${encodeURIComponent(providerId)}`;
  return relationshipRequestSchema.parse(await apiRequest<unknown>(`/v1/customers/relationshiprequests${query}`, signal ? { signal } : {}));
}

export const relationshipLinkQueryOptions = (providerId: string | null) =>
  queryOptions({
    queryKey: ['relationships', 'link', providerId],
    queryFn: ({ signal }) => getRelationshipLink(providerId, signal),
    staleTime: 5 * 60_000,
  });

export function useRelationshipLink(providerId: string | null) {
  return useQuery(relationshipLinkQueryOptions(providerId));
}
