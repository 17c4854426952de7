import type { z } from 'zod';
import { useMutation } from '@tanstack/react-query';
import type { onboardingRequestSchema} from '#contracts/onboarding.ts';
import { onboardingValidationSchema } from '#contracts/onboarding.ts';
import { apiRequest } from '../../../app/api-client.ts';

/** POST /v1/onboardings/validations: every wrong field of a submission, without writing anything. */
export async function validateOnboarding(body: z.input<typeof onboardingRequestSchema>) {
  const answer = await apiRequest<unknown>('/v1/onboardings/validations', { method: 'POST', body });
  return onboardingValidationSchema.parse(answer);
}

export function useValidateOnboarding() {
  return useMutation({ mutationFn: validateOnboarding });
}
