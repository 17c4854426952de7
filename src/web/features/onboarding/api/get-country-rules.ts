import { queryOptions, useQuery } from '@tanstack/react-query';
import { countryValidationRulesSchema } from '#contracts/countries.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { countryRulesKey } from './country-rules-key.ts';

/** GET /v1/countryvalidationrules/{country}: what the country asks of an address, a phone, a language. */
export async function getCountryRules(country: string, locale: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(
    `/v1/countryvalidationrules/${encodeURIComponent(country)}?locale=${encodeURIComponent(locale)}`,
    signal ? { signal } : {},
  );
  return countryValidationRulesSchema.parse(body);
}

export const countryRulesQueryOptions = (country: string, locale: string) =>
  queryOptions({
    queryKey: countryRulesKey(country, locale),
    queryFn: ({ signal }) => getCountryRules(country, locale, signal),
    staleTime: Infinity,
  });

export function useCountryRules(country: string, locale: string) {
  return useQuery({ ...countryRulesQueryOptions(country, locale), enabled: country !== '' });
}
