import { queryOptions, useQuery } from '@tanstack/react-query';
import { draftSchema } from '#contracts/onboarding.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/onboardings/drafts/{id}: one of my drafts. */
export async function getDraft(id: string, signal?: AbortSignal) {
  return draftSchema.parse(await apiRequest<unknown>(`/v1/onboardings/drafts/${encodeURIComponent(id)}`, signal ? { signal } : {}));
}

export const draftQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['onboarding-drafts', id],
    queryFn: ({ signal }) => getDraft(id, signal),
    // The wizard reads a draft once, when it opens it; after that the form is the truth.
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

export function useDraft(id: string | null) {
  return useQuery({ ...draftQueryOptions(id ?? ''), enabled: id !== null });
}
