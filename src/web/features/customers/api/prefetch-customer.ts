import type { QueryClient } from '@tanstack/react-query';
import type { InstanceId } from '#contracts/auth.ts';
import { customerDetailQueryOptions } from './get-customer.ts';
import { customerAgreementsQueryOptions } from './get-customer-agreements.ts';
import { customerEligibilityQueryOptions } from './get-customer-eligibility.ts';
import { customerOrdersQueryOptions } from './get-customer-orders.ts';
import { customerSubscriptionsQueryOptions } from './get-customer-subscriptions.ts';

/**
 * Everything the customer page shows, asked for side by side (the page's sections would otherwise ask
 * only once the customer is there): when a person points at the customer in the list, and on the way to
 * the page. What the cache holds fresh is not asked again; the customer itself usually comes from the
 * list. One that is not known yet (a link from elsewhere) is asked for first, so that a customer that
 * is not there is not asked about three times more. Resolves when all have settled.
 */
export async function prefetchCustomerPage(queryClient: QueryClient, customerId: string, instance: InstanceId): Promise<void> {
  const options = customerDetailQueryOptions(queryClient, customerId);
  const customer = queryClient.prefetchQuery(options);
  if (queryClient.getQueryData(options.queryKey) === undefined) {
    await customer;
    if (queryClient.getQueryData(options.queryKey) === undefined) return; // not found: the page says so
  }
  await Promise.all([
    customer,
    // US Government has no agreement step (SPEC §8): its customers show their eligibility instead.
    instance === 'usgov'
      ? queryClient.prefetchQuery(customerEligibilityQueryOptions(customerId))
      : queryClient.prefetchQuery(customerAgreementsQueryOptions(customerId)),
    queryClient.prefetchQuery(customerSubscriptionsQueryOptions(customerId)),
    queryClient.prefetchQuery(customerOrdersQueryOptions(customerId)),
  ]);
}

/**
 * Waits for prefetches (which never reject) at most `ms`, for a route's loader: a page whose data comes
 * quickly shows whole, in one render, instead of loading first; past `ms` it shows loading.
 */
export async function settledWithin(prefetches: Promise<unknown>, ms = 500): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([prefetches, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
