import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, INT4_MAX } from '#contracts/common.ts';
import { draftInputSchema, draftListSchema, draftSchema } from '#contracts/onboarding.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { DraftsService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 412: errorResponseSchema };
const draftParams = z.object({ draftId: z.guid('draftId must be a GUID') });
const versionOf = (ifMatch: string) => Number(ifMatch.replace(/\D/g, ''));
/** A draft's version is an int4: a larger one (which no draft has) is refused before it reaches the SQL. */
const ifMatchSchema = z
  .string()
  .regex(/^(W\/)?"?\d+"?$/, 'If-Match must be the draft version, e.g. "3"')
  .refine((value) => versionOf(value) <= INT4_MAX, `If-Match must be the draft version, e.g. "3": no draft has a version above ${INT4_MAX}`);

/** /v1/onboardings/drafts: the add-customer wizard's unfinished entries (ours), each the caller's own. */
export const draftsRoutes: FastifyPluginAsyncZod<{ drafts: DraftsService }> = async (app, { drafts }) => {
  app.post('/v1/onboardings/drafts', {
    schema: {
      tags: ['onboarding'],
      summary: 'Save an unfinished add-customer wizard (mine); it expires DRAFT_TTL_DAYS after its last save',
      body: draftInputSchema,
      response: { 201: draftSchema, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await drafts.create(requirePrincipal(request), request.body)));

  app.get('/v1/onboardings/drafts', {
    schema: { tags: ['onboarding'], summary: 'My drafts that have not expired, latest first, each with a summary', response: { 200: draftListSchema, ...errors } },
  }, async (request) => {
    const items = await drafts.list(requirePrincipal(request));
    return { items, totalCount: items.length };
  });

  app.get('/v1/onboardings/drafts/:draftId', {
    schema: { tags: ['onboarding'], summary: 'One of my drafts', params: draftParams, response: { 200: draftSchema, ...errors } },
  }, async (request) => drafts.get(requirePrincipal(request), request.params.draftId));

  app.put('/v1/onboardings/drafts/:draftId', {
    schema: {
      tags: ['onboarding'],
      summary: 'Replace a draft (and renew its expiry); If-Match: the version last read, to refuse a lost update (412)',
      params: draftParams,
      headers: z.object({ 'if-match': ifMatchSchema.optional() }),
      body: draftInputSchema,
      response: { 200: draftSchema, ...errors },
    },
  }, async (request) => {
    const ifMatch = request.headers['if-match'];
    const version = ifMatch === undefined ? undefined : versionOf(ifMatch);
    // The id is the path's: one in the body (a client sending the resource back) is ignored.
    const { id: _ignored, ...input } = request.body;
    return drafts.update(requirePrincipal(request), request.params.draftId, input, version);
  });

  app.delete('/v1/onboardings/drafts/:draftId', {
    schema: { tags: ['onboarding'], summary: 'Discard a draft', params: draftParams, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await drafts.remove(requirePrincipal(request), request.params.draftId);
    return reply.status(204).send(null);
  });
};
