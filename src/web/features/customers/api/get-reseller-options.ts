import { queryOptions, useQuery } from '@tanstack/react-query';
import { indirectResellerCollectionSchema } from '#contracts/partners.ts';
import { apiRequest } from '../../../app/api-client.ts';

/**
 * An indirect provider's resellers, active and not (a customer keeps the reseller it was sold through),
 * by name: the list's reseller filter.
 */
export async function getResellerOptions(signal?: AbortSignal) {
  const body = await apiRequest<unknown>('/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf', signal ? { signal } : {});
  return indirectResellerCollectionSchema.parse(body).items.sort((a, b) => a.name.localeCompare(b.name));
}

export const resellerOptionsQueryOptions = () =>
  queryOptions({ queryKey: ['relationships', 'indirect-resellers', 'options'], queryFn: ({ signal }) => getResellerOptions(signal) });

export function useResellerOptions(enabled: boolean) {
  return useQuery({ ...resellerOptionsQueryOptions(), enabled });
}
