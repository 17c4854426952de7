import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { AUDIT_DEFAULT_DAYS, AUDIT_WINDOW_DAYS, auditCollectionSchema, type AuditFilter, type AuditOperationType } from '#contracts/audit.ts';
import type { Link } from '#contracts/common.ts';
import { apiRequest } from '../../../app/api-client.ts';
import { followLink } from '../../../app/collection.ts';

const DAY = 86_400_000;

/** What the Activity log shows: a range of UTC days, and optionally one operation and a company name. */
export interface ActivityQuery {
  /** YYYY-MM-DD (UTC), the first day shown. */
  from: string;
  /** YYYY-MM-DD (UTC), the last day shown, whole. */
  to: string;
  operation: AuditOperationType | null;
  /** Found inside the customer's company name; '' for every customer. */
  company: string;
}

export const ACTIVITY_PAGE_SIZE = 50;

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The days a person may choose: the API keeps 90 days within reach, and the last 30 are shown first. */
export function activityDays(now = Date.now()) {
  return { today: day(now), earliest: day(now - AUDIT_WINDOW_DAYS * DAY), defaultFrom: day(now - AUDIT_DEFAULT_DAYS * DAY) };
}

/** The query parameters of GET /v1/auditrecords, shared with the CSV export so that it holds what the page shows. */
export function activityQueryParams(query: ActivityQuery): string[] {
  const params = [`startDate=${query.from}`, `endDate=${query.to}`];
  const conditions: AuditFilter[] = [];
  if (query.operation !== null) conditions.push({ Field: 'OperationType', Value: query.operation, Operator: 'equals' });
  if (query.company !== '') conditions.push({ Field: 'CompanyName', Value: query.company, Operator: 'substring' });
  // Several conditions at once: the API's filter array (ours), all of which must hold.
  if (conditions.length > 0) params.push(`filter=${encodeURIComponent(JSON.stringify(conditions))}`);
  return params;
}

export function activityExportUrl(query: ActivityQuery): string {
  return `/v1/auditrecords/export?${activityQueryParams(query).join('&')}`;
}

async function getAuditRecords(query: ActivityQuery, signal?: AbortSignal) {
  const body = await apiRequest<unknown>(`/v1/auditrecords?size=${ACTIVITY_PAGE_SIZE}&${activityQueryParams(query).join('&')}`, signal ? { signal } : {});
  return auditCollectionSchema.parse(body);
}

export const auditRecordsQueryOptions = (query: ActivityQuery) =>
  infiniteQueryOptions({
    queryKey: ['auditRecords', query],
    queryFn: async ({ pageParam, signal }) => (pageParam === null ? getAuditRecords(query, signal) : auditCollectionSchema.parse(await followLink(pageParam, signal))),
    initialPageParam: null as Link | null,
    getNextPageParam: (lastPage) => lastPage.links.next,
    // The log changes with every action: read it afresh when the page is opened again.
    staleTime: 0,
  });

export function useAuditRecords(query: ActivityQuery, enabled = true) {
  return useInfiniteQuery({ ...auditRecordsQueryOptions(query), placeholderData: keepPreviousData, enabled });
}
