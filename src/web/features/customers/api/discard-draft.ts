import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Draft } from '#contracts/onboarding.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { draftsQueryKey } from './get-drafts.ts';

/** DELETE /v1/onboardings/drafts/{id} (204). */
export async function discardDraft(id: string): Promise<void> {
  await apiRequest<void>(`/v1/onboardings/drafts/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDiscardDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: discardDraft,
    onSuccess: (_result, id) => {
      queryClient.setQueryData<{ items: Draft[]; totalCount: number }>(draftsQueryKey, (current) =>
        current === undefined ? current : { items: current.items.filter((draft) => draft.id !== id), totalCount: current.totalCount - 1 },
      );
      return queryClient.invalidateQueries({ queryKey: draftsQueryKey });
    },
  });
}
