import { queryOptions, useQuery } from '@tanstack/react-query';
import { subscriptionSchema } from '#contracts/orders.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/customers/{id}/subscriptions/{id}: 404 when it is not one of my organisation's for this customer. */
export async function getSubscription(customerId: string, subscriptionId: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/subscriptions/${encodeURIComponent(subscriptionId)}`, signal ? { signal } : {});
  return subscriptionSchema.parse(body);
}

// Under the customer's key: the customer page's subscriptions list is read again with it.
export const subscriptionQueryOptions = (customerId: string, subscriptionId: string) =>
  queryOptions({
    queryKey: ['customers', 'detail', customerId, 'subscription', subscriptionId],
    queryFn: ({ signal }) => getSubscription(customerId, subscriptionId, signal),
  });

export function useSubscription(customerId: string, subscriptionId: string) {
  return useQuery(subscriptionQueryOptions(customerId, subscriptionId));
}
