import { queryOptions, useQuery } from '@tanstack/react-query';
import { orderCollectionSchema } from '#contracts/orders.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/customers/{id}/orders: the orders my organisation placed for the customer. */
export async function getCustomerOrders(customerId: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/orders`, signal ? { signal } : {});
  return orderCollectionSchema.parse(body);
}

export const customerOrdersQueryOptions = (customerId: string) =>
  queryOptions({
    queryKey: ['customers', 'detail', customerId, 'orders'],
    queryFn: ({ signal }) => getCustomerOrders(customerId, signal),
  });

export function useCustomerOrders(customerId: string) {
  return useQuery(customerOrdersQueryOptions(customerId));
}
