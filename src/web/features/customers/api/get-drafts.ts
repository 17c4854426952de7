import { queryOptions, useQuery } from '@tanstack/react-query';
import { draftListSchema } from '#contracts/onboarding.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** GET /v1/onboardings/drafts: my unfinished add-customer wizards that have not expired, latest first, each with its summary. */
export async function getDrafts(signal?: AbortSignal) {
  return draftListSchema.parse(await apiRequest<unknown>('/v1/onboardings/drafts', signal ? { signal } : {}));
}

export const draftsQueryKey = ['onboardings', 'drafts'] as const;

export const draftsQueryOptions = () =>
  queryOptions({
    queryKey: draftsQueryKey,
    queryFn: ({ signal }) => getDrafts(signal),
    // The wizard saves drafts elsewhere in the app: the list's loader asks for them each time the list
    // is opened (`staleTime: 0` there), and the page does not ask again right after.
    staleTime: 2_000,
  });

export function useDrafts(options: { enabled: boolean }) {
  return useQuery({ ...draftsQueryOptions(), enabled: options.enabled });
}
