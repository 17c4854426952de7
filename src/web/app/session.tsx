import { queryOptions, useQuery } from '@tanstack/react-query';
import { createContext, use, type ReactNode } from 'react';
import { sessionResponseSchema, type SessionResponse, type SessionUser } from '#contracts/auth.ts';
import { apiRequest, isApiError, setCsrfToken } from './api-client.ts';

/** Remembers the CSRF token of whatever session the portal now holds. */
export function adoptSession(session: SessionResponse | null): SessionResponse | null {
  setCsrfToken(session?.csrfToken ?? null);
  return session;
}

/** GET /api/session: the signed-in user, or `null` when nobody is signed in (401). */
export async function getSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    const body = await apiRequest<unknown>('/api/session', { redirectOn401: false, ...(signal ? { signal } : {}) });
    return adoptSession(sessionResponseSchema.parse(body));
  } catch (error) {
    if (isApiError(error, 401)) return adoptSession(null);
    throw error;
  }
}

export const sessionQueryKey = ['session'] as const;

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

const CurrentUserContext = createContext<SessionUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <CurrentUserContext value={user}>{children}</CurrentUserContext>;
}

/** The signed-in user; only inside the signed-in part of the app. */
export function useCurrentUser(): SessionUser {
  const user = use(CurrentUserContext);
  if (user === null) throw new Error('useCurrentUser is used outside the signed-in routes');
  return user;
}
