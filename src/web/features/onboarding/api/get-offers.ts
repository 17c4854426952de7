import { queryOptions, useQuery } from '@tanstack/react-query';
import { offerCollectionSchema } from '#contracts/offers.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/offers?country=XX&size=500: every offer sold in the country (filtered and searched here). */
export async function getOffers(country: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/offers?country=${encodeURIComponent(country)}&size=500`, signal ? { signal } : {});
  return offerCollectionSchema.parse(body).items;
}

export const offersQueryOptions = (country: string) =>
  queryOptions({
    queryKey: ['offers', country],
    queryFn: ({ signal }) => getOffers(country, signal),
    staleTime: 5 * 60_000,
  });

export function useOffers(country: string) {
  return useQuery({ ...offersQueryOptions(country), enabled: country !== '' });
}
