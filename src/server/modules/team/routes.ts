import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTINUATION_HEADER, errorResponseSchema } from '#contracts/common.ts';
import {
  createPartnerUserSchema,
  partnerUserCollectionSchema,
  partnerUserListQuerySchema,
  partnerUserRolesSchema,
  partnerUserSchema,
  partnerUserWithPasswordSchema,
  passwordChangeSchema,
} from '#contracts/team.ts';
import { collection } from '#server/lib/links.ts';
import { idempotencyKeyOf, sendOutcome } from '#server/lib/request-key.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { TeamService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const userParams = z.object({ userId: z.guid('userId must be a GUID') });
const OURS = 'Ours: Partner Center has no partner-user API in v1 (its users live in the portal and Microsoft Entra ID). Global admins only (users.manage).';

/** The partner's own team (issue 10 part 5): `/v1/partner/users`, and every user's own password. */
export const teamRoutes: FastifyPluginAsyncZod<{ team: TeamService }> = async (app, { team }) => {
  app.get('/v1/partner/users', {
    config: { continuationToken: true },
    schema: {
      tags: ['team'],
      summary: "My organisation's users, in email order, with roles, state and last sign-in; keyset paging with MS-ContinuationToken",
      description: OURS,
      querystring: partnerUserListQuerySchema,
      headers: z.object({ [CONTINUATION_HEADER]: z.string().max(2000).optional() }),
      response: { 200: partnerUserCollectionSchema, ...errors },
    },
  }, async (request) => {
    const page = await team.list(requirePrincipal(request), { ...request.query, continuationToken: request.headers[CONTINUATION_HEADER] });
    const self = `/v1/partner/users?${new URLSearchParams({ ...(request.query.state ? { state: request.query.state } : {}), size: String(request.query.size) })}`;
    return collection(page.items, self, page.next ? { uri: self, continuationToken: page.next } : undefined);
  });

  app.post('/v1/partner/users', {
    schema: {
      tags: ['team'],
      summary: 'Add a user with its roles: the answer carries its temporary password this once; the user changes it at the first sign-in',
      description: `${OURS} The email is unique over the installation (409 user_email_taken).`,
      body: createPartnerUserSchema,
      response: { 201: partnerUserWithPasswordSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await team.create(principal, request.body, idempotencyKeyOf(request, principal)));
  });

  app.get('/v1/partner/users/:userId', {
    schema: { tags: ['team'], summary: 'One user of my organisation', description: OURS, params: userParams, response: { 200: partnerUserSchema, ...errors } },
  }, async (request) => team.get(requirePrincipal(request), request.params.userId));

  app.put('/v1/partner/users/:userId/roles', {
    schema: {
      tags: ['team'],
      summary: "Set a user's roles (all of them, at least one); the organisation's last active global admin keeps that role (409 last_global_admin)",
      description: OURS,
      params: userParams,
      body: partnerUserRolesSchema,
      response: { 200: partnerUserSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await team.setRoles(principal, request.params.userId, request.body.roles, idempotencyKeyOf(request, principal)));
  });

  app.post('/v1/partner/users/:userId/deactivate', {
    schema: {
      tags: ['team'],
      summary: 'Deactivate a user: its sessions and tokens stop at once, it cannot sign in; not yourself (409 cannot_deactivate_self), not the last global admin',
      description: OURS,
      params: userParams,
      response: { 200: partnerUserSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await team.deactivate(principal, request.params.userId, idempotencyKeyOf(request, principal)));
  });

  app.post('/v1/partner/users/:userId/reactivate', {
    schema: { tags: ['team'], summary: 'Reactivate a user: it can sign in again', description: OURS, params: userParams, response: { 200: partnerUserSchema, ...errors } },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await team.reactivate(principal, request.params.userId, idempotencyKeyOf(request, principal)));
  });

  app.post('/v1/partner/users/:userId/password', {
    schema: {
      tags: ['team'],
      summary: "Reset a user's password: a temporary one in this answer only, to be changed at the next sign-in; its sessions and tokens end",
      description: OURS,
      params: userParams,
      response: { 200: partnerUserWithPasswordSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await team.resetPassword(principal, request.params.userId, idempotencyKeyOf(request, principal)));
  });

  app.post('/api/account/password', {
    // The one thing a user whose password someone else set may do (besides its session and signing out).
    config: { allowWithTemporaryPassword: true },
    schema: {
      tags: ['portal'],
      summary: 'Change my password (current and new): required after a temporary one; my other sessions end',
      body: passwordChangeSchema,
      response: { 204: z.null(), ...errors },
    },
  }, async (request, reply) => {
    await team.changeOwnPassword(requirePrincipal(request), request.body);
    return reply.status(204).send(null);
  });
};
