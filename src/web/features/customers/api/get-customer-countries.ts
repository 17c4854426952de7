import { queryOptions, useQuery } from '@tanstack/react-query';
import { customerCountryCollectionSchema } from '#contracts/customers.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/customers/countries: the countries my customers are in, for the list's filter. */
export async function getCustomerCountries(signal?: AbortSignal) {
  const body = await apiRequest<unknown>('/v1/customers/countries', signal ? { signal } : {});
  return customerCountryCollectionSchema.parse(body).items.map((item) => item.country);
}

export const customerCountriesQueryOptions = () =>
  queryOptions({ queryKey: ['customers', 'countries'], queryFn: ({ signal }) => getCustomerCountries(signal) });

export function useCustomerCountries() {
  return useQuery(customerCountriesQueryOptions());
}
