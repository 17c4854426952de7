import { useMutation } from '@tanstack/react-query';
import { userCredentialsSchema } from '#contracts/onboarding.ts';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import { apiRequest } from '../../../app/api-client.ts';

/**
 * POST /v1/customers/{id}/adminpasswordresets: a new temporary password, shown this once. `requestId`
 * names this reset, so a retry after a lost answer gets the same password rather than a third one.
 */
export async function resetAdminPassword({ customerId, requestId }: { customerId: string; requestId: string }) {
  const body = await apiRequest<unknown>(`/v1/customers/${encodeURIComponent(customerId)}/adminpasswordresets`, {
    method: 'POST',
    body: {},
    headers: { [REQUEST_ID_HEADER]: requestId },
  });
  return userCredentialsSchema.parse(body);
}

export function useResetAdminPassword() {
  return useMutation({ mutationFn: resetAdminPassword });
}
