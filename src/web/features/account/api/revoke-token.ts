import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../app/api-client.ts';
import { tokensQueryKey } from './get-tokens.ts';

/** DELETE /api/tokens/:id (204): the token stops working at once. */
export async function revokeToken(id: string): Promise<void> {
  await apiRequest<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}
