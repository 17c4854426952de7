import { queryOptions, useQuery } from '@tanstack/react-query';
import { indirectResellerCollectionSchema } from '#contracts/partners.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf: the resellers a customer may be linked to (active only). */
export async function getActiveResellers(signal?: AbortSignal) {
  const body = await apiRequest<unknown>('/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf', signal ? { signal } : {});
  return indirectResellerCollectionSchema
    .parse(body)
    .items.filter((reseller) => reseller.state === 'Active')
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const activeResellersQueryOptions = () =>
  queryOptions({
    queryKey: ['relationships', 'indirect-resellers', 'active'],
    queryFn: ({ signal }) => getActiveResellers(signal),
  });

export function useActiveResellers(enabled: boolean) {
  return useQuery({ ...activeResellersQueryOptions(), enabled });
}
