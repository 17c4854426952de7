import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { offerCollectionSchema } from '#contracts/offers.ts';
import { apiRequest } from '../../../app/api-client.ts';

/**
 * GET /v1/offers?country=XX&size=500: every offer sold in the country (filtered and searched here),
 * the descriptions in the UI language (Partner Center's X-Locale header).
 */
export async function getOffers(country: string, locale: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/offers?country=${encodeURIComponent(country)}&size=500`, { headers: { 'X-Locale': locale }, ...(signal ? { signal } : {}) });
  return offerCollectionSchema.parse(body).items;
}

export const offersQueryOptions = (country: string, locale: string) =>
  queryOptions({
    queryKey: ['offers', country, locale],
    queryFn: ({ signal }) => getOffers(country, locale, signal),
    staleTime: 5 * 60_000,
    // On a change of language the list stays while the translated one loads.
    placeholderData: (previous) => previous,
  });

export function useOffers(country: string) {
  const { i18n } = useTranslation();
  return useQuery({ ...offersQueryOptions(country, i18n.language), enabled: country !== '' });
}
