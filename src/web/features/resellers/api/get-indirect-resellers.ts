import { queryOptions, useQuery } from '@tanstack/react-query';
import { indirectResellerCollectionSchema } from '#contracts/partners.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf: the provider's resellers. */
export async function getIndirectResellers(signal?: AbortSignal) {
  const body = await apiRequest<unknown>('/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf', signal ? { signal } : {});
  return indirectResellerCollectionSchema.parse(body);
}

export const indirectResellersQueryOptions = () =>
  queryOptions({
    queryKey: ['relationships', 'indirect-resellers'],
    queryFn: ({ signal }) => getIndirectResellers(signal),
  });

export function useIndirectResellers() {
  return useQuery(indirectResellersQueryOptions());
}
