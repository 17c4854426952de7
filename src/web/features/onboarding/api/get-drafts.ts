import { queryOptions, useQuery } from '@tanstack/react-query';
import { draftListSchema } from '#contracts/onboarding.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/onboardings/drafts: my unfinished wizards that have not expired, latest first. */
export async function getDrafts(signal?: AbortSignal) {
  const body = await apiRequest<unknown>('/v1/onboardings/drafts', signal ? { signal } : {});
  return draftListSchema.parse(body).items;
}

export const draftsQueryOptions = () =>
  queryOptions({
    queryKey: ['onboarding-drafts', 'mine'],
    queryFn: ({ signal }) => getDrafts(signal),
    staleTime: 0,
  });

export function useDrafts(enabled: boolean) {
  return useQuery({ ...draftsQueryOptions(), enabled });
}
