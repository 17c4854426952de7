import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { draftSchema } from '#contracts/onboarding.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/onboardings/drafts: my unfinished wizards, latest first. */
export async function getDrafts(signal?: AbortSignal) {
  const body = await apiRequest<unknown>('/v1/onboardings/drafts', signal ? { signal } : {});
  return z.object({ items: z.array(draftSchema) }).parse(body).items;
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
