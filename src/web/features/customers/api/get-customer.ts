import { queryOptions, useQuery } from '@tanstack/react-query';
import { customerSchema } from '#contracts/customers.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/customers/{id}: 404 when there is no such customer or no relationship with it. */
export async function getCustomer(customerId: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}`, signal ? { signal } : {});
  return customerSchema.parse(body);
}

export const customerQueryOptions = (customerId: string) =>
  queryOptions({
    queryKey: ['customers', 'detail', customerId],
    queryFn: ({ signal }) => getCustomer(customerId, signal),
  });

export function useCustomer(customerId: string) {
  return useQuery(customerQueryOptions(customerId));
}
