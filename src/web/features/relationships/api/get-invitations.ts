import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { Link } from '#contracts/common.ts';
import { invitationCollectionSchema, type InvitationState } from '#contracts/relationships.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { followLink } from '../../../app/collection.ts';

export const INVITATIONS_PAGE_SIZE = 25;

export const invitationsQueryKey = ['relationships', 'invitations'] as const;

/** GET /v1/relationshipinvitations: the partner's invitations, newest first, optionally in one state. */
export async function getInvitations(state: InvitationState | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ size: String(INVITATIONS_PAGE_SIZE) });
  if (state !== null) params.set('state', state);
  return invitationCollectionSchema.parse(await apiRequest<unknown>(`/v1/relationshipinvitations?${params}`, signal ? { signal } : {}));
}

export const invitationsQueryOptions = (state: InvitationState | null) =>
  infiniteQueryOptions({
    queryKey: [...invitationsQueryKey, state],
    queryFn: async ({ pageParam, signal }) =>
      pageParam === null ? getInvitations(state, signal) : invitationCollectionSchema.parse(await followLink(pageParam, signal)),
    initialPageParam: null as Link | null,
    // The last page has no `links.next` (its MS-ContinuationToken).
    getNextPageParam: (lastPage) => lastPage.links.next,
  });

export function useInvitations(state: InvitationState | null) {
  return useInfiniteQuery({ ...invitationsQueryOptions(state), placeholderData: keepPreviousData });
}
