import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import { issuedInvitationSchema } from '#contracts/relationships.ts';
import { apiRequest, uuid } from '../../../app/api-client.ts';
import { invitationsQueryKey } from './get-invitations.ts';

/** POST /v1/relationshipinvitations/{id}/resend: a new personal link (the old one stops working) and a new expiry. */
export async function resendInvitation(id: string) {
  const body = await apiRequest<unknown>(`/v1/relationshipinvitations/${encodeURIComponent(id)}/resend`, { method: 'POST', headers: { [REQUEST_ID_HEADER]: uuid() } });
  return issuedInvitationSchema.parse(body);
}

export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
