import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '#contracts/common.ts';
import { onboardingRequestSchema, onboardingValidationSchema } from '#contracts/onboarding.ts';
import { onboardingResponseSchema } from '#contracts/onboarding-responses.ts';
import { idempotencyKeyOf, sendOutcome } from '#server/lib/request-key.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { OnboardingService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 412: errorResponseSchema };

export const onboardingRoutes: FastifyPluginAsyncZod<{ onboarding: OnboardingService }> = async (app, { onboarding }) => {
  app.post('/v1/onboardings', {
    schema: {
      tags: ['onboarding'],
      summary: 'Add a customer with its agreement confirmation and first order, atomically (ours)',
      description: 'Send MS-RequestId: a retry with the same id and body gets the first answer, the admin credentials included, for 24 hours.',
      body: onboardingRequestSchema,
      response: { 201: onboardingResponseSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const outcome = await onboarding.submit(principal, request.body, idempotencyKeyOf(request, principal));
    return sendOutcome(reply, outcome);
  });

  app.post('/v1/onboardings/validations', {
    schema: {
      tags: ['onboarding'],
      summary: 'Check a submission without writing: every wrong field, and the warnings (ours; the portal uses it)',
      body: onboardingRequestSchema,
      response: { 200: onboardingValidationSchema, ...errors },
    },
  }, async (request) => onboarding.validate(requirePrincipal(request), request.body));
};
