import { queryOptions, useQuery } from '@tanstack/react-query';
import { subscriptionCollectionSchema } from '#contracts/orders.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/customers/{id}/subscriptions: the customer's subscriptions with my organisation. */
export async function getCustomerSubscriptions(customerId: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/subscriptions`, signal ? { signal } : {});
  return subscriptionCollectionSchema.parse(body);
}

export const customerSubscriptionsQueryOptions = (customerId: string) =>
  queryOptions({
    queryKey: ['customers', 'detail', customerId, 'subscriptions'],
    queryFn: ({ signal }) => getCustomerSubscriptions(customerId, signal),
  });

export function useCustomerSubscriptions(customerId: string) {
  return useQuery(customerSubscriptionsQueryOptions(customerId));
}
