import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '#contracts/auth.ts';
import { partnerUserSchema, partnerUserWithPasswordSchema } from '#contracts/team.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { usersQueryKey } from './get-users.ts';

const userPath = (id: string) => `/v1/partner/users/${encodeURIComponent(id)}`;

/** PUT /v1/partner/users/:id/roles: the user's whole set of roles. */
export async function setRoles(id: string, roles: Role[]) {
  return partnerUserSchema.parse(await apiRequest<unknown>(`${userPath(id)}/roles`, { method: 'PUT', body: { roles } }));
}

/** POST /v1/partner/users/:id/deactivate or /reactivate. */
export async function setActive(id: string, active: boolean) {
  return partnerUserSchema.parse(await apiRequest<unknown>(`${userPath(id)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' }));
}

/** POST /v1/partner/users/:id/password: a new temporary password, in this answer only. */
export async function resetPassword(id: string) {
  return partnerUserWithPasswordSchema.parse(await apiRequest<unknown>(`${userPath(id)}/password`, { method: 'POST' }));
}

function useTeamMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }) });
}

export const useSetRoles = () => useTeamMutation(({ id, roles }: { id: string; roles: Role[] }) => setRoles(id, roles));
export const useSetActive = () => useTeamMutation(({ id, active }: { id: string; active: boolean }) => setActive(id, active));
export const useResetPassword = () => useTeamMutation((id: string) => resetPassword(id));
