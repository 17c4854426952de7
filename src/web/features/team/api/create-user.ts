import { useMutation, useQueryClient } from '@tanstack/react-query';
import { partnerUserWithPasswordSchema, type CreatePartnerUser } from '#contracts/team.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { usersQueryKey } from './get-users.ts';

/** POST /v1/partner/users: the answer is the only time the temporary password is seen. */
export async function createUser(request: CreatePartnerUser) {
  const body = await apiRequest<unknown>('/v1/partner/users', { method: 'POST', body: request });
  return partnerUserWithPasswordSchema.parse(body);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
