import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTINUATION_HEADER, errorResponseSchema } from '#contracts/common.ts';
import {
  createCustomerUserRequestSchema,
  customerUserCollectionSchema,
  customerUserListQuerySchema,
  customerUserSchema,
  directoryRoleCollectionSchema,
  licenseUpdateRequestSchema,
  licenseUpdateSchema,
  subscribedSkuCollectionSchema,
  updateCustomerUserRequestSchema,
  userMemberCollectionSchema,
} from '#contracts/customer-users.ts';
import { collection } from '#server/lib/links.ts';
import { idempotencyKeyOf, sendOutcome } from '#server/lib/request-key.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { CustomerUsersService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const customerParams = z.object({ customerId: z.guid('customerId must be a GUID') });
const userParams = customerParams.extend({ userId: z.guid('userId must be a GUID') });

/** /v1/customers/{id}/users, directoryroles and subscribedskus: a customer's users as Partner Center lets a partner support them. */
export const customerUsersRoutes: FastifyPluginAsyncZod<{ customerUsers: CustomerUsersService }> = async (app, { customerUsers }) => {
  // Partner Center's user-account pages: "This scenario supports authentication with App+User credentials only".
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, credentials: 'app+user' };
  });
  app.post('/v1/customers/:customerId/users', {
    schema: {
      tags: ['customer users'],
      summary: 'Create a user account for the customer; the password (given, or generated) is in the answer this once',
      description:
        'Partner Center\'s "Create user accounts for a customer". `userPrincipalName` is `name@<the customer\'s domain>`; `usageLocation` ' +
        'defaults to the customer\'s country (ours); a chosen password has 8 to 256 characters and three of upper case, lower case, digits, symbols. ' +
        'A name the customer already has is a 409. Admin agents and global admins. Idempotent with MS-RequestId.',
      params: customerParams,
      body: createCustomerUserRequestSchema,
      response: { 201: customerUserSchema, ...errors, 409: errorResponseSchema },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await customerUsers.create(principal, request.params.customerId, request.body, idempotencyKeyOf(request, principal)));
  });

  app.get('/v1/customers/:customerId/users', {
    config: { continuationToken: true },
    schema: {
      tags: ['customer users'],
      summary: "The customer's users (not deleted), by user principal name; keyset paging with MS-ContinuationToken",
      description:
        'Partner Center\'s "Get all user accounts for a customer"; a user by user principal name with its filter, URL-encoded JSON ' +
        '`{"Field":"UserPrincipalName","Value":"alex@contoso.onmicrosoft.com","Operator":"equals"}` (case-insensitive). Ours: each user carries its ' +
        '`directoryRoles` and the `licenses` it holds from your subscriptions.',
      params: customerParams,
      querystring: customerUserListQuerySchema,
      headers: z.object({ [CONTINUATION_HEADER]: z.string().max(2000).optional() }),
      response: { 200: customerUserCollectionSchema, ...errors },
    },
  }, async (request) => {
    const { customerId } = request.params;
    const page = await customerUsers.list(requirePrincipal(request), customerId, { size: request.query.size, filter: request.query.filter, continuationToken: request.headers[CONTINUATION_HEADER] });
    return collection(page.items, page.selfUri, page.next);
  });

  app.get('/v1/customers/:customerId/users/:userId', {
    schema: { tags: ['customer users'], summary: 'One user of the customer (404 for a deleted one)', params: userParams, response: { 200: customerUserSchema, ...errors } },
  }, async (request) => customerUsers.get(requirePrincipal(request), request.params.customerId, request.params.userId));

  app.patch('/v1/customers/:customerId/users/:userId', {
    schema: {
      tags: ['customer users'],
      summary: "Update a user; with passwordProfile, reset its password (Partner Center's reset), the new one in the answer this once",
      description:
        'Partner Center\'s "Reset user password for a customer": a CustomerUser with a new `passwordProfile` (a null or absent password is generated). ' +
        'A reset needs an admin agent, helpdesk agent or global admin; changing the names or usage location an admin agent or global admin. ' +
        'The user principal name cannot change (ours). The customer\'s admin is reset where its sign-in reads its password, and its sessions end. Idempotent with MS-RequestId.',
      params: userParams,
      body: updateCustomerUserRequestSchema,
      response: { 200: customerUserSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await customerUsers.update(principal, request.params.customerId, request.params.userId, request.body, idempotencyKeyOf(request, principal)));
  });

  app.delete('/v1/customers/:customerId/users/:userId', {
    schema: {
      tags: ['customer users'],
      summary: 'Delete a user (soft-deleted, as Partner Center does; its licenses are freed); the customer\'s admin cannot be deleted (409)',
      params: userParams,
      response: { 204: z.null(), ...errors, 409: errorResponseSchema },
    },
  }, async (request, reply) => {
    await customerUsers.remove(requirePrincipal(request), request.params.customerId, request.params.userId);
    return reply.status(204).send(null);
  });

  app.get('/v1/customers/:customerId/users/:userId/directoryroles', {
    schema: { tags: ['customer users'], summary: 'The directory roles the user holds', params: userParams, response: { 200: directoryRoleCollectionSchema, ...errors } },
  }, async (request) => {
    const { customerId, userId } = request.params;
    return collection(await customerUsers.userRoles(requirePrincipal(request), customerId, userId), `/v1/customers/${customerId}/users/${userId}/directoryroles`);
  });

  app.post('/v1/customers/:customerId/users/:userId/licenseupdates', {
    schema: {
      tags: ['customer users'],
      summary: 'Assign or remove licenses of the customer\'s subscriptions to a user (never more users than a subscription\'s quantity)',
      description:
        'Partner Center\'s "Assign licenses to a user" (LicenseUpdate). Ours: each license to assign names its `subscriptionId` (one of your active ' +
        'subscriptions of this customer; `skuId`, its offer, is checked when given), and `licensesToRemove` takes subscription ids or SKU ids. ' +
        'A subscription whose licenses are all assigned is a 400 `no_available_licenses`. 201 with the update and the user. Admin agents and global admins.',
      params: userParams,
      body: licenseUpdateRequestSchema,
      response: { 201: licenseUpdateSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    return sendOutcome(reply, await customerUsers.updateLicenses(principal, request.params.customerId, request.params.userId, request.body, idempotencyKeyOf(request, principal)));
  });

  app.get('/v1/customers/:customerId/directoryroles', {
    schema: { tags: ['customer users'], summary: "The directory roles of the customer's tenant", params: customerParams, response: { 200: directoryRoleCollectionSchema, ...errors } },
  }, async (request) => {
    const { customerId } = request.params;
    return collection(await customerUsers.directoryRoles(requirePrincipal(request), customerId), `/v1/customers/${customerId}/directoryroles`);
  });

  app.get('/v1/customers/:customerId/directoryroles/:roleId/usermembers', {
    schema: {
      tags: ['customer users'],
      summary: 'The users who hold a directory role',
      params: customerParams.extend({ roleId: z.string().regex(/^[0-9a-fA-F-]{36}$/, 'roleId must be a directory role id (a GUID)') }),
      response: { 200: userMemberCollectionSchema, ...errors },
    },
  }, async (request) => {
    const { customerId, roleId } = request.params;
    return collection(await customerUsers.roleMembers(requirePrincipal(request), customerId, roleId), `/v1/customers/${customerId}/directoryroles/${roleId}/usermembers`);
  });

  app.get('/v1/customers/:customerId/subscribedskus', {
    schema: {
      tags: ['customer users'],
      summary: "The licenses of the customer's subscriptions with you: per subscription, its units and how many are assigned",
      description: 'Partner Center\'s "Get a list of available licenses" (SubscribedSku). Ours: one item per subscription (Partner Center sums per SKU), with its `subscriptionId`.',
      params: customerParams,
      response: { 200: subscribedSkuCollectionSchema, ...errors },
    },
  }, async (request) => {
    const { customerId } = request.params;
    return collection(await customerUsers.subscribedSkus(requirePrincipal(request), customerId), `/v1/customers/${customerId}/subscribedskus`);
  });
};
