import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createdTokenSchema, type CreateTokenRequest } from '#contracts/auth.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { tokensQueryKey } from './get-tokens.ts';

/** POST /api/tokens: the answer is the only time the token itself is seen. */
export async function createToken(request: CreateTokenRequest) {
  const body = await apiRequest<unknown>('/api/tokens', { method: 'POST', body: request });
  return createdTokenSchema.parse(body);
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}
