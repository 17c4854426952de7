import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '#contracts/common.ts';
import { subscriptionSchema } from '#contracts/orders.ts';
import { subscriptionChangeCollectionSchema, updateSubscriptionRequestSchema } from '#contracts/subscriptions.ts';
import { collection } from '#server/lib/links.ts';
import { idempotencyKeyOf, sendOutcome } from '#server/lib/request-key.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { SubscriptionsService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 412: errorResponseSchema };
const subscriptionParams = z.object({ customerId: z.guid('customerId must be a GUID'), subscriptionId: z.guid('subscriptionId must be a GUID') });

/** Changing a subscription and its history (issue 10); reading one stays with the orders module. */
export const subscriptionsRoutes: FastifyPluginAsyncZod<{ subscriptions: SubscriptionsService }> = async (app, { subscriptions }) => {
  app.patch('/v1/customers/:customerId/subscriptions/:subscriptionId', {
    schema: {
      tags: ['subscriptions'],
      summary: 'Change a subscription: licenses, suspend or reactivate, friendly name, auto-renew. The body is the subscription as read; If-Match (or attributes.etag) refuses a lost update (412)',
      params: subscriptionParams,
      headers: z.object({ 'if-match': z.string().max(40, 'If-Match must be the etag the subscription was read with, e.g. W/"3"').optional() }),
      body: updateSubscriptionRequestSchema,
      response: { 200: subscriptionSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const { customerId, subscriptionId } = request.params;
    const outcome = await subscriptions.update(principal, customerId, subscriptionId, request.body, request.headers['if-match'], idempotencyKeyOf(request, principal));
    return sendOutcome(reply, outcome);
  });

  app.get('/v1/customers/:customerId/subscriptions/:subscriptionId/changes', {
    schema: { tags: ['subscriptions'], summary: "A subscription's changes, latest first (ours): who changed what, when, from which value to which", params: subscriptionParams, response: { 200: subscriptionChangeCollectionSchema, ...errors } },
  }, async (request) => {
    const { customerId, subscriptionId } = request.params;
    return collection(await subscriptions.listChanges(requirePrincipal(request), customerId, subscriptionId), `/v1/customers/${customerId}/subscriptions/${subscriptionId}/changes`);
  });
};
