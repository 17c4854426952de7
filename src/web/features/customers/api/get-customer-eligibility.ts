import { queryOptions, useQuery } from '@tanstack/react-query';
import { eligibilityValidationCollectionSchema } from '#contracts/customers.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/customers/{id}/eligibility (ours): how a US Government customer is eligible. */
export async function getCustomerEligibility(customerId: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/eligibility`, signal ? { signal } : {});
  return eligibilityValidationCollectionSchema.parse(body);
}

export const customerEligibilityQueryOptions = (customerId: string) =>
  queryOptions({
    queryKey: ['customers', 'detail', customerId, 'eligibility'],
    queryFn: ({ signal }) => getCustomerEligibility(customerId, signal),
  });

export function useCustomerEligibility(customerId: string) {
  return useQuery(customerEligibilityQueryOptions(customerId));
}
