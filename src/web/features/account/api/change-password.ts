import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PasswordChange } from '#contracts/team.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { sessionQueryKey } from '../../../app/session.tsx';

/** POST /api/account/password (204): my other sessions end, this one goes on. */
export async function changePassword(request: PasswordChange): Promise<void> {
  await apiRequest<void>('/api/account/password', { method: 'POST', body: request });
}

/** Afterwards the session is read again: it no longer says the password must change. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}
