import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '#contracts/common.ts';
import { draftInputSchema, draftSchema, onboardingRequestSchema, onboardingValidationSchema } from '#contracts/onboarding.ts';
import { onboardingResponseSchema } from '#contracts/onboarding-responses.ts';
import { idempotencyKeyOf, sendOutcome } from '#server/lib/request-key.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { OnboardingService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 412: errorResponseSchema };
const draftParams = z.object({ draftId: z.guid('draftId must be a GUID') });

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

  app.post('/v1/onboardings/drafts', {
    schema: { tags: ['onboarding'], summary: 'Save an unfinished add-customer wizard (mine)', body: draftInputSchema, response: { 201: draftSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await onboarding.createDraft(requirePrincipal(request), request.body)));

  app.get('/v1/onboardings/drafts', {
    schema: { tags: ['onboarding'], summary: 'My drafts, latest first', response: { 200: z.object({ items: z.array(draftSchema), totalCount: z.number().int() }), ...errors } },
  }, async (request) => {
    const items = await onboarding.listDrafts(requirePrincipal(request));
    return { items, totalCount: items.length };
  });

  app.get('/v1/onboardings/drafts/:draftId', {
    schema: { tags: ['onboarding'], summary: 'One of my drafts', params: draftParams, response: { 200: draftSchema, ...errors } },
  }, async (request) => onboarding.getDraft(requirePrincipal(request), request.params.draftId));

  app.put('/v1/onboardings/drafts/:draftId', {
    schema: {
      tags: ['onboarding'],
      summary: 'Replace a draft; If-Match: the version last read, to refuse a lost update (412)',
      params: draftParams,
      headers: z.object({ 'if-match': z.string().regex(/^(W\/)?"?\d+"?$/, 'If-Match must be the draft version, e.g. "3"').optional() }),
      body: draftInputSchema,
      response: { 200: draftSchema, ...errors },
    },
  }, async (request) => {
    const ifMatch = request.headers['if-match'];
    const version = ifMatch === undefined ? undefined : Number(ifMatch.replace(/\D/g, ''));
    return onboarding.updateDraft(requirePrincipal(request), request.params.draftId, request.body, version);
  });

  app.delete('/v1/onboardings/drafts/:draftId', {
    schema: { tags: ['onboarding'], summary: 'Discard a draft', params: draftParams, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await onboarding.deleteDraft(requirePrincipal(request), request.params.draftId);
    return reply.status(204).send(null);
  });
};
