import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { Link } from '#contracts/common.ts';
import { customerCollectionSchema, type CustomerFilter } from '#contracts/customers.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { followLink } from '../../../app/collection.ts';

export type CustomerSearchField = Exclude<CustomerFilter['Field'], 'IndirectReseller'>;
export interface CustomerSearch {
  field: CustomerSearchField;
  value: string;
}

export const CUSTOMERS_PAGE_SIZE = 50;

/** GET /v1/customers: the first page, optionally filtered by the start of a company name or domain. */
export async function getCustomers(search: CustomerSearch | null, signal?: AbortSignal) {
  const params = [`size=${CUSTOMERS_PAGE_SIZE}`];
  if (search !== null && search.value !== '') {
    const filter: CustomerFilter = { Field: search.field, Value: search.value, Operator: 'starts_with' };
    params.push(`filter=${encodeURIComponent(JSON.stringify(filter))}`);
  }
  const body = await apiRequest<unknown>(`/v1/customers?${params.join('&')}`, signal ? { signal } : {});
  return customerCollectionSchema.parse(body);
}

/** The next page, through the previous page's `links.next` (its URI and `MS-ContinuationToken`). */
export async function getNextCustomers(next: Link, signal?: AbortSignal) {
  return customerCollectionSchema.parse(await followLink(next, signal));
}

export const customersQueryOptions = (search: CustomerSearch | null) =>
  infiniteQueryOptions({
    queryKey: ['customers', 'list', search],
    queryFn: ({ pageParam, signal }) => (pageParam === null ? getCustomers(search, signal) : getNextCustomers(pageParam, signal)),
    initialPageParam: null as Link | null,
    // The last page has no `links.next`.
    getNextPageParam: (lastPage) => lastPage.links.next,
  });

export function useCustomers(search: CustomerSearch | null) {
  return useInfiniteQuery({ ...customersQueryOptions(search), placeholderData: keepPreviousData });
}
