import type { Link } from '#contracts/common.ts';
import { apiRequest } from './api-client.ts';

/**
 * Partner Center writes `next.uri` relative to its API root (`/customers?seekOperation=Next`); a full
 * path or URL is taken as it is.
 */
export function resolveLinkUri(uri: string): string {
  if (/^https?:\/\//i.test(uri)) {
    const url = new URL(uri);
    return `${url.pathname}${url.search}`;
  }
  if (uri.startsWith('/v1/') || uri.startsWith('/api/')) return uri;
  return `/v1${uri.startsWith('/') ? '' : '/'}${uri}`;
}

/** Fetches what a link (a collection's `links.next`) points at, sending its headers (the `MS-ContinuationToken`). */
export function followLink(link: Link, signal?: AbortSignal): Promise<unknown> {
  const headers = Object.fromEntries(link.headers.map(({ key, value }) => [key, value]));
  return apiRequest<unknown>(resolveLinkUri(link.uri), { headers, ...(signal ? { signal } : {}) });
}
