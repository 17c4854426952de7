import { queryOptions, useQuery } from '@tanstack/react-query';
import { subscriptionChangeCollectionSchema } from '#contracts/subscriptions.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET .../subscriptions/{id}/changes (ours): the subscription's history, latest first. */
export async function getSubscriptionChanges(customerId: string, subscriptionId: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/subscriptions/${encodeURIComponent(subscriptionId)}/changes`, signal ? { signal } : {});
  return subscriptionChangeCollectionSchema.parse(body);
}

export const subscriptionChangesQueryOptions = (customerId: string, subscriptionId: string) =>
  queryOptions({
    queryKey: ['customers', 'detail', customerId, 'subscription', subscriptionId, 'changes'],
    queryFn: ({ signal }) => getSubscriptionChanges(customerId, subscriptionId, signal),
  });

export function useSubscriptionChanges(customerId: string, subscriptionId: string) {
  return useQuery(subscriptionChangesQueryOptions(customerId, subscriptionId));
}
