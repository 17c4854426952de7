import type { OrderLineItemProvisioningStatus } from '#contracts/orders.ts';
import type { OrderRow } from './repository.ts';

/**
 * Partner Center's provisioning status of each line (order-resources, OrderLineItemProvisioningStatus).
 * Orders here are fulfilled as they are placed, so a line's status is its order's: fulfilled once
 * completed, unfulfilled when cancelled, pending before. What became of a subscription later (suspended,
 * cancelled) is the subscription's status, not its provisioning's.
 */
export function provisioningStatusOf(order: OrderRow): OrderLineItemProvisioningStatus[] {
  const status = lineStatus[order.status];
  return order.lineItems.map((item) => ({
    orderLineItemId: item.line_item_number,
    lineItemNumber: item.line_item_number,
    status,
    quantityProvisioningInformation: [{ quantity: item.quantity, status }],
    subscriptionId: item.subscription_id,
  }));
}

const lineStatus: Record<OrderRow['status'], OrderLineItemProvisioningStatus['status']> = {
  completed: 'fulfilled',
  cancelled: 'unfulfilled',
  pending: 'prefulfillmentPending',
};
