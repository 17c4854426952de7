import { queryOptions, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { customerSchema, type Customer } from '#contracts/customers.ts';
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

/** The customer as a list in the cache holds it (the same resource), and when that list was fetched. */
function fromLists(queryClient: QueryClient, customerId: string): { customer: Customer; updatedAt: number } | undefined {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: ['customers', 'list'] })) {
    const data = query.state.data as InfiniteData<{ items: Customer[] }> | undefined;
    const customer = data?.pages.flatMap((page) => page.items).find((item) => item.id === customerId);
    if (customer) return { customer, updatedAt: query.state.dataUpdatedAt };
  }
  return undefined;
}

/**
 * The customer's page starts from the list's copy when there is one, so it shows at once from the
 * list; the copy counts as fetched when the list was, so a stale one is fetched again behind it.
 */
export const customerDetailQueryOptions = (queryClient: QueryClient, customerId: string) =>
  queryOptions({
    ...customerQueryOptions(customerId),
    initialData: () => fromLists(queryClient, customerId)?.customer,
    initialDataUpdatedAt: () => fromLists(queryClient, customerId)?.updatedAt,
  });

export function useCustomer(customerId: string) {
  return useQuery(customerDetailQueryOptions(useQueryClient(), customerId));
}
