import { queryOptions, useQuery } from '@tanstack/react-query';
import { agreementCollectionSchema } from '#contracts/agreements.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/customers/{id}/agreements: the customer's confirmed agreements. */
export async function getCustomerAgreements(customerId: string, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/agreements`, signal ? { signal } : {});
  return agreementCollectionSchema.parse(body);
}

export const customerAgreementsQueryOptions = (customerId: string) =>
  queryOptions({
    queryKey: ['customers', 'detail', customerId, 'agreements'],
    queryFn: ({ signal }) => getCustomerAgreements(customerId, signal),
  });

export function useCustomerAgreements(customerId: string, enabled = true) {
  return useQuery({ ...customerAgreementsQueryOptions(customerId), enabled });
}
