import type { Link } from '#contracts/common.ts';

export function link(uri: string, method = 'GET', headers: Record<string, string> = {}): Link {
  return { uri, method, headers: Object.entries(headers).map(([key, value]) => ({ key, value })) };
}

/** The URI of GET /v1/offers/{id}?country=: an offer's `uri` and `links.self`, a subscription's `links.offer`. */
export function offerUri(offerId: string, country: string): string {
  return `/v1/offers/${encodeURIComponent(offerId)}?${new URLSearchParams({ country })}`;
}

/** A collection in Partner Center's shape; `next` carries the continuation as a header. */
export function collection<T>(items: T[], selfUri: string, next?: { uri: string; continuationToken?: string | undefined }) {
  return {
    totalCount: items.length,
    items,
    links: {
      self: link(selfUri),
      ...(next ? { next: link(next.uri, 'GET', next.continuationToken ? { 'MS-ContinuationToken': next.continuationToken } : {}) } : {}),
    },
    attributes: { objectType: 'Collection' as const },
  };
}
