import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiTokenListSchema } from '#contracts/auth.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /api/tokens: the signed-in user's API tokens (never the secrets). */
export async function getTokens(signal?: AbortSignal) {
  const body = await apiRequest<unknown>('/api/tokens', signal ? { signal } : {});
  return apiTokenListSchema.parse(body).items;
}

export const tokensQueryKey = ['api-tokens'] as const;

export const tokensQueryOptions = () =>
  queryOptions({
    queryKey: tokensQueryKey,
    queryFn: ({ signal }) => getTokens(signal),
  });

export function useTokens() {
  return useQuery(tokensQueryOptions());
}
