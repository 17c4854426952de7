/** Only a path on this site may be a place to return to after sign-in (no `//evil.example`). */
export function safeNextPath(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/customers';
}

/** The sign-in page, coming back to `url` afterwards. */
export function signInPath(url: URL): string {
  const next = `${url.pathname}${url.search}`;
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
