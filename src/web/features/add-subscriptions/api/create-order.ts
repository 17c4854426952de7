import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import { orderSchema, type CreateOrderRequest } from '#contracts/orders.ts';
import { apiRequest } from '../../../app/api-client.ts';

/**
 * POST /v1/customers/{id}/orders, with the missing agreement confirmation in `customerAgreement` (ours).
 * `requestId` names this submission, so a retry after a lost answer is not a second order.
 */
export async function createOrder({ customerId, requestId, body }: { customerId: string; requestId: string; body: CreateOrderRequest }) {
  const answer = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/orders`, {
    method: 'POST',
    body,
    headers: { [REQUEST_ID_HEADER]: requestId },
  });
  return orderSchema.parse(answer);
}

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrder,
    // The customer's page reads its subscriptions, orders and agreements again (the customer page's cache keys).
    onSettled: (_order, _error, { customerId }) => queryClient.invalidateQueries({ queryKey: ['customers', 'detail', customerId] }),
  });
}
