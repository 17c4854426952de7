import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { Link } from '#contracts/common.ts';
import { customerCollectionSchema, type CustomerFilter, type CustomerSort } from '#contracts/customers.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { followLink } from '../../../app/collection.ts';

export type CustomerSearchField = Exclude<CustomerFilter['Field'], 'IndirectReseller'>;

/** What the list shows: a search inside names or domains, filters and an order. */
export interface CustomerListQuery {
  field: CustomerSearchField;
  /** Found anywhere in the field (the `contains` operator); '' for no search. */
  search: string;
  country: string | null;
  resellerId: string | null;
  sort: CustomerSort;
}

export const CUSTOMERS_PAGE_SIZE = 50;

/** The query parameters of GET /v1/customers, shared with the CSV export so that it holds what the list shows. */
export function customerQueryParams(query: CustomerListQuery): string[] {
  const params: string[] = [];
  if (query.search !== '') {
    const filter: CustomerFilter = { Field: query.field, Value: query.search, Operator: 'contains' };
    params.push(`filter=${encodeURIComponent(JSON.stringify(filter))}`);
  }
  if (query.country !== null) params.push(`country=${encodeURIComponent(query.country)}`);
  if (query.resellerId !== null) params.push(`indirectResellerId=${encodeURIComponent(query.resellerId)}`);
  if (query.sort !== 'companyName') params.push(`sort=${encodeURIComponent(query.sort)}`);
  return params;
}

/** GET /v1/customers/export: every matching customer as CSV, streamed by the server; the browser downloads it. */
export function customersExportUrl(query: CustomerListQuery): string {
  const params = customerQueryParams(query);
  return `/v1/customers/export${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

/** GET /v1/customers: the first page of the customers matching `query`. */
export async function getCustomers(query: CustomerListQuery, signal?: AbortSignal) {
  const params = [`size=${CUSTOMERS_PAGE_SIZE}`, ...customerQueryParams(query)];
  const body = await apiRequest<unknown>(`/v1/customers?${params.join('&')}`, signal ? { signal } : {});
  return customerCollectionSchema.parse(body);
}

/** The next page, through the previous page's `links.next` (its URI and `MS-ContinuationToken`). */
export async function getNextCustomers(next: Link, signal?: AbortSignal) {
  return customerCollectionSchema.parse(await followLink(next, signal));
}

export const customersQueryOptions = (query: CustomerListQuery) =>
  infiniteQueryOptions({
    queryKey: ['customers', 'list', query],
    queryFn: ({ pageParam, signal }) => (pageParam === null ? getCustomers(query, signal) : getNextCustomers(pageParam, signal)),
    initialPageParam: null as Link | null,
    // The last page has no `links.next`.
    getNextPageParam: (lastPage) => lastPage.links.next,
  });

export function useCustomers(query: CustomerListQuery) {
  return useInfiniteQuery({ ...customersQueryOptions(query), placeholderData: keepPreviousData });
}
