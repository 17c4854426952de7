import type { z } from 'zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REQUEST_ID_HEADER } from '#contracts/common.ts';
import type { onboardingRequestSchema } from '#contracts/onboarding.ts';
import { apiRequest } from '../../../app/api-client.ts';

/**
 * POST /v1/onboardings: customer, agreement and order in one transaction. `requestId` names this
 * submission: a retry after a lost answer sends the same one and gets the first answer back.
 */
export async function submitOnboarding({ body, requestId }: { body: z.input<typeof onboardingRequestSchema>; requestId: string }) {
  const answer = await apiRequest<unknown>('/v1/onboardings', { method: 'POST', body, headers: { [REQUEST_ID_HEADER]: requestId } });
  // The answer's schema (customer, order, agreement) is fetched only when there is an answer to read:
  // the wizard's first screen does not need it.
  const { onboardingResponseSchema } = await preloadAnswerSchema();
  return onboardingResponseSchema.parse(answer);
}

/** Fetches the answer's schema ahead of the answer (the Review step does, once idle). */
export const preloadAnswerSchema = () => import('#contracts/onboarding-responses.ts');

export function useSubmitOnboarding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitOnboarding,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
}
