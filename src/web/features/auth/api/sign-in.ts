import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionResponseSchema, type SessionResponse, type SignInRequest } from '#contracts/auth.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { adoptSession, sessionQueryKey } from '../../../app/session.tsx';

/** POST /api/session: 401 for wrong credentials and 429 when throttled are the caller's to show. */
export async function signIn(request: SignInRequest): Promise<SessionResponse> {
  const body = await apiRequest<unknown>('/api/session', { method: 'POST', body: request, redirectOn401: false });
  const session = sessionResponseSchema.parse(body);
  adoptSession(session);
  return session;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess(session) {
      // Nothing cached for whoever was signed in before may show for this user.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
