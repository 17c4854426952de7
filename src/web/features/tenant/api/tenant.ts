import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CSRF_HEADER } from '#contracts/auth.ts';
import {
  tenantPartnerListSchema,
  tenantRequestViewSchema,
  tenantSessionSchema,
  type TenantRequestRef,
  type TenantSession,
} from '#contracts/tenant.ts';
import { apiRequest, isApiError } from '../../../app/api-client.ts';

/**
 * The customer admin's calls (/api/tenant): a session of its own, apart from a partner's, so its CSRF
 * token is sent here rather than the partner session's.
 */
const tenantSessionKey = ['tenant', 'session'] as const;

function csrf(session: TenantSession | null | undefined): Record<string, string> {
  return session ? { [CSRF_HEADER]: session.csrfToken } : {};
}

export const tenantSessionQuery = () =>
  queryOptions({
    queryKey: tenantSessionKey,
    queryFn: async ({ signal }) => {
      try {
        return tenantSessionSchema.parse(await apiRequest<unknown>('/api/tenant/session', { signal, redirectOn401: false }));
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });

export function useTenantSession() {
  return useQuery(tenantSessionQuery());
}

export function useTenantSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { userPrincipalName: string; password: string }) =>
      tenantSessionSchema.parse(await apiRequest<unknown>('/api/tenant/session', { method: 'POST', body: input, redirectOn401: false })),
    onSuccess: (session) => queryClient.setQueryData(tenantSessionKey, session),
  });
}

export function useTenantPasswordChange(session: TenantSession | null | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { currentPassword: string; newPassword: string }) =>
      tenantSessionSchema.parse(
        await apiRequest<unknown>('/api/tenant/password', { method: 'POST', body: input, headers: csrf(session), redirectOn401: false }),
      ),
    onSuccess: (next) => queryClient.setQueryData(tenantSessionKey, next),
  });
}

export function useTenantSignOut(session: TenantSession | null | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/api/tenant/session', { method: 'DELETE', headers: csrf(session), redirectOn401: false }),
    onSettled: () => {
      queryClient.setQueryData(tenantSessionKey, null);
      queryClient.removeQueries({ queryKey: ['tenant', 'partners'] });
    },
  });
}

export function useRequestView(ref: TenantRequestRef | null) {
  return useQuery({
    queryKey: ['tenant', 'request', ref],
    enabled: ref !== null,
    queryFn: async ({ signal }) =>
      tenantRequestViewSchema.parse(await apiRequest<unknown>('/api/tenant/requests/view', { method: 'POST', body: ref, signal, redirectOn401: false })),
  });
}

export function useAnswerRequest(session: TenantSession | null | undefined, ref: TenantRequestRef | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (answer: 'accept' | 'decline') => {
      await apiRequest<unknown>(`/api/tenant/requests/${answer}`, {
        method: 'POST',
        body: answer === 'decline' && ref && 'token' in ref ? { token: ref.token } : ref,
        headers: csrf(session),
        redirectOn401: false,
      });
      return answer;
    },
    // Not the request's own view: the page shows the answer's outcome, not "already accepted".
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenant', 'partners'] }),
  });
}

export function useTenantPartners(enabled: boolean) {
  return useQuery({
    queryKey: ['tenant', 'partners'],
    enabled,
    queryFn: async ({ signal }) => tenantPartnerListSchema.parse(await apiRequest<unknown>('/api/tenant/partners', { signal, redirectOn401: false })),
  });
}

export function useRemovePartner(session: TenantSession | null | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (partnerId: string) =>
      apiRequest<void>(`/api/tenant/partners/${encodeURIComponent(partnerId)}`, { method: 'DELETE', headers: csrf(session), redirectOn401: false }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenant', 'partners'] }),
  });
}
