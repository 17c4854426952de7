import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { customerBillingProfileSchema, type UpdateBillingProfileRequest } from '#contracts/customers.ts';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/customers/{id}/profiles/billing: the profile with the etag its PUT sends back. */
export async function getBillingProfile(customerId: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/profiles/billing`, signal ? { signal } : {});
  return customerBillingProfileSchema.parse(body);
}

export const billingProfileQueryOptions = (customerId: string) =>
  queryOptions({ queryKey: ['customers', 'detail', customerId, 'billing-profile'], queryFn: ({ signal }) => getBillingProfile(customerId, signal) });

export function useBillingProfile(customerId: string) {
  return useQuery(billingProfileQueryOptions(customerId));
}

/**
 * PUT /v1/customers/{id}/profiles/billing with If-Match: a 412 when someone changed it since `etag`.
 * `requestId` names this save, so a retry after a lost answer is not a second change.
 */
export async function updateBillingProfile({ customerId, etag, body, requestId }: { customerId: string; etag: string; body: UpdateBillingProfileRequest; requestId: string }) {
  const answer = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/profiles/billing`, {
    method: 'PUT',
    body,
    headers: { 'If-Match': etag, [REQUEST_ID_HEADER]: requestId },
  });
  return customerBillingProfileSchema.parse(answer);
}

export function useUpdateBillingProfile(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBillingProfile,
    // The customer's page shows the profile too: both read again.
    onSuccess: (profile) => {
      queryClient.setQueryData(billingProfileQueryOptions(customerId).queryKey, profile);
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}
