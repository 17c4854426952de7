import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import { issuedInvitationSchema, type InvitationInput } from '#contracts/relationships.ts';
import { apiRequest, uuid } from '../../../app/api-client.ts';
import { invitationsQueryKey } from './get-invitations.ts';

/** POST /v1/relationshipinvitations: the answer holds the personal link, this once. */
export async function createInvitation(input: InvitationInput) {
  const body = await apiRequest<unknown>('/v1/relationshipinvitations', { method: 'POST', body: input, headers: { [REQUEST_ID_HEADER]: uuid() } });
  return issuedInvitationSchema.parse(body);
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
