import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTINUATION_HEADER, errorResponseSchema } from '#contracts/common.ts';
import {
  invitationCollectionSchema,
  invitationInputSchema,
  invitationListQuerySchema,
  invitationSchema,
  issuedInvitationSchema,
  relationshipRequestQuerySchema,
  relationshipRequestSchema,
} from '#contracts/relationships.ts';
import { collection } from '#server/lib/links.ts';
import { idempotencyKeyOf, sendOutcome } from '#server/lib/request-key.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { RelationshipsService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const invitationParams = z.object({ invitationId: z.guid('invitationId must be a GUID') });

/** Relationship requests (SPEC §6): Partner Center's standing link, and our tracked invitations. */
export const relationshipsRoutes: FastifyPluginAsyncZod<{ relationships: RelationshipsService }> = async (app, { relationships }) => {
  app.get('/v1/customers/relationshiprequests', {
    schema: {
      tags: ['relationships'],
      summary: "The partner's link for existing customers to accept a reseller relationship",
      description: 'An indirect reseller may name its indirect provider (`indirectCloudSolutionProviderId`), an indirect provider one of its resellers (`indirectResellerId`): the customer then accepts both. The partnership must be active.',
      querystring: relationshipRequestQuerySchema,
      response: { 200: relationshipRequestSchema, ...errors },
    },
  }, async (request) => relationships.link(requirePrincipal(request), request.query));

  app.post('/v1/relationshipinvitations', {
    schema: {
      tags: ['relationships'],
      summary: 'Invite an existing customer to a relationship (ours): a personal link, shown this once, valid RELATIONSHIP_INVITATION_TTL_DAYS',
      body: invitationInputSchema,
      response: { 201: issuedInvitationSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await relationships.create(principal, request.body, idempotencyKeyOf(request, principal)));
  });

  app.get('/v1/relationshipinvitations', {
    config: { continuationToken: true },
    schema: {
      tags: ['relationships'],
      summary: "My organisation's invitations, newest first, with their state; keyset paging with MS-ContinuationToken (ours)",
      querystring: invitationListQuerySchema,
      headers: z.object({ [CONTINUATION_HEADER]: z.string().max(2000).optional() }),
      response: { 200: invitationCollectionSchema, ...errors },
    },
  }, async (request) => {
    const page = await relationships.list(requirePrincipal(request), { ...request.query, continuationToken: request.headers[CONTINUATION_HEADER] });
    const self = `/v1/relationshipinvitations?${new URLSearchParams({ ...(request.query.state ? { state: request.query.state } : {}), size: String(request.query.size) })}`;
    return collection(page.items, self, page.next ? { uri: self, continuationToken: page.next } : undefined);
  });

  app.get('/v1/relationshipinvitations/:invitationId', {
    schema: { tags: ['relationships'], summary: 'One invitation of my organisation (ours)', params: invitationParams, response: { 200: invitationSchema, ...errors } },
  }, async (request) => relationships.get(requirePrincipal(request), request.params.invitationId));

  app.post('/v1/relationshipinvitations/:invitationId/resend', {
    schema: {
      tags: ['relationships'],
      summary: 'A new personal link for an unanswered invitation (the old one stops working) and a new expiry (ours)',
      params: invitationParams,
      response: { 200: issuedInvitationSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await relationships.resend(principal, request.params.invitationId, idempotencyKeyOf(request, principal)));
  });

  app.post('/v1/relationshipinvitations/:invitationId/revoke', {
    schema: {
      tags: ['relationships'],
      summary: 'Revoke an unanswered invitation: its link then says so and changes nothing (ours)',
      params: invitationParams,
      response: { 200: invitationSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await relationships.revoke(principal, request.params.invitationId, idempotencyKeyOf(request, principal)));
  });
};
