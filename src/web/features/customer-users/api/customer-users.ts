import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { customerUserSchema, licenseUpdateSchema, subscribedSkuSchema, type CreateCustomerUserRequest, type LicenseUpdateRequest } from '#contracts/customer-users.ts';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import { apiRequest } from '../../../app/api-client.ts';

const base = (customerId: string) => `/v1/customers/${encodeURIComponent(customerId)}`;
const usersKey = (customerId: string) => ['customers', 'detail', customerId, 'users'] as const;
const skusKey = (customerId: string) => ['customers', 'detail', customerId, 'subscribedskus'] as const;

// The page shows up to 500 users (the API's largest page); a customer with more is searched by name (ours, for now).
const userPageSchema = z.object({ items: z.array(customerUserSchema) });
const skuPageSchema = z.object({ items: z.array(subscribedSkuSchema) });

/** GET /v1/customers/{id}/users: the users with their roles and the licenses of our subscriptions. */
export const customerUsersQueryOptions = (customerId: string) =>
  queryOptions({
    queryKey: usersKey(customerId),
    queryFn: async ({ signal }) => userPageSchema.parse(await apiRequest<unknown>(`${base(customerId)}/users?size=500`, { signal })).items,
  });

export function useCustomerUsers(customerId: string) {
  return useQuery(customerUsersQueryOptions(customerId));
}

/** GET /v1/customers/{id}/subscribedskus: each subscription's licenses, total and assigned. */
export const subscribedSkusQueryOptions = (customerId: string) =>
  queryOptions({
    queryKey: skusKey(customerId),
    queryFn: async ({ signal }) => skuPageSchema.parse(await apiRequest<unknown>(`${base(customerId)}/subscribedskus`, { signal })).items,
  });

export function useSubscribedSkus(customerId: string) {
  return useQuery(subscribedSkusQueryOptions(customerId));
}

function useRefresh(customerId: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: usersKey(customerId) }), queryClient.invalidateQueries({ queryKey: skusKey(customerId) })]);
}

/** POST .../users; `requestId` makes a retry after a lost answer the same request (the same password). */
export function useCreateCustomerUser(customerId: string) {
  const refresh = useRefresh(customerId);
  return useMutation({
    mutationFn: async ({ body, requestId }: { body: CreateCustomerUserRequest; requestId: string }) =>
      customerUserSchema.parse(await apiRequest<unknown>(`${base(customerId)}/users`, { method: 'POST', body, headers: { [REQUEST_ID_HEADER]: requestId } })),
    onSuccess: () => void refresh(),
  });
}

/** PATCH .../users/{userId} with a passwordProfile: a new password, generated and shown once. */
export function useResetCustomerUserPassword(customerId: string) {
  return useMutation({
    mutationFn: async ({ userId, requestId }: { userId: string; requestId: string }) =>
      customerUserSchema.parse(
        await apiRequest<unknown>(`${base(customerId)}/users/${encodeURIComponent(userId)}`, {
          method: 'PATCH',
          body: { passwordProfile: { password: null, forceChangePassword: true } },
          headers: { [REQUEST_ID_HEADER]: requestId },
        }),
      ),
  });
}

export function useDeleteCustomerUser(customerId: string) {
  const refresh = useRefresh(customerId);
  return useMutation({
    mutationFn: async (userId: string) => {
      await apiRequest<unknown>(`${base(customerId)}/users/${encodeURIComponent(userId)}`, { method: 'DELETE' });
    },
    onSuccess: () => void refresh(),
  });
}

/** POST .../users/{userId}/licenseupdates: licenses assigned and removed in one call. */
export function useUpdateLicenses(customerId: string) {
  const refresh = useRefresh(customerId);
  return useMutation({
    mutationFn: async ({ userId, body, requestId }: { userId: string; body: LicenseUpdateRequest; requestId: string }) =>
      licenseUpdateSchema.parse(await apiRequest<unknown>(`${base(customerId)}/users/${encodeURIComponent(userId)}/licenseupdates`, { method: 'POST', body, headers: { [REQUEST_ID_HEADER]: requestId } })),
    onSuccess: () => void refresh(),
  });
}
