import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../app/api-client.ts';

const domainAvailabilitySchema = z.object({ domain: z.string(), available: z.boolean(), yourCustomer: z.object({ id: z.string(), companyName: z.string() }).nullable() });

/** GET /v1/domains/{prefix}/availability: whether a customer of this instance already has the domain. */
export async function getDomainAvailability(prefix: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/domains/${encodeURIComponent(prefix)}/availability`, signal ? { signal } : {});
  return domainAvailabilitySchema.parse(body);
}

export const domainAvailabilityQueryOptions = (prefix: string) =>
  queryOptions({
    queryKey: ['domain-availability', prefix],
    queryFn: ({ signal }) => getDomainAvailability(prefix, signal),
    staleTime: 30_000,
    retry: false,
  });

/** `prefix` null: nothing worth asking about (empty, or not a well-formed prefix). */
export function useDomainAvailability(prefix: string | null) {
  return useQuery({ ...domainAvailabilityQueryOptions(prefix ?? ''), enabled: prefix !== null, placeholderData: keepPreviousData });
}
