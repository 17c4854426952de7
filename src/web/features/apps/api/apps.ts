import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  appGrantListSchema,
  appRegistrationListSchema,
  appRegistrationSchema,
  createdRefreshTokenSchema,
  createdSecretSchema,
  type createAppRequestSchema,
  type createSecretRequestSchema,
} from '#contracts/apps.ts';
import { apiRequest } from '../../../app/api-client.ts';

export const appsQueryKey = ['app-registrations'] as const;
export const appSignInQueryKey = ['app-sign-in'] as const;

/** GET /api/apps: the organisation's app registrations and their secrets (hints only). */
export const appsQueryOptions = () =>
  queryOptions({
    queryKey: appsQueryKey,
    queryFn: async ({ signal }) => appRegistrationListSchema.parse(await apiRequest<unknown>('/api/apps', { signal })).items,
  });

export const useApps = (enabled: boolean) => useQuery({ ...appsQueryOptions(), enabled });

const signInSchema = appGrantListSchema.extend({ apps: z.array(z.object({ id: z.guid(), displayName: z.string() })) });

/** GET /api/apps/sign-in: the apps the user may make a refresh token for, and its app sign-ins. */
export const useAppSignIn = () =>
  useQuery({ queryKey: appSignInQueryKey, queryFn: async ({ signal }) => signInSchema.parse(await apiRequest<unknown>('/api/apps/sign-in', { signal })) });

function useInvalidating<TInput, TOutput>(mutationFn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: appsQueryKey }), queryClient.invalidateQueries({ queryKey: appSignInQueryKey })]);
    },
  });
}

export const useRegisterApp = () =>
  useInvalidating(async (input: z.input<typeof createAppRequestSchema>) => appRegistrationSchema.parse(await apiRequest<unknown>('/api/apps', { method: 'POST', body: input })));

export const useDeleteApp = () => useInvalidating((appId: string) => apiRequest<unknown>(`/api/apps/${appId}`, { method: 'DELETE' }));

/** The answer is the only time the secret itself is seen. */
export const useAddSecret = () =>
  useInvalidating(async ({ appId, ...input }: z.input<typeof createSecretRequestSchema> & { appId: string }) =>
    createdSecretSchema.parse(await apiRequest<unknown>(`/api/apps/${appId}/secrets`, { method: 'POST', body: input })),
  );

export const useRevokeSecret = () =>
  useInvalidating(({ appId, secretId }: { appId: string; secretId: string }) => apiRequest<unknown>(`/api/apps/${appId}/secrets/${secretId}`, { method: 'DELETE' }));

/** A refresh token for the app acting as the signed-in user: shown once. */
export const useCreateRefreshToken = () =>
  useInvalidating(async (appId: string) => createdRefreshTokenSchema.parse(await apiRequest<unknown>(`/api/apps/${appId}/refresh-tokens`, { method: 'POST', body: {} })));

export const useRevokeSignIn = () => useInvalidating((grantId: string) => apiRequest<unknown>(`/api/apps/sign-ins/${grantId}`, { method: 'DELETE' }));
