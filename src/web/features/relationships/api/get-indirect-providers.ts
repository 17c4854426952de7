import { queryOptions, useQuery } from '@tanstack/react-query';
import { indirectResellerCollectionSchema } from '#contracts/partners.ts';
import { apiRequest } from '../../../app/api-client.ts';

/**
 * GET /v1/relationships?relationship_type=IsIndirectResellerOf: a reseller's indirect providers. Only an
 * active partnership can be offered to a customer, so only those are returned, by name.
 */
export async function getActiveIndirectProviders(signal?: AbortSignal) {
  const body = await apiRequest<unknown>('/v1/relationships?relationship_type=IsIndirectResellerOf', signal ? { signal } : {});
  return indirectResellerCollectionSchema
    .parse(body)
    .items.filter((provider) => provider.state === 'Active')
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const activeIndirectProvidersQueryOptions = () =>
  queryOptions({ queryKey: ['relationships', 'indirect-providers', 'active'], queryFn: ({ signal }) => getActiveIndirectProviders(signal) });

export function useActiveIndirectProviders(enabled: boolean) {
  return useQuery({ ...activeIndirectProvidersQueryOptions(), enabled });
}
