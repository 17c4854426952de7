import { queryOptions, useQuery } from '@tanstack/react-query';
import { partnerUserCollectionSchema } from '#contracts/team.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** The most users one page of the Users page shows (the API's largest page). */
export const TEAM_PAGE_SIZE = 500;

/** GET /v1/partner/users: the organisation's users in email order (one page of up to 500). */
export async function getUsers(signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/partner/users?size=${TEAM_PAGE_SIZE}`, signal ? { signal } : {});
  return partnerUserCollectionSchema.parse(body).items;
}

export const usersQueryKey = ['partner-users'] as const;

export const usersQueryOptions = () => queryOptions({ queryKey: usersQueryKey, queryFn: ({ signal }) => getUsers(signal) });

export function useUsers() {
  return useQuery(usersQueryOptions());
}
