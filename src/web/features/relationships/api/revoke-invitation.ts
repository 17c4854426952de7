import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import { invitationSchema } from '#contracts/relationships.ts';
import { apiRequest, uuid } from '../../../app/api-client.ts';
import { invitationsQueryKey } from './get-invitations.ts';

/** POST /v1/relationshipinvitations/{id}/revoke: its link then says so and changes nothing. */
export async function revokeInvitation(id: string) {
  const body = await apiRequest<unknown>(`/v1/relationshipinvitations/${encodeURIComponent(id)}/revoke`, { method: 'POST', headers: { [REQUEST_ID_HEADER]: uuid() } });
  return invitationSchema.parse(body);
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
