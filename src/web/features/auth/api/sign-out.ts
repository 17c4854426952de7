import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiRequest } from '../../../app/api-client.ts';
import { adoptSession, sessionQueryKey } from '../../../app/session.tsx';

/** DELETE /api/session (204). */
export async function signOut(): Promise<void> {
  await apiRequest<void>('/api/session', { method: 'DELETE', redirectOn401: false });
}

/** Ends the session, forgets everything cached for this user and goes to sign-in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    // Signed out locally even when the server could not be told: the cookie expires on its own.
    async onSettled() {
      adoptSession(null);
      queryClient.setQueryData(sessionQueryKey, null);
      await navigate('/sign-in', { replace: true });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
    },
  });
}
