import { useMutation, useQueryClient } from '@tanstack/react-query';
import { customerSchema, type SetIndirectResellerRequest } from '#contracts/customers.ts';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { customerQueryOptions } from './get-customer.ts';

/**
 * PUT /v1/customers/{id}/indirectreseller (ours): an indirect provider assigns, changes or clears the
 * customer's reseller. `requestId` names this change, so a retry after a lost answer is not a second one.
 */
export async function setIndirectReseller({ customerId, requestId, ...body }: SetIndirectResellerRequest & { customerId: string; requestId: string }) {
  const answer = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/indirectreseller`, {
    method: 'PUT',
    body,
    headers: { [REQUEST_ID_HEADER]: requestId },
  });
  return customerSchema.parse(answer);
}

export function useSetIndirectReseller() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setIndirectReseller,
    onSuccess: async (customer) => {
      // The page shows the answer at once; the lists (which show and filter by reseller) are read again.
      queryClient.setQueryData(customerQueryOptions(customer.id).queryKey, customer);
      await queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
    },
  });
}
