import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import { subscriptionSchema, type Subscription } from '#contracts/orders.ts';
import { apiRequest, isApiError } from '../../../app/api-client.ts';
import { subscriptionQueryOptions } from './get-subscription.ts';

export interface SubscriptionEdit {
  /** The subscription as the page read it: sent back whole, its etag as If-Match. */
  subscription: Subscription;
  customerId: string;
  change: Partial<Pick<Subscription, 'quantity' | 'status' | 'friendlyName' | 'autoRenewEnabled'>>;
  /** Names this change, so that a retry after a lost answer is not a second one. */
  requestId: string;
}

/** PATCH /v1/customers/{id}/subscriptions/{id} as Partner Center clients do it: the resource as read, changed, with If-Match. */
export async function updateSubscription({ subscription, customerId, change, requestId }: SubscriptionEdit) {
  const answer = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/subscriptions/${encodeURIComponent(subscription.id)}`, {
    method: 'PATCH',
    body: { ...subscription, ...change },
    headers: { 'If-Match': subscription.attributes.etag, [REQUEST_ID_HEADER]: requestId },
  });
  return subscriptionSchema.parse(answer);
}

/** A 412: someone changed the subscription after the page read it. */
export const isStale = (error: unknown) => isApiError(error, 412);

export function useUpdateSubscription(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSubscription,
    onSuccess: async (subscription) => {
      queryClient.setQueryData(subscriptionQueryOptions(customerId, subscription.id).queryKey, subscription);
      // The history and the customer page's list show the change.
      await queryClient.invalidateQueries({ queryKey: ['customers', 'detail', customerId] });
    },
    onError: async (error, edit) => {
      // Changed meanwhile: the page reads it again and says so.
      if (isStale(error)) await queryClient.invalidateQueries({ queryKey: ['customers', 'detail', customerId, 'subscription', edit.subscription.id] });
    },
  });
}
