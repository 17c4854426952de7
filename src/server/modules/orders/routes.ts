import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '#contracts/common.ts';
import {
  createOrderRequestSchema,
  orderCollectionSchema,
  orderProvisioningStatusCollectionSchema,
  orderSchema,
  subscriptionCollectionSchema,
  subscriptionSchema,
} from '#contracts/orders.ts';
import { subscriptionListQuerySchema } from '#contracts/subscriptions.ts';
import { collection } from '#server/lib/links.ts';
import { idempotencyKeyOf, sendOutcome } from '#server/lib/request-key.ts';
import { requirePrincipal } from '#server/plugins/auth.ts';
import type { OrdersService } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const customerParams = z.object({ customerId: z.guid('customerId must be a GUID') });
const orderParams = customerParams.extend({ orderId: z.guid('orderId must be a GUID') });

export const ordersRoutes: FastifyPluginAsyncZod<{ orders: OrdersService }> = async (app, { orders }) => {
  app.post('/v1/customers/:customerId/orders', {
    schema: { tags: ['orders'], summary: 'Place an order: a subscription per line item', params: customerParams, body: createOrderRequestSchema, response: { 201: orderSchema, ...errors } },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const outcome = await orders.create(principal, request.params.customerId, request.body, idempotencyKeyOf(request, principal));
    return sendOutcome(reply, outcome);
  });

  app.get('/v1/customers/:customerId/orders', {
    schema: { tags: ['orders'], summary: "The customer's orders placed by my organisation", params: customerParams, response: { 200: orderCollectionSchema, ...errors } },
  }, async (request) => collection(await orders.list(requirePrincipal(request), request.params.customerId), `/v1/customers/${request.params.customerId}/orders`));

  app.get('/v1/customers/:customerId/orders/:orderId', {
    schema: { tags: ['orders'], summary: 'One order', params: orderParams, response: { 200: orderSchema, ...errors } },
  }, async (request) => orders.get(requirePrincipal(request), request.params.customerId, request.params.orderId));

  app.get('/v1/customers/:customerId/orders/:orderId/provisioningstatus', {
    // Partner Center takes app + user credentials only for this call.
    config: { credentials: 'app+user' },
    schema: { tags: ['orders'], summary: "The provisioning status of each of the order's lines", params: orderParams, response: { 200: orderProvisioningStatusCollectionSchema, ...errors } },
  }, async (request) => {
    const { customerId, orderId } = request.params;
    return collection(await orders.provisioningStatus(requirePrincipal(request), customerId, orderId), `/v1/customers/${customerId}/orders/${orderId}/provisioningstatus`);
  });

  app.get('/v1/customers/:customerId/subscriptions', {
    schema: {
      tags: ['orders'],
      summary: "The customer's subscriptions with my organisation: all, those of an order (order_id) or those of a partner on record (mpn_id)",
      params: customerParams,
      querystring: subscriptionListQuerySchema,
      response: { 200: subscriptionCollectionSchema, ...errors },
    },
  }, async (request) => {
    const { customerId } = request.params;
    const filters = new URLSearchParams(Object.entries(request.query).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const self = `/v1/customers/${customerId}/subscriptions${filters.size > 0 ? `?${filters}` : ''}`;
    return collection(await orders.listSubscriptions(requirePrincipal(request), customerId, request.query), self);
  });

  app.get('/v1/customers/:customerId/subscriptions/:subscriptionId', {
    schema: { tags: ['orders'], summary: 'One subscription', params: customerParams.extend({ subscriptionId: z.guid('subscriptionId must be a GUID') }), response: { 200: subscriptionSchema, ...errors } },
  }, async (request) => orders.getSubscription(requirePrincipal(request), request.params.customerId, request.params.subscriptionId));
};
